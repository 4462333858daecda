package org.resnetode.scheme;

import org.apache.commons.math3.fraction.BigFraction;
import org.resnetode.model.Weights;

/**
 * The weights of a network as a function of time, θ(t): the piecewise-linear interpolation of the samples
 * {@code (t_n, θ_n)}, {@code t_n = n h}, held constant after the last sample θ_K; and where the stages of a
 * Runge-Kutta step read it, forward and reverse. Every reader of θ between two samples (the scheme's stages,
 * the Neural ODE's right-hand side, depth resampling, the exact rational forward pass) interpolates here:
 * {@code θ = (1 - s) θ_n + s θ_{n+1}} at position s of the interval, and its transpose splits a gradient
 * {@code ḡ} into {@code (1 - s) ḡ} for θ_n and {@code s ḡ} for θ_{n+1}.
 */
public final class WeightPath {
    private final Weights weights;
    private final double spacing;

    /** θ(t) through {@code weights} at the knots {@code t_n = n · spacing}. */
    public WeightPath(Weights weights, double spacing) {
        this.weights = weights;
        this.spacing = spacing;
    }

    /** Index K of the last sample: θ(t) = θ_K for t >= t_K. */
    public int lastKnot() {
        return weights.count() - 1;
    }

    /** {@code t_k = k h}. */
    public double knotTime(int k) {
        return k * spacing;
    }

    /**
     * θ(t) for t in the knot interval {@code [t_k, t_{k+1}]} into {@code out[0..p)}: the interpolation at
     * {@code s = (t - t_k)/h}, or θ_K itself on the constant tail (k >= K).
     */
    public void at(int k, double t, double[] out) {
        int last = lastKnot();
        if (k >= last) {
            System.arraycopy(weights.data(), weights.offset(last), out, 0, weights.size());
        } else {
            interpolate(weights.data(), weights.offset(k), weights.offset(k + 1), (t - knotTime(k)) / spacing, out, 0, weights.size());
        }
    }

    /**
     * θ at position {@code u} of the knot grid (time {@code u h}, u >= 0) into {@code out[off..off+p)}: the
     * interpolation between θ_n, n = ⌊u⌋, and θ_{n+1} at {@code s = u - n}, with u clamped to K and θ_{K+1} read as θ_K.
     */
    public void atPosition(double u, double[] out, int off) {
        int last = lastKnot();
        double clamped = Math.min(u, last);
        int n = Math.min((int) Math.floor(clamped), last);
        int next = Math.min(n + 1, last);
        interpolate(weights.data(), weights.offset(n), weights.offset(next), clamped - n, out, off, weights.size());
    }

    /** {@code out[outOff + j] = (1 - s) w[offN + j] + s w[offNext + j]} for j < p: θ at position s between θ_n and θ_{n+1}. */
    public static void interpolate(double[] w, int offN, int offNext, double s, double[] out, int outOff, int p) {
        for (int j = 0; j < p; j++) {
            out[outOff + j] = (1 - s) * w[offN + j] + s * w[offNext + j];
        }
    }

    /** {@code (1 - s) θ_n + s θ_{n+1}} exactly. */
    public static BigFraction interpolate(BigFraction thetaN, BigFraction thetaNext, BigFraction s) {
        return BigFraction.ONE.subtract(s).multiply(thetaN).add(s.multiply(thetaNext));
    }

    /**
     * The transpose of {@link #interpolate}: {@code g[gOffN + j] += (1 - s) ḡ_j}, {@code g[gOffNext + j] += s ḡ_j} for
     * j < p, with ḡ the gradient with respect to θ at position s.
     */
    public static void distribute(double s, double[] gBar, double[] g, int gOffN, int gOffNext, int p) {
        for (int j = 0; j < p; j++) {
            g[gOffN + j] += (1 - s) * gBar[j];
            g[gOffNext + j] += s * gBar[j];
        }
    }

    /**
     * Where stage i of a step reads θ, as a position in {@code [θ_n, θ_{n+1}]}: {@code c_i} forward; reversed
     * ({@code t_{n+1} -> t_n}, stage i at time {@code t_{n+1} - c_i h}) {@code 1 - c_i} when the tableau reads θ_{n+1}
     * (largest c above 0), and 0 for a tableau that reads only θ_n (Euler: the paper's
     * {@code x~_n = x~_{n+1} - h f(x~_{n+1}, θ_n)}).
     */
    public static double stagePosition(ButcherTableau tableau, int i, boolean reverse) {
        if (!reverse) {
            return tableau.c(i);
        }
        return tableau.lastStageTime() > 0 ? 1 - tableau.c(i) : 0;
    }

    /** {@link #stagePosition} exactly (it may differ from the double one in the last bit: 1 - c_i is rounded there). */
    public static BigFraction exactStagePosition(ButcherTableau tableau, int i, boolean reverse) {
        if (!reverse) {
            return tableau.exactC(i);
        }
        return tableau.exactLastStageTime().getNumerator().signum() > 0 ? BigFraction.ONE.subtract(tableau.exactC(i)) : BigFraction.ZERO;
    }
}
