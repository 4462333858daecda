package org.resnetode.model;

import java.util.SplittableRandom;

/** {@code f(x, W) = tanh(W x)} with W a d×d matrix (row-major θ). */
public final class TanhFamily implements ResidualFunction {
    private final int d;

    public TanhFamily(int d) {
        this.d = Families.requirePositive("dimension", d);
    }

    @Override public String name() { return "tanh"; }
    @Override public int dim() { return d; }
    @Override public int parameterCount() { return d * d; }
    /** Holds z = W x, then q = p ⊙ (1 - tanh²z). */
    @Override public int workSize() { return d; }
    @Override public boolean oddInTheta() { return true; }
    @Override public boolean linearInTheta() { return false; }
    @Override public int normCount() { return 1; }

    @Override
    public void value(double[] theta, int off, double[] x, double[] out, double[] work) {
        Dense.multiply(theta, off, d, d, x, out);
        for (int i = 0; i < d; i++) {
            out[i] = Math.tanh(out[i]);
        }
    }

    /** {@code q = p ⊙ (1 - tanh²(Wx))}, {@code gx = W^T q}, {@code gW += q x^T}. */
    @Override
    public void vjp(double[] theta, int off, double[] x, double[] p, double[] gx, double[] gTheta, int gOff, double[] work) {
        double[] q = work;
        Dense.multiply(theta, off, d, d, x, q);
        for (int i = 0; i < d; i++) {
            double u = Math.tanh(q[i]);
            q[i] = p[i] * (1 - u * u);
        }
        Dense.multiplyTransposed(theta, off, d, d, q, gx);
        Dense.addOuter(gTheta, gOff, d, d, q, x);
    }

    @Override
    public void parameterNorms(double[] theta, int off, double[] out) {
        out[0] = Norms.spectral(theta, off, d, d);
    }

    /** tanh is 1-Lipschitz and bounded by 1: {@code L_x = ||W||_2}, {@code L_θ = R}, {@code M = min(√d, ||W||_2 R)}. */
    @Override
    public Constants constants(double[] normBounds, double radius) {
        return new Constants(normBounds[0], radius, Math.min(Math.sqrt(d), normBounds[0] * radius));
    }

    @Override
    public void initialParameters(SplittableRandom rng, double[] out, int off) {
        Dense.gaussian(rng, 1 / Math.sqrt(d), out, off, d * d);
    }
}
