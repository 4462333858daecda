package org.resnetode.bound;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.math.MathContext;
import org.junit.jupiter.api.Test;

/**
 * Sums built so that round-to-nearest loses every small term ({@code 1 + 2^-53} and {@code 1 + 2^-54} both round to 1):
 * the computed sum is below the exact one by more than an ulp, and only the documented margin {@code 1 + 2γ_n} lifts
 * the bound back above the exact value, computed in BigDecimal. A margin with its sign turned, or dropped, leaves the
 * bound below the real quantity it claims to bound.
 */
class RoundingMarginEdgeTest {
    private static final MathContext MC = new MathContext(60);

    /** {@code ||M||_∞} of the row (1, 2^-53, 2^-53): the computed row sum is 1, the exact one {@code 1 + 2^-52}. */
    @Test
    void infinityNormCoversRowSumsThatRoundDown() {
        double tiny = 0x1p-53;
        double[] row = {1, tiny, tiny};
        assertThat(1 + tiny + tiny).as("the double row sum loses both small terms").isEqualTo(1.0);
        BigDecimal exact = BigDecimal.ONE.add(new BigDecimal(tiny).multiply(BigDecimal.valueOf(2)));
        double bound = RoundOff.infinityNorm(row, 0, 1, 3);
        assertThat(new BigDecimal(bound).compareTo(exact)).as("bound %s >= 1 + 2^-52", bound).isGreaterThan(0);
        // γ_3 = 3u/(1 - 3u): the bound is at most 1 + 2γ_3 rounded up twice
        assertThat(bound).isLessThanOrEqualTo(1 + 8 * tiny);
    }

    /**
     * The 1 × 257 block (1, 2^-27 × 256): its spectral norm is its Euclidean length {@code sqrt(1 + 256 · 2^-54)}, about
     * 32 ulps above 1, while the computed Σ a² is exactly 1. The Frobenius route's margin must cover that.
     */
    @Test
    void frobeniusRouteCoversSquaresLostInTheSum() {
        int cols = 257;
        double[] a = new double[cols];
        a[0] = 1;
        for (int j = 1; j < cols; j++) {
            a[j] = 0x1p-27;
        }
        BigDecimal sum = BigDecimal.ZERO;
        double computed = 0;
        for (double v : a) {
            sum = sum.add(new BigDecimal(v).pow(2));
            computed += v * v;
        }
        assertThat(computed).as("Σ a² in doubles").isEqualTo(1.0);
        BigDecimal exact = sum.sqrt(MC);
        assertThat(exact.compareTo(new BigDecimal(Math.nextUp(1.0)))).as("the exact norm is beyond 1 + ulp").isGreaterThan(0);
        double bound = new SpectralBound(1, cols).of(a, 0);
        assertThat(new BigDecimal(bound).compareTo(exact)).as("bound %s >= ||a|| = %s", bound, exact).isGreaterThanOrEqualTo(0);
        assertThat(bound).isLessThanOrEqualTo(1 + 1e-13);
    }

    /**
     * Two orthogonal rows, (1, 2^-27 × 256, 0) and (0, ..., 0, 1): {@code ||A||_2 = sqrt(1 + 2^-46)} (32 ulps above 1),
     * the Frobenius bound is about √2, so the Gram route decides, and its computed {@code G = I} lost the 2^-46; its
     * {@code γ ||a_i|| Σ_j ||a_j||} term must cover it.
     */
    @Test
    void gramRouteCoversProductsLostInTheGramMatrix() {
        int cols = 258;
        double[] a = new double[2 * cols];
        a[0] = 1;
        for (int j = 1; j < 257; j++) {
            a[j] = 0x1p-27;
        }
        a[2 * cols - 1] = 1;
        BigDecimal row = BigDecimal.ONE.add(new BigDecimal(0x1p-54).multiply(BigDecimal.valueOf(256)));
        BigDecimal exact = row.sqrt(MC);
        double bound = new SpectralBound(2, cols).of(a, 0);
        assertThat(new BigDecimal(bound).compareTo(exact)).as("bound %s >= ||A||_2 = %s", bound, exact).isGreaterThanOrEqualTo(0);
        assertThat(bound).as("the Gram route, not Frobenius (√2)").isLessThanOrEqualTo(1 + 1e-13);
    }

    /**
     * The reference is renewed only when the drift term exceeds 10% of the reference's norm: diag(1.05, 1) after diag(1, 1)
     * (drift 0.05) keeps the reference and is bounded by {@code σ_K + drift = 1.05}; diag(1.5, 1) (drift 0.5) renews it.
     */
    @Test
    void referenceIsRenewedOnlyWhenTheDriftExceedsItsShare() {
        double[] w = {1, 0, 0, 1, 1.05, 0, 0, 1, 1.5, 0, 0, 1};
        SpectralBound bound = new SpectralBound(2, 2);
        assertThat(bound.of(w, 0)).isBetween(1.0, 1 + 1e-14);
        assertThat(bound.of(w, 4)).as("σ_K + drift = 1.05").isBetween(1.05, 1.05 * (1 + 1e-14));
        assertThat(bound.referenceOff()).isZero();
        assertThat(bound.of(w, 8)).as("a new Gram matrix: exactly 1.5").isBetween(1.5, 1.5 * (1 + 1e-14));
        assertThat(bound.referenceOff()).isEqualTo(8);
    }
}
