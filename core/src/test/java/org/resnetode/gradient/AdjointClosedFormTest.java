package org.resnetode.gradient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.resnetode.model.Families;
import org.resnetode.model.ResidualFunction;
import org.resnetode.model.Weights;
import org.resnetode.scheme.ResNet;
import org.resnetode.scheme.Scheme;

/**
 * The Euler adjoint's gradient (not backprop's) in closed form, on the scalar linear ResNet {@code x_{n+1} = (1 + h a_n) x_n}
 * with loss {@code ½ (x_N - y)²}: the reverse step gives {@code x~_n = x_N Π_{k >= n} (1 - h a_k)}, the adjoint
 * {@code p_{n+1} = (x_N - y) Π_{k > n} (1 + h a_k)}, and the gradient {@code ∂L/∂a_n = h p_{n+1} x~_n}, the VJP of step n
 * taken at the recovered {@code x~_n}. Applying it at {@code x~_{n+1}} (before the reverse step) differs by the factor
 * {@code 1 - h a_n}, far above round-off.
 */
class AdjointClosedFormTest {
    private static final ResidualFunction SCALAR = Families.create("linear", 1, 1);

    @ParameterizedTest(name = "N = {0}, x0 = {1}, y = {2}")
    @CsvSource({"1, 1.0, 0.3", "5, 0.7, -1.0", "32, -1.2, 0.5"})
    void gradientAndRecoveredActivationsHaveTheirClosedForm(int n, double x0, double y) {
        double h = 1.0 / n;
        double[] a = new double[n];
        for (int k = 0; k < n; k++) {
            a[k] = 0.9 * Math.cos(1.3 * k) - 0.2;
        }
        double xN = x0;
        for (int k = 0; k < n; k++) {
            xN *= 1 + h * a[k];
        }
        double[] expectedGradient = new double[n];
        double[] expectedRecovered = new double[n];
        for (int k = 0; k < n; k++) {
            double recovered = xN;
            for (int j = k; j < n; j++) {
                recovered *= 1 - h * a[j];
            }
            double p = xN - y;
            for (int j = k + 1; j < n; j++) {
                p *= 1 + h * a[j];
            }
            expectedRecovered[k] = recovered;
            expectedGradient[k] = h * p * recovered;
        }
        double[] seen = new double[n];
        ResNet net = new ResNet(SCALAR, Scheme.EULER, new Weights(n, 1, a.clone()), n);
        double[] gradient = new double[n];
        GradientReport report = new Adjoint((i, k, x) -> seen[k] = x[0])
                .compute(net, new double[][] {{x0}}, new double[][] {{y}}, gradient);
        for (int k = 0; k < n; k++) {
            assertThat(gradient[k]).as("∂L/∂a_%d", k).isCloseTo(expectedGradient[k], within(1e-13 * (1 + Math.abs(expectedGradient[k]))));
            assertThat(seen[k]).as("x~_%d", k).isCloseTo(expectedRecovered[k], within(1e-13));
        }
        assertThat(report.loss()).isCloseTo(0.5 * (xN - y) * (xN - y), within(1e-14));
    }
}
