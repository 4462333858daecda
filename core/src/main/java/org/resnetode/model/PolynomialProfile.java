package org.resnetode.model;

/** {@code θ(t) = Σ_k c_k t^k}; degree 0 is the constant profile. */
public final class PolynomialProfile implements DepthProfile {
    private final String name;
    private final double[][] coefficients;

    /** @param coefficients {@code c_0 .. c_K}, each of length p */
    public PolynomialProfile(String name, double[][] coefficients) {
        this.name = name;
        this.coefficients = coefficients;
    }

    @Override public String name() { return name; }
    @Override public Smoothness smoothness() { return Smoothness.SMOOTH; }
    @Override public int parameterCount() { return coefficients[0].length; }

    /** Horner: {@code θ(t) = c_0 + t (c_1 + t (c_2 + ...))} at {@code t = n/N}. */
    @Override
    public void layer(int n, int depth, double[] out, int off) {
        double t = (double) n / depth;
        int p = parameterCount();
        for (int j = 0; j < p; j++) {
            double v = 0;
            for (int k = coefficients.length - 1; k >= 0; k--) {
                v = v * t + coefficients[k][j];
            }
            out[off + j] = v;
        }
    }
}
