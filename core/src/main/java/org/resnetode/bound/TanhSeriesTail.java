package org.resnetode.bound;

/**
 * The series tail {@code Σ_{k>q} ||x*_[k]||_∞ w^k} of a field through tanh (tanh: {@code x' = h tanh(A x)}; mlp:
 * {@code x' = h W2 tanh(W1 x)}) from the computed coefficients {@code x_[0..q]}, {@code ζ_[0..q-1]}, {@code y_[0..q-1]},
 * {@code v_[0..q-1]} with their radii (docs/derivations/bound.md §2, "the tail of a tanh field"). With every quantity
 * of order k scaled by {@code w^k} ({@code X_k >= ||x*_[k]|| w^k}, likewise Z, Y, V), the partial sums from order q
 * (x from q + 1) of the exact coefficients up to order n are bounded, by induction on n, by any
 * {@code (T, Z, Y, V)} with
 * <pre>
 *   Z >= α (X_q + T) + β w (X_{q-1} + X_q + T)
 *   Y >= P_y + Z (V_lo + V) + Z_lo V                     P_y = Σ_{j,i<q, i+j>=q, j>=1} j/(i+j) Z_j V_i
 *   V >= P_v + Y (2 Y_lo + Y)                            P_v = Σ_{j,i<q, i+j>=q} Y_j Y_i
 *   T >= h w F / (q+1),  F = Y (tanh)  or  F = α2 Y + β2 w (Y_{q-1} + Y) (mlp),
 * </pre>
 * {@code V_lo = Σ_{i<q} V_i}, {@code Z_lo = Σ_{1<=j<q} Z_j}, {@code Y_lo = Σ_{j<q} Y_j}: the right sides are
 * increasing, the sums at level n are bounded by the right sides at level n - 1, and at level q every sum is empty;
 * the bound returned is the last right side, {@code h w F(Y) / (q+1)} at the candidate.
 * The candidate is the plain fixed-point sweeps from 0 (at most {@link #SWEEPS}) times {@link #INFLATION}; it is kept when the right sides stay below it. One instance
 * per field; every scalar rounded up.
 */
final class TanhSeriesTail {
    /** Most fixed-point sweeps from 0 before the candidate is taken. */
    private static final int SWEEPS = 12;
    /** The sweeps stop once the tail grows by less than this share. */
    private static final double SETTLED = 1e-3;
    /** The candidate: the last sweep times this. */
    private static final double INFLATION = 1.5;
    private final double[] zs;
    private final double[] ys;
    private final double[] vs;

    TanhSeriesTail(int capacity) {
        zs = new double[capacity + 1];
        ys = new double[capacity + 1];
        vs = new double[capacity + 1];
    }

    /**
     * The tail bound, or +∞ when the candidate does not verify. {@code alpha >= ||A(u0)||_∞}, {@code beta >= ||Δ||_∞}
     * of the inner block; {@code alpha2}, {@code beta2} of the outer block (mlp), {@code alpha2 < 0} for tanh;
     * {@code hw >= h w}.
     */
    double bound(BallField x, BallTanh t, int q, double w, double alpha, double beta, double alpha2, double beta2,
                 double hw) {
        double wk = 1;
        double zLo = 0;
        double yLo = 0;
        double vLo = 0;
        for (int j = 0; j < q; j++) {
            zs[j] = Interval.mulUp(Interval.addUp(t.zetaNorm[j], t.zetaRad[j]), wk);
            ys[j] = Interval.mulUp(Interval.addUp(t.yNorm[j], t.yRad[j]), wk);
            vs[j] = Interval.mulUp(Interval.addUp(t.vNorm[j], t.vRad[j]), wk);
            if (j >= 1) {
                zLo = Interval.addUp(zLo, zs[j]);
            }
            yLo = Interval.addUp(yLo, ys[j]);
            vLo = Interval.addUp(vLo, vs[j]);
            wk *= w;
        }
        double xq = Interval.mulUp(Interval.addUp(x.cNorm[q], x.cRad[q]), wk);
        double xBefore = Interval.mulUp(Interval.addUp(x.cNorm[q - 1], x.cRad[q - 1]), wk / w);
        // P_y and P_v: sums of nonnegative products in plain arithmetic; each term passes through at most q² + 4
        // roundings, so the exact sums are at most (1 + γ_{q²+4}) times the computed ones, plus MIN_NORMAL for underflow
        double py = 0;
        double pv = 0;
        for (int j = 0; j < q; j++) {
            for (int i = Math.max(0, q - j); i < q; i++) {
                pv += ys[j] * ys[i];
                if (j >= 1) {
                    py += (double) j / (i + j) * (zs[j] * vs[i]);
                }
            }
        }
        double margin = 1 + RoundOff.gamma(q * q + 4);
        py = Interval.addUp(Interval.mulUp(py, margin), Double.MIN_NORMAL);
        pv = Interval.addUp(Interval.mulUp(pv, margin), Double.MIN_NORMAL);
        Sweep s = new Sweep(alpha, beta, w, alpha2, beta2, hw, q, xq, xBefore, py, pv, zLo, yLo, vLo, ys[q - 1]);
        // the candidate needs no rigour: plain sweeps from 0 (the right sides without rounding), until they settle
        double tail = 0;
        double vTail = 0;
        double twoYLo = 2 * yLo;
        double hwOver = hw / (q + 1);
        for (int sweep = 0; sweep < SWEEPS; sweep++) {
            double z = alpha * (xq + tail) + beta * w * (xBefore + xq + tail);
            double y = py + z * (vLo + vTail) + zLo * vTail;
            vTail = pv + y * (twoYLo + y);
            double f = alpha2 < 0 ? y : alpha2 * y + beta2 * w * (ys[q - 1] + y);
            double next = hwOver * f;
            boolean settled = next <= tail * (1 + SETTLED);
            tail = next;
            if (settled) {
                break;
            }
        }
        double tailCandidate = Interval.mulUp(INFLATION, tail);
        double vCandidate = Interval.mulUp(INFLATION, vTail);
        double y = s.y(s.z(tailCandidate), vCandidate);
        double t2 = s.t(y);
        if (!(s.v(y) <= vCandidate && t2 <= tailCandidate)) {
            return Double.POSITIVE_INFINITY;
        }
        return t2;
    }

    /** The right sides of the four inequalities, rounded up. */
    private record Sweep(double alpha, double beta, double w, double alpha2, double beta2, double hw, int q, double xq,
                         double xBefore, double py, double pv, double zLo, double yLo, double vLo, double yLast) {
        double z(double t) {
            return Interval.addUp(Interval.mulUp(alpha, Interval.addUp(xq, t)),
                    Interval.mulUp(Interval.mulUp(beta, w), Interval.addUp(Interval.addUp(xBefore, xq), t)));
        }

        double y(double z, double v) {
            return Interval.addUp(Interval.addUp(py, Interval.mulUp(z, Interval.addUp(vLo, v))), Interval.mulUp(zLo, v));
        }

        double v(double y) {
            return Interval.addUp(pv, Interval.mulUp(y, Interval.addUp(Interval.mulUp(2, yLo), y)));
        }

        double t(double y) {
            double f = alpha2 < 0 ? y : Interval.addUp(Interval.mulUp(alpha2, y),
                    Interval.mulUp(Interval.mulUp(beta2, w), Interval.addUp(yLast, y)));
            return RoundOff.divideUp(Interval.mulUp(hw, f), q + 1);
        }
    }
}
