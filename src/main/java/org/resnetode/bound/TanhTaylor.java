package org.resnetode.bound;

/** Taylor arithmetic of {@code f(x, W) = tanh(W x)}: {@code z_[k] = W_[0] x_[k] + W_[1] x_[k-1]}, then {@link TanhSeries}. */
final class TanhTaylor extends TaylorField {
    private final TanhSeries tanh;

    TanhTaylor(int d, int capacity) {
        super(d, d * d, capacity);
        this.tanh = new TanhSeries(d, capacity);
    }

    @Override
    protected void slope(int k, double[] t0lo, double[] t0hi, double[] t1lo, double[] t1hi, double[] xlo, double[] xhi,
                         int out) {
        affineTimes(k, t0lo, t0hi, t1lo, t1hi, 0, d, d, xlo, xhi, d, tanh.zlo, tanh.zhi, k * d);
        tanh.next(k);
        System.arraycopy(tanh.ylo, k * d, xlo, out, d);
        System.arraycopy(tanh.yhi, k * d, xhi, out, d);
    }

}
