package org.resnetode.rough;

import org.resnetode.checks.Checks;

/**
 * Exact sampling of a standard fractional Brownian motion on the grid {@code t_k = k/n}, k = 0..n, by circulant
 * embedding (Davies and Harte 1987; Dieker and Mandjes 2003). The increments {@code X_k = B(t_{k+1}) - B(t_k)} are
 * stationary with autocovariance {@code n^{-2H} γ(k)} ({@link FbmCovariance#noiseAutocovariance}); their covariance
 * is the top-left n × n block of the circulant matrix C of size m = 2n whose first row is
 * {@code c = (γ_0, .., γ_n, γ_{n-1}, .., γ_1)}. With {@code λ = DFT(c)} (real, and non-negative for every H in (0, 1))
 * and Z a vector of m complex numbers with independent N(0,1) real and imaginary parts,
 * {@code Y_k = m^{-1/2} Σ_j sqrt(λ_j) Z_j e^{-2πi jk/m}} has {@code E[Re Y_k Re Y_l] = m^{-1} Σ_j λ_j cos(2π j(k-l)/m)
 * = c_{k-l}}: the first n entries of Re Y are the increments, and B(t_k) their partial sums.
 *
 * <p>The map from the 2m standard normals to the path is linear and deterministic, so the sampler takes the normals
 * from the caller (who owns the seed) and writes into caller-owned buffers.
 */
public final class DaviesHarte {
    /** Largest negative eigenvalue (relative to the largest) accepted as round-off and set to zero. */
    private static final double NEGATIVE_ROUND_OFF = 1e-10;

    private final double hurst;
    private final int steps;
    private final int m;
    /** {@code sqrt(λ_j / m)}. */
    private final double[] scale;

    /** The sampler of B^H on the grid of {@code steps} equal steps of [0, 1]; {@code steps} a power of two. */
    public DaviesHarte(double hurst, int steps) {
        this.hurst = Checks.openInterval("Hurst index H (--hurst)", hurst, 0, 1);
        if (steps < 1 || Integer.bitCount(steps) != 1 || steps > 1 << 26) {
            throw new IllegalArgumentException("fBm grid: steps must be a power of two in [1, 2^26], got " + steps);
        }
        this.steps = steps;
        this.m = 2 * steps;
        double variance = Math.pow(steps, -2 * hurst);
        double[] re = new double[m];
        double[] im = new double[m];
        for (int k = 0; k <= steps; k++) {
            re[k] = variance * FbmCovariance.noiseAutocovariance(hurst, k);
        }
        for (int k = steps + 1; k < m; k++) {
            re[k] = re[m - k];
        }
        Fft.transform(re, im);
        double largest = 0;
        for (double v : re) {
            largest = Math.max(largest, v);
        }
        this.scale = new double[m];
        for (int j = 0; j < m; j++) {
            if (re[j] < -NEGATIVE_ROUND_OFF * largest) {
                throw new IllegalStateException("circulant embedding of fGn (H = " + hurst + ", n = " + steps
                        + ") has eigenvalue " + re[j] + " < 0");
            }
            scale[j] = Math.sqrt(Math.max(re[j], 0) / m);
        }
    }

    public double hurst() {
        return hurst;
    }

    /** Number of equal steps n of the grid. */
    public int steps() {
        return steps;
    }

    /** Standard normals one path consumes: the real then the imaginary parts of Z, 2m = 4n. */
    public int gaussianCount() {
        return 2 * m;
    }

    /** Length of the work buffers {@code re} and {@code im} of {@link #path}: m = 2n. */
    public int bufferLength() {
        return m;
    }

    /**
     * Writes {@code B^H(k/n)}, k = 0..n, to {@code out} from the standard normals {@code z} ({@link #gaussianCount()}
     * of them); {@code re} and {@code im} are work buffers of length {@link #bufferLength()}.
     */
    public void path(double[] z, double[] re, double[] im, double[] out) {
        for (int j = 0; j < m; j++) {
            re[j] = scale[j] * z[j];
            im[j] = scale[j] * z[m + j];
        }
        Fft.transform(re, im);
        // B(t_0) = 0, B(t_{k+1}) = B(t_k) + Re Y_k
        out[0] = 0;
        for (int k = 0; k < steps; k++) {
            out[k + 1] = out[k] + re[k];
        }
    }
}
