package org.resnetode.bound;

/**
 * Taylor arithmetic of {@code f(x, (W1, W2)) = W2 tanh(W1 x)}: {@code z_[k] = W1_[0] x_[k] + W1_[1] x_[k-1]},
 * {@code u = tanh z} by {@link TanhSeries}, {@code f_[k] = W2_[0] u_[k] + W2_[1] u_[k-1]}.
 */
final class MlpTaylor extends TaylorField {
    private final int m;
    private final TanhSeries tanh;

    MlpTaylor(int d, int m, int capacity) {
        super(d, 2 * m * d, capacity);
        this.m = m;
        this.tanh = new TanhSeries(m, capacity);
    }

    @Override
    protected void slope(int k, double[] t0lo, double[] t0hi, double[] t1lo, double[] t1hi, double[] xlo, double[] xhi,
                         int out) {
        affineTimes(k, t0lo, t0hi, t1lo, t1hi, 0, m, d, xlo, xhi, d, tanh.zlo, tanh.zhi, k * m);
        tanh.next(k);
        affineTimes(k, t0lo, t0hi, t1lo, t1hi, m * d, d, m, tanh.ylo, tanh.yhi, m, xlo, xhi, out);
    }

}
