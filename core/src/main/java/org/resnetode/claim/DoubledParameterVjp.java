package org.resnetode.claim;

import org.resnetode.model.Constants;
import org.resnetode.model.ResidualFunction;

/**
 * The residual function of the negative control {@link Control#WRONG_VJP}: {@code f} itself, except that its
 * parameter VJP accumulates {@code 2 (∂_θ f)^T p} instead of {@code (∂_θ f)^T p} (the factor a hand-derived gradient
 * gets wrong); values and the state VJP {@code (∂_x f)^T p} are untouched. Backprop and the adjoint share the VJP, so
 * they still agree with each other; only finite differences of the loss ({@link FiniteDifferenceCheck}) see it.
 */
final class DoubledParameterVjp implements ResidualFunction {
    private final ResidualFunction f;

    DoubledParameterVjp(ResidualFunction f) {
        this.f = f;
    }

    @Override
    public String name() {
        return f.name();
    }

    @Override
    public int dim() {
        return f.dim();
    }

    @Override
    public int parameterCount() {
        return f.parameterCount();
    }

    @Override
    public int workSize() {
        return f.workSize() + f.parameterCount();
    }

    @Override
    public void value(double[] theta, int off, double[] x, double[] out, double[] work) {
        f.value(theta, off, x, out, work);
    }

    /** {@code gTheta += 2 (∂_θ f)^T p}: f's accumulation, then its increment added once more. */
    @Override
    public void vjp(double[] theta, int off, double[] x, double[] p, double[] gx, double[] gTheta, int gOff, double[] work) {
        int count = f.parameterCount();
        int saved = f.workSize();
        System.arraycopy(gTheta, gOff, work, saved, count);
        f.vjp(theta, off, x, p, gx, gTheta, gOff, work);
        for (int j = 0; j < count; j++) {
            gTheta[gOff + j] += gTheta[gOff + j] - work[saved + j];
        }
    }

    @Override
    public boolean oddInTheta() {
        return f.oddInTheta();
    }

    @Override
    public boolean linearInTheta() {
        return f.linearInTheta();
    }

    @Override
    public int normCount() {
        return f.normCount();
    }

    @Override
    public void parameterNorms(double[] theta, int off, double[] out) {
        f.parameterNorms(theta, off, out);
    }

    @Override
    public Constants constants(double[] normBounds, double radius) {
        return f.constants(normBounds, radius);
    }

    @Override
    public void initialParameters(java.util.SplittableRandom rng, double[] out, int off) {
        f.initialParameters(rng, out, off);
    }
}
