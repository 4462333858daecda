package org.resnetode.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.resnetode.TestVectors.centralDifference;
import static org.resnetode.TestVectors.gaussian;
import static org.resnetode.TestVectors.relativeError;

import java.util.SplittableRandom;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import java.util.stream.Stream;

/**
 * The VJPs of every family against central finite differences of {@code value}: the scalar
 * {@code L(x, θ) = <p, f(x, θ)>} has gradient {@code ((∂_x f)^T p, (∂_θ f)^T p)}, and each of its
 * partial derivatives is approximated by {@code (L(+ε) - L(-ε)) / 2ε} with ε = 1e-6.
 */
class VectorJacobianProductTest {
    private static final double STEP = 1e-6;
    private static final double TOLERANCE = 1e-7;

    static Stream<Arguments> cases() {
        return Stream.of(
                Arguments.of("linear", 1, 0, 11L),
                Arguments.of("linear", 4, 0, 12L),
                Arguments.of("tanh", 1, 0, 13L),
                Arguments.of("tanh", 3, 0, 14L),
                Arguments.of("tanh", 6, 0, 15L),
                Arguments.of("mlp", 2, 5, 16L),
                Arguments.of("mlp", 4, 3, 17L),
                Arguments.of("mlp", 3, 7, 18L),
                Arguments.of("mlp", 1, 4, 19L),
                Arguments.of("theta2", 1, 0, 20L),
                Arguments.of("theta2", 1, 0, 21L));
    }

    @ParameterizedTest(name = "{0} d={1} hidden={2} seed={3}")
    @MethodSource("cases")
    void vjpMatchesCentralDifferencesInXAndTheta(String name, int d, int hidden, long seed) {
        ResidualFunction f = Families.create(name, d, hidden);
        SplittableRandom rng = new SplittableRandom(seed);
        int p = f.parameterCount();
        int off = 3;                       // θ not at the start of its array
        double[] theta = new double[off + p + 2];
        for (int i = 0; i < theta.length; i++) {
            theta[i] = 1.5 * Gaussian.next(rng) / Math.sqrt(d);
        }
        if (name.equals("theta2")) {
            theta[off] = 0.8;              // away from the stationary point θ = 0
        }
        double[] x = gaussian(rng, d, 1.2);
        double[] dir = gaussian(rng, d, 1.0);
        double[] work = new double[f.workSize()];

        double[] gx = new double[d];
        java.util.Arrays.fill(gx, 1e3);    // garbage: vjp must overwrite it
        int gOff = 2;
        double[] gTheta = new double[gOff + p + 1];
        f.vjp(theta, off, x, dir, gx, gTheta, gOff, work);

        double[] fdX = centralDifference(v -> loss(f, theta, off, v, dir), x, 0, d, STEP);
        double[] fdTheta = centralDifference(t -> loss(f, t, off, x, dir), theta, off, p, STEP);
        assertThat(relativeError(gx, 0, fdX)).as("gx of %s", name).isLessThan(TOLERANCE);
        assertThat(relativeError(gTheta, gOff, fdTheta)).as("gθ of %s", name).isLessThan(TOLERANCE);
        assertThat(gTheta[0]).isZero();
        assertThat(gTheta[1]).isZero();
        assertThat(gTheta[gOff + p]).as("no write past the block").isZero();
    }

    @ParameterizedTest(name = "{0} d={1} hidden={2} seed={3}")
    @MethodSource("cases")
    void vjpAccumulatesIntoGThetaAndOverwritesGx(String name, int d, int hidden, long seed) {
        ResidualFunction f = Families.create(name, d, hidden);
        SplittableRandom rng = new SplittableRandom(seed + 1000);
        int p = f.parameterCount();
        double[] theta = gaussian(rng, p, 1.0);
        double[] x = gaussian(rng, d, 1.0);
        double[] dir = gaussian(rng, d, 1.0);
        double[] work = new double[f.workSize()];

        double[] gxClean = new double[d];
        double[] gClean = new double[p];
        f.vjp(theta, 0, x, dir, gxClean, gClean, 0, work);

        double[] prior = gaussian(rng, p, 5.0);
        double[] gAcc = prior.clone();
        double[] gxDirty = gaussian(rng, d, 7.0);
        f.vjp(theta, 0, x, dir, gxDirty, gAcc, 0, work);
        for (int j = 0; j < p; j++) {
            assertThat(gAcc[j]).as("gθ[%d] = prior + gradient", j)
                    .isCloseTo(prior[j] + gClean[j], org.assertj.core.data.Offset.offset(1e-13 * (1 + Math.abs(prior[j]))));
        }
        assertThat(gxDirty).as("gx is overwritten, not accumulated").containsExactly(gxClean);
        assertThat(norm(gClean)).as("the test needs a non-zero gradient").isGreaterThan(1e-3);
    }

    @ParameterizedTest(name = "{0} d={1} hidden={2} seed={3}")
    @MethodSource("cases")
    void valueDoesNotDependOnStaleWorkOrOutputContents(String name, int d, int hidden, long seed) {
        ResidualFunction f = Families.create(name, d, hidden);
        SplittableRandom rng = new SplittableRandom(seed + 2000);
        double[] theta = gaussian(rng, f.parameterCount(), 1.0);
        double[] x = gaussian(rng, d, 1.0);
        double[] a = new double[d];
        double[] b = gaussian(rng, d, 9.0);
        double[] workA = new double[f.workSize()];
        double[] workB = gaussian(rng, f.workSize(), 9.0);
        f.value(theta, 0, x, a, workA);
        f.value(theta, 0, x, b, workB);
        assertThat(b).containsExactly(a);
    }

    /** {@code <p, f(x, θ)>} from {@code value}. */
    private static double loss(ResidualFunction f, double[] theta, int off, double[] x, double[] p) {
        double[] out = new double[f.dim()];
        f.value(theta, off, x, out, new double[f.workSize()]);
        double s = 0;
        for (int i = 0; i < out.length; i++) {
            s += p[i] * out[i];
        }
        return s;
    }


    private static double norm(double[] v) {
        return Norms.euclidean(v);
    }

}
