package org.resnetode.bound;

/**
 * Upper bounds of the spectral norms {@code ||A_n||_2} of one matrix block along the layers, without an SVD:
 * {@code ||A_n||_2 <= min(||A_n||_F, σ_K + ||A_n - A_K||_F)}, A_K a reference layer with
 * {@code σ_K = min(||A_K||_F, sqrt(||A_K A_K^T||_∞)) >= ||A_K||_2} ({@link #gram}). Along consecutive layers
 * ({@link #following}) the drift {@code ||A_n - A_K||_F} is bounded by the sum of the steps' {@code ||A_{k+1} - A_k||_F},
 * whose squares the knot pass forms anyway (it forms Δ̃), so no pass over the reference is needed; a block on its own
 * ({@link #of}) gets the chord {@code ||A_n - A_K||_F} from a pass of its own. A new reference is
 * taken when the drift term exceeds {@link #REFERENCE_DRIFT} σ_K, so smooth weights need a Gram matrix every dozen or so
 * layers; rough weights fall back to a Gram matrix per layer. Frobenius norms are rounded up
 * ({@code Σ a² (1 + 2γ_n)}, root up).
 */
final class SpectralBound {
    /** Relative perturbation beyond which the reference layer is renewed. */
    static final double REFERENCE_DRIFT = 0.1;

    private final int rows;
    private final int cols;
    private final double margin;
    /** {@code (1 + 2γ_n)(1 + 2u)²} rounded up: {@link #stepNorm}'s factor under the root. */
    private final double stepMargin;
    /** The plain block of one product or sum of leaves ({@link RoundOff#blockUp}). */
    private static final double ONE_OPERATION = RoundOff.blockMargin(1);
    /** The plain block of {@link #gram}'s largest row sum. */
    private final double gramMargin;
    private final double frobeniusMargin;
    private final double[] gramBuffer;
    private final double[] rowNorms;
    private double[] referenceData;
    private int referenceOff = -1;
    private double referenceNorm;
    /** An upper bound of {@code ||A - A_K||_F} for the block A bounded last. */
    private double drift;

    SpectralBound(int rows, int cols) {
        this.rows = rows;
        this.cols = cols;
        this.margin = 1 + 2 * RoundOff.gamma(rows * cols);
        this.stepMargin = Interval.mulUp(Interval.mulUp(margin, 1 + 2 * RoundOff.U), 1 + 2 * RoundOff.U);
        this.gramMargin = RoundOff.blockMargin(2 * rows * rows + 4 * rows);
        this.frobeniusMargin = RoundOff.blockMargin(2 * rows);
        this.gramBuffer = new double[rows * rows];
        this.rowNorms = new double[rows];
    }

    double[] referenceData() {
        return referenceData;
    }

    int referenceOff() {
        return referenceOff;
    }

    /** An upper bound of {@code ||A||_2} for the block at {@code off} of {@code w} (its own pass over the block). */
    double of(double[] w, int off) {
        int n = rows * cols;
        double frobenius = 0;
        double drift = 0;
        boolean referenced = w == referenceData;
        for (int i = 0; i < n; i++) {
            double a = w[off + i];
            frobenius = Math.fma(a, a, frobenius);
            if (referenced) {
                double e = a - w[referenceOff + i];
                drift = Math.fma(e, e, drift);
            }
        }
        return fromSums(w, off, frobenius, referenced ? drift : Double.NaN);
    }

    /**
     * The bound from the computed sums {@code Σ a²} and {@code Σ (a - a_K)²} (NaN: no reference yet): the chord
     * {@code ||A - A_K||_F} is bounded as a step is ({@link #stepNorm}).
     */
    private double fromSums(double[] w, int off, double frobenius, double drift) {
        double driftUp = Double.isNaN(drift) ? Double.POSITIVE_INFINITY : stepNorm(drift);
        return Math.min(frobeniusUp(frobenius), referenced(w, off, driftUp));
    }

    /** An upper bound of {@code ||A||_F} from the computed {@code Σ a²} (within γ_n of the exact sum). */
    private double frobeniusUp(double squares) {
        return RoundOff.rootUp(RoundOff.blockUp(squares * margin, ONE_OPERATION));
    }

    /**
     * An upper bound of {@code ||A_b||_2} for the block A_b at {@code off} of {@code w} that follows the block bounded
     * last, A_a: the smaller of {@code ||A_b||_F} (from the computed {@code Σ A_b²}) and {@code σ_K} plus the drift, from
     * {@code step >= ||A_b - A_a||_F} ({@link #stepNorm}): by the triangle inequality along the
     * layers, {@code ||A_b - A_K||_F <= ||A_a - A_K||_F + ||A_b - A_a||_F}, so the drift is carried as the sum of the
     * steps' Frobenius norms, with no pass over the reference; past {@link #REFERENCE_DRIFT} σ_K, A_b becomes the reference.
     */
    double following(double[] w, int off, double frobenius, double step) {
        return Math.min(frobeniusUp(frobenius), referenced(w, off, RoundOff.blockUp(drift + step, ONE_OPERATION)));
    }

    /**
     * An upper bound of {@code ||A_b - A_a||_F} from the computed {@code Σ Δ̃²}, {@code Δ̃ = fl(A_b - A_a)}:
     * {@code (1 + 2u) sqrt(Σ Δ̃² (1 + 2γ_n))} (each Δ̃ within u of Δ, the sum of squares within γ_n).
     */
    double stepNorm(double deltaSquares) {
        return RoundOff.rootUp(RoundOff.blockUp(deltaSquares * stepMargin, ONE_OPERATION));
    }

    /** {@code σ_K + driftUp}, after renewing the reference to the block at {@code off} when the drift exceeds its share. */
    private double referenced(double[] w, int off, double driftUp) {
        if (referenceData == null || !(driftUp <= REFERENCE_DRIFT * referenceNorm)) {
            referenceData = w;
            referenceOff = off;
            referenceNorm = gram(w, off);
            driftUp = 0;
        }
        drift = driftUp;
        return RoundOff.blockUp(referenceNorm + driftUp, ONE_OPERATION);
    }

    private void mirror(double[] g, int i, int j, double value) {
        g[i * rows + j] = value;
        g[j * rows + i] = value;
    }

    /**
     * {@code sqrt(||G||_∞) >= sqrt(λ_max(G)) = ||A||_2} for {@code G = A A^T} (any induced norm bounds the spectral
     * radius). Rounding: {@code |fl(G_ij) - G_ij| <= γ_cols |a_i|·|a_j| <= γ_cols ||a_i|| ||a_j||} (Cauchy–Schwarz on the
     * rows a_i), so row i of G sums to at most {@code Σ_j |fl G_ij| + γ ||a_i|| Σ_j ||a_j||}, with
     * {@code ||a_i||² <= fl(G_ii) (1 + 2γ)}; and no more than {@code ||A||_F = sqrt(Σ_i ||a_i||²)} from the same row
     * norms (rank-one and narrow blocks, where the Gram route is looser).
     */
    private double gram(double[] w, int off) {
        double gamma = RoundOff.gamma(cols);
        double[] g = gramBuffer;
        // G_ij = a_i · a_j for j >= i, four j at a time (independent chains of fused multiply-adds), mirrored below the
        // diagonal
        for (int i = 0; i < rows; i++) {
            int ai = off + i * cols;
            int j = i;
            for (; j + 4 <= rows; j += 4) {
                int b0 = off + j * cols;
                int b1 = b0 + cols;
                int b2 = b1 + cols;
                int b3 = b2 + cols;
                double s0 = 0;
                double s1 = 0;
                double s2 = 0;
                double s3 = 0;
                for (int k = 0; k < cols; k++) {
                    double a = w[ai + k];
                    s0 = Math.fma(a, w[b0 + k], s0);
                    s1 = Math.fma(a, w[b1 + k], s1);
                    s2 = Math.fma(a, w[b2 + k], s2);
                    s3 = Math.fma(a, w[b3 + k], s3);
                }
                mirror(g, i, j, s0);
                mirror(g, i, j + 1, s1);
                mirror(g, i, j + 2, s2);
                mirror(g, i, j + 3, s3);
            }
            for (; j < rows; j++) {
                int b0 = off + j * cols;
                double s0 = 0;
                for (int k = 0; k < cols; k++) {
                    s0 = Math.fma(w[ai + k], w[b0 + k], s0);
                }
                mirror(g, i, j, s0);
            }
        }
        double rowNormSum = 0;
        double squares = 0;
        for (int i = 0; i < rows; i++) {
            rowNorms[i] = Interval.sqrtUp(Interval.mulUp(g[i * rows + i], 1 + 2 * gamma));
            rowNormSum += rowNorms[i];
            squares += rowNorms[i] * rowNorms[i];
        }
        // ||A||_F = sqrt(Σ_i ||a_i||²): a plain block of 2 rows operations, then the root rounded up
        double frobenius = Interval.sqrtUp(RoundOff.blockUp(squares, frobeniusMargin));
        // max_i Σ_j |G_ij| + γ ||a_i|| Σ_j ||a_j||: a plain block (RoundOff.blockUp) of at most 2 rows² + 4 rows
        // operations (the rows - 1 sums of Σ_j ||a_j|| counted in every row's term)
        double largest = 0;
        for (int i = 0; i < rows; i++) {
            double s = 0;
            for (int j = 0; j < rows; j++) {
                s += Math.abs(g[i * rows + j]);
            }
            largest = Math.max(largest, s + gamma * (rowNorms[i] * rowNormSum));
        }
        largest = RoundOff.blockUp(largest, gramMargin);
        return Math.min(frobenius, Interval.sqrtUp(largest));
    }
}
