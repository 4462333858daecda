package org.resnetode.claim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.withinPercentage;

import java.util.Arrays;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.resnetode.model.Families;
import org.resnetode.model.ResidualFunction;
import org.resnetode.model.Weights;
import org.resnetode.scheme.Scheme;

/**
 * The Euler bound's value against its closed form on the scalar linear ResNet {@code f(x, a) = a x} with weights
 * whose every constant is known: {@code L_x = max_n |a_n|}, {@code L_θ = R}, {@code M = L_x R},
 * {@code TV = Σ |a_{n+1} - a_n|}, {@code R = (largest knot norm) e^{L_x/N}}, so the bound is
 * {@code e^{L_x} (L_x² R + R TV) / (2N)}. The knot norms come from the exact solution {@code exp(∫ a)}.
 */
class BoundClosedFormTest {
    private static final ResidualFunction SCALAR = Families.create("linear", 1, 1);

    @ParameterizedTest(name = "constant a = {0}, N = {1}")
    @CsvSource({"0.8, 10", "-0.5, 64", "2.0, 7", "-3.0, 1", "1.0, 1000"})
    void constantWeight(double a, int n) {
        double[] theta = new double[n];
        Arrays.fill(theta, a);
        DistanceMeasurement m = DistanceMeasurement.measure(SCALAR, new Weights(n, 1, theta), Scheme.EULER, n, new double[] {1});
        double radius = Math.max(1, Math.exp(a)) * Math.exp(Math.abs(a) / n);
        assertThat(m.bound()).isCloseTo(Math.exp(Math.abs(a)) * a * a * radius / (2.0 * n), withinPercentage(1e-6));
        assertThat(m.error()).isCloseTo(Math.abs(Math.pow(1 + a / n, n) - Math.exp(a)), withinPercentage(1e-4));
        assertThat(m.totalVariation()).isZero();
    }

    /** a_n alternating between a and b (n even, odd): TV = (N-1)|a - b|, and the solution decreases when a + b < 0. */
    @ParameterizedTest(name = "alternating a = {0}, b = {1}, N = {2}")
    @CsvSource({"-0.5, -1.5, 16", "-0.2, -0.4, 9"})
    void alternatingWeights(double a, double b, int n) {
        double[] theta = new double[n];
        for (int k = 0; k < n; k++) {
            theta[k] = k % 2 == 0 ? a : b;
        }
        DistanceMeasurement m = DistanceMeasurement.measure(SCALAR, new Weights(n, 1, theta), Scheme.EULER, n, new double[] {1});
        double lx = Math.max(Math.abs(a), Math.abs(b));
        double tv = (n - 1) * Math.abs(a - b);
        // both weights negative: x decreases, the largest knot norm is |x_0| = 1
        double radius = Math.exp(lx / n);
        double bound = Math.exp(lx) * (lx * lx * radius + radius * tv) / (2.0 * n);
        assertThat(m.totalVariation()).isCloseTo(tv, withinPercentage(1e-12));
        assertThat(m.bound()).isCloseTo(bound, withinPercentage(1e-6));
        assertThat(m.error()).isLessThanOrEqualTo(m.bound());
    }
}
