package org.resnetode.symbolic;

import org.resnetode.checks.BadInputException;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class EulerExpansionTest {

    /**
     * Independent route: floating-point power series. Log(1 + a h)/h = sum_j l_j h^j with
     * l_j = (-1)^j a^{j+1}/(j+1); E = exp(L) satisfies E' = L' E, i.e. E_0 = e^{l_0},
     * E_k = (1/k) sum_{j=1}^{k} j l_j E_{k-j}.
     */
    private static double[] powerSeriesCoefficients(double a, int order) {
        double[] l = new double[order + 1];
        for (int j = 0; j <= order; j++) {
            l[j] = (j % 2 == 0 ? 1 : -1) * Math.pow(a, j + 1) / (j + 1);
        }
        double[] e = new double[order + 1];
        e[0] = Math.exp(l[0]);
        for (int k = 1; k <= order; k++) {
            double sum = 0.0;
            for (int j = 1; j <= k; j++) {
                sum += j * l[j] * e[k - j];
            }
            e[k] = sum / k;
        }
        return e;
    }

    /** x_N = (1 + a/N)^N, the Euler ResNet output for x' = a x, x_0 = 1, at step h = 1/N. */
    private static double euler(double a, double h) {
        return Math.exp(Math.log1p(a * h) / h);
    }

    @ParameterizedTest
    @ValueSource(doubles = {-2.5, -1.0, -0.3, 0.0, 0.7, 1.0, 2.0})
    void coefficientsMatchThePowerSeriesRecurrence(double a) {
        double[] symbolic = EulerExpansion.coefficients(a, 4);
        double[] numeric = powerSeriesCoefficients(a, 4);
        assertThat(symbolic).hasSize(5);
        for (int k = 0; k <= 4; k++) {
            assertThat(symbolic[k]).as("c_%d(%s)", k, a)
                    .isCloseTo(numeric[k], within(1e-12 * (Math.abs(numeric[k]) + Math.exp(a))));
        }
    }

    @Test
    void highestOrderMatchesThePowerSeriesRecurrence() {
        int order = EulerExpansion.MAX_ORDER;
        for (double a : new double[] {-1.7, 1.2}) {
            double[] symbolic = EulerExpansion.coefficients(a, order);
            double[] numeric = powerSeriesCoefficients(a, order);
            for (int k = 0; k <= order; k++) {
                assertThat(symbolic[k]).as("c_%d(%s)", k, a)
                        .isCloseTo(numeric[k], within(1e-12 * (Math.abs(numeric[k]) + Math.exp(a))));
            }
        }
    }

    @ParameterizedTest
    @ValueSource(doubles = {-2.0, -0.5, 0.4, 1.5})
    void lowOrderCoefficientsHaveTheirKnownClosedForms(double a) {
        double[] c = EulerExpansion.coefficients(a, 2);
        double ea = Math.exp(a);
        assertThat(c[0]).isCloseTo(ea, within(1e-15 * ea));
        assertThat(c[1]).isCloseTo(-a * a * ea / 2, within(1e-14 * ea));
        assertThat(c[2]).isCloseTo(ea * (Math.pow(a, 4) / 8 + Math.pow(a, 3) / 3), within(1e-14 * ea));
    }

    /**
     * The remainder r_K(h) = x(h) - sum_{k<=K} c_k h^k must be O(h^{K+1}): halving h divides it by
     * 2^{K+1} (by 2^K if c_K were wrong). a avoids the zeros of c_2..c_4 (a = -8/3, -2, -6, ...).
     */
    @ParameterizedTest
    @ValueSource(doubles = {-1.5, -0.5, 0.7, 2.5})
    void truncatedExpansionLeavesARemainderOfOrderKPlusOne(double a) {
        double h = 0.02 / Math.max(1.0, Math.abs(a));
        for (int order = 1; order <= 3; order++) {
            double[] c = EulerExpansion.coefficients(a, order);
            double ratio = remainder(a, c, h) / remainder(a, c, h / 2);
            assertThat(ratio).as("r(h)/r(h/2), K = %d, a = %s", order, a)
                    .isCloseTo(Math.pow(2, order + 1), within(0.05 * Math.pow(2, order + 1)));
        }
    }

    private static double remainder(double a, double[] c, double h) {
        double sum = 0.0;
        for (int k = c.length - 1; k >= 0; k--) {
            sum = sum * h + c[k];
        }
        return euler(a, h) - sum;
    }

    /**
     * Two-level Richardson on f(N) = N (x_N - e^a) = c_1 + c_2/N + c_3/N^2 + c_4/N^3 + ...:
     * R1(N) = 2 f(2N) - f(N) = c_1 - c_3/(2N^2) - 3 c_4/(4N^3) + ..., and
     * R2 = (4 R1(2N) - R1(N))/3 = c_1 + c_4/(8N^3) + ... At N = 1000 that bias is below
     * 5e-9 |c_1| for these a (largest at a = 2.5: c_4/(8N^3) = 1.4e-7, c_1 = 38); round-off in f is
     * about N eps e^a. Tolerance 1e-8 |c_1|. (The one-level R1 alone is off by c_3/(2N^2) = 1.9e-4
     * at a = 2.5, N = 1000.)
     */
    @ParameterizedTest
    @ValueSource(doubles = {-2.5, -1.0, -0.5, 0.5, 1.0, 2.5})
    void leadingErrorConstantMatchesRichardsonOnTheResNet(double a) {
        int n = 1000;
        double[] f = new double[3];
        for (int i = 0; i < 3; i++) {
            int depth = n << i;
            f[i] = depth * (euler(a, 1.0 / depth) - Math.exp(a));
        }
        double r1 = 2 * f[1] - f[0];
        double r1Twice = 2 * f[2] - f[1];
        double c1 = (4 * r1Twice - r1) / 3;
        double constant = EulerExpansion.leadingErrorConstant(a);
        assertThat(constant).isCloseTo(Math.abs(c1), within(1e-8 * Math.abs(c1)));
        assertThat(constant).isCloseTo(a * a * Math.exp(a) / 2, within(1e-14 * Math.exp(a)));
    }

    @Test
    void symbolicExpansionEvaluatesToTheResNetOutput() {
        String expansion = EulerExpansion.expansion(3);
        assertThat(expansion).contains("h^3").doesNotContain("h^4").doesNotContain("O(");
        // at a = -3/2, h = 1/100: sum_{k<=3} c_k h^k, off from x_N by ~ c_4 h^4 ~ 1e-8
        double value = SymbolicEngine.evalNumeric("ReplaceAll(" + expansion + ",{a->-3/2,h->1/100})");
        double[] c = powerSeriesCoefficients(-1.5, 3);
        double expected = c[0] + 1e-2 * (c[1] + 1e-2 * (c[2] + 1e-2 * c[3]));
        assertThat(value).isCloseTo(expected, within(1e-14));
        assertThat(value).isCloseTo(euler(-1.5, 0.01), within(1e-7));
    }

    @Test
    void zeroRateHasATrivialExpansion() {
        assertThat(EulerExpansion.coefficients(0.0, 3)).containsExactly(1.0, 0.0, 0.0, 0.0);
        assertThat(EulerExpansion.leadingErrorConstant(0.0)).isZero();
    }

    @Test
    void invalidArgumentsAreRejected() {
        assertThatThrownBy(() -> EulerExpansion.expansion(-1)).isInstanceOf(BadInputException.class);
        assertThatThrownBy(() -> EulerExpansion.expansion(EulerExpansion.MAX_ORDER + 1))
                .isInstanceOf(BadInputException.class);
        assertThatThrownBy(() -> EulerExpansion.coefficients(Double.NaN, 1))
                .isInstanceOf(BadInputException.class);
    }
}
