package org.resnetode.claim;

import org.resnetode.bound.BoundResult;
import org.resnetode.bound.CertifiedBound;
import org.resnetode.model.Constants;
import org.resnetode.model.DepthProfile;
import org.resnetode.model.Norms;
import org.resnetode.model.ResidualFunction;
import org.resnetode.model.Weights;
import org.resnetode.ode.MeasuredDistance;
import org.resnetode.ode.OdeReference;
import org.resnetode.ode.OdeSolution;
import org.resnetode.scheme.ResNet;
import org.resnetode.scheme.Scheme;

/**
 * One depth of Claim D: the distance {@code ||x_N - x(T)||} between a ResNet and its Neural ODE,
 * and (for the Euler scheme) the bound {@code e^{L_x} (1/(2N)) (L_x M + L_θ TV)} of MATH.md section 2.
 *
 * @param bound   NaN when the scheme is not Euler (the bound is proved for Euler only)
 * @param refusal why the row is not a measurement (the ODE reference could not be made 1000× more accurate than
 *                the error, overflowed, or its solver gave up), null when it is accepted
 * @param certified the certified a-posteriori bound of {@link CertifiedBound} (every scheme; it does not use the
 *                reference), or under the negative control {@code no-propagation} the local errors summed without
 *                growth factors; NaN when not computed
 */
public record DistanceMeasurement(int depth, double error, double bound, double totalVariation,
                                  Constants constants, double radius, double odeTolerance,
                                  double odeSelfCheck, String refusal, double certified) {

    /** A row without the certified bound. */
    public DistanceMeasurement(int depth, double error, double bound, double totalVariation, Constants constants,
                               double radius, double odeTolerance, double odeSelfCheck, String refusal) {
        this(depth, error, bound, totalVariation, constants, radius, odeTolerance, odeSelfCheck, refusal, Double.NaN);
    }

    /** {@code error / certified}: the certified bound's tightness, in (0, 1] when it holds. */
    public double certifiedTightness() {
        return error / certified;
    }

    /** True when the row is a measurement: the reference is accurate enough for its error. */
    public boolean accepted() {
        return refusal == null;
    }

    /**
     * {@code error / bound}: the bound's tightness, in (0, 1] when the bound holds; NaN (written as null)
     * for the identity network (all θ_n = 0), where error and bound are both exactly 0.
     */
    public double tightness() {
        return error / bound;
    }

    /** Measures a depth-{@code depth} network whose weights are sampled from {@code profile}. */
    public static DistanceMeasurement measure(ResidualFunction f, DepthProfile profile, Scheme scheme, int depth, double[] x0) {
        Weights weights = Weights.sample(profile, scheme.weightCount(depth), depth);
        return measure(f, weights, scheme, depth, x0);
    }

    /**
     * Runs the depth-{@code depth} network on {@code x0} and measures {@code ||x_N - x(T)||} against the certified Neural ODE
     * reference of the same weights (piecewise linear in t), with the Euler bound of MATH.md section 2.
     */
    public static DistanceMeasurement measure(ResidualFunction f, Weights weights, Scheme scheme, int depth, double[] x0) {
        return measure(f, weights, scheme, scheme, depth, x0, true);
    }

    /**
     * As {@link #measure(ResidualFunction, Weights, Scheme, int, double[])}, with the network stepping with {@code network}
     * (a negative control's broken scheme) while the bound is the one stated for {@code scheme}; without {@code propagate}
     * the certified column holds the negative control's local errors summed without growth factors.
     */
    static DistanceMeasurement measure(ResidualFunction f, Weights weights, Scheme scheme, Scheme network, int depth,
                                       double[] x0, boolean propagate) {
        ResNet net = new ResNet(f, network, weights, depth);
        double[] xN = new double[x0.length];
        net.forward(x0, xN);
        double certified = certified(net, x0, xN, propagate);
        double h = net.stepSize();
        MeasuredDistance measured = new OdeReference(f, weights, h).distance(x0, net.finalTime(), xN);
        double[] normBounds = weights.maxNorms(f);
        double tv = weights.totalVariation();
        OdeSolution reference = measured.reference();
        if (reference == null) {
            Constants c = f.constants(normBounds, Double.NaN);
            return new DistanceMeasurement(depth, measured.distance(), Double.NaN, tv, c, Double.NaN, Double.NaN,
                    Double.NaN, measured.refusal(), certified);
        }
        // Every family has f(0, θ) = 0, so ||x'|| <= L_x ||x|| and between knots ||x(s)|| <= ||x(t_k)|| e^{L_x h}:
        // the ball of that radius holds the whole ODE trajectory (1e-9 covers the reference's own error).
        double lx = f.constants(normBounds, 0).lx();
        double radius = reference.maxKnotNorm() * Math.exp(lx * h) * (1 + 1e-9);
        Constants c = f.constants(normBounds, radius);
        double bound = scheme.equals(Scheme.EULER) ? eulerBound(c, tv, depth) : Double.NaN;
        return new DistanceMeasurement(depth, measured.distance(), bound, tv, c, radius,
                reference.tolerance(), reference.selfCheckDifference(), measured.refusal(), certified);
    }

    /** The certified bound of {@code net}'s output, or (without {@code propagate}) the local errors summed without growth. */
    private static double certified(ResNet net, double[] x0, double[] xN, boolean propagate) {
        CertifiedBound b = new CertifiedBound(net);
        if (propagate) {
            BoundResult r = b.certify(x0, xN);
            return r.bound();
        }
        return b.localErrorSum(net.trajectory(x0));
    }

    /** The Euler bound of MATH.md section 2: {@code e^{L_x} (1/(2N)) (L_x M + L_θ TV)}. */
    static double eulerBound(Constants c, double totalVariation, int depth) {
        return Math.exp(c.lx()) / (2.0 * depth) * (c.lx() * c.m() + c.lTheta() * totalVariation);
    }

    /** Unit-norm input drawn from the seed: {@code x_0 = ξ/||ξ||}, ξ standard normal. */
    public static double[] unitInput(int dim, long seed) {
        java.util.SplittableRandom rng = new java.util.SplittableRandom(seed ^ 0x5DEECE66DL);
        double[] x = new double[dim];
        for (int i = 0; i < dim; i++) {
            x[i] = org.resnetode.model.Gaussian.next(rng);
        }
        double norm = Norms.euclidean(x);
        for (int i = 0; i < dim; i++) {
            x[i] /= norm;
        }
        return x;
    }
}
