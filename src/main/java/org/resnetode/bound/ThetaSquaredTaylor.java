package org.resnetode.bound;

/**
 * Taylor arithmetic of the scalar {@code f(x, θ) = θ² x}: with {@code θ(s) = θ_[0] + s θ_[1]},
 * {@code θ² = θ_[0]² + 2 θ_[0] θ_[1] s + θ_[1]² s²}, so {@code f_[k] = Σ_{j=0}^{min(k,2)} (θ²)_[j] x_[k-j]}.
 */
final class ThetaSquaredTaylor extends TaylorField {
    private final double[] slo = new double[3];
    private final double[] shi = new double[3];

    ThetaSquaredTaylor(int capacity) {
        super(1, 1, capacity);
    }

    @Override
    protected void slope(int k, double[] t0lo, double[] t0hi, double[] t1lo, double[] t1hi, double[] xlo, double[] xhi,
                         int out) {
        if (k == 0) {
            slo[0] = Interval.squareLo(t0lo[0], t0hi[0]);
            shi[0] = Interval.squareHi(t0lo[0], t0hi[0]);
            slo[1] = Interval.scaleLo(2, Interval.mulLo(t0lo[0], t0hi[0], t1lo[0], t1hi[0]),
                    Interval.mulHi(t0lo[0], t0hi[0], t1lo[0], t1hi[0]));
            shi[1] = Interval.scaleHi(2, Interval.mulLo(t0lo[0], t0hi[0], t1lo[0], t1hi[0]),
                    Interval.mulHi(t0lo[0], t0hi[0], t1lo[0], t1hi[0]));
            slo[2] = Interval.squareLo(t1lo[0], t1hi[0]);
            shi[2] = Interval.squareHi(t1lo[0], t1hi[0]);
        }
        double l = 0;
        double h = 0;
        for (int j = 0; j <= Math.min(k, 2); j++) {
            l = Interval.addLo(l, Interval.mulLo(slo[j], shi[j], xlo[k - j], xhi[k - j]));
            h = Interval.addHi(h, Interval.mulHi(slo[j], shi[j], xlo[k - j], xhi[k - j]));
        }
        xlo[out] = l;
        xhi[out] = h;
    }

}
