package org.resnetode.bound;

/**
 * {@code f(x, (W1, W2)) = W2 tanh(W1 x)}: {@code ζ_[k] = W1(u0) x_[k] + Δ1 x_[k-1]}, {@code y = tanh ζ},
 * {@code f_[k] = W2(u0) y_[k] + Δ2 y_[k-1]}, {@code x_[k+1] = h f_[k] / (k+1)}. Majorant: {@code K_0 = ||z|| + h α2 / m},
 * {@code Z_k = α1 K_k + β1 K_{k-1}}, Y from {@link BallTanh#majorant}, {@code K_{k+1} = h (α2 Y_k + β2 Y_{k-1}) / (k+1)}.
 */
final class MlpBall extends BallField {
    private final AffineMatrix w1;
    private final AffineMatrix w2;
    private final BallTanh tanh;
    private final double[] g;
    private final double[] zetaBound;
    private final double[] yBound;
    private final double[] vBound;
    private final TanhSeriesTail tanhTail;

    MlpBall(int d, int hidden, int order) {
        super(d, order);
        this.w1 = new AffineMatrix(hidden, d, order);
        this.w2 = new AffineMatrix(d, hidden, order);
        this.tanh = new BallTanh(hidden, order);
        this.g = new double[d];
        this.zetaBound = new double[order + 1];
        this.yBound = new double[order + 1];
        this.vBound = new double[order + 1];
        this.tanhTail = new TanhSeriesTail(order);
    }

    @Override
    void knots(double[] w, int offA, int offB, boolean tail, double[] start) {
        int second = w1.rows * w1.cols;
        w1.knots(w, offA, offB, tail, start);
        w2.knots(w, offA + second, offB + second, tail);
    }

    /**
     * The Lipschitz bound {@code h ||W2||_2 ||W1||_2} makes the growth {@code e^{Σ h L}} 10^5–10^8 at d = 8–16: the
     * unweighted coarse pass's radius was 2–9·10^4 times the distance on every measured row (bound.md §7.0).
     */
    @Override
    boolean aimsFirstPass() {
        return true;
    }

    @Override
    double lipschitz() {
        return Interval.mulUp(hUp, Interval.mulUp(w2.spectralSup(), w1.spectralSup()));
    }

    @Override
    void next(int k, double u0) {
        int m = w1.rows;
        tanh.zetaRad[k] = w1.apply(k, u0, c, d, cNorm, cRad, tanh.zeta, k * m);
        tanh.zetaNorm[k] = RoundOff.maxAbs(tanh.zeta, k * m, m);
        tanh.next(k);
        double rad = w2.apply(k, u0, tanh.y, m, tanh.yNorm, tanh.yRad, g, 0);
        integrate(k, g, 0, rad);
    }

    /** The tail from the computed coefficients ({@link TanhSeriesTail}), {@code F = α2 Y + β2 w (Y_{q-1} + Y)}. */
    @Override
    double seriesTail(int q, double w) {
        return tanhTail.bound(this, tanh, q, w, w1.sup(), w1.normDelta, w2.sup(), w2.normDelta, Interval.mulUp(hUp, w));
    }

    @Override
    void majorant(double zNorm, int m, double[] out, int from, int top) {
        double alpha1 = w1.sup();
        double alpha2 = w2.sup();
        if (from == 0) {
            out[0] = Interval.addUp(zNorm, RoundOff.divideUp(Interval.mulUp(hUp, alpha2), m));
        }
        for (int k = from; k < top; k++) {
            double s = Interval.mulUp(alpha1, out[k]);
            zetaBound[k] = k >= 1 ? Interval.addUp(s, Interval.mulUp(w1.normDelta, out[k - 1])) : s;
            BallTanh.majorant(zetaBound, k, yBound, vBound);
            double f = Interval.mulUp(alpha2, yBound[k]);
            if (k >= 1) {
                f = Interval.addUp(f, Interval.mulUp(w2.normDelta, yBound[k - 1]));
            }
            out[k + 1] = RoundOff.divideUp(Interval.mulUp(hUp, f), k + 1);
        }
    }
}
