package org.resnetode.model;

/** {@code θ_n = θ̄ + (-1)^n Δ}: the roughest profile, total variation {@code (N-1) 2||Δ||}. */
public final class AlternatingProfile implements DepthProfile {
    private final double[] mean;
    private final double[] delta;

    public AlternatingProfile(double[] mean, double[] delta) {
        this.mean = mean;
        this.delta = delta;
    }

    @Override public String name() { return "alternating"; }
    @Override public Smoothness smoothness() { return Smoothness.ROUGH; }
    @Override public int parameterCount() { return mean.length; }

    @Override
    public void layer(int n, int depth, double[] out, int off) {
        double sign = (n & 1) == 0 ? 1 : -1;
        for (int j = 0; j < mean.length; j++) {
            out[off + j] = mean[j] + sign * delta[j];
        }
    }
}
