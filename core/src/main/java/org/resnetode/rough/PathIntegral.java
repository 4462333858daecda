package org.resnetode.rough;

/**
 * The integral {@code I = ∫_0^1 B^H(s) ds} sampled exactly with a path on the grid {@code t_k = k/n}: the vector
 * {@code (B(t_1), .., B(t_n), I)} is centred Gaussian with {@code Cov(B(t_j), B(t_k)) = R(t_j, t_k)},
 * {@code Cov(B(t_k), I) = c_k = ∫_0^1 R(s, t_k) ds} and {@code E I² = 1/(2H+2)} ({@link FbmCovariance}), so given the
 * path, {@code I = aᵀ B + sqrt(v) ξ} with {@code a = Σ⁻¹ c}, {@code v = 1/(2H+2) - cᵀ a} and ξ ~ N(0,1) independent
 * of the path (the Gaussian conditional law). The O(n³) factorisation is done once per (H, n).
 */
public final class PathIntegral {
    /** Largest grid this O(n³) conditioning is built for. */
    public static final int MAX_STEPS = 2048;

    private final int steps;
    private final double[] weights;
    private final double residualStd;

    public PathIntegral(double hurst, int steps) {
        if (steps < 1 || steps > MAX_STEPS) {
            throw new IllegalArgumentException("exact fBm integral: grid of " + steps + " steps, expected 1.." + MAX_STEPS);
        }
        this.steps = steps;
        double[] sigma = new double[steps * steps];
        double[] c = new double[steps];
        for (int j = 0; j < steps; j++) {
            double tj = (j + 1) / (double) steps;
            c[j] = FbmCovariance.integratedCovariance(hurst, tj);
            for (int k = 0; k < steps; k++) {
                sigma[j * steps + k] = FbmCovariance.covariance(hurst, tj, (k + 1) / (double) steps);
            }
        }
        this.weights = new Cholesky(sigma, steps).solve(c);
        double explained = 0;
        for (int j = 0; j < steps; j++) {
            explained += c[j] * weights[j];
        }
        double v = FbmCovariance.integralVariance(hurst) - explained;
        if (v < -1e-12) {
            throw new IllegalStateException("conditional variance of ∫B^H is " + v + " < 0 (H = " + hurst + ", n = " + steps + ")");
        }
        this.residualStd = Math.sqrt(Math.max(v, 0));
    }

    /** {@code I} given the path {@code B(t_0..t_n)} ({@code path[0] = 0}) and an independent standard normal ξ. */
    public double integral(double[] path, double xi) {
        double s = 0;
        for (int j = 0; j < steps; j++) {
            s += weights[j] * path[j + 1];
        }
        return s + residualStd * xi;
    }

    /** The conditional standard deviation {@code sqrt(v)} of I given the path. */
    public double residualStd() {
        return residualStd;
    }
}
