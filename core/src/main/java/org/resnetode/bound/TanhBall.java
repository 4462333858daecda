package org.resnetode.bound;

/**
 * {@code f(x, W) = tanh(W x)}: {@code ζ_[k] = W(u0) x_[k] + Δ x_[k-1]}, {@code y = tanh ζ} ({@link BallTanh}),
 * {@code x_[k+1] = h y_[k] / (k+1)}. Majorant on a substep: {@code K_0 = ||z|| + h/m} ({@code |tanh| <= 1}),
 * {@code Z_k = α K_k + β K_{k-1}} ({@code α >= sup ||W(u)||_∞}, {@code β >= ||Δ||_∞}), Y from
 * {@link BallTanh#majorant}, {@code K_{k+1} = h Y_k / (k+1)}.
 */
final class TanhBall extends BallField {
    private final AffineMatrix w;
    private final BallTanh tanh;
    private final double[] zetaBound;
    private final double[] yBound;
    private final double[] vBound;
    private final TanhSeriesTail tanhTail;

    TanhBall(int d, int order) {
        super(d, order);
        this.w = new AffineMatrix(d, d, order);
        this.tanh = new BallTanh(d, order);
        this.zetaBound = new double[order + 1];
        this.yBound = new double[order + 1];
        this.vBound = new double[order + 1];
        this.tanhTail = new TanhSeriesTail(order);
    }

    @Override
    void knots(double[] weights, int offA, int offB, boolean tail, double[] start) {
        w.knots(weights, offA, offB, tail, start);
    }

    @Override
    double lipschitz() {
        // ∂_x tanh(W x) = diag(1 - y²) W, 0 <= 1 - y² <= 1
        return Interval.mulUp(hUp, w.spectralSup());
    }

    @Override
    void next(int k, double u0) {
        tanh.zetaRad[k] = w.apply(k, u0, c, d, cNorm, cRad, tanh.zeta, k * d);
        tanh.zetaNorm[k] = RoundOff.maxAbs(tanh.zeta, k * d, d);
        tanh.next(k);
        integrate(k, tanh.y, k * d, tanh.yRad[k]);
    }

    /** The tail from the computed coefficients ({@link TanhSeriesTail}), {@code F = Y}. */
    @Override
    double seriesTail(int q, double step) {
        return tanhTail.bound(this, tanh, q, step, w.sup(), w.normDelta, -1, 0, Interval.mulUp(hUp, step));
    }

    @Override
    void majorant(double zNorm, int m, double[] out, int from, int top) {
        double alpha = w.sup();
        if (from == 0) {
            out[0] = Interval.addUp(zNorm, RoundOff.divideUp(hUp, m));
        }
        for (int k = from; k < top; k++) {
            double s = Interval.mulUp(alpha, out[k]);
            zetaBound[k] = k >= 1 ? Interval.addUp(s, Interval.mulUp(w.normDelta, out[k - 1])) : s;
            BallTanh.majorant(zetaBound, k, yBound, vBound);
            out[k + 1] = RoundOff.divideUp(Interval.mulUp(hUp, yBound[k]), k + 1);
        }
    }
}
