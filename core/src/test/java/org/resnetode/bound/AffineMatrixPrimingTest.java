package org.resnetode.bound;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * {@link AffineMatrix#knots(double[], int, int, boolean, double[])} forms {@code A_a x_[0]} and {@code Δ̃ x_[0]} in its
 * pass over the weights; {@link AffineMatrix#apply} uses them for the first substep at u0 = 0. Every order of that
 * substep, and of the next substep at u0 = 1/2 (which must not reuse them), is compared with the exact product of the
 * same doubles in BigDecimal: the error must be within the returned radius, which must stay at rounding size. Negative
 * control: priming from a point other than the substep's {@code x_[0]} gives an error far above the radius, so a
 * primed product used where it does not belong is visible to this comparison.
 */
class AffineMatrixPrimingTest {
    private static final int ROWS = 3;
    private static final int COLS = 5;
    private static final int ORDERS = 4;

    private final SplittableRandom rng = new SplittableRandom(19);

    @Test
    void primedProductsAreTheExactProductsWithinTheRadius() {
        double[] w = weights();
        for (boolean tail : new boolean[] {false, true}) {
            AffineMatrix m = new AffineMatrix(ROWS, COLS, ORDERS);
            double[] x = coefficients();
            m.knots(w, 0, ROWS * COLS, tail, java.util.Arrays.copyOf(x, COLS));
            assertThat(largestExcess(m, w, tail, 0, x)).as("tail %s, u0 = 0", tail).isLessThanOrEqualTo(0);
            assertThat(largestExcess(m, w, tail, 0.5, coefficients())).as("tail %s, u0 = 1/2", tail).isLessThanOrEqualTo(0);
        }
    }

    @Test
    void aProductPrimedFromAnotherPointIsCaught() {
        double[] w = weights();
        AffineMatrix m = new AffineMatrix(ROWS, COLS, ORDERS);
        double[] x = coefficients();
        double[] other = new double[COLS];
        for (int j = 0; j < COLS; j++) {
            other[j] = x[j] + 0.25;
        }
        m.knots(w, 0, ROWS * COLS, false, other);
        assertThat(largestExcess(m, w, false, 0, x)).isGreaterThan(1e-3);
    }

    private double[] weights() {
        double[] w = new double[2 * ROWS * COLS];
        for (int i = 0; i < w.length; i++) {
            w[i] = rng.nextDouble() * 2 - 1;
        }
        return w;
    }

    private double[] coefficients() {
        double[] x = new double[ORDERS * COLS];
        for (int i = 0; i < x.length; i++) {
            x[i] = (rng.nextDouble() * 2 - 1) / (i / COLS + 1);
        }
        return x;
    }

    /**
     * The largest {@code |ζ_k - ζ*_k| - radius_k} over the orders and rows of one substep at u0, ζ* the exact
     * {@code A_a x_k + u0 Δ x_k + Δ x_{k-1}} (Δ = 0 on the tail); also checks each radius is at rounding size.
     */
    private static double largestExcess(AffineMatrix m, double[] w, boolean tail, double u0, double[] x) {
        double[] xNorm = new double[ORDERS];
        double[] xRad = new double[ORDERS];
        for (int k = 0; k < ORDERS; k++) {
            for (int j = 0; j < COLS; j++) {
                xNorm[k] = Math.max(xNorm[k], Math.abs(x[k * COLS + j]));
            }
        }
        double[] out = new double[ROWS];
        double excess = Double.NEGATIVE_INFINITY;
        for (int k = 0; k < ORDERS; k++) {
            double radius = m.apply(k, u0, x, COLS, xNorm, xRad, out, 0);
            assertThat(radius).as("order %d", k).isLessThan(1e-13);
            for (int i = 0; i < ROWS; i++) {
                BigDecimal exact = BigDecimal.ZERO;
                for (int j = 0; j < COLS; j++) {
                    BigDecimal a = new BigDecimal(w[i * COLS + j]);
                    BigDecimal delta = tail ? BigDecimal.ZERO : new BigDecimal(w[ROWS * COLS + i * COLS + j]).subtract(a);
                    exact = exact.add(a.add(new BigDecimal(u0).multiply(delta)).multiply(new BigDecimal(x[k * COLS + j])));
                    if (k >= 1) {
                        exact = exact.add(delta.multiply(new BigDecimal(x[(k - 1) * COLS + j])));
                    }
                }
                excess = Math.max(excess, new BigDecimal(out[i]).subtract(exact).abs().doubleValue() - radius);
            }
        }
        return excess;
    }
}
