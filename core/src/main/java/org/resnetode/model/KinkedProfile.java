package org.resnetode.model;

/**
 * Piecewise-linear {@code θ(t)} through values {@code v_j} at breakpoints {@code 0 = s_0 < ... < s_K = 1}:
 * Lipschitz in depth, with kinks at the interior breakpoints.
 */
public final class KinkedProfile implements DepthProfile {
    private final double[] breakpoints;
    private final double[][] values;

    public KinkedProfile(double[] breakpoints, double[][] values) {
        this.breakpoints = breakpoints;
        this.values = values;
    }

    @Override public String name() { return "kinked"; }
    @Override public Smoothness smoothness() { return Smoothness.LIPSCHITZ; }
    @Override public int parameterCount() { return values[0].length; }

    /** {@code θ(t) = (1-λ) v_j + λ v_{j+1}} with {@code λ = (t - s_j)/(s_{j+1} - s_j)} on {@code [s_j, s_{j+1}]}. */
    @Override
    public void layer(int n, int depth, double[] out, int off) {
        double t = (double) n / depth;
        int j = 0;
        while (j < breakpoints.length - 2 && t > breakpoints[j + 1]) {
            j++;
        }
        double lambda = (t - breakpoints[j]) / (breakpoints[j + 1] - breakpoints[j]);
        for (int i = 0; i < values[j].length; i++) {
            out[off + i] = (1 - lambda) * values[j][i] + lambda * values[j + 1][i];
        }
    }
}
