package org.resnetode.bound;

/**
 * Upper bounds of the spectral norms {@code ||A_n||_2} of one matrix block along the layers, without an SVD:
 * {@code ||A_n||_2 <= min(||A_n||_F, σ_K + ||A_n - A_K||_F)}, A_K a reference layer with
 * {@code σ_K = sqrt(||A_K A_K^T||_∞) >= ||A_K||_2} ({@link #gram}). A new reference is taken when the perturbation
 * term exceeds {@link #REFERENCE_DRIFT} σ_K, so smooth weights need a Gram matrix every few dozen layers and one
 * Frobenius pass per layer (fused into {@link AffineMatrix#knots}); rough weights fall back to a Gram matrix per layer.
 * Frobenius norms are rounded up ({@code Σ a² (1 + 2γ_n)}, root up).
 */
final class SpectralBound {
    /** Relative perturbation beyond which the reference layer is renewed. */
    static final double REFERENCE_DRIFT = 0.1;

    private final int rows;
    private final int cols;
    private final double margin;
    private final double[] gramBuffer;
    private final double[] rowNorms;
    private double[] referenceData;
    private int referenceOff = -1;
    private double referenceNorm;

    SpectralBound(int rows, int cols) {
        this.rows = rows;
        this.cols = cols;
        this.margin = 1 + 2 * RoundOff.gamma(rows * cols);
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
            frobenius += a * a;
            if (referenced) {
                double e = a - w[referenceOff + i];
                drift += e * e;
            }
        }
        return fromSums(w, off, frobenius, referenced ? drift : Double.NaN);
    }

    /**
     * The bound from the computed sums {@code Σ a²} and {@code Σ (a - a_K)²} (NaN: no reference yet). Each computed
     * difference is within u of the exact one, each sum within {@code γ_n}: the margins cover both.
     */
    double fromSums(double[] w, int off, double frobenius, double drift) {
        double frobeniusUp = Interval.sqrtUp(Interval.mulUp(frobenius, margin));
        double driftUp = Double.isNaN(drift) ? Double.POSITIVE_INFINITY
                : Interval.mulUp(Interval.sqrtUp(Interval.mulUp(drift, margin)), 1 + 2 * RoundOff.U);
        if (driftUp > REFERENCE_DRIFT * referenceNorm) {
            referenceData = w;
            referenceOff = off;
            referenceNorm = gram(w, off);
            driftUp = 0;
        }
        return Math.min(frobeniusUp, Interval.addUp(referenceNorm, driftUp));
    }

    /**
     * {@code sqrt(||G||_∞) >= sqrt(λ_max(G)) = ||A||_2} for {@code G = A A^T} (any induced norm bounds the spectral
     * radius). Rounding: {@code |fl(G_ij) - G_ij| <= γ_cols |a_i|·|a_j| <= γ_cols ||a_i|| ||a_j||} (Cauchy–Schwarz on the
     * rows a_i), so row i of G sums to at most {@code Σ_j |fl G_ij| + γ ||a_i|| Σ_j ||a_j||}, with
     * {@code ||a_i||² <= fl(G_ii) (1 + 2γ)}.
     */
    private double gram(double[] w, int off) {
        double gamma = RoundOff.gamma(cols);
        double[] g = gramBuffer;
        for (int i = 0; i < rows; i++) {
            for (int j = i; j < rows; j++) {
                double s = 0;
                for (int k = 0; k < cols; k++) {
                    s += w[off + i * cols + k] * w[off + j * cols + k];
                }
                g[i * rows + j] = s;
                g[j * rows + i] = s;
            }
        }
        double rowNormSum = 0;
        for (int i = 0; i < rows; i++) {
            rowNorms[i] = Interval.sqrtUp(Interval.mulUp(g[i * rows + i], 1 + 2 * gamma));
            rowNormSum = Interval.addUp(rowNormSum, rowNorms[i]);
        }
        double largest = 0;
        for (int i = 0; i < rows; i++) {
            double s = 0;
            for (int j = 0; j < rows; j++) {
                s = Interval.addUp(s, Math.abs(g[i * rows + j]));
            }
            largest = Math.max(largest, Interval.addUp(s, Interval.mulUp(gamma, Interval.mulUp(rowNorms[i], rowNormSum))));
        }
        return Interval.sqrtUp(largest);
    }
}
