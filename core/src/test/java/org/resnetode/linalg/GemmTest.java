package org.resnetode.linalg;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The three products against a naive triple loop (plain sums, no fma) on random shapes, remainders of the
 * 4-row and vector-width blocks included: every entry within the rounding bound {@code 2k ε Σ_p |a_ip b_pj|}
 * of the reference; and the Vector API kernel, the scalar kernel and 1 or 2 threads agree to the last bit.
 */
class GemmTest {
    private static final int[] SIZES = {1, 2, 3, 4, 5, 7, 8, 9, 15, 16, 17, 31, 33, 64, 67};


    /** op(A)(i, p) for the three layouts: 0 = nn/nt (A is m×k), 1 = tn (A stored k×m). */
    private static double aAt(double[] a, int aOff, boolean transposed, int m, int k, int i, int p) {
        return transposed ? a[aOff + p * m + i] : a[aOff + i * k + p];
    }

    /** op(B)(p, j): B stored k×n, or n×k when transposed (nt). */
    private static double bAt(double[] b, int bOff, boolean transposed, int n, int k, int p, int j) {
        return transposed ? b[bOff + j * k + p] : b[bOff + p * n + j];
    }

    private static void check(String op, int m, int n, int k, double beta, SplittableRandom rng) {
        int aOff = rng.nextInt(3);
        int bOff = rng.nextInt(3);
        int cOff = rng.nextInt(3);
        double[] a = random(rng, aOff + m * k);
        double[] b = random(rng, bOff + k * n);
        double[] c0 = random(rng, cOff + m * n);
        double[] c = c0.clone();
        boolean ta = op.equals("tn");
        boolean tb = op.equals("nt");
        call(op, a, aOff, b, bOff, c, cOff, m, n, k, beta);
        double eps = Math.ulp(1.0);
        for (int i = 0; i < m; i++) {
            for (int j = 0; j < n; j++) {
                double ref = beta * c0[cOff + i * n + j];
                double scale = Math.abs(ref);
                for (int p = 0; p < k; p++) {
                    double t = aAt(a, aOff, ta, m, k, i, p) * bAt(b, bOff, tb, n, k, p, j);
                    ref += t;
                    scale += Math.abs(t);
                }
                assertThat(Math.abs(c[cOff + i * n + j] - ref)).as("%s m=%d n=%d k=%d entry (%d,%d)", op, m, n, k, i, j)
                        .isLessThanOrEqualTo(2 * (k + 1) * eps * scale);
            }
        }
        for (int x = 0; x < cOff; x++) {
            assertThat(c[x]).as("entries before cOff untouched").isEqualTo(c0[x]);
        }
    }

    private static void call(String op, double[] a, int aOff, double[] b, int bOff, double[] c, int cOff,
                             int m, int n, int k, double beta) {
        switch (op) {
            case "nn" -> Gemm.nn(a, aOff, b, bOff, c, cOff, m, n, k, beta);
            case "nt" -> Gemm.nt(a, aOff, b, bOff, c, cOff, m, n, k, beta);
            default -> Gemm.tn(a, aOff, b, bOff, c, cOff, m, n, k, beta);
        }
    }

    private static double[] random(SplittableRandom rng, int size) {
        double[] v = new double[size];
        for (int i = 0; i < size; i++) {
            v[i] = rng.nextDouble(-1, 1);
        }
        return v;
    }

    @Test
    void productsMatchTheNaiveTripleLoopOnEveryShape() {
        SplittableRandom rng = new SplittableRandom(11);
        for (String op : new String[] {"nn", "nt", "tn"}) {
            for (int trial = 0; trial < 60; trial++) {
                int m = SIZES[rng.nextInt(SIZES.length)];
                int n = SIZES[rng.nextInt(SIZES.length)];
                int k = SIZES[rng.nextInt(SIZES.length)];
                check(op, m, n, k, trial % 2, rng);
            }
        }
    }

    /** Large enough to be split over threads ({@link Gemm#PARALLEL_WORK}), with remainders in both directions. */
    @Test
    void largeProductsMatchTheNaiveTripleLoop() {
        SplittableRandom rng = new SplittableRandom(12);
        Parallelism.of(3).call(() -> {
            for (String op : new String[] {"nn", "nt", "tn"}) {
                check(op, 131, 67, 41, 1, rng);
                check(op, 37, 141, 45, 0, rng);
            }
            return null;
        });
    }

    /**
     * nt's two routes (a packed Bᵀ; or Cᵀ = B Aᵀ on a packed Aᵀ, transposed into C) both give, to the last bit, the
     * definition: {@code c_ij = fma(a_i,k-1 b_j,k-1, ... fma(a_i0 b_j0, beta c_ij))}, and leave C's neighbours alone.
     */
    @Test
    void bothRoutesOfNtGiveTheFusedMultiplyAddChainBitForBit() {
        SplittableRandom rng = new SplittableRandom(15);
        // (m, n, k, beta): transposed route (m >= 16, 2nk >= m(k + n), beta 0), then packed-Bᵀ routes
        int[][] shapes = {{16, 33, 31, 0}, {64, 67, 64, 0}, {32, 64, 64, 0}, {131, 140, 41, 0}, {17, 64, 9, 0}, {15, 64, 64, 0},
                {64, 64, 64, 1}, {64, 8, 8, 0}};
        for (int threads : new int[] {1, 2}) {
            Parallelism parallelism = Parallelism.of(threads);
            for (int[] s : shapes) {
                int m = s[0];
                int n = s[1];
                int k = s[2];
                double[] a = random(rng, 1 + m * k);
                double[] b = random(rng, 2 + n * k);
                double[] c = random(rng, 3 + m * n + 2);
                double[] expected = c.clone();
                for (int i = 0; i < m; i++) {
                    for (int j = 0; j < n; j++) {
                        double sum = s[3] * expected[3 + i * n + j];
                        for (int p = 0; p < k; p++) {
                            sum = Math.fma(a[1 + i * k + p], b[2 + j * k + p], sum);
                        }
                        expected[3 + i * n + j] = sum;
                    }
                }
                double beta = s[3];
                parallelism.call(() -> {
                    Gemm.nt(a, 1, b, 2, c, 3, m, n, k, beta);
                    return null;
                });
                assertThat(c).as("threads %d, m=%d n=%d k=%d beta=%d", threads, m, n, k, s[3]).isEqualTo(expected);
            }
        }
    }

    @Test
    void vectorAndScalarKernelsAgreeToTheLastBit() {
        assertThat(Gemm.vectorized()).as("tests run with --add-modules jdk.incubator.vector (pom argLine)").isTrue();
        SplittableRandom rng = new SplittableRandom(13);
        Kernel scalar = new ScalarKernel();
        for (int trial = 0; trial < 200; trial++) {
            int m = SIZES[rng.nextInt(SIZES.length)];
            int n = SIZES[rng.nextInt(SIZES.length)];
            int k = SIZES[rng.nextInt(SIZES.length)];
            boolean transposed = rng.nextBoolean();
            double beta = rng.nextInt(2);
            double[] a = random(rng, m * k);
            double[] b = random(rng, k * n);
            double[] c = random(rng, m * n);
            double[] expected = c.clone();
            int ars = transposed ? 1 : k;
            int acs = transposed ? m : 1;
            scalar.block(a, 0, ars, acs, b, 0, expected, 0, n, k, beta, 0, m, 0, n);
            Gemm.kernel().block(a, 0, ars, acs, b, 0, c, 0, n, k, beta, 0, m, 0, n);
            assertThat(c).as("m=%d n=%d k=%d", m, n, k).isEqualTo(expected);
        }
    }

    @Test
    void oneAndTwoThreadsAgreeToTheLastBit() {
        SplittableRandom rng = new SplittableRandom(14);
        for (String op : new String[] {"nn", "nt", "tn"}) {
            for (int[] s : new int[][] {{128, 64, 64}, {8, 130, 200}, {67, 67, 67}}) {
                double[] a = random(rng, s[0] * s[2]);
                double[] b = random(rng, s[2] * s[1]);
                double[] c1 = random(rng, s[0] * s[1]);
                double[] c2 = c1.clone();
                Parallelism.SERIAL.call(() -> {
                    call(op, a, 0, b, 0, c1, 0, s[0], s[1], s[2], 1);
                    return null;
                });
                Parallelism.of(2).call(() -> {
                    call(op, a, 0, b, 0, c2, 0, s[0], s[1], s[2], 1);
                    return null;
                });
                assertThat(c2).as("%s %dx%dx%d", op, s[0], s[1], s[2]).isEqualTo(c1);
            }
        }
    }
}
