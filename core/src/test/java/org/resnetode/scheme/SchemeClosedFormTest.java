package org.resnetode.scheme;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.SplittableRandom;
import java.util.function.DoubleUnaryOperator;
import org.junit.jupiter.api.Test;
import org.resnetode.model.Families;
import org.resnetode.model.ResidualFunction;
import org.resnetode.model.Weights;

/**
 * Schemes on the scalar linear ODE {@code x' = a(t) x} (family linear, d = 1), where one step of each
 * scheme multiplies the state by a closed-form factor. Tolerances follow the rounding analysis: each step
 * and each factor of the reference product carries a few ulps of the sum of its terms' magnitudes, so N
 * steps agree to ~N ulps of the product of those magnitudes; 10 N ulps of it are allowed.
 */
class SchemeClosedFormTest {
    private static final double ULP1 = Math.ulp(1.0);
    private static final ResidualFunction SCALAR = Families.create("linear", 1, 0);

    @Test
    void eulerWithConstantWeightIsTheCompoundInterestFormula() {
        for (double a : new double[] {-2.5, -0.3, 0.7, 1, 3}) {
            for (int n : new int[] {1, 2, 7, 64, 1000}) {
                double x0 = 1.7;
                double expected = x0 * Math.pow(1 + a / n, n);
                double scale = x0 * Math.pow(1 + Math.abs(a) / n, n);
                assertThat(run(Scheme.EULER, constant(a, n), n, x0)).as("a=%s N=%d", a, n)
                        .isCloseTo(expected, within(10 * n * ULP1 * scale));
            }
        }
    }

    @Test
    void heunWithConstantWeightMultipliesByTheSecondOrderTaylorFactor() {
        for (double a : new double[] {-2.5, -0.3, 0.7, 1, 3}) {
            for (int n : new int[] {1, 2, 7, 64, 1000}) {
                double h = 1.0 / n;
                double expected = -0.4 * Math.pow(1 + a * h + a * a * h * h / 2, n);
                double scale = 0.4 * Math.pow(1 + Math.abs(a) * h + a * a * h * h / 2, n);
                assertThat(run(Scheme.HEUN, constant(a, n + 1), n, -0.4)).as("a=%s N=%d", a, n)
                        .isCloseTo(expected, within(10 * n * ULP1 * scale));
            }
        }
    }

    /**
     * k1 = a_n x, k2 = a_{n+1}(x + h k1) = a_{n+1}(1 + h a_n) x, so
     * x_{n+1} = x (1 + h(a_n + a_{n+1})/2 + h² a_n a_{n+1}/2).
     */
    @Test
    void heunWithTimeVaryingWeightsIsTheProductOfStepFactors() {
        SplittableRandom rng = new SplittableRandom(17);
        for (int n : new int[] {1, 3, 16, 200}) {
            double[] a = new double[n + 1];
            for (int i = 0; i <= n; i++) {
                a[i] = 4 * rng.nextDouble() - 2;
            }
            double expected = 2.0 * heunProduct(a, n, 1.0 / n, false);
            assertThat(run(Scheme.HEUN, new Weights(n + 1, 1, a), n, 2.0))
                    .isCloseTo(expected, within(10 * n * ULP1 * 2.0 * heunProduct(a, n, 1.0 / n, true)));
        }
    }

    /** Reference convention: N-1 steps of size 1/N over θ_0..θ_{N-1}, ending at (N-1)/N. */
    @Test
    void heunReferenceConventionRunsNMinusOneStepsOverNWeights() {
        SplittableRandom rng = new SplittableRandom(23);
        for (int n : new int[] {2, 3, 10, 128}) {
            double[] a = new double[n];
            for (int i = 0; i < n; i++) {
                a[i] = 3 * rng.nextDouble() - 1;
            }
            ResNet net = new ResNet(SCALAR, Scheme.HEUN_REFERENCE, new Weights(n, 1, a), n);
            assertThat(net.steps()).isEqualTo(n - 1);
            assertThat(net.stepSize()).isEqualTo(1.0 / n);
            assertThat(net.finalTime()).isCloseTo((n - 1.0) / n, within(ULP1));
            double expected = 0.9 * heunProduct(a, n - 1, 1.0 / n, false);
            double[] out = new double[1];
            net.forward(new double[] {0.9}, out);
            assertThat(out[0]).isCloseTo(expected, within(10 * n * ULP1 * 0.9 * heunProduct(a, n - 1, 1.0 / n, true)));
        }
        assertThat(Scheme.HEUN_REFERENCE.weightCount(5)).isEqualTo(5);
        assertThat(Scheme.HEUN.weightCount(5)).isEqualTo(6);
        assertThat(Scheme.EULER.weightCount(5)).isEqualTo(5);
    }

    /** {@code (1 + a/N)^N = e^a (1 - a²/(2N) + O(1/N²))}: ratio e(N)/e(2N) → 2, N e(N) → e^a a²/2. */
    @Test
    void eulerErrorDecaysAtOrderOneWithTheTheoreticalConstant() {
        double a = 1;
        double[] err = new double[4];
        int[] depths = {128, 256, 512, 1024};
        for (int i = 0; i < depths.length; i++) {
            err[i] = Math.exp(a) - run(Scheme.EULER, constant(a, depths[i]), depths[i], 1);
        }
        for (int i = 0; i + 1 < depths.length; i++) {
            assertThat(err[i] / err[i + 1]).isCloseTo(2, within(0.02));
        }
        assertThat(depths[3] * err[3]).isCloseTo(Math.exp(a) * a * a / 2, within(0.01 * Math.exp(a) * a * a / 2));
    }

    /** {@code (1 + z + z²/2)^N = e^{a - a³/(6N²) + O(1/N³)}}: ratio → 4, N² e(N) → e^a a³/6. */
    @Test
    void heunErrorDecaysAtOrderTwoWithTheTheoreticalConstant() {
        double a = 1;
        double[] err = new double[4];
        int[] depths = {32, 64, 128, 256};
        for (int i = 0; i < depths.length; i++) {
            err[i] = Math.exp(a) - run(Scheme.HEUN, constant(a, depths[i] + 1), depths[i], 1);
        }
        for (int i = 0; i + 1 < depths.length; i++) {
            assertThat(err[i] / err[i + 1]).isCloseTo(4, within(0.1));
        }
        double n = depths[3];
        assertThat(n * n * err[3]).isCloseTo(Math.exp(a) / 6, within(0.01 * Math.exp(a) / 6));
    }

    /** Smooth a(t) = cos 2t + 0.3: both schemes converge to exp(∫a) = exp(sin(2)/2 + 0.3) at orders 1 and 2. */
    @Test
    void timeVaryingSmoothWeightsConvergeAtOrdersOneAndTwo() {
        DoubleUnaryOperator a = t -> Math.cos(2 * t) + 0.3;
        double exact = Math.exp(Math.sin(2) / 2 + 0.3);
        int[] depths = {64, 128, 256, 512};
        double[] euler = new double[depths.length];
        double[] heun = new double[depths.length];
        for (int i = 0; i < depths.length; i++) {
            int n = depths[i];
            euler[i] = Math.abs(run(Scheme.EULER, sampled(a, n, n), n, 1) - exact);
            heun[i] = Math.abs(run(Scheme.HEUN, sampled(a, n + 1, n), n, 1) - exact);
        }
        for (int i = 0; i + 1 < depths.length; i++) {
            assertThat(euler[i] / euler[i + 1]).as("Euler ratio at N=%d", depths[i]).isCloseTo(2, within(0.05));
            assertThat(heun[i] / heun[i + 1]).as("Heun ratio at N=%d", depths[i]).isCloseTo(4, within(0.1));
        }
    }

    /** Classical RK4 on x' = a x: one step multiplies by Σ_{k<=4} z^k/k!, z = ±ah (forward, reverse). */
    @Test
    void rk4StepWithConstantWeightIsTheFourthOrderTaylorFactor() {
        double a = -1.3;
        double h = 0.2;
        double z = a * h;
        double[] w = {a, a};
        double[] x = {1.1};
        double[] out = new double[1];
        RungeKuttaStep.forward(ButcherTableau.RK4, SCALAR).apply(w, 0, 1, h, x, out);
        assertThat(out[0]).isCloseTo(1.1 * (1 + z + z * z / 2 + z * z * z / 6 + z * z * z * z / 24), within(8 * ULP1));
        RungeKuttaStep.reverse(ButcherTableau.RK4, SCALAR).apply(w, 0, 1, h, x, out);
        assertThat(out[0]).isCloseTo(1.1 * (1 - z + z * z / 2 - z * z * z / 6 + z * z * z * z / 24), within(8 * ULP1));
    }

    @Test
    void trajectoryEndsAtTheForwardOutputAndForwardMayAliasItsInput() {
        double[] a = {0.3, -1.2, 2.0, 0.1, 0.5};
        ResNet net = new ResNet(SCALAR, Scheme.HEUN, new Weights(5, 1, a), 4);
        double[][] xs = net.trajectory(new double[] {1.5});
        assertThat(xs).hasNumberOfRows(5);
        assertThat(xs[0][0]).isEqualTo(1.5);
        double[] io = {1.5};
        net.forward(io, io);
        assertThat(io[0]).isEqualTo(xs[4][0]);
        double h = 0.25;
        double step1 = 1 + h * (a[0] + a[1]) / 2 + h * h * a[0] * a[1] / 2;
        assertThat(xs[1][0]).isCloseTo(1.5 * step1, within(4 * ULP1 * 1.5 * Math.abs(step1)));
    }

    @Test
    void badInputIsRejectedWithAClearMessage() {
        assertThatThrownBy(() -> new ResNet(SCALAR, Scheme.EULER, constant(1, 5), 4))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("4").hasMessageContaining("5")
                .hasMessageContaining("weight");
        assertThatThrownBy(() -> new ResNet(SCALAR, Scheme.HEUN, constant(1, 4), 4))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("weight");
        assertThatThrownBy(() -> new ResNet(SCALAR, Scheme.EULER, new Weights(4, 2, new double[8]), 4))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("parameters");
        ResNet net = new ResNet(SCALAR, Scheme.EULER, constant(1, 4), 4);
        assertThatThrownBy(() -> net.forward(new double[] {Double.NaN}, new double[1]))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("NaN");
        assertThatThrownBy(() -> net.trajectory(new double[] {Double.POSITIVE_INFINITY}))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("Infinity");
        assertThatThrownBy(() -> net.forward(new double[] {1, 2}, new double[2]))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("dimension");
        assertThatThrownBy(() -> new Weights(3, 1, new double[] {1, Double.NaN, 2}))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("NaN").hasMessageContaining("θ_1");
        assertThatThrownBy(() -> new Weights(3, 2, new double[5]))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("6").hasMessageContaining("5");
        assertThatThrownBy(() -> new ResNet(SCALAR, Scheme.HEUN_REFERENCE, constant(1, 1), 1))
                .isInstanceOf(org.resnetode.checks.BadInputException.class).hasMessageContaining("depth");
        assertThatThrownBy(() -> Scheme.byName("rk7"))
                .isInstanceOf(org.resnetode.checks.BadInputException.class).hasMessageContaining("rk7");
        assertThat(Scheme.byName("Heun-Reference")).isEqualTo(Scheme.HEUN_REFERENCE);
    }

    /**
     * {@code Π_{n<steps} (1 + h(a_n + a_{n+1})/2 + h² a_n a_{n+1}/2)}; with {@code magnitude} the same
     * product of the terms' absolute values, the scale of the rounding errors of either computation.
     */
    private static double heunProduct(double[] a, int steps, double h, boolean magnitude) {
        double p = 1;
        for (int i = 0; i < steps; i++) {
            p *= magnitude
                    ? 1 + h * (Math.abs(a[i]) + Math.abs(a[i + 1])) / 2 + h * h * Math.abs(a[i] * a[i + 1]) / 2
                    : 1 + h * (a[i] + a[i + 1]) / 2 + h * h * a[i] * a[i + 1] / 2;
        }
        return p;
    }

    private static double run(Scheme scheme, Weights w, int depth, double x0) {
        double[] out = new double[1];
        new ResNet(SCALAR, scheme, w, depth).forward(new double[] {x0}, out);
        return out[0];
    }

    private static Weights constant(double a, int count) {
        double[] d = new double[count];
        java.util.Arrays.fill(d, a);
        return new Weights(count, 1, d);
    }

    private static Weights sampled(DoubleUnaryOperator a, int count, int depth) {
        double[] d = new double[count];
        for (int i = 0; i < count; i++) {
            d[i] = a.applyAsDouble((double) i / depth);
        }
        return new Weights(count, 1, d);
    }
}
