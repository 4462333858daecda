package org.resnetode.model;

import org.resnetode.checks.Checks;
import java.util.SplittableRandom;
import org.resnetode.linalg.Gemm;
import org.resnetode.linalg.Gemv;

/** {@code f(x, A) = A x} with A a d×d matrix (row-major θ). */
public final class LinearFamily implements ResidualFunction {
    private final int d;

    public LinearFamily(int d) {
        this.d = Checks.positive("dimension", d);
    }

    @Override public String name() { return "linear"; }
    @Override public int dim() { return d; }
    @Override public int parameterCount() { return d * d; }
    @Override public int workSize() { return 0; }
    @Override public boolean oddInTheta() { return true; }
    @Override public boolean linearInTheta() { return true; }
    @Override public ScalarGrowthRate scalarGrowthRate() { return d == 1 ? ScalarGrowthRate.THETA : ScalarGrowthRate.NONE; }
    @Override public int normCount() { return 1; }

    @Override
    public void value(double[] theta, int off, double[] x, double[] out, double[] work) {
        Gemv.multiply(theta, off, d, d, x, out);
    }

    /** {@code gx = A^T p}, {@code gA += p x^T}. */
    @Override
    public void vjp(double[] theta, int off, double[] x, double[] p, double[] gx, double[] gTheta, int gOff, double[] work) {
        Gemv.multiplyTransposed(theta, off, d, d, p, 0, gx, 0);
        Gemv.addOuter(gTheta, gOff, d, d, p, 0, x);
    }

    /** {@code Out = X Aᵀ}. */
    @Override
    public void valueBatch(double[] theta, int off, double[] x, double[] out, int rows, double[] work) {
        Gemm.nt(x, 0, theta, off, out, 0, rows, d, d, 0);
    }

    /** {@code GX = P A}, {@code gA += Pᵀ X}. */
    @Override
    public void vjpBatch(double[] theta, int off, double[] x, double[] p, double[] gx, int rows,
                         double[] gTheta, int gOff, double[] work) {
        Gemm.nn(p, 0, theta, off, gx, 0, rows, d, d, 0);
        Gemm.tn(p, 0, x, 0, gTheta, gOff, d, d, rows, 1);
    }

    /** {@code ||A||_2}. */
    @Override
    public void parameterNorms(double[] theta, int off, double[] out) {
        out[0] = Norms.spectral(theta, off, d, d);
    }

    /** {@code L_x = ||A||_2}, {@code L_θ = R} (as {@code ||ΔA x|| <= ||ΔA||_F R}), {@code M = ||A||_2 R}. */
    @Override
    public Constants constants(double[] normBounds, double radius) {
        return new Constants(normBounds[0], radius, normBounds[0] * radius);
    }

    /** Entries N(0, 1/d): spectral norm of order 2. */
    @Override
    public void initialParameters(SplittableRandom rng, double[] out, int off) {
        Dense.gaussian(rng, 1 / Math.sqrt(d), out, off, d * d);
    }
}
