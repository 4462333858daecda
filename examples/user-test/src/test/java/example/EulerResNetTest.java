package example;

import static org.assertj.core.api.Assertions.within;
import static org.resnetode.assertions.ConvergenceAssertions.assertThatErrors;

import org.junit.jupiter.api.Test;
import org.resnetode.claim.DistanceMeasurement;
import org.resnetode.gradient.Adjoint;
import org.resnetode.gradient.Backprop;
import org.resnetode.model.DepthProfile;
import org.resnetode.model.DepthProfiles;
import org.resnetode.model.Families;
import org.resnetode.model.ResidualFunction;
import org.resnetode.model.Weights;
import org.resnetode.scheme.ResNet;
import org.resnetode.scheme.Scheme;

/** A user's tests: the Euler ResNet converges to its Neural ODE at rate 1, and so does the adjoint's gradient. */
class EulerResNetTest {
    static final int[] DEPTHS = {16, 32, 64, 128, 256};
    final ResidualFunction f = Families.create("tanh", 4, 4);
    final DepthProfile smooth = DepthProfiles.create("fourier", f, 7L, 0.5, false);
    final Scheme euler = Scheme.byName("euler");
    final double[] x0 = {0.5, -0.5, 0.5, -0.5};

    @Test
    void theResNetConvergesToItsNeuralOdeAtRateOneWithinTheBound() {
        double[] errors = new double[DEPTHS.length];
        double[] bounds = new double[DEPTHS.length];
        for (int i = 0; i < DEPTHS.length; i++) {
            DistanceMeasurement m = DistanceMeasurement.measure(f, smooth, euler, DEPTHS[i], x0);
            errors[i] = m.error();
            bounds[i] = m.bound();
        }
        assertThatErrors(DEPTHS, errors).convergesAtRate(1.0, within(0.1)).isBoundedBy(bounds);
    }

    @Test
    void theAdjointsGradientErrorConvergesAtRateOne() {
        double[] errors = new double[DEPTHS.length];
        for (int i = 0; i < DEPTHS.length; i++) {
            ResNet net = new ResNet(f, euler, Weights.sample(smooth, euler.weightCount(DEPTHS[i]), DEPTHS[i]), DEPTHS[i]);
            double[] exact = new double[net.weights().data().length];
            double[] adjoint = new double[exact.length];
            double[][] inputs = {x0};
            double[][] targets = {{0, 0, 0, 1}};
            new Backprop().compute(net, inputs, targets, exact);
            new Adjoint().compute(net, inputs, targets, adjoint);
            errors[i] = ApiTour.relativeError(adjoint, exact);
        }
        assertThatErrors(DEPTHS, errors).convergesAtRate(1.0, within(0.1));
    }

    @Test
    void theApiTourRuns() {
        ApiTour.main(new String[0]);
    }
}
