package org.resnetode.linalg;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * One sample's products: {@code M x}, {@code Mᵀ p} and {@code G += u vᵀ} against exact sums (BigDecimal, every
 * product and sum exact) within the rounding bound {@code 2 cols ε Σ |terms|}; the stated summation orders
 * written out as plain loops give the same bits, on shapes with every remainder of the 4-row, 4-column and
 * 8-column blocks; and one sample's tanh has the batched kernels' bits.
 */
class GemvTest {
    private static final int[] SIZES = {1, 2, 3, 4, 5, 7, 8, 9, 15, 16, 17, 31, 33, 64, 67};
    private static final double EPS = Math.ulp(1.0);

    private static double[] random(SplittableRandom rng, int n) {
        double[] v = new double[n];
        for (int i = 0; i < n; i++) {
            v[i] = rng.nextDouble(-1, 1);
        }
        return v;
    }

    /** Σ a_i b_i exactly, and Σ |a_i b_i|. */
    private static double[] exactDot(double[] a, int aOff, int aStride, double[] b, int n) {
        BigDecimal s = BigDecimal.ZERO;
        double abs = 0;
        for (int i = 0; i < n; i++) {
            s = s.add(new BigDecimal(a[aOff + i * aStride]).multiply(new BigDecimal(b[i])));
            abs += Math.abs(a[aOff + i * aStride] * b[i]);
        }
        return new double[] {s.round(MathContext.DECIMAL128).doubleValue(), abs};
    }

    @Test
    void productsAreWithinTheRoundingBoundOfExactSums() {
        SplittableRandom rng = new SplittableRandom(21);
        for (int trial = 0; trial < 300; trial++) {
            int rows = SIZES[rng.nextInt(SIZES.length)];
            int cols = SIZES[rng.nextInt(SIZES.length)];
            int off = rng.nextInt(5);
            double[] m = random(rng, off + rows * cols);
            double[] x = random(rng, cols);
            double[] p = random(rng, rows);
            double[] out = new double[rows];
            Gemv.multiply(m, off, rows, cols, x, out);
            for (int i = 0; i < rows; i++) {
                double[] e = exactDot(m, off + i * cols, 1, x, cols);
                assertThat(Math.abs(out[i] - e[0])).as("M x, %d×%d row %d", rows, cols, i).isLessThanOrEqualTo(2 * cols * EPS * e[1]);
            }
            // p and the output of Mᵀ p at offsets of their own (1 and 2 entries in), u of the outer product too
            double[] pAt1 = new double[1 + rows];
            System.arraycopy(p, 0, pAt1, 1, rows);
            double[] outT = random(rng, 2 + cols);
            double[] outBefore = outT.clone();
            Gemv.multiplyTransposed(m, off, rows, cols, pAt1, 1, outT, 2);
            for (int j = 0; j < cols; j++) {
                double[] e = exactDot(m, off + j, cols, p, rows);
                assertThat(Math.abs(outT[2 + j] - e[0])).as("Mᵀ p, %d×%d column %d", rows, cols, j).isLessThanOrEqualTo(2 * rows * EPS * e[1]);
            }
            assertThat(java.util.Arrays.copyOf(outT, 2)).isEqualTo(java.util.Arrays.copyOf(outBefore, 2));
            double[] g = random(rng, off + rows * cols);
            double[] before = g.clone();
            Gemv.addOuter(g, off, rows, cols, pAt1, 1, x);
            for (int i = 0; i < rows; i++) {
                for (int j = 0; j < cols; j++) {
                    // one product and one sum, each correctly rounded: the exact value within 2 ε of its magnitude
                    BigDecimal exact = new BigDecimal(before[off + i * cols + j]).add(new BigDecimal(p[i]).multiply(new BigDecimal(x[j])));
                    double bound = 2 * EPS * (Math.abs(before[off + i * cols + j]) + Math.abs(p[i] * x[j]));
                    assertThat(Math.abs(g[off + i * cols + j] - exact.doubleValue())).isLessThanOrEqualTo(bound);
                }
            }
            assertThat(java.util.Arrays.copyOf(g, off)).isEqualTo(java.util.Arrays.copyOf(before, off));
        }
    }

    /** The orders the kernel contract states, as plain loops: four partial sums per row; rows in turn for Mᵀ p. */
    @Test
    void theStatedSummationOrdersGiveTheSameBits() {
        SplittableRandom rng = new SplittableRandom(22);
        for (int trial = 0; trial < 200; trial++) {
            int rows = SIZES[rng.nextInt(SIZES.length)];
            int cols = SIZES[rng.nextInt(SIZES.length)];
            double[] m = random(rng, rows * cols);
            double[] x = random(rng, cols);
            double[] p = random(rng, rows);
            double[] out = new double[rows];
            Gemv.multiply(m, 0, rows, cols, x, out);
            for (int i = 0; i < rows; i++) {
                double[] s = new double[4];
                int blocked = cols - cols % 4;
                for (int j = 0; j < blocked; j++) {
                    s[j % 4] += m[i * cols + j] * x[j];
                }
                for (int j = blocked; j < cols; j++) {
                    s[0] += m[i * cols + j] * x[j];
                }
                assertThat(out[i]).isEqualTo((s[0] + s[1]) + (s[2] + s[3]));
            }
            double[] outT = new double[cols];
            Gemv.multiplyTransposed(m, 0, rows, cols, p, 0, outT, 0);
            for (int j = 0; j < cols; j++) {
                double s = 0;
                for (int i = 0; i < rows; i++) {
                    s += p[i] * m[i * cols + j];
                }
                assertThat(outT[j]).isEqualTo(s);
            }
        }
    }

    /** One sample's tanh is {@link Tanh#of}, the batched kernels' tanh, to the last bit. */
    @Test
    void oneSampleTanhHasTheBatchedBits() {
        SplittableRandom rng = new SplittableRandom(24);
        for (int n : SIZES) {
            double[] z = new double[n + 2];
            for (int i = 0; i < z.length; i++) {
                z[i] = rng.nextDouble(-30, 30);
            }
            double[] batched = z.clone();
            Elementwise.tanh(batched, 1, n);
            double[] one = z.clone();
            Gemv.tanh(one, 1, n);
            assertThat(one).isEqualTo(batched);
        }
    }
}
