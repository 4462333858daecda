package org.resnetode.model;

import java.util.SplittableRandom;

/**
 * {@code θ_n = θ̄ + σ ξ_n} with ξ_n i.i.d. draws of the family's unit-scale distribution; ξ_n depends
 * only on (seed, n), so a layer can be generated on the fly and keeps its noise across depths.
 */
public final class IidProfile implements DepthProfile {
    private final ResidualFunction family;
    private final double[] mean;
    private final double sigma;
    private final long seed;

    public IidProfile(ResidualFunction family, double[] mean, double sigma, long seed) {
        this.family = family;
        this.mean = mean;
        this.sigma = sigma;
        this.seed = seed;
    }

    @Override public String name() { return "iid"; }
    @Override public Smoothness smoothness() { return Smoothness.ROUGH; }
    @Override public int parameterCount() { return mean.length; }

    @Override
    public void layer(int n, int depth, double[] out, int off) {
        family.initialParameters(new SplittableRandom(seed * 0x9E3779B97F4A7C15L + n), out, off);
        for (int j = 0; j < mean.length; j++) {
            out[off + j] = mean[j] + sigma * out[off + j];
        }
    }
}
