package org.resnetode.bound;

import org.resnetode.model.LinearFamily;
import org.resnetode.model.MlpFamily;
import org.resnetode.model.ResidualFunction;
import org.resnetode.model.TanhFamily;
import org.resnetode.model.ThetaSquaredFamily;

/**
 * Taylor-mode arithmetic of the Neural ODE {@code x' = f(x, θ(s))} on one piece where θ is affine,
 * {@code θ(s0 + s) = θ_[0] + s θ_[1]}: from {@code x_[0] = x(s0)} it fills the normalised Taylor coefficients
 * {@code x_[k] = x^{(k)}(s0)/k!} through {@code x_[k+1] = f_[k] / (k+1)}, where {@code f_[k]} is the k-th coefficient of
 * {@code s -> f(x(s0+s), θ(s0+s))} and depends on {@code x_[0..k]} only. Everything is outward-rounded intervals, so
 * with {@code x_[0]} a box and {@code θ_[0]} the hull of θ over a step the result encloses every coefficient along the
 * step (the Lagrange remainder). One instance per thread: it owns its buffers.
 */
public abstract class TaylorField {
    protected final int d;
    protected final int p;
    /** Highest coefficient index the buffers hold. */
    protected final int capacity;

    protected TaylorField(int d, int p, int capacity) {
        this.d = d;
        this.p = p;
        this.capacity = capacity;
    }

    /** The Taylor arithmetic of a family of the model, able to fill coefficients up to {@code capacity}. */
    public static TaylorField of(ResidualFunction f, int capacity) {
        if (f instanceof LinearFamily) {
            return new LinearTaylor(f.dim(), capacity);
        }
        if (f instanceof TanhFamily) {
            return new TanhTaylor(f.dim(), capacity);
        }
        if (f instanceof MlpFamily) {
            return new MlpTaylor(f.dim(), f.parameterCount() / (2 * f.dim()), capacity);
        }
        if (f instanceof ThetaSquaredFamily) {
            return new ThetaSquaredTaylor(capacity);
        }
        throw new IllegalArgumentException("no Taylor arithmetic for family " + f.name());
    }

    public int dim() {
        return d;
    }

    public int capacity() {
        return capacity;
    }

    /**
     * Fills {@code x_[1..order]} (coefficient k at {@code k·d} of {@code xlo}/{@code xhi}) from {@code x_[0]} at offset 0,
     * for θ with coefficients {@code θ_[0] = [t0lo, t0hi]} and {@code θ_[1] = [t1lo, t1hi]}.
     */
    public final void series(int order, double[] t0lo, double[] t0hi, double[] t1lo, double[] t1hi,
                             double[] xlo, double[] xhi) {
        if (order > capacity) {
            throw new IllegalArgumentException("order " + order + " exceeds the capacity " + capacity);
        }
        for (int k = 0; k < order; k++) {
            slope(k, t0lo, t0hi, t1lo, t1hi, xlo, xhi, (k + 1) * d);
            IntervalVectors.divide(xlo, xhi, (k + 1) * d, d, k + 1);
        }
    }

    /**
     * Writes {@code f_[k]} at {@code out} of {@code xlo}/{@code xhi}, reading {@code x_[0..k]}; called for k = 0, 1, ...
     * in order (a family may keep the coefficients of its inner series from the previous calls).
     */
    protected abstract void slope(int k, double[] t0lo, double[] t0hi, double[] t1lo, double[] t1hi,
                                  double[] xlo, double[] xhi, int out);


    /** {@code out (+)= M_[0] x_[k] + M_[1] x_[k-1]} for the affine-in-s matrix M (rows × cols at {@code mOff} of θ). */
    static void affineTimes(int k, double[] t0lo, double[] t0hi, double[] t1lo, double[] t1hi, int mOff, int rows,
                            int cols, double[] xlo, double[] xhi, int xStride, double[] outLo, double[] outHi, int out) {
        IntervalVectors.multiply(t0lo, t0hi, mOff, rows, cols, xlo, xhi, k * xStride, outLo, outHi, out, false);
        if (k >= 1) {
            IntervalVectors.multiply(t1lo, t1hi, mOff, rows, cols, xlo, xhi, (k - 1) * xStride, outLo, outHi, out, true);
        }
    }

}
