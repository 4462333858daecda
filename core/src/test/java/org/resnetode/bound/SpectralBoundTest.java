package org.resnetode.bound;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.SplittableRandom;
import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.SingularValueDecomposition;
import org.junit.jupiter.api.Test;

/**
 * The SVD-free spectral-norm bounds: never below the exact norm (closed form for 2 × 2 in BigDecimal; an SVD of Commons
 * Math elsewhere, an independent route), equal to it on diagonal matrices, and close to it along smooth layers.
 */
class SpectralBoundTest {
    private static final MathContext MC = new MathContext(60);

    /** ||A||_2 of a 2 × 2 matrix: sqrt of the largest eigenvalue of G = A A^T, (tr G + sqrt(tr² - 4 det G)) / 2. */
    private static BigDecimal exactTwoByTwo(double[] a) {
        BigDecimal a0 = new BigDecimal(a[0]);
        BigDecimal a1 = new BigDecimal(a[1]);
        BigDecimal a2 = new BigDecimal(a[2]);
        BigDecimal a3 = new BigDecimal(a[3]);
        BigDecimal g00 = a0.multiply(a0).add(a1.multiply(a1));
        BigDecimal g11 = a2.multiply(a2).add(a3.multiply(a3));
        BigDecimal g01 = a0.multiply(a2).add(a1.multiply(a3));
        BigDecimal tr = g00.add(g11);
        BigDecimal det = g00.multiply(g11).subtract(g01.multiply(g01));
        BigDecimal disc = tr.multiply(tr).subtract(det.multiply(BigDecimal.valueOf(4))).max(BigDecimal.ZERO);
        return tr.add(disc.sqrt(MC)).divide(BigDecimal.valueOf(2), MC).sqrt(MC);
    }

    private static double svd(double[] a, int off, int rows, int cols) {
        double[][] m = new double[rows][cols];
        for (int i = 0; i < rows; i++) {
            System.arraycopy(a, off + i * cols, m[i], 0, cols);
        }
        return new SingularValueDecomposition(new Array2DRowRealMatrix(m, false)).getNorm();
    }

    @Test
    void twoByTwoBoundsAreNeverBelowTheClosedForm() {
        SplittableRandom rng = new SplittableRandom(11);
        for (int trial = 0; trial < 3000; trial++) {
            double[] a = new double[4];
            for (int i = 0; i < 4; i++) {
                a[i] = (rng.nextDouble() - 0.5) * Math.pow(10, rng.nextInt(-2, 3));
            }
            double bound = new SpectralBound(2, 2).of(a, 0);
            BigDecimal exact = exactTwoByTwo(a);
            assertThat(new BigDecimal(bound).compareTo(exact)).as("bound %s >= ||A||_2 %s", bound, exact).isGreaterThanOrEqualTo(0);
            // sqrt(||G||_∞) <= sqrt(2 λ_max) for a 2 × 2 Gram matrix
            assertThat(bound / exact.doubleValue()).as("within √2").isLessThanOrEqualTo(Math.sqrt(2) * (1 + 1e-12));
        }
    }

    @Test
    void diagonalAndRankOneMatricesAreBoundedExactly() {
        double[] diagonal = {3, 0, 0, 0, -1, 0, 0, 0, 2};
        assertThat(new SpectralBound(3, 3).of(diagonal, 0)).isBetween(3.0, 3 * (1 + 1e-14));
        // rank one: ||u v^T||_2 = ||u|| ||v|| = ||u v^T||_F = sqrt(1 + 4) · sqrt(9 + 16) = 5 √5
        double[] rankOne = {3, 4, 6, 8};
        assertThat(new SpectralBound(2, 2).of(rankOne, 0)).isBetween(5 * Math.sqrt(5), 5 * Math.sqrt(5) * (1 + 1e-14));
        // rectangular: the 2 × 3 block [[1, 0, 0], [0, 0, 2]] has norm 2
        assertThat(new SpectralBound(2, 3).of(new double[] {7, 1, 0, 0, 0, 0, 2}, 1)).isBetween(2.0, 2 * (1 + 1e-14));
    }

    /**
     * Layers drifting smoothly, {@code A_n = A (1 + n/1024) + n/1024 B}: every bound is at least the SVD's norm, and at
     * most {@code 1.1 d^{1/4} / (1 - 0.1 d^{1/4})} times it ({@code sqrt(||G||_∞) <= d^{1/4} ||A||_2}, and the drift
     * term is at most 10% of the reference's bound); a few Gram matrices serve all 256 layers.
     */
    @Test
    void smoothLayersAreBoundedCloselyWithoutAnSvdPerLayer() {
        SplittableRandom rng = new SplittableRandom(17);
        int d = 8;
        int layers = 256;
        double[] w = new double[layers * d * d];
        double[] a = new double[d * d];
        double[] b = new double[d * d];
        for (int i = 0; i < d * d; i++) {
            a[i] = rng.nextGaussian() / Math.sqrt(d);
            b[i] = rng.nextGaussian() / Math.sqrt(d);
        }
        for (int n = 0; n < layers; n++) {
            for (int i = 0; i < d * d; i++) {
                w[n * d * d + i] = a[i] * (1 + n / 1024.0) + n / 1024.0 * b[i];
            }
        }
        SpectralBound bound = new SpectralBound(d, d);
        int references = 0;
        int lastReference = -1;
        for (int n = 0; n < layers; n++) {
            double exact = svd(w, n * d * d, d, d);
            double up = bound.of(w, n * d * d);
            double quarter = Math.pow(d, 0.25);
            assertThat(up).as("layer %d", n).isGreaterThanOrEqualTo(exact * (1 - 1e-12))
                    .isLessThanOrEqualTo(1.1 * quarter / (1 - 0.1 * quarter) * exact);
            if (bound.referenceOff() != lastReference) {
                references++;
                lastReference = bound.referenceOff();
            }
        }
        assertThat(bound.referenceData()).isSameAs(w);
        assertThat(references).as("Gram matrices formed over %d layers", layers).isBetween(2, layers / 8);
    }

    /** {@code Σ a²} of the block at {@code off}, as the knot pass forms it. */
    private static double squares(double[] w, int off, int n) {
        double s = 0;
        for (int i = 0; i < n; i++) {
            s += w[off + i] * w[off + i];
        }
        return s;
    }

    /** {@code Σ Δ̃²} of the step from the block at {@code offA} to the one at {@code offB}, as the knot pass forms it. */
    private static double stepSquares(double[] w, int offA, int offB, int n) {
        double s = 0;
        for (int i = 0; i < n; i++) {
            double e = w[offB + i] - w[offA + i];
            s += e * e;
        }
        return s;
    }

    /**
     * Along consecutive layers the drift is the sum of the steps' Frobenius norms: diag(1, 1), diag(1.03, 1),
     * diag(1.06, 1), diag(1.09, 1) give σ_K + 0.03 k (exactly representable steps up to rounding), the path sum reaching
     * 0.09 < 0.1 keeps the reference; a fifth step to diag(1.12, 1) (path 0.12) renews it (exactly 1.12). A rank-one
     * reference is bounded by its Frobenius norm ({@code u v^T}: 5 √5), where the Gram route gives {@code sqrt(||G||_∞)}
     * (here {@code sqrt(6)·5/√5·√5}, larger).
     */
    @Test
    void followingLayersCarryThePathDrift() {
        double[] w = {1, 0, 0, 1, 1.03, 0, 0, 1, 1.06, 0, 0, 1, 1.09, 0, 0, 1, 1.12, 0, 0, 1};
        SpectralBound bound = new SpectralBound(2, 2);
        assertThat(bound.of(w, 0)).isBetween(1.0, 1 + 1e-14);
        double expected = 1;
        for (int n = 1; n <= 3; n++) {
            expected += Math.abs(w[4 * n] - w[4 * (n - 1)]);
            assertThat(bound.following(w, 4 * n, squares(w, 4 * n, 4), bound.stepNorm(stepSquares(w, 4 * (n - 1), 4 * n, 4)))).as("layer %d: 1 + path", n)
                    .isBetween(expected, expected * (1 + 1e-14));
            assertThat(bound.referenceOff()).isZero();
        }
        assertThat(bound.following(w, 16, squares(w, 16, 4), bound.stepNorm(stepSquares(w, 12, 16, 4)))).as("renewed: exactly 1.12")
                .isBetween(1.12, 1.12 * (1 + 1e-14));
        assertThat(bound.referenceOff()).isEqualTo(16);
        double[] rankOne = {1, 2, 1, 2};
        SpectralBound narrow = new SpectralBound(2, 1);
        assertThat(narrow.of(rankOne, 0)).as("||(1, 2)^T||_2 = √5").isBetween(Math.sqrt(5), Math.sqrt(5) * (1 + 1e-14));
        assertThat(narrow.following(rankOne, 2, 5, 0)).as("no step: the reference's √5").isBetween(Math.sqrt(5), Math.sqrt(5) * (1 + 1e-14));
    }

    /**
     * Smooth and rough layers bounded through {@link SpectralBound#following}, as the knot pass does: every bound at least
     * the SVD's norm; on smooth layers a few Gram matrices serve all 256 (as for the chord drift), on i.i.d. layers every
     * layer is its own reference and the bound is the Gram bound of the layer itself (at most {@code d^{1/4}} times the norm).
     */
    @Test
    void followingIsNeverBelowTheNormOnSmoothOrRoughLayers() {
        SplittableRandom rng = new SplittableRandom(23);
        int d = 8;
        int layers = 256;
        int n = d * d;
        for (boolean smooth : new boolean[] {true, false}) {
            double[] w = new double[layers * n];
            double[] a = new double[n];
            double[] b = new double[n];
            for (int i = 0; i < n; i++) {
                a[i] = rng.nextGaussian() / Math.sqrt(d);
                b[i] = rng.nextGaussian() / Math.sqrt(d);
            }
            for (int l = 0; l < layers; l++) {
                for (int i = 0; i < n; i++) {
                    w[l * n + i] = smooth ? a[i] * Math.cos(l / 400.0) + b[i] * Math.sin(l / 400.0) : rng.nextGaussian() / Math.sqrt(d);
                }
            }
            SpectralBound bound = new SpectralBound(d, d);
            double up = bound.of(w, 0);
            int references = 1;
            int lastReference = bound.referenceOff();
            for (int l = 0; l < layers; l++) {
                if (l > 0) {
                    up = bound.following(w, l * n, squares(w, l * n, n), bound.stepNorm(stepSquares(w, (l - 1) * n, l * n, n)));
                }
                double exact = svd(w, l * n, d, d);
                assertThat(up).as("%s layer %d", smooth ? "smooth" : "rough", l).isGreaterThanOrEqualTo(exact * (1 - 1e-12))
                        .isLessThanOrEqualTo(1.1 * Math.pow(d, 0.25) / (1 - 0.1 * Math.pow(d, 0.25)) * exact);
                if (bound.referenceOff() != lastReference) {
                    references++;
                    lastReference = bound.referenceOff();
                }
            }
            if (smooth) {
                assertThat(references).as("Gram matrices over %d smooth layers", layers).isBetween(2, layers / 8);
            } else {
                assertThat(references).as("every rough layer its own reference").isEqualTo(layers);
            }
        }
    }

    /**
     * Diagonal blocks of 4 to 9 rows (the Gram matrix's four dot products at a time and the rows after them): the rows
     * are orthogonal, so {@code G = diag(s_i²)} and the Gram route gives {@code max |s_i|} up to its rounding term
     * ({@code γ_cols ||a_i|| Σ_j ||a_j||}, about 1e-14 relative), where the Frobenius norm is larger; a dot product of
     * the wrong rows, or a quotient for a product, moves the bound off it.
     */
    @Test
    void diagonalBlocksOfManyRowsAreBoundedExactlyByTheGramRoute() {
        SplittableRandom rng = new SplittableRandom(29);
        for (int rows = 4; rows <= 9; rows++) {
            for (int trial = 0; trial < 20; trial++) {
                int cols = rows + rng.nextInt(3);
                double[] a = new double[rows * cols];
                double largest = 0;
                for (int i = 0; i < rows; i++) {
                    double s = (rng.nextDouble() + 0.1) * (rng.nextBoolean() ? 1 : -1);
                    a[i * cols + i] = s;
                    largest = Math.max(largest, Math.abs(s));
                }
                double bound = new SpectralBound(rows, cols).of(a, 0);
                assertThat(bound).as("%d × %d, trial %d", rows, cols, trial).isBetween(largest, largest * (1 + 1e-13));
            }
        }
    }
}
