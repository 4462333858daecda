package org.resnetode.bound;

/**
 * {@code f(x, A) = A x}: {@code x_[k+1] = h (A(u0) x_[k] + Δ x_[k-1]) / (k+1)}. Majorant on a substep:
 * {@code K_0 = ||z|| e^{hα/m}}, {@code K_{k+1} = h (α K_k + β K_{k-1}) / (k+1)} with {@code α >= sup ||A(u)||_∞},
 * {@code β >= ||Δ||_∞}. The solution is entire, so the remainder is the series tail from the last two computed
 * coefficients ({@link #seriesTail}).
 */
final class LinearBall extends BallField {
    private final AffineMatrix a;
    private final double[] g;
    /** {@code h sup ||A(u)||_∞} and {@code h ||Δ||_∞}, rounded up, for the current knots. */
    private double hAlpha;
    private double hBeta;

    LinearBall(int d, int order) {
        super(d, order);
        this.a = new AffineMatrix(d, d, order);
        this.g = new double[d];
    }

    @Override
    void knots(double[] w, int offA, int offB, boolean tail, double[] start) {
        a.knots(w, offA, offB, tail, start);
        hAlpha = Interval.mulUp(hUp, a.sup());
        hBeta = Interval.mulUp(hUp, a.normDelta);
    }

    @Override
    double lipschitz() {
        return Interval.mulUp(hUp, a.spectralSup());
    }

    @Override
    void next(int k, double u0) {
        double rad = a.apply(k, u0, c, d, cNorm, cRad, g, 0);
        integrate(k, g, 0, rad);
    }

    /**
     * The exact coefficients obey {@code |x*_[k+1]| <= h (α |x*_[k]| + β |x*_[k-1]|) / (k+1)}, so
     * {@code s_{k+1} <= (hαw s_k + hβw² s_{k-1}) / (k+1)}: {@link #tail}.
     */
    @Override
    double seriesTail(int q, double w) {
        return tail(Interval.mulUp(hAlpha, w), Interval.mulUp(hBeta, power(w, 2)), 0, 0, q, w);
    }

    @Override
    void majorant(double zNorm, int m, double[] out, int from, int top) {
        double alpha = a.sup();
        if (from == 0) {
            out[0] = grownNorm(zNorm, Interval.mulUp(hUp, alpha), m);
        }
        for (int k = from; k < top; k++) {
            double s = Interval.mulUp(alpha, out[k]);
            if (k >= 1) {
                s = Interval.addUp(s, Interval.mulUp(a.normDelta, out[k - 1]));
            }
            out[k + 1] = RoundOff.divideUp(Interval.mulUp(hUp, s), k + 1);
        }
    }
}
