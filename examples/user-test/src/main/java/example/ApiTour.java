package example;

import org.resnetode.claim.ClaimResult;
import org.resnetode.claim.DistanceClaim;
import org.resnetode.claim.DistanceMeasurement;
import org.resnetode.claim.SweepConfig;
import org.resnetode.gradient.Adjoint;
import org.resnetode.gradient.Backprop;
import org.resnetode.gradient.GradientMethod;
import org.resnetode.model.DepthProfile;
import org.resnetode.model.DepthProfiles;
import org.resnetode.model.Families;
import org.resnetode.model.ResidualFunction;
import org.resnetode.model.Weights;
import org.resnetode.scheme.ResNet;
import org.resnetode.scheme.Scheme;

/** The tour of docs/API.md: a network, a scheme, a profile; a distance, two gradients, a whole claim. */
public final class ApiTour {
    private ApiTour() {
    }

    public static void main(String[] args) {
        // 1. the residual function f(x, W) = tanh(W x) in dimension 4, weights smooth in depth (a Fourier series)
        ResidualFunction f = Families.create("tanh", 4, 4);
        DepthProfile profile = DepthProfiles.create("fourier", f, 7L, 0.5, false);
        Scheme euler = Scheme.byName("euler");

        // 2. the depth-64 Euler ResNet x_{n+1} = x_n + (1/64) tanh(W_n x_n), W_n = W(n/64)
        int depth = 64;
        Weights weights = Weights.sample(profile, euler.weightCount(depth), depth);
        ResNet net = new ResNet(f, euler, weights, depth);
        double[] x0 = {0.5, -0.5, 0.5, -0.5};
        double[] xN = new double[4];
        net.forward(x0, xN);

        // 3. its distance to the Neural ODE x' = tanh(W(t) x), with the Euler bound of MATH.md section 2
        DistanceMeasurement d = DistanceMeasurement.measure(f, weights, euler, depth, x0);
        System.out.printf("||x_N - x(1)|| = %.3e, bound %.3e, tightness %.3f%n", d.error(), d.bound(), d.tightness());

        // 4. the gradient of ½ mean ||x_N - y||² by exact backprop and by the memory-free adjoint
        double[][] inputs = {x0};
        double[][] targets = {{0, 0, 0, 1}};
        double[] exact = new double[weights.data().length];
        double[] adjoint = new double[exact.length];
        GradientMethod backprop = new Backprop();
        backprop.compute(net, inputs, targets, exact);
        new Adjoint().compute(net, inputs, targets, adjoint);
        System.out.printf("adjoint against backprop: relative error %.3e%n", relativeError(adjoint, exact));

        // 5. a whole claim: Claim D over a ladder of depths, with its verdict and fitted rate
        SweepConfig config = new SweepConfig("tanh", "fourier", "euler", 4, 4, new int[] {16, 32, 64, 128, 256, 512}, 7L, 0.5, false, 32, 0);
        ClaimResult result = DistanceClaim.run(config, line -> { });
        System.out.println("Claim D: " + result.verdict().label());
        result.notes().forEach(note -> System.out.println("  " + note));
    }

    static double relativeError(double[] a, double[] b) {
        double diff = 0;
        double norm = 0;
        for (int i = 0; i < a.length; i++) {
            diff += (a[i] - b[i]) * (a[i] - b[i]);
            norm += b[i] * b[i];
        }
        return Math.sqrt(diff / norm);
    }
}
