package org.resnetode.bound;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The proven round-off margins against the same quantities in BigDecimal (80 digits). */
class RoundOffTest {
    private static final MathContext MC = new MathContext(80);
    private static final BigDecimal U = new BigDecimal(0x1p-53);

    @Test
    void gammaBoundsNuOverOneMinusNuAndIsTight() {
        for (int n : new int[] {1, 2, 3, 8, 16, 22, 1000, 1 << 20}) {
            BigDecimal nu = U.multiply(BigDecimal.valueOf(n));
            BigDecimal exact = nu.divide(BigDecimal.ONE.subtract(nu), MC);
            BigDecimal g = new BigDecimal(RoundOff.gamma(n));
            assertThat(g.compareTo(exact)).as("γ_%d >= n u/(1 - n u)", n).isGreaterThanOrEqualTo(0);
            assertThat(g.divide(exact, MC).doubleValue()).as("γ_%d within 1e-15 relative", n).isLessThan(1 + 1e-15);
        }
    }

    @Test
    void infinityNormBoundsTheLargestRowSum() {
        SplittableRandom rng = new SplittableRandom(5);
        for (int trial = 0; trial < 500; trial++) {
            int rows = rng.nextInt(1, 9);
            int cols = rng.nextInt(1, 9);
            double[] m = new double[rows * cols + 3];
            for (int i = 0; i < m.length; i++) {
                m[i] = (rng.nextDouble() - 0.5) * Math.pow(10, rng.nextInt(-3, 4));
            }
            BigDecimal largest = BigDecimal.ZERO;
            for (int i = 0; i < rows; i++) {
                BigDecimal s = BigDecimal.ZERO;
                for (int j = 0; j < cols; j++) {
                    s = s.add(new BigDecimal(m[3 + i * cols + j]).abs());
                }
                largest = largest.max(s);
            }
            BigDecimal bound = new BigDecimal(RoundOff.infinityNorm(m, 3, rows, cols));
            assertThat(bound.compareTo(largest)).as("||M||_∞ bound").isGreaterThanOrEqualTo(0);
            assertThat(bound.divide(largest, MC).doubleValue()).as("tight").isLessThan(1 + 1e-14);
        }
        assertThat(RoundOff.infinityNorm(new double[] {1, -2, 3, -4}, 0, 2, 2)).isBetween(7.0, 7 * (1 + 1e-15));
    }

    @Test
    void maxAbsIsTheLargestMagnitude() {
        assertThat(RoundOff.maxAbs(new double[] {9, 1, -5, 3, 7}, 1, 3)).isEqualTo(5);
        assertThat(RoundOff.maxAbs(new double[] {9, 1, -5, 3, 7}, 3, 2)).isEqualTo(7);
        assertThat(RoundOff.maxAbs(new double[0], 0, 0)).isZero();
    }

    @Test
    void distanceUpBoundsTheEuclideanDistance() {
        SplittableRandom rng = new SplittableRandom(8);
        for (int trial = 0; trial < 2000; trial++) {
            int n = rng.nextInt(1, 17);
            double[] a = new double[n];
            double[] b = new double[n];
            BigDecimal s = BigDecimal.ZERO;
            for (int i = 0; i < n; i++) {
                a[i] = rng.nextDouble() * 4 - 2;
                b[i] = rng.nextInt(4) == 0 ? a[i] : rng.nextDouble() * 4 - 2;
                BigDecimal e = new BigDecimal(a[i]).subtract(new BigDecimal(b[i]));
                s = s.add(e.multiply(e));
            }
            BigDecimal exact = s.sqrt(MC);
            BigDecimal up = new BigDecimal(RoundOff.distanceUp(a, b, n));
            assertThat(up.compareTo(exact)).as("distanceUp >= ||a - b||").isGreaterThanOrEqualTo(0);
            assertThat(up.subtract(exact).doubleValue()).as("tight").isLessThanOrEqualTo(1e-14 * (1 + exact.doubleValue()));
        }
        assertThat(RoundOff.distanceUp(new double[] {3, 0}, new double[] {0, 4}, 2)).isBetween(5.0, 5 * (1 + 1e-15));
    }

    /** tanh as (e^{2x} - 1)/(e^{2x} + 1) from the exponential series in BigDecimal. */
    @Test
    void tanhIsWithinItsStatedAbsoluteError() {
        SplittableRandom rng = new SplittableRandom(3);
        double worst = 0;
        for (int i = 0; i < 3000; i++) {
            double x = (rng.nextDouble() - 0.5) * Math.pow(10, rng.nextInt(-8, 2));
            BigDecimal exact = BigSeries.tanh(new BigDecimal(x), MC);
            double error = new BigDecimal(RoundOff.tanh(x)).subtract(exact).abs().doubleValue();
            worst = Math.max(worst, error);
            assertThat(error).as("|tanh(%s) error|", x).isLessThanOrEqualTo(RoundOff.TANH_ERROR);
        }
        assertThat(RoundOff.tanh(-30)).isEqualTo(-1);
        assertThat(RoundOff.tanh(0)).isZero();
        assertThat(worst).as("the margin is not vacuous").isGreaterThan(0);
    }

    /**
     * {@link RoundOff#rootUp} squared is at least its argument, exactly (BigDecimal), over random s from MIN_NORMAL to
     * 1e300 and the ends, and within 5 ulps of {@link Math#sqrt} (one product by 1 + 4u: at most 4 ulps, and its rounding).
     */
    @Test
    void rootUpIsAnUpperBoundOfTheSquareRoot() {
        SplittableRandom rng = new SplittableRandom(31);
        double[] ends = {Double.MIN_NORMAL, Math.nextUp(Double.MIN_NORMAL), 1, 2, 0.5, Double.MAX_VALUE};
        for (int k = 0; k < 20_000 + ends.length; k++) {
            double s = k < ends.length ? ends[k] : Math.scalb(1 + rng.nextDouble(), rng.nextInt(-1022, 997));
            double r = RoundOff.rootUp(s);
            BigDecimal square = new BigDecimal(r).multiply(new BigDecimal(r));
            assertThat(square.compareTo(new BigDecimal(s))).as("rootUp(%s)² >= s", s).isGreaterThanOrEqualTo(0);
            assertThat(r).isLessThanOrEqualTo(Math.sqrt(s) + 5 * Math.ulp(Math.sqrt(s)));
        }
    }
}
