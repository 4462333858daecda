package org.resnetode.bound;

/** Taylor arithmetic of {@code f(x, A) = A x}: {@code f_[k] = A_[0] x_[k] + A_[1] x_[k-1]}. */
final class LinearTaylor extends TaylorField {

    LinearTaylor(int d, int capacity) {
        super(d, d * d, capacity);
    }

    @Override
    protected void slope(int k, double[] t0lo, double[] t0hi, double[] t1lo, double[] t1hi, double[] xlo, double[] xhi,
                         int out) {
        affineTimes(k, t0lo, t0hi, t1lo, t1hi, 0, d, d, xlo, xhi, d, xlo, xhi, out);
    }

}
