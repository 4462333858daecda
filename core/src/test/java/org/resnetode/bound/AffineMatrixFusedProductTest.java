package org.resnetode.bound;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * {@link AffineMatrix#apply}'s fused products ({@code A_a x_[k]} together with {@code Δ̃ x_[k]} or {@code Δ̃ x_[k-1]},
 * four rows at a time, two partial sums per row for even and odd columns) on shapes that reach every branch of the
 * kernels: rows below, at and above a multiple of four, odd and even column counts, one column; the coefficients at a
 * stride larger than cols and the block at a nonzero offset of w, so a kernel that reads the wrong row, column, order
 * or offset shows. Expected values: {@code ζ_[k] = A_a x_[k] + u0 Δ x_[k] + Δ x_[k-1]}, Δ = A_b - A_a, in BigDecimal
 * from the same doubles; the error of each entry must be within the radius apply returns (rounding size).
 */
class AffineMatrixFusedProductTest {
    private static final int ORDERS = 4;
    private static final int[][] SHAPES = {{4, 8}, {5, 7}, {9, 1}, {6, 2}, {3, 3}, {8, 16}};

    private final SplittableRandom rng = new SplittableRandom(2026);

    @Test
    void everyShapeAndSequenceIsTheExactAffineProductWithinTheRadius() {
        int checked = 0;
        for (int[] shape : SHAPES) {
            int rows = shape[0];
            int cols = shape[1];
            int stride = cols + 2;
            int block = rows * cols;
            int offset = 3;
            double[] w = new double[offset + 3 * block];
            for (int i = 0; i < w.length; i++) {
                w[i] = rng.nextDouble() * 2 - 1;
            }
            AffineMatrix m = new AffineMatrix(rows, cols, ORDERS);
            // the integrator's sequences: u0 = 0 then u0 = 1/4 on interval 0, u0 = 0 on interval 1 primed with its x_[0]
            m.knots(w, offset, offset + block, false);
            checked += compareOrders(m, w, offset, false, rows, cols, stride, 0, coefficients(cols, stride), 0);
            checked += compareOrders(m, w, offset, false, rows, cols, stride, 0.25, coefficients(cols, stride), 0);
            double[] x = coefficients(cols, stride);
            m.knots(w, offset + block, offset + 2 * block, false, java.util.Arrays.copyOf(x, cols));
            checked += compareOrders(m, w, offset + block, false, rows, cols, stride, 0, x, 0);
            // orders from 1 without order 0 at u0 != 0: Δ̃ x_[0] is formed on its own (the kernel for a skipped order)
            m.knots(w, offset, offset + block, false);
            checked += compareOrders(m, w, offset, false, rows, cols, stride, 0.75, coefficients(cols, stride), 1);
            // the tail (Δ = 0): A_a x_[k] alone
            m.knots(w, offset + 2 * block, offset + 2 * block, true);
            checked += compareOrders(m, w, offset + 2 * block, true, rows, cols, stride, 0.5, coefficients(cols, stride), 0);
        }
        int expected = 0;
        for (int[] shape : SHAPES) {
            expected += shape[0] * (4 * ORDERS + ORDERS - 1);
        }
        assertThat(checked).isEqualTo(expected);
    }

    /** Applies orders {@code first..ORDERS-1} at u0 and compares each entry with the exact product; returns the entries checked. */
    private static int compareOrders(AffineMatrix m, double[] w, int offA, boolean tail, int rows, int cols, int stride,
                                     double u0, double[] x, int first) {
        double[] xNorm = new double[ORDERS];
        double[] xRad = new double[ORDERS];
        for (int k = 0; k < ORDERS; k++) {
            for (int j = 0; j < cols; j++) {
                xNorm[k] = Math.max(xNorm[k], Math.abs(x[k * stride + j]));
            }
        }
        int outOff = 2;
        double[] out = new double[outOff + rows];
        int checked = 0;
        for (int k = first; k < ORDERS; k++) {
            double radius = m.apply(k, u0, x, stride, xNorm, xRad, out, outOff);
            assertThat(radius).as("%dx%d u0 %s order %d", rows, cols, u0, k).isLessThan(1e-13);
            for (int i = 0; i < rows; i++) {
                BigDecimal exact = BigDecimal.ZERO;
                for (int j = 0; j < cols; j++) {
                    BigDecimal a = new BigDecimal(w[offA + i * cols + j]);
                    BigDecimal delta = tail ? BigDecimal.ZERO : new BigDecimal(w[offA + rows * cols + i * cols + j]).subtract(a);
                    exact = exact.add(a.add(new BigDecimal(u0).multiply(delta)).multiply(new BigDecimal(x[k * stride + j])));
                    if (k >= 1) {
                        exact = exact.add(delta.multiply(new BigDecimal(x[(k - 1) * stride + j])));
                    }
                }
                double error = new BigDecimal(out[outOff + i]).subtract(exact).abs().doubleValue();
                assertThat(error).as("%dx%d u0 %s order %d row %d", rows, cols, u0, k, i).isLessThanOrEqualTo(radius);
                checked++;
            }
        }
        return checked;
    }

    /** Coefficients of orders 0..ORDERS-1 at the given stride; the entries between cols and stride are large decoys. */
    private double[] coefficients(int cols, int stride) {
        double[] x = new double[ORDERS * stride];
        for (int k = 0; k < ORDERS; k++) {
            for (int j = 0; j < stride; j++) {
                x[k * stride + j] = j < cols ? (rng.nextDouble() * 2 - 1) / (k + 1) : 1e3;
            }
        }
        return x;
    }
}
