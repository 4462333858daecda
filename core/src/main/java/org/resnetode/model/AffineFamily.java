package org.resnetode.model;

import java.util.SplittableRandom;

/**
 * {@code f(x, θ) = -x + θ} (p = d): Kloeden and Rosa's linear random ODE {@code dX/dt = -X + B^H_t} when θ is an fBm.
 * Used by the roughness claim; not a command-line family.
 */
public final class AffineFamily implements ResidualFunction {
    private final int d;

    public AffineFamily(int d) {
        this.d = org.resnetode.checks.Checks.positive("dimension", d);
    }

    @Override public String name() { return "affine"; }
    @Override public int dim() { return d; }
    @Override public int parameterCount() { return d; }
    @Override public int workSize() { return 0; }
    @Override public boolean oddInTheta() { return false; }
    @Override public boolean linearInTheta() { return true; }
    @Override public int normCount() { return 1; }

    @Override
    public void value(double[] theta, int off, double[] x, double[] out, double[] work) {
        for (int i = 0; i < d; i++) {
            out[i] = theta[off + i] - x[i];
        }
    }

    /** {@code gx = -p}, {@code gθ += p}. */
    @Override
    public void vjp(double[] theta, int off, double[] x, double[] p, double[] gx, double[] gTheta, int gOff, double[] work) {
        for (int i = 0; i < d; i++) {
            gx[i] = -p[i];
            gTheta[gOff + i] += p[i];
        }
    }

    @Override
    public void parameterNorms(double[] theta, int off, double[] out) {
        out[0] = Norms.euclidean(theta, off, d);
    }

    /** {@code L_x = 1}, {@code L_θ = 1}, {@code ||θ - x|| <= ||θ|| + R}. */
    @Override
    public Constants constants(double[] normBounds, double radius) {
        return new Constants(1, 1, normBounds[0] + radius);
    }

    /** Standard normal entries. */
    @Override
    public void initialParameters(SplittableRandom rng, double[] out, int off) {
        for (int i = 0; i < d; i++) {
            out[off + i] = Gaussian.next(rng);
        }
    }
}
