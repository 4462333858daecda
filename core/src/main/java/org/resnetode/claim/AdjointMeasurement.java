package org.resnetode.claim;

import java.util.SplittableRandom;
import org.resnetode.gradient.GradientMethod;
import org.resnetode.gradient.Backprop;
import org.resnetode.model.DepthProfile;
import org.resnetode.model.Gaussian;
import org.resnetode.model.Norms;
import org.resnetode.model.ResidualFunction;
import org.resnetode.model.Weights;
import org.resnetode.scheme.ResNet;
import org.resnetode.scheme.Scheme;

/**
 * One depth of Claims A and H: how far the adjoint's recovered activations are from the true ones,
 * {@code max_{i,n} ||x~_n - x_n||}, and the relative error of its gradient against exact backprop,
 * {@code ||g_adjoint - g_backprop|| / ||g_backprop||}.
 */
public record AdjointMeasurement(int depth, double recoveryError, double gradientError, double gradientNorm,
                                 double loss, long backpropStored, long adjointStored) {

    public static AdjointMeasurement measure(ResidualFunction f, DepthProfile profile, Scheme scheme, int depth,
                                             double[][] inputs, double[][] targets) {
        return measure(f, profile, scheme, depth, inputs, targets, Control.NONE);
    }

    /** As above, with the adjoint of a negative {@link Control} ({@link Control#WRONG_REVERSE}) in place of the real one. */
    static AdjointMeasurement measure(ResidualFunction f, DepthProfile profile, Scheme scheme, int depth,
                                      double[][] inputs, double[][] targets, Control control) {
        Weights weights = Weights.sample(profile, scheme.weightCount(depth), depth);
        return measure(new ResNet(f, scheme, weights, depth), inputs, targets, control);
    }

    /** Measures a given network on a given batch (e.g. one read from a file by {@code inspect}). */
    public static AdjointMeasurement measure(ResNet net, double[][] inputs, double[][] targets) {
        return measure(net, inputs, targets, Control.NONE);
    }

    private static AdjointMeasurement measure(ResNet net, double[][] inputs, double[][] targets, Control control) {
        Weights weights = net.weights();
        int depth = net.depth();
        double[][][] trajectories = new double[inputs.length][][];
        for (int i = 0; i < inputs.length; i++) {
            trajectories[i] = net.trajectory(inputs[i]);
        }
        double[] recovery = {0};
        GradientMethod adjoint = ControlAdjoints.adjoint(control, (i, n, xTilde) -> recovery[0] = Math.max(recovery[0],
                Norms.distance(xTilde, 0, trajectories[i][n], 0, xTilde.length)));
        double[] exact = new double[weights.data().length];
        var bp = new Backprop().compute(net, inputs, targets, exact);
        double[] approx = new double[exact.length];
        var adj = adjoint.compute(net, inputs, targets, approx);
        double norm = Norms.euclidean(exact);
        double error = Norms.distance(approx, 0, exact, 0, exact.length) / norm;
        return new AdjointMeasurement(depth, recovery[0], error, norm, bp.loss(), bp.storedStateDoubles(), adj.storedStateDoubles());
    }

    /**
     * A batch drawn from the seed: inputs on the unit sphere, targets {@code y_i = x_i + ξ_i/2} so that the
     * loss gradient does not vanish.
     */
    public static double[][][] batch(int size, int dim, long seed) {
        SplittableRandom rng = new SplittableRandom(seed ^ 0xB47C4L);
        double[][] x = new double[size][dim];
        double[][] y = new double[size][dim];
        for (int i = 0; i < size; i++) {
            for (int k = 0; k < dim; k++) {
                x[i][k] = Gaussian.next(rng);
            }
            double norm = Norms.euclidean(x[i]);
            for (int k = 0; k < dim; k++) {
                x[i][k] /= norm;
                y[i][k] = x[i][k] + 0.5 * Gaussian.next(rng);
            }
        }
        return new double[][][] {x, y};
    }
}
