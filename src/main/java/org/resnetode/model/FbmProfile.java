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

    /** Samples the p paths from {@code seed}: entry j consumes the next {@code 4 grid} normals of one generator. */
    public FbmProfile(double[] mean, double sigma, double hurst, int grid, long seed) {
        this(mean, sigma, new DaviesHarte(hurst, grid), seed);
    }

    /** As above with a prepared sampler (its grid and H), so many seeds share one circulant factorisation. */
    public FbmProfile(double[] mean, double sigma, DaviesHarte sampler, long seed) {
        this.mean = mean.clone();
        this.sigma = sigma;
        this.hurst = sampler.hurst();
        this.grid = sampler.steps();
        this.paths = new double[mean.length][grid + 1];
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

    @Override public String name() { return "fbm"; }
    /** Hölder of every order below H < 1, never Lipschitz: rough. */
    @Override public Smoothness smoothness() { return Smoothness.ROUGH; }
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
