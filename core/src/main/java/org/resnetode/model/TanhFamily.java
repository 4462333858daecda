package org.resnetode.model;

import org.resnetode.checks.Checks;
import java.util.SplittableRandom;
import org.resnetode.linalg.Gemm;
import org.resnetode.linalg.Gemv;

/** {@code f(x, W) = tanh(W x)} with W a d×d matrix (row-major θ). */
public final class TanhFamily implements ResidualFunction {
    private final int d;

    public TanhFamily(int d) {
        this.d = Checks.positive("dimension", d);
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
        Gemv.multiply(theta, off, d, d, x, out);
        Activations.sampleTanh(out, d);
    }

    /** {@code q = p ⊙ (1 - tanh²(Wx))}, {@code gx = W^T q}, {@code gW += q x^T}. */
    @Override
    public void vjp(double[] theta, int off, double[] x, double[] p, double[] gx, double[] gTheta, int gOff, double[] work) {
        double[] q = work;
        Gemv.multiply(theta, off, d, d, x, q);
        Activations.sampleTanhDerivativeTimes(q, p, d);
        Gemv.multiplyTransposed(theta, off, d, d, q, 0, gx, 0);
        Gemv.addOuter(gTheta, gOff, d, d, q, 0, x);
    }

    /** Holds Q = P ⊙ (1 - tanh²(X Wᵀ)), rows × d. */
    @Override
    public int batchWorkSize(int rows) {
        return rows * d;
    }

    /** {@code Out = tanh(X Wᵀ)}. */
    @Override
    public void valueBatch(double[] theta, int off, double[] x, double[] out, int rows, double[] work) {
        Gemm.nt(x, 0, theta, off, out, 0, rows, d, d, 0);
        Activations.tanh(out, rows * d);
    }

    /** {@code Q = P ⊙ (1 - tanh²(X Wᵀ))}, {@code GX = Q W}, {@code gW += Qᵀ X}. */
    @Override
    public void vjpBatch(double[] theta, int off, double[] x, double[] p, double[] gx, int rows,
                         double[] gTheta, int gOff, double[] work) {
        double[] q = work;
        Gemm.nt(x, 0, theta, off, q, 0, rows, d, d, 0);
        Activations.tanhDerivativeTimes(q, p, rows * d);
        Gemm.nn(q, 0, theta, off, gx, 0, rows, d, d, 0);
        Gemm.tn(q, 0, x, 0, gTheta, gOff, d, d, rows, 1);
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
