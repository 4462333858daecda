package org.resnetode.model;

import java.util.SplittableRandom;
import org.resnetode.checks.BadInputException;
import org.resnetode.rough.DaviesHarte;

/**
 * {@code θ_j(t) = θ̄_j + σ B_j^H(t)}: every weight entry j an independent standard fractional Brownian motion with
 * Hurst index H (covariance {@code (s^{2H} + t^{2H} - |s-t|^{2H})/2}), sampled exactly ({@link DaviesHarte}) once per
 * seed on the grid of {@code grid} equal steps of [0, 1]. A depth-N network reads {@code θ(n/N)} from that same path,
 * so the depths are coupled: N must divide the grid. σ is the amplitude in absolute units.
 */
public final class FbmProfile implements DepthProfile {
    private final double[] mean;
    private final double sigma;
    private final double hurst;
    private final int grid;
    /** {@code paths[j][k] = B_j^H(k / grid)}. */
    private final double[][] paths;
    /** {@code ∫_0^1 B_j = -Z_0/√2} of an H = 0 end path ({@link #end}); zero otherwise. */
    private final double[] endOffset;

    /** Samples the p paths from {@code seed}: entry j consumes the next {@code 4 grid} normals of one generator. */
    public FbmProfile(double[] mean, double sigma, double hurst, int grid, long seed) {
        this(mean, sigma, new DaviesHarte(hurst, grid), seed);
    }

    /** As above with a prepared sampler (its grid and H), so many seeds share one circulant factorisation. */
    public FbmProfile(double[] mean, double sigma, DaviesHarte sampler, long seed) {
        this(mean, sigma, sampler.hurst(), sampler.steps());
        SplittableRandom rng = new SplittableRandom(seed);
        double[] z = new double[sampler.gaussianCount()];
        double[] re = new double[sampler.bufferLength()];
        double[] im = new double[sampler.bufferLength()];
        for (double[] path : paths) {
            for (int i = 0; i < z.length; i++) {
                z[i] = Gaussian.next(rng);
            }
            sampler.path(z, re, im, path);
        }
    }

    private FbmProfile(double[] mean, double sigma, double hurst, int grid) {
        this.mean = mean.clone();
        this.sigma = sigma;
        this.hurst = hurst;
        this.grid = grid;
        this.paths = new double[mean.length][grid + 1];
        this.endOffset = new double[mean.length];
    }

    /**
     * The two ends of the family, where the covariance {@code (s^{2H} + t^{2H} - |s-t|^{2H})/2} has a limit but no
     * Davies–Harte sampler is needed. H = 1: {@code R = s t}, so {@code B(t) = t Z} (one normal per entry), a smooth
     * (linear) path. H = 0 (the limit as H → 0+ with {@code 0^{2H} = 0}): {@code R(s, t) = (1 + [s = t]) / 2} for
     * s, t > 0, so on the grid {@code B(k/G) = (Z_k - Z_0)/√2} with Z_0..Z_G independent normals, {@code B(0) = 0}:
     * i.i.d. values up to a shared offset, the paper's i.i.d. weights. {@link #endIntegral} gives ∫_0^1 B (the L² limit
     * of its Riemann sums at H = 0). Entry j consumes its normals from one generator of {@code seed}, in order.
     */
    public static FbmProfile end(double[] mean, double sigma, int hurst, int grid, long seed) {
        if (hurst != 0 && hurst != 1) {
            throw new IllegalArgumentException("the ends of the fBm family are H = 0 and H = 1, got " + hurst);
        }
        FbmProfile p = new FbmProfile(mean, sigma, hurst, grid);
        SplittableRandom rng = new SplittableRandom(seed);
        for (int j = 0; j < p.paths.length; j++) {
            double[] path = p.paths[j];
            if (hurst == 1) {
                double z = Gaussian.next(rng);
                for (int k = 0; k <= grid; k++) {
                    path[k] = z * k / grid;
                }
            } else {
                double z0 = Gaussian.next(rng);
                p.endOffset[j] = -z0 / Math.sqrt(2);
                for (int k = 1; k <= grid; k++) {
                    path[k] = (Gaussian.next(rng) - z0) / Math.sqrt(2);
                }
            }
        }
        return p;
    }

    /**
     * ∫_0^1 B_j of an end path ({@link #end}): {@code Z/2 = B(1)/2} at H = 1; at H = 0 the L² limit of the Riemann sums,
     * {@code -Z_0/√2}: the Z_k, k >= 1, average out (variance 1/(2H+2) → 1/2 and covariance 1/2 with every B(t), t > 0,
     * as the closed form's limits say).
     */
    public double endIntegral(int entry) {
        double[] b = paths[entry];
        if (hurst == 1) {
            return b[grid] / 2;
        }
        if (hurst == 0) {
            return endOffset[entry];
        }
        throw new IllegalStateException("endIntegral applies to the ends H = 0 and H = 1, not to H = " + hurst);
    }

    @Override public String name() { return "fbm"; }
    /** Hölder of every order below H < 1, never Lipschitz: rough; the H = 1 end (a linear path) is smooth. */
    @Override public Smoothness smoothness() { return hurst == 1 ? Smoothness.SMOOTH : Smoothness.ROUGH; }
    @Override public int parameterCount() { return mean.length; }

    public double hurst() { return hurst; }

    /** Number of equal steps of the sampling grid. */
    public int grid() { return grid; }

    /** The standard path {@code B_j^H(k / grid)}, k = 0..grid, of entry j (a copy). */
    public double[] path(int entry) {
        return paths[entry].clone();
    }

    /** {@code θ_j(k / grid)}. */
    public double value(int entry, int k) {
        return mean[entry] + sigma * paths[entry][k];
    }

    /** {@code θ_n = θ(n/N)}, read from the path at grid index {@code n grid / N}. */
    @Override
    public void layer(int n, int depth, double[] out, int off) {
        if (depth < 1 || grid % depth != 0 || n < 0 || n > depth) {
            throw new BadInputException("--profile fbm: the path is sampled on " + grid + " steps, depth " + depth
                    + " does not divide it (use depths that are powers of two up to " + grid + ")");
        }
        int k = n * (grid / depth);
        for (int j = 0; j < mean.length; j++) {
            out[off + j] = mean[j] + sigma * paths[j][k];
        }
    }
}
