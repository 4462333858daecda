package org.resnetode.linalg;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * Every tile of the kernel in use ({@link VectorKernel} under the tests' {@code --add-modules jdk.incubator.vector}: 4
 * and 1 rows × 4 vectors, 4 × 2, 8 × 1 and 4 × 1 vectors, single rows, scalar columns, B read in place or from a packed
 * panel when A is read by columns) and the plain-Java {@link ScalarKernel} against the definition written out here:
 * {@code c_ij = fma(a_i,k-1 b_k-1,j, ... fma(a_i0 b_0j, beta c_ij))}, bit for bit, on blocks
 * {@code [i0, i1) × [j0, j1)} inside a larger C whose other entries must stay untouched. Row counts 1 to 16 give every
 * remainder of the 4-row and 8-row tiles (the rows left go to single rows); column counts give every
 * panel width; each shape with A and with Aᵀ.
 */
class KernelTilesTest {
    private static final int[] ROWS = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16};
    private static final int[] COLUMNS = {1, 7, 8, 16, 24, 31, 32, 33, 40, 64, 75};
    private static final int[] DEPTHS = {1, 2, 9, 64};

    @Test
    void everyTileAndRemainderGivesTheFusedMultiplyAddChainBitForBit() {
        SplittableRandom rng = new SplittableRandom(21);
        for (Kernel kernel : new Kernel[] {Gemm.kernel(), new ScalarKernel()}) {
            for (int rows : ROWS) {
                for (int columns : COLUMNS) {
                    for (boolean transposedA : new boolean[] {false, true}) {
                        int k = DEPTHS[rng.nextInt(DEPTHS.length)];
                        check(kernel, rows, columns, k, transposedA, rng.nextInt(2), rng);
                    }
                }
            }
        }
    }

    /**
     * The packed panel of B is one array a thread reuses: a product of depth 64 after one of depth 2 (the panel grown) and
     * one of depth 2 after it (a longer panel than needed, stale entries beyond k) both give the definition's bits.
     */
    @Test
    void aReusedPanelOfAnotherDepthGivesTheSameBits() {
        SplittableRandom rng = new SplittableRandom(5);
        for (int k : new int[] {2, 64, 2, 9}) {
            check(Gemm.kernel(), 13, 40, k, true, 0, rng);
            check(Gemm.kernel(), 8, 64, k, true, 1, rng);
        }
    }

    /**
     * The 4-row tile has one copy for beta = 0 (accumulators from zero) and one for beta ≠ 0 (from beta C): every row
     * count, both betas, A and Aᵀ, on a C whose block holds NaN and infinities, which beta = 0 must overwrite (its definition
     * starts from 0, not from 0 · NaN) and beta = 1 must carry into the chain.
     */
    @Test
    void bothStartsOfTheRowTilesOverwriteOrCarryWhatCHeld() {
        SplittableRandom rng = new SplittableRandom(8);
        for (Kernel kernel : new Kernel[] {Gemm.kernel(), new ScalarKernel()}) {
            for (int rows : ROWS) {
                for (int beta = 0; beta <= 1; beta++) {
                    for (boolean transposedA : new boolean[] {false, true}) {
                        int k = 9;
                        int n = 40;
                        double[] a = random(rng, rows * k);
                        double[] b = random(rng, k * n);
                        double[] c = random(rng, rows * n);
                        c[0] = Double.NaN;
                        c[c.length - 1] = Double.POSITIVE_INFINITY;
                        c[c.length / 2] = Double.NEGATIVE_INFINITY;
                        int ars = transposedA ? 1 : k;
                        int acs = transposedA ? rows : 1;
                        double[] expected = new double[c.length];
                        for (int i = 0; i < rows; i++) {
                            for (int j = 0; j < n; j++) {
                                double sum = beta == 0 ? 0.0 : c[i * n + j];
                                for (int p = 0; p < k; p++) {
                                    sum = Math.fma(a[i * ars + p * acs], b[p * n + j], sum);
                                }
                                expected[i * n + j] = sum;
                            }
                        }
                        kernel.block(a, 0, ars, acs, b, 0, c, 0, n, k, beta, 0, rows, 0, n);
                        assertThat(c).as("%s rows %d beta %d transposed A %b", kernel.getClass().getSimpleName(), rows, beta,
                                transposedA).isEqualTo(expected);
                    }
                }
            }
        }
    }

    /**
     * With beta = 1, a tile of C holding +0.0 alone may start its chains from zero (the same bits), but not one holding a
     * -0.0 or any other value, nor any tile when beta is neither 0 nor 1 (beta = -1 turns +0 into -0): a = +0 and b = -1
     * make the first term -0, and fma(+0, -1, -0) = -0 where a chain from +0 gives +0. C is 11 rows × 32 columns, two
     * 4-row tiles and three single rows; one of the three parts is filled with +0 or -0 everywhere, or +0 but one entry
     * (in each of its vectors in turn: -0, then a tiny value), the others hold +0 alone, so that a check of the wrong tile
     * is seen too.
     */
    @Test
    void onlyATileOfPositiveZerosStartsFromZeroWhenItAccumulates() {
        int rows = 11;
        int n = 32;
        for (Kernel kernel : new Kernel[] {Gemm.kernel(), new ScalarKernel()}) {
            for (int[] tile : new int[][] {{0, 4 * n}, {4 * n, 8 * n}, {8 * n, 11 * n}}) {
                for (double beta : new double[] {1, -1}) {
                    for (double fill : new double[] {0.0, -0.0}) {
                        for (int odd = -1; tile[0] + odd < tile[1]; odd += n / 4) {
                            for (double oddValue : new double[] {-0.0, Double.MIN_VALUE}) {
                                double[] c = new double[rows * n];
                                java.util.Arrays.fill(c, tile[0], tile[1], fill);
                                if (odd >= 0) {
                                    c[tile[0] + odd] = oddValue;
                                }
                                double[] a = new double[rows];
                                double[] b = new double[n];
                                java.util.Arrays.fill(b, -1.0);
                                double[] expected = new double[c.length];
                                for (int x = 0; x < c.length; x++) {
                                    expected[x] = Math.fma(a[x / n], b[x % n], beta * c[x]);
                                }
                                kernel.block(a, 0, 1, 1, b, 0, c, 0, n, 1, beta, 0, rows, 0, n);
                                for (int x = 0; x < c.length; x++) {
                                    assertThat(Double.doubleToRawLongBits(c[x]))
                                            .as("%s tile at %d beta %s fill %s entry %d of %s at %d",
                                                    kernel.getClass().getSimpleName(), tile[0], beta, fill, x, oddValue, odd)
                                            .isEqualTo(Double.doubleToRawLongBits(expected[x]));
                                }
                            }
                        }
                    }
                }
            }
        }
    }

    @Test
    void theVectorKernelIsInUse() {
        assertThat(Gemm.kernel()).as("tests run with --add-modules jdk.incubator.vector (pom argLine)").isInstanceOf(VectorKernel.class);
    }

    /**
     * C (m×n, with a margin of 2 rows and 3 columns around the block) on block {@code [i0, i0+rows) × [j0, j0+columns)},
     * A read as A (ars = k, acs = 1) or Aᵀ (ars = 1, acs = m), from nonzero offsets.
     */
    private static void check(Kernel kernel, int rows, int columns, int k, boolean transposedA, int beta, SplittableRandom rng) {
        int i0 = 2;
        int j0 = 3;
        int m = rows + 4;
        int n = columns + 6;
        int aOff = 1 + rng.nextInt(3);
        int bOff = 1 + rng.nextInt(3);
        int cOff = rng.nextInt(3);
        double[] a = random(rng, aOff + m * k);
        double[] b = random(rng, bOff + k * n);
        double[] c = random(rng, cOff + m * n);
        int ars = transposedA ? 1 : k;
        int acs = transposedA ? m : 1;
        double[] expected = c.clone();
        for (int i = i0; i < i0 + rows; i++) {
            for (int j = j0; j < j0 + columns; j++) {
                double sum = beta * expected[cOff + i * n + j];
                for (int p = 0; p < k; p++) {
                    sum = Math.fma(a[aOff + i * ars + p * acs], b[bOff + p * n + j], sum);
                }
                expected[cOff + i * n + j] = sum;
            }
        }
        kernel.block(a, aOff, ars, acs, b, bOff, c, cOff, n, k, beta, i0, i0 + rows, j0, j0 + columns);
        assertThat(c).as("%s rows %d columns %d k %d transposed A %b beta %d", kernel.getClass().getSimpleName(), rows, columns,
                k, transposedA, beta).isEqualTo(expected);
    }

    private static double[] random(SplittableRandom rng, int size) {
        double[] v = new double[size];
        for (int i = 0; i < size; i++) {
            v[i] = rng.nextDouble(-1, 1);
        }
        return v;
    }
}
