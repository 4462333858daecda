package org.resnetode.rough;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.apache.commons.math3.analysis.integration.IterativeLegendreGaussIntegrator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class QuadratureErrorTest {
    private static final double[] EULER_B = {1};
    private static final double[] EULER_C = {0};
    private static final double[] HEUN_B = {0.5, 0.5};
    private static final double[] HEUN_C = {0, 1};

    private static double integrate(java.util.function.DoubleUnaryOperator g, double lo, double hi) {
        if (hi <= lo) {
            return 0;
        }
        // s = lo + (hi - lo) q(u), q(u) = u³(10 - 15u + 6u²), q'(u) = 30u²(1-u)²: the substitution flattens the
        // endpoint singularities of s^{2H} and |s - t|^{2H} so Gauss-Legendre converges
        double w = hi - lo;
        return new IterativeLegendreGaussIntegrator(8, 1e-12, 1e-14).integrate(10_000_000,
                u -> g.applyAsDouble(lo + w * u * u * u * (10 - 15 * u + 6 * u * u)) * w * 30 * u * u * (1 - u) * (1 - u), 0, 1);
    }

    @ParameterizedTest
    @ValueSource(doubles = {0.1, 0.5, 0.9})
    void integratedCovarianceAndIntegralVarianceAgreeWithNumericalQuadrature(double hurst) {
        for (double t : new double[] {0, 0.125, 0.3, 0.5, 0.77, 1}) {
            double numeric = integrate(s -> FbmCovariance.covariance(hurst, s, t), 0, t)
                    + integrate(s -> FbmCovariance.covariance(hurst, s, t), t, 1);
            assertThat(FbmCovariance.integratedCovariance(hurst, t)).isCloseTo(numeric, within(1e-7));
        }
        double numeric = integrate(t -> FbmCovariance.integratedCovariance(hurst, t), 0, 1);
        assertThat(FbmCovariance.integralVariance(hurst)).isCloseTo(numeric, within(1e-9));
    }

    @Test
    void brownianCaseMatchesThePiecewiseIndependentClosedForms() {
        // H = 1/2: ∫B - hΣB(t_k) is a sum of N independent pieces of variance h³/3 (h²/3 in all); for the trapezoid
        // the pieces are integrals of Brownian bridges, h³/12 each (h²/12 in all)
        for (int n : new int[] {1, 4, 16, 64}) {
            double h = 1.0 / n;
            assertThat(QuadratureError.meanSquare(0.5, QuadratureError.tableauWeights(EULER_B, EULER_C, n)))
                    .isCloseTo(h * h / 3, within(1e-14));
            assertThat(QuadratureError.meanSquare(0.5, QuadratureError.tableauWeights(HEUN_B, HEUN_C, n)))
                    .isCloseTo(h * h / 12, within(1e-14));
        }
    }

    @Test
    void tableauWeightsAreTheLeftSumForEulerAndTheTrapezoidForSecondOrderTableaux() {
        assertThat(QuadratureError.tableauWeights(EULER_B, EULER_C, 4)).containsExactly(0.25, 0.25, 0.25, 0.25, 0);
        assertThat(QuadratureError.tableauWeights(HEUN_B, HEUN_C, 4)).containsExactly(0.125, 0.25, 0.25, 0.25, 0.125);
        // midpoint: b = (0, 1), c = (0, 1/2), stage weight interpolated halfway
        assertThat(QuadratureError.tableauWeights(new double[] {0, 1}, new double[] {0, 0.5}, 4))
                .containsExactly(0.125, 0.25, 0.25, 0.25, 0.125);
        assertThat(QuadratureError.asymptoticRate(0.3, EULER_B, EULER_C)).isCloseTo(0.8, within(1e-15));
        assertThat(QuadratureError.asymptoticRate(0.7, EULER_B, EULER_C)).isEqualTo(1.0);
        assertThat(QuadratureError.asymptoticRate(0.7, HEUN_B, HEUN_C)).isCloseTo(1.2, within(1e-15));
    }

    @ParameterizedTest
    @ValueSource(doubles = {0.1, 0.5, 0.9})
    void pathIntegralReproducesTheJointCovarianceOfPathAndIntegral(double hurst) {
        int n = 64;
        PathIntegral integral = new PathIntegral(hurst, n);
        // Cov(B(t_j), I) through the conditional map: Σ_k R(t_j, t_k) a_k must be ∫_0^1 R(s, t_j) ds, and
        // E I² = aᵀ Σ a + v must be 1/(2H+2); a_k is read back by mapping unit paths
        double[] a = new double[n];
        double[] unit = new double[n + 1];
        for (int k = 0; k < n; k++) {
            unit[k + 1] = 1;
            a[k] = integral.integral(unit, 0);
            unit[k + 1] = 0;
        }
        double quadratic = 0;
        for (int j = 0; j < n; j++) {
            double cov = 0;
            for (int k = 0; k < n; k++) {
                cov += FbmCovariance.covariance(hurst, (j + 1.0) / n, (k + 1.0) / n) * a[k];
            }
            double tj = (j + 1.0) / n;
            double numeric = integrate(s -> FbmCovariance.covariance(hurst, s, tj), 0, tj)
                    + integrate(s -> FbmCovariance.covariance(hurst, s, tj), tj, 1);
            assertThat(cov).isCloseTo(numeric, within(1e-7));
            quadratic += a[j] * cov;
        }
        double v = integral.residualStd() * integral.residualStd();
        assertThat(quadratic + v).isCloseTo(1 / (2 * hurst + 2), within(1e-10));
        assertThat(integral.residualStd()).isGreaterThan(0);
    }
}
