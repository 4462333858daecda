package org.resnetode.bound;

/**
 * A rigorous enclosure of the exact flow of {@code x' = f(x, θ(s0 + s))} over one step of length τ from a point z,
 * θ affine on the step: {@code φ_τ(z) ∈ Σ_{k=0}^{Q} x_[k](z) τ^k + τ^{Q+1} x_[Q+1](B)}, where the coefficients at z
 * come from {@link TaylorField} and the Lagrange remainder's coefficient is enclosed over a box B that holds the
 * whole solution on the step. B is verified by the Picard test: if {@code z + [0, τ] f(B, Θ) ⊆ B} (Θ the hull of θ on
 * the step) the solution cannot leave B. Owns its buffers: one instance per thread.
 */
final class FlowEnclosure {
    /** Picard inclusion attempts before the step is declared too long. */
    private static final int PICARD_ATTEMPTS = 8;

    private final TaylorField field;
    private final int order;
    private final int d;
    private final double[] xlo;
    private final double[] xhi;
    private final double[] blo;
    private final double[] bhi;
    private final double[] boxLo;
    private final double[] boxHi;
    final double[] t0lo;
    final double[] t0hi;
    final double[] t1lo;
    final double[] t1hi;
    private final double[] hullLo;
    private final double[] hullHi;

    FlowEnclosure(TaylorField field, int p, int order) {
        this.field = field;
        this.order = order;
        this.d = field.dim();
        int size = (order + 2) * d;
        xlo = new double[size];
        xhi = new double[size];
        blo = new double[size];
        bhi = new double[size];
        boxLo = new double[d];
        boxHi = new double[d];
        t0lo = new double[p];
        t0hi = new double[p];
        t1lo = new double[p];
        t1hi = new double[p];
        hullLo = new double[p];
        hullHi = new double[p];
    }

    int order() {
        return order;
    }

    /**
     * Encloses {@code φ_τ(z)} for τ in {@code [tauLo, tauHi]} (0 < tauLo) and θ given by {@link #t0lo}.. {@link #t1hi}
     * into {@code [outLo, outHi]}; false when no box passed the Picard test (the step is too long for this field).
     */
    boolean enclose(double[] z, double tauLo, double tauHi, double[] outLo, double[] outHi) {
        thetaHull(tauLo, tauHi);
        if (!box(z, tauHi)) {
            return false;
        }
        // the Taylor polynomial at z, by Horner in τ
        System.arraycopy(z, 0, xlo, 0, d);
        System.arraycopy(z, 0, xhi, 0, d);
        field.series(order, t0lo, t0hi, t1lo, t1hi, xlo, xhi);
        // the remainder coefficient over the box and the hull of θ
        System.arraycopy(boxLo, 0, blo, 0, d);
        System.arraycopy(boxHi, 0, bhi, 0, d);
        field.series(order + 1, hullLo, hullHi, t1lo, t1hi, blo, bhi);
        double powLo = 1;
        double powHi = 1;
        for (int k = 0; k <= order; k++) {
            powLo = Math.nextDown(powLo * tauLo);
            powHi = Math.nextUp(powHi * tauHi);
        }
        int top = order * d;
        int rem = (order + 1) * d;
        for (int i = 0; i < d; i++) {
            double pl = xlo[top + i];
            double ph = xhi[top + i];
            for (int k = order - 1; k >= 0; k--) {
                double ml = Interval.mulLo(pl, ph, tauLo, tauHi);
                double mh = Interval.mulHi(pl, ph, tauLo, tauHi);
                pl = Interval.addLo(ml, xlo[k * d + i]);
                ph = Interval.addHi(mh, xhi[k * d + i]);
            }
            outLo[i] = Interval.addLo(pl, Interval.mulLo(blo[rem + i], bhi[rem + i], powLo, powHi));
            outHi[i] = Interval.addHi(ph, Interval.mulHi(blo[rem + i], bhi[rem + i], powLo, powHi));
        }
        return IntervalVectors.finite(outLo, outHi, 0, d);
    }

    /** {@code Θ = hull(θ_[0], θ_[0] + τ θ_[1])}: θ is affine, so the hull of its ends holds it on the whole step. */
    private void thetaHull(double tauLo, double tauHi) {
        for (int j = 0; j < hullLo.length; j++) {
            double endLo = Interval.addLo(t0lo[j], Interval.mulLo(t1lo[j], t1hi[j], tauLo, tauHi));
            double endHi = Interval.addHi(t0hi[j], Interval.mulHi(t1lo[j], t1hi[j], tauLo, tauHi));
            hullLo[j] = Math.min(t0lo[j], endLo);
            hullHi[j] = Math.max(t0hi[j], endHi);
        }
    }

    /**
     * Finds a box B with {@code z + [0, τ] f(B, Θ) ⊆ B} into {@link #boxLo}/{@link #boxHi}: starting from the first
     * Euler guess inflated by 10%, each failed attempt takes the hull with the image and inflates it by 50%.
     */
    private boolean box(double[] z, double tauHi) {
        System.arraycopy(z, 0, boxLo, 0, d);
        System.arraycopy(z, 0, boxHi, 0, d);
        double inflate = 0.1;
        for (int attempt = 0; attempt <= PICARD_ATTEMPTS; attempt++) {
            System.arraycopy(boxLo, 0, blo, 0, d);
            System.arraycopy(boxHi, 0, bhi, 0, d);
            field.series(1, hullLo, hullHi, t1lo, t1hi, blo, bhi);
            boolean inside = attempt > 0;
            for (int i = 0; i < d; i++) {
                // z + [0, τ] F = [z + min(0, τ F_lo), z + max(0, τ F_hi)]
                double lo = Interval.addLo(z[i], Math.min(0, Interval.mulLo(blo[d + i], bhi[d + i], 0, tauHi)));
                double hi = Interval.addHi(z[i], Math.max(0, Interval.mulHi(blo[d + i], bhi[d + i], 0, tauHi)));
                inside &= lo >= boxLo[i] && hi <= boxHi[i];
                blo[i] = lo;
                bhi[i] = hi;
            }
            if (inside) {
                System.arraycopy(blo, 0, boxLo, 0, d);
                System.arraycopy(bhi, 0, boxHi, 0, d);
                return true;
            }
            for (int i = 0; i < d; i++) {
                double lo = Math.min(boxLo[i], blo[i]);
                double hi = Math.max(boxHi[i], bhi[i]);
                double pad = inflate * (hi - lo) + Double.MIN_NORMAL + Math.ulp(Interval.magnitude(lo, hi));
                boxLo[i] = lo - pad;
                boxHi[i] = hi + pad;
            }
            if (!IntervalVectors.finite(boxLo, boxHi, 0, d)) {
                return false;
            }
            inflate = 0.5;
        }
        return false;
    }
}
