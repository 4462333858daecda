package org.resnetode.bound;

import static org.assertj.core.api.Assertions.assertThat;

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
}
