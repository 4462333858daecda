package org.resnetode.bound;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.math.MathContext;
import org.junit.jupiter.api.Test;

/**
 * The tanh series in midpoint-radius arithmetic when its input ζ is itself uncertain: the computed ζ_[k] carry radii of
 * 1e-6, and every exact input ζ* = ζ ± radius (each sign pattern over the orders) gives, in BigDecimal at 60 digits,
 * coefficients y*_[k] of {@code tanh ζ*(w)} that lie within the radius of the computed y_[k], at every order the buffers
 * hold. The radii are first order in the input radii: the propagation of v = 1 - y² through the orders is what makes
 * them hold, and they are within a factor 2 of the worst input pattern.
 */
class BallTanhEdgeTest {
    private static final MathContext MC = new MathContext(60);
    private static final double RADIUS = 1e-6;

    /** Exact y_[0..K] of tanh(ζ(w)) for the series ζ: the recurrences y' = (1 - y²) ζ' in BigDecimal, y_0 by series. */
    private static BigDecimal[] exactTanhSeries(BigDecimal[] zeta) {
        int orders = zeta.length;
        BigDecimal[] y = new BigDecimal[orders];
        BigDecimal[] v = new BigDecimal[orders];
        y[0] = BigSeries.tanh(zeta[0], MC);
        v[0] = BigDecimal.ONE.subtract(y[0].multiply(y[0]), MC);
        for (int k = 1; k < orders; k++) {
            BigDecimal s = BigDecimal.ZERO;
            for (int j = 1; j <= k; j++) {
                s = s.add(BigDecimal.valueOf(j).multiply(zeta[j]).multiply(v[k - j]), MC);
            }
            y[k] = s.divide(BigDecimal.valueOf(k), MC);
            BigDecimal sq = BigDecimal.ZERO;
            for (int j = 0; j <= k; j++) {
                sq = sq.add(y[j].multiply(y[k - j]), MC);
            }
            v[k] = sq.negate();
        }
        return y;
    }

    /**
     * One component, capacity 4 (orders 0..4, all of them computed): for each of the 2^5 sign patterns of the input error,
     * |y_[k] - y*_[k]| <= yRad[k]; the worst pattern reaches at least half the radius at every order k >= 1.
     */
    @Test
    void radiiEncloseEveryInputWithinTheInputRadiiAndAreFirstOrderTight() {
        double[][] inputs = {{0.3, 0.8, -0.5, 0.25, 0.6}, {-1.2, 0.4, 0.9, -0.7, 0.2}, {0.05, 1.5, 1.25, -1, 0.75}};
        int capacity = 4;
        for (double[] zeta : inputs) {
            BallTanh tanh = new BallTanh(1, capacity);
            for (int k = 0; k <= capacity; k++) {
                tanh.zeta[k] = zeta[k];
                tanh.zetaNorm[k] = Math.abs(zeta[k]);
                tanh.zetaRad[k] = RADIUS;
            }
            for (int k = 0; k <= capacity; k++) {
                tanh.next(k);
            }
            for (int signs = 0; signs < 1 << (capacity + 1); signs++) {
                BigDecimal[] exactInput = new BigDecimal[capacity + 1];
                for (int k = 0; k <= capacity; k++) {
                    BigDecimal shift = new BigDecimal(RADIUS);
                    exactInput[k] = new BigDecimal(zeta[k]).add((signs >> k & 1) == 1 ? shift : shift.negate());
                }
                BigDecimal[] exact = exactTanhSeries(exactInput);
                for (int k = 0; k <= capacity; k++) {
                    BigDecimal miss = new BigDecimal(tanh.y[k]).subtract(exact[k]).abs();
                    assertThat(miss.compareTo(new BigDecimal(tanh.yRad[k])))
                            .as("ζ_0 = %s, signs %s: |y_[%d] - y*| = %s <= radius %s", zeta[0], Integer.toBinaryString(signs), k,
                                    miss, tanh.yRad[k]).isLessThanOrEqualTo(0);
                }
            }
        }
    }

    /**
     * A buffer of capacity 0 holds order 0 alone: y_[0] = tanh ζ_[0] per component, within ζ's radius plus the
     * evaluation's 16u; with n = 3 components and capacity 2 every order up to 2 is filled and encloses the exact series.
     */
    @Test
    void everyOrderTheBuffersHoldIsComputed() {
        BallTanh zeroth = new BallTanh(2, 0);
        zeroth.zeta[0] = 0.5;
        zeroth.zeta[1] = -2;
        zeroth.next(0);
        for (int i = 0; i < 2; i++) {
            BigDecimal exact = BigSeries.tanh(new BigDecimal(zeroth.zeta[i]), MC);
            assertThat(new BigDecimal(zeroth.y[i]).subtract(exact).abs().compareTo(new BigDecimal(zeroth.yRad[0])))
                    .as("component %d", i).isLessThanOrEqualTo(0);
        }
        assertThat(zeroth.yRad[0]).as("16u and the rounding up").isLessThan(1e-14);

        int n = 3;
        BallTanh wide = new BallTanh(n, 2);
        double[] zeta = {0.5, -1, 2, 0.25, 0.75, -0.5, -1.5, 0.125, 1};
        System.arraycopy(zeta, 0, wide.zeta, 0, zeta.length);
        for (int k = 0; k <= 2; k++) {
            wide.zetaNorm[k] = RoundOff.maxAbs(zeta, k * n, n);
            wide.next(k);
        }
        for (int i = 0; i < n; i++) {
            BigDecimal[] exact = exactTanhSeries(new BigDecimal[] {
                new BigDecimal(zeta[i]), new BigDecimal(zeta[n + i]), new BigDecimal(zeta[2 * n + i])});
            for (int k = 0; k <= 2; k++) {
                BigDecimal miss = new BigDecimal(wide.y[k * n + i]).subtract(exact[k]).abs();
                assertThat(miss.compareTo(new BigDecimal(wide.yRad[k]))).as("component %d, order %d", i, k).isLessThanOrEqualTo(0);
                assertThat(wide.yRad[k]).as("order %d at round-off", k).isLessThan(1e-14);
            }
        }
    }
}
