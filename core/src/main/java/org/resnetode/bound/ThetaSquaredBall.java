package org.resnetode.bound;

/**
 * The scalar {@code f(x, θ) = θ² x}: with {@code θ(u0 + w) = θ0 + w Δ}, {@code θ² = q0 + q1 w + q2 w²}
 * ({@code q0 = θ0², q1 = 2 θ0 Δ, q2 = Δ²}) and {@code x_[k+1] = h Σ_{j<=min(k,2)} q_j x_[k-j] / (k+1)}. One component:
 * the coefficients are computed as outward-rounded intervals ({@link Interval}) and handed on as midpoint and radius.
 * Majorant: {@code K_{k+1} = h (t² K_k + 2 t β K_{k-1} + β² K_{k-2}) / (k+1)}, {@code t = max(|θ_a|, |θ_b|)},
 * {@code β >= |Δ|}, {@code K_0 = |z| e^{h t²/m}}. The solution is entire: the remainder is the series tail from the
 * last three computed coefficients ({@link #seriesTail}).
 */
final class ThetaSquaredBall extends BallField {
    private final double[] lo;
    private final double[] hi;
    private final double[] qlo = new double[3];
    private final double[] qhi = new double[3];
    private double thetaA;
    private double deltaLo;
    private double deltaHi;
    private double largest;

    ThetaSquaredBall(int order) {
        super(1, order);
        this.lo = new double[order + 1];
        this.hi = new double[order + 1];
    }

    @Override
    void knots(double[] w, int offA, int offB, boolean tail) {
        thetaA = w[offA];
        double delta = tail ? 0 : w[offB] - w[offA];
        deltaLo = tail ? 0 : Math.nextDown(delta);
        deltaHi = tail ? 0 : Math.nextUp(delta);
        largest = Math.max(Math.abs(thetaA), Math.abs(w[offB]));
    }

    @Override
    double lipschitz() {
        return Interval.mulUp(hUp, Interval.mulUp(largest, largest));
    }

    @Override
    void next(int k, double u0) {
        if (k == 0) {
            coefficientsOfThetaSquared(u0);
            lo[0] = c[0];
            hi[0] = c[0];
        }
        double sl = 0;
        double sh = 0;
        for (int j = 0; j <= Math.min(k, 2); j++) {
            sl = Interval.addLo(sl, Interval.mulLo(qlo[j], qhi[j], lo[k - j], hi[k - j]));
            sh = Interval.addHi(sh, Interval.mulHi(qlo[j], qhi[j], lo[k - j], hi[k - j]));
        }
        // × h / (k+1), h ∈ [nextDown(h), hUp]
        double ml = Interval.mulLo(Math.nextDown(h), hUp, sl, sh);
        double mh = Interval.mulHi(Math.nextDown(h), hUp, sl, sh);
        lo[k + 1] = Math.nextDown(ml / (k + 1));
        hi[k + 1] = Math.nextUp(mh / (k + 1));
        double mid = 0.5 * lo[k + 1] + 0.5 * hi[k + 1];
        c[k + 1] = mid;
        cNorm[k + 1] = Math.abs(mid);
        cRad[k + 1] = Math.max(Math.nextUp(hi[k + 1] - mid), Math.nextUp(mid - lo[k + 1]));
    }

    /** {@code q0 = θ0², q1 = 2 θ0 Δ, q2 = Δ²} with {@code θ0 = θ_a + u0 Δ}, as intervals. */
    private void coefficientsOfThetaSquared(double u0) {
        double t0lo = Interval.addLo(thetaA, Interval.scaleLo(u0, deltaLo, deltaHi));
        double t0hi = Interval.addHi(thetaA, Interval.scaleHi(u0, deltaLo, deltaHi));
        qlo[0] = Interval.squareLo(t0lo, t0hi);
        qhi[0] = Interval.squareHi(t0lo, t0hi);
        double pl = Interval.mulLo(t0lo, t0hi, deltaLo, deltaHi);
        double ph = Interval.mulHi(t0lo, t0hi, deltaLo, deltaHi);
        qlo[1] = Interval.scaleLo(2, pl, ph);
        qhi[1] = Interval.scaleHi(2, pl, ph);
        qlo[2] = Interval.squareLo(deltaLo, deltaHi);
        qhi[2] = Interval.squareHi(deltaLo, deltaHi);
    }

    /**
     * The exact coefficients obey {@code |x*_[k+1]| <= h (t² |x*_[k]| + 2tβ |x*_[k-1]| + β² |x*_[k-2]|) / (k+1)}
     * ({@code |θ(u0)| <= t}): {@link #tail} with {@code a = h (t² w, 2tβ w², β² w³)}.
     */
    @Override
    double seriesTail(int q, double w) {
        double beta = Math.max(Math.abs(deltaLo), Math.abs(deltaHi));
        return tail(Interval.mulUp(hUp, Interval.mulUp(Interval.mulUp(largest, largest), w)),
                Interval.mulUp(hUp, Interval.mulUp(Interval.mulUp(2, Interval.mulUp(largest, beta)), w * w)),
                Interval.mulUp(hUp, Interval.mulUp(Interval.mulUp(beta, beta), w * w * w)), q, w);
    }

    @Override
    void majorant(double zNorm, int m, double[] out, int from, int top) {
        double t2 = Interval.mulUp(largest, largest);
        double beta = Math.max(Math.abs(deltaLo), Math.abs(deltaHi));
        double cross = Interval.mulUp(2, Interval.mulUp(largest, beta));
        double b2 = Interval.mulUp(beta, beta);
        if (from == 0) {
            out[0] = grownNorm(zNorm, lipschitz(), m);
        }
        for (int k = from; k < top; k++) {
            double s = Interval.mulUp(t2, out[k]);
            if (k >= 1) {
                s = Interval.addUp(s, Interval.mulUp(cross, out[k - 1]));
            }
            if (k >= 2) {
                s = Interval.addUp(s, Interval.mulUp(b2, out[k - 2]));
            }
            out[k + 1] = RoundOff.divideUp(Interval.mulUp(hUp, s), k + 1);
        }
    }
}
