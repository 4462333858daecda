package org.resnetode.model;

/** {@code θ(t) = θ̄ + Σ_{k=1..K} (a_k sin 2πkt + b_k cos 2πkt) / k²}: C-infinity in depth. */
public final class FourierProfile implements DepthProfile {
    private final double[] mean;
    private final double[][] sine;
    private final double[][] cosine;

    public FourierProfile(double[] mean, double[][] sine, double[][] cosine) {
        this.mean = mean;
        this.sine = sine;
        this.cosine = cosine;
    }

    @Override public String name() { return "fourier"; }
    @Override public Smoothness smoothness() { return Smoothness.SMOOTH; }
    @Override public int parameterCount() { return mean.length; }

    @Override
    public void layer(int n, int depth, double[] out, int off) {
        double t = (double) n / depth;
        System.arraycopy(mean, 0, out, off, mean.length);
        for (int k = 1; k <= sine.length; k++) {
            double s = Math.sin(2 * Math.PI * k * t) / (k * k);
            double c = Math.cos(2 * Math.PI * k * t) / (k * k);
            for (int j = 0; j < mean.length; j++) {
                out[off + j] += s * sine[k - 1][j] + c * cosine[k - 1][j];
            }
        }
    }
}
