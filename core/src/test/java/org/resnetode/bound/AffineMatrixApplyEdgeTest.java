package org.resnetode.bound;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * {@link AffineMatrix#apply} against the exact product of its own inputs: {@code ζ_[k] = A_a x_[k] + u0 Δ x_[k] + Δ
 * x_[k-1]}, Δ = A_b - A_a, in BigDecimal from the doubles given. The products Δ x_[j] are kept between orders and
 * formed late when u0 = 0; the sequence here moves between intervals and between u0 = 0 and u0 ≠ 0 with new
 * coefficients each time, so a product kept from another interval, substep or order shows as an error far above the
 * radius apply returns (which must enclose the computed value's error and stay at rounding size).
 */
class AffineMatrixApplyEdgeTest {
    private static final int ROWS = 2;
    private static final int COLS = 3;
    private static final int ORDERS = 4;

    @Test
    void everyOrderIsTheExactAffineProductWithinTheReturnedRadius() {
        SplittableRandom rng = new SplittableRandom(77);
        double[] w = new double[5 * ROWS * COLS];
        for (int i = 0; i < w.length; i++) {
            w[i] = rng.nextDouble() * 2 - 1;
        }
        AffineMatrix m = new AffineMatrix(ROWS, COLS, ORDERS);
        int block = ROWS * COLS;
        int checked = 0;
        // interval 0 at u0 = 0, then its substep at u0 = 1/2; interval 1 likewise (its Δ products must not be interval
        // 0's); interval 3, which does not follow interval 1, at u0 = 0; each interval's substeps in the integrator's order
        for (int[] step : new int[][] {{0, 0}, {0, 2}, {1, 0}, {1, 2}, {3, 0}}) {
            int interval = step[0];
            double u0 = step[1] / 4.0;
            if (step[1] == 0) {
                m.knots(w, interval * block, (interval + 1) * block, false);
            }
            double[] x = new double[ORDERS * COLS];
            double[] xNorm = new double[ORDERS];
            double[] xRad = new double[ORDERS];
            for (int k = 0; k < ORDERS; k++) {
                for (int j = 0; j < COLS; j++) {
                    x[k * COLS + j] = (rng.nextDouble() * 2 - 1) / (k + 1);
                    xNorm[k] = Math.max(xNorm[k], Math.abs(x[k * COLS + j]));
                }
            }
            double[] out = new double[ROWS];
            for (int k = 0; k < ORDERS; k++) {
                double radius = m.apply(k, u0, x, COLS, xNorm, xRad, out, 0);
                for (int i = 0; i < ROWS; i++) {
                    BigDecimal exact = BigDecimal.ZERO;
                    for (int j = 0; j < COLS; j++) {
                        BigDecimal a = new BigDecimal(w[interval * block + i * COLS + j]);
                        BigDecimal delta = new BigDecimal(w[(interval + 1) * block + i * COLS + j]).subtract(a);
                        exact = exact.add(a.add(new BigDecimal(u0).multiply(delta)).multiply(new BigDecimal(x[k * COLS + j])));
                        if (k >= 1) {
                            exact = exact.add(delta.multiply(new BigDecimal(x[(k - 1) * COLS + j])));
                        }
                    }
                    double error = new BigDecimal(out[i]).subtract(exact).abs().doubleValue();
                    assertThat(error).as("interval %d, u0 %s, order %d, row %d", interval, u0, k, i)
                            .isLessThanOrEqualTo(radius);
                    checked++;
                }
                assertThat(radius).as("interval %d, u0 %s, order %d", interval, u0, k).isLessThan(1e-13);
            }
        }
        assertThat(checked).isEqualTo(5 * ORDERS * ROWS);
    }
}
