package org.resnetode.bound;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * {@link AffineMatrix#knots} reuses the previous interval's A_b norms as A_a's only when the new interval starts where
 * the last one ended in the same array. The blocks are diagonal, so every norm is exact by hand: ||diag(a, b)||_∞ =
 * ||diag(a, b)||_2 = max(|a|, |b|), and ||Δ||_∞ = max |Δ_ii|. Each bound must be at least the exact norm of the
 * interval actually given; a stale reuse (another interval's or another array's norms) falls below it.
 */
class AffineMatrixKnotsEdgeTest {
    /** Seven 2×2 diagonal blocks, block k at offset 4k; block 5 much the largest. */
    private static double[] blocks(double... diagonals) {
        double[] w = new double[2 * diagonals.length];
        for (int k = 0; k < diagonals.length / 2; k++) {
            w[4 * k] = diagonals[2 * k];
            w[4 * k + 3] = diagonals[2 * k + 1];
        }
        return w;
    }

    private static void assertEncloses(AffineMatrix m, double normA, double normB, double normDelta) {
        assertThat(m.sup()).isGreaterThanOrEqualTo(Math.max(normA, normB)).isLessThan(Math.max(normA, normB) * (1 + 1e-12));
        assertThat(m.spectralSup()).isGreaterThanOrEqualTo(Math.max(normA, normB));
        assertThat(m.normDelta).isGreaterThanOrEqualTo(normDelta).isLessThan(normDelta * (1 + 1e-12) + 1e-300);
    }

    @Test
    void anIntervalThatDoesNotFollowTheLastOneHasItsOwnNorms() {
        double[] w = blocks(1, 0.5, 1, 0.5, 0.5, 0.5, 1, 1, 0.5, 1, 8, 1, 0.5, 0.25, 0, 0);
        AffineMatrix m = new AffineMatrix(2, 2, 4);
        m.knots(w, 0, 4, false);
        assertEncloses(m, 1, 1, 0);
        m.knots(w, 20, 24, false);
        assertEncloses(m, 8, 0.5, 7.5);
        m.knots(w, 24, 28, false);
        assertEncloses(m, 0.5, 0, 0.5);
    }

    @Test
    void anotherArrayAtTheOffsetWhereTheLastIntervalEndedHasItsOwnNorms() {
        double[] w1 = blocks(1, 1, 1, 1, 1, 1);
        double[] w2 = blocks(1, 1, 8, 1, 1, 1);
        AffineMatrix m = new AffineMatrix(2, 2, 4);
        m.knots(w1, 0, 4, false);
        assertEncloses(m, 1, 1, 0);
        m.knots(w2, 4, 8, false);
        assertEncloses(m, 8, 1, 7);
    }

    @Test
    void onTheTailTheBlockStaysAndANonTailIntervalSeesItsEnd() {
        double[] w = blocks(1, 0.5, 4, 2, 0, 0);
        AffineMatrix m = new AffineMatrix(2, 2, 4);
        m.knots(w, 0, 4, false);
        assertEncloses(m, 1, 4, 3);
        m.knots(w, 4, 8, true);
        assertThat(m.sup()).isGreaterThanOrEqualTo(4).isLessThan(4 * (1 + 1e-12));
        assertThat(m.normDelta).isZero();
    }

    /**
     * The knot pass's sums against exact arithmetic, for 1 to 9 rows (pairs of rows and the row after them) with the
     * largest row sum of |A_b| and of |Δ| put in every row in turn: {@code ||A_b||_∞} and {@code ||Δ||_∞} at least the
     * exact ones (BigDecimal) and within 1e-12 of them; and with A_a diagonal (its Gram bound exact and below its
     * Frobenius norm, so it is the reference and {@code spectralA = max |a_ii|}) the spectral bound of A_b is the
     * reference's plus the exact {@code ||A_b - A_a||_F}, within 1e-12.
     */
    @Test
    void knotSumsAreTheExactNormsInEveryRowPosition() {
        SplittableRandom rng = new SplittableRandom(31);
        for (int rows = 1; rows <= 9; rows++) {
            for (int heavy = 0; heavy < rows; heavy++) {
                int cols = 1 + rng.nextInt(9);
                int n = rows * cols;
                double[] w = new double[2 * n];
                double reference = 0;
                for (int i = 0; i < Math.min(rows, cols); i++) {
                    w[i * cols + i] = 1 + rng.nextDouble();
                }
                // the heavy row's entry 3 (on the diagonal when rows <= cols) makes its row sum of |A_b| the largest
                w[heavy * cols + Math.min(heavy, cols - 1)] = 3;
                for (int i = 0; i < Math.min(rows, cols); i++) {
                    reference = Math.max(reference, Math.abs(w[i * cols + i]));
                }
                for (int e = 0; e < n; e++) {
                    double step = (rng.nextDouble() - 0.5) * 1e-3 / n;
                    if (e / cols == heavy) {
                        step = Math.abs(step) * 4;
                    }
                    w[n + e] = w[e] + step;
                }
                BigDecimal largestB = BigDecimal.ZERO;
                BigDecimal largestDelta = BigDecimal.ZERO;
                BigDecimal squares = BigDecimal.ZERO;
                for (int i = 0; i < rows; i++) {
                    BigDecimal rowB = BigDecimal.ZERO;
                    BigDecimal rowDelta = BigDecimal.ZERO;
                    for (int j = 0; j < cols; j++) {
                        BigDecimal b = new BigDecimal(w[n + i * cols + j]);
                        BigDecimal delta = b.subtract(new BigDecimal(w[i * cols + j]));
                        rowB = rowB.add(b.abs());
                        rowDelta = rowDelta.add(delta.abs());
                        squares = squares.add(delta.multiply(delta));
                    }
                    largestB = largestB.max(rowB);
                    largestDelta = largestDelta.max(rowDelta);
                }
                AffineMatrix m = new AffineMatrix(rows, cols, 2);
                m.knots(w, 0, n, false, new double[cols]);
                String what = rows + " × " + cols + ", heavy row " + heavy;
                assertThat(new BigDecimal(m.normB).compareTo(largestB)).as(what + ": ||A_b||").isGreaterThanOrEqualTo(0);
                assertThat(m.normB).as(what).isLessThan(largestB.doubleValue() * (1 + 1e-12));
                assertThat(new BigDecimal(m.normDelta).compareTo(largestDelta)).as(what + ": ||Δ||").isGreaterThanOrEqualTo(0);
                assertThat(m.normDelta).as(what).isLessThan(largestDelta.doubleValue() * (1 + 1e-12));
                if (rows <= cols && rows >= 2) {
                    assertThat(m.spectralA).as(what + ": the diagonal reference").isBetween(reference, reference * (1 + 1e-13));
                    double frobenius = Math.sqrt(squares.doubleValue());
                    assertThat(m.spectralB).as(what + ": reference + ||Δ||_F")
                            .isBetween(reference + frobenius, (reference + frobenius) * (1 + 1e-12));
                }
            }
        }
    }
}
