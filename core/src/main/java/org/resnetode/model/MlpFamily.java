package org.resnetode.model;

import org.resnetode.checks.Checks;
import java.util.SplittableRandom;
import org.resnetode.linalg.Gemm;
import org.resnetode.linalg.Gemv;

/**
 * Two-layer MLP {@code f(x, (W1, W2)) = W2 tanh(W1 x)}, W1 of size m×d, W2 of size d×m;
 * θ holds W1 then W2, both row-major.
 */
public final class MlpFamily implements ResidualFunction {
    private final int d;
    private final int m;

    public MlpFamily(int d, int hidden) {
        this.d = Checks.positive("dimension", d);
        this.m = Checks.positive("hidden width", hidden);
    }

    @Override public String name() { return "mlp"; }
    @Override public int dim() { return d; }
    @Override public int parameterCount() { return 2 * m * d; }
    /** u = tanh(W1 x) and v = W2^T p. */
    @Override public int workSize() { return 2 * m; }
    /** {@code f(x, -θ) = f(x, θ)}: even, not odd, in θ. */
    @Override public boolean oddInTheta() { return false; }
    @Override public boolean linearInTheta() { return false; }
    @Override public int normCount() { return 2; }

    @Override
    public void value(double[] theta, int off, double[] x, double[] out, double[] work) {
        Gemv.multiply(theta, off, m, d, x, work);
        Activations.sampleTanh(work, m);
        Gemv.multiply(theta, off + m * d, d, m, work, out);
    }

    /**
     * {@code u = tanh(W1 x)}: {@code gW2 += p u^T}, {@code q = (W2^T p) ⊙ (1 - u²)},
     * {@code gW1 += q x^T}, {@code gx = W1^T q}.
     */
    @Override
    public void vjp(double[] theta, int off, double[] x, double[] p, double[] gx, double[] gTheta, int gOff, double[] work) {
        int w2 = off + m * d;
        Gemv.multiply(theta, off, m, d, x, work);
        Activations.sampleTanh(work, m);
        Gemv.addOuter(gTheta, gOff + m * d, d, m, p, 0, work);
        // q = (W2^T p) ⊙ (1 - u²), stored in work[m..2m)
        Gemv.multiplyTransposed(theta, w2, d, m, p, 0, work, m);
        Activations.oneMinusSquareTimes(work, 0, work, m, m);
        // gW1 += q x^T, gx = W1^T q
        Gemv.addOuter(gTheta, gOff, m, d, work, m, x);
        Gemv.multiplyTransposed(theta, off, m, d, work, m, gx, 0);
    }

    /** U = tanh(X W1ᵀ) and Q, each rows × m. */
    @Override
    public int batchWorkSize(int rows) {
        return 2 * rows * m;
    }

    /** {@code U = tanh(X W1ᵀ)}, {@code Out = U W2ᵀ}. */
    @Override
    public void valueBatch(double[] theta, int off, double[] x, double[] out, int rows, double[] work) {
        valueBatchKeeping(theta, off, x, out, rows, work, work, 0);
    }

    /**
     * {@code U = tanh(X W1ᵀ)}: {@code gW2 += Pᵀ U}, {@code Q = (P W2) ⊙ (1 - U²)}, {@code gW1 += Qᵀ X},
     * {@code GX = Q W1}.
     */
    @Override
    public void vjpBatch(double[] theta, int off, double[] x, double[] p, double[] gx, int rows,
                         double[] gTheta, int gOff, double[] work) {
        int q = rows * m;
        activations(theta, off, x, rows, work, 0);
        vjpFromActivations(theta, off, x, p, gx, rows, gTheta, gOff, work, q, work, 0);
    }

    /** U = tanh(X W1ᵀ), rows × m. */
    @Override
    public int keptSize(int rows) {
        return rows * m;
    }

    /** {@link #valueBatch} with {@code U = tanh(X W1ᵀ)} computed in {@code kept[keptOff..]} and left there. */
    @Override
    public void valueBatchKeeping(double[] theta, int off, double[] x, double[] out, int rows, double[] work,
                                  double[] kept, int keptOff) {
        activations(theta, off, x, rows, kept, keptOff);
        Gemm.nt(kept, keptOff, theta, off + m * d, out, 0, rows, d, m, 0);
    }

    /** {@link #vjpBatch} on the U that {@link #valueBatchKeeping} kept: four products instead of five. */
    @Override
    public void vjpBatchKept(double[] theta, int off, double[] x, double[] p, double[] gx, int rows,
                             double[] gTheta, int gOff, double[] work, double[] kept, int keptOff) {
        vjpFromActivations(theta, off, x, p, gx, rows, gTheta, gOff, work, 0, kept, keptOff);
    }

    /** {@code u[uOff..] = U = tanh(X W1ᵀ)}, rows × m. */
    private void activations(double[] theta, int off, double[] x, int rows, double[] u, int uOff) {
        Gemm.nt(x, 0, theta, off, u, uOff, rows, m, d, 0);
        Activations.tanh(u, uOff, rows * m);
    }

    /**
     * With U at {@code u[uOff..]}: {@code gW2 += Pᵀ U}, {@code Q = (P W2) ⊙ (1 - U²)} in {@code work[qOff..]},
     * {@code gW1 += Qᵀ X}, {@code GX = Q W1}.
     */
    private void vjpFromActivations(double[] theta, int off, double[] x, double[] p, double[] gx, int rows,
                                    double[] gTheta, int gOff, double[] work, int qOff, double[] u, int uOff) {
        Gemm.tn(p, 0, u, uOff, gTheta, gOff + m * d, d, m, rows, 1);
        Gemm.nn(p, 0, theta, off + m * d, work, qOff, rows, m, d, 0);
        Activations.oneMinusSquareTimes(u, uOff, work, qOff, rows * m);
        Gemm.tn(work, qOff, x, 0, gTheta, gOff, m, d, rows, 1);
        Gemm.nn(work, qOff, theta, off, gx, 0, rows, d, m, 0);
    }

    /** {@code (||W1||_2, ||W2||_2)}. */
    @Override
    public void parameterNorms(double[] theta, int off, double[] out) {
        out[0] = Norms.spectral(theta, off, m, d);
        out[1] = Norms.spectral(theta, off + m * d, d, m);
    }

    /**
     * With {@code a = min(√m, s1 R)} bounding {@code ||tanh(W1 x)||} and {@code s_i} bounding {@code ||W_i||_2}:
     * {@code L_x = s2 s1}; {@code ||Δf|| <= a ||ΔW2||_F + s2 R ||ΔW1||_F <= sqrt(a² + (s2 R)²) ||Δθ||};
     * {@code M = s2 a}.
     */
    @Override
    public Constants constants(double[] normBounds, double radius) {
        double s1 = normBounds[0];
        double s2 = normBounds[1];
        double a = Math.min(Math.sqrt(m), s1 * radius);
        return new Constants(s1 * s2, Math.hypot(a, s2 * radius), s2 * a);
    }

    /** W1 entries N(0, 1/d), W2 entries N(0, 1/m). */
    @Override
    public void initialParameters(SplittableRandom rng, double[] out, int off) {
        Dense.gaussian(rng, 1 / Math.sqrt(d), out, off, m * d);
        Dense.gaussian(rng, 1 / Math.sqrt(m), out, off + m * d, m * d);
    }
}
