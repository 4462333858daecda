package org.resnetode.rough;

/**
 * Second moments of a standard fractional Brownian motion B^H on [0, 1] (B^H(0) = 0, E B^H(1)² = 1), in closed
 * form: the covariance {@code R(s,t) = (s^{2H} + t^{2H} - |s-t|^{2H}) / 2}, the autocovariance of its increments on a
 * grid, and the moments of {@code I = ∫_0^1 B^H}.
 */
public final class FbmCovariance {
    private FbmCovariance() {
    }

    /** {@code R(s, t) = (s^{2H} + t^{2H} - |s - t|^{2H}) / 2}. */
    public static double covariance(double hurst, double s, double t) {
        double e = 2 * hurst;
        return 0.5 * (Math.pow(s, e) + Math.pow(t, e) - Math.pow(Math.abs(s - t), e));
    }

    /**
     * Autocovariance of fractional Gaussian noise with unit step, {@code γ(k) = (|k+1|^{2H} - 2|k|^{2H} + |k-1|^{2H}) / 2}:
     * {@code E[(B(j+1) - B(j))(B(j+k+1) - B(j+k))]}; on a grid of step δ it scales by {@code δ^{2H}}.
     */
    public static double noiseAutocovariance(double hurst, int k) {
        double e = 2 * hurst;
        double a = Math.abs((double) k);
        return 0.5 * (Math.pow(a + 1, e) - 2 * Math.pow(a, e) + Math.pow(Math.abs(a - 1), e));
    }

    /**
     * {@code ∫_0^1 R(s, t) ds = (1/(2H+1) + t^{2H} - (t^{2H+1} + (1-t)^{2H+1})/(2H+1)) / 2}, from
     * {@code ∫_0^1 s^{2H} ds = 1/(2H+1)} and {@code ∫_0^1 |s-t|^{2H} ds = (t^{2H+1} + (1-t)^{2H+1})/(2H+1)}:
     * the covariance of B^H(t) with I.
     */
    public static double integratedCovariance(double hurst, double t) {
        double e = 2 * hurst;
        return 0.5 * (1 / (e + 1) + Math.pow(t, e) - (Math.pow(t, e + 1) + Math.pow(1 - t, e + 1)) / (e + 1));
    }

    /** {@code E I² = ∫∫ R = 1/(2H+1) - 1/((2H+1)(2H+2)) = 1/(2H+2)}. */
    public static double integralVariance(double hurst) {
        return 1 / (2 * hurst + 2);
    }
}
