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
 * The candidate is the fixed point of the system linearised at {@code T = 0} without {@code Y²}, or where that one does
 * not verify the fixed-point sweeps of the right sides from 0 (at most {@link #SWEEPS}), times {@link #INFLATION}; it is
 * kept when the right sides at it stay below it. One instance per field; every scalar rounded up.
 */
final class TanhSeriesTail {
    /** Most fixed-point sweeps from 0 before the candidate is taken. */
    private static final int SWEEPS = 12;
    /** The sweeps stop once the tail grows by less than this share. */
    private static final double SETTLED = 1e-3;
    /** The candidate: the linearised fixed point, or the last sweep, times this. */
    private static final double INFLATION = 1.5;
    /** The plain-block margins: one scaled bound (2 operations); a sum of q of them; {@code 1 + γ_{q²+4}} at q. */
    private static final double SCALED_MARGIN = RoundOff.blockMargin(2);
    /** The plain-block margins of the right sides {@link #z}, {@link #y}, {@link #v}, {@link #t}. */
    private static final double Z_MARGIN = RoundOff.blockMargin(5);
    private static final double Y_MARGIN = RoundOff.blockMargin(5);
    private static final double V_MARGIN = RoundOff.blockMargin(3);
    private static final double T_MARGIN = RoundOff.blockMargin(6);
    private final double[] zs;
    private final double[] ys;
    private final double[] vs;
    private final double[] sumMargin;
    private final double[] productMargin;

    TanhSeriesTail(int capacity) {
        zs = new double[capacity + 1];
        ys = new double[capacity + 1];
        vs = new double[capacity + 1];
        sumMargin = new double[capacity + 1];
        productMargin = new double[capacity + 1];
        for (int q = 1; q <= capacity; q++) {
            sumMargin[q] = RoundOff.blockMargin(q);
            productMargin[q] = 1 + RoundOff.gamma(q * q + 4);
        }
    }

    /**
     * The tail bound, or +∞ when the candidate does not verify. {@code alpha >= ||A(u0)||_∞}, {@code beta >= ||Δ||_∞}
     * of the inner block; {@code alpha2}, {@code beta2} of the outer block (mlp), {@code alpha2 < 0} for tanh;
     * {@code hw >= h w}.
     */
    double bound(BallField x, BallTanh t, int q, double w, double alpha, double beta, double alpha2, double beta2,
                 double hw) {
        // the scaled bounds S_j = (|c_j| + e_j) w^j (w^j exact) and their sums, plain blocks
        double zLo = 0;
        double yLo = 0;
        double vLo = 0;
        for (int j = 0; j < q; j++) {
            double wk = x.power(w, j);
            zs[j] = RoundOff.blockUp((t.zetaNorm[j] + t.zetaRad[j]) * wk, SCALED_MARGIN);
            ys[j] = RoundOff.blockUp((t.yNorm[j] + t.yRad[j]) * wk, SCALED_MARGIN);
            vs[j] = RoundOff.blockUp((t.vNorm[j] + t.vRad[j]) * wk, SCALED_MARGIN);
            if (j >= 1) {
                zLo += zs[j];
            }
            yLo += ys[j];
            vLo += vs[j];
        }
        zLo = RoundOff.blockUp(zLo, sumMargin[q]);
        yLo = RoundOff.blockUp(yLo, sumMargin[q]);
        vLo = RoundOff.blockUp(vLo, sumMargin[q]);
        double xq = RoundOff.blockUp((x.cNorm[q] + x.cRad[q]) * x.power(w, q), SCALED_MARGIN);
        double xBefore = RoundOff.blockUp((x.cNorm[q - 1] + x.cRad[q - 1]) * x.power(w, q - 1), SCALED_MARGIN);
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
        double margin = productMargin[q];
        py = Interval.addUp(Interval.mulUp(py, margin), Double.MIN_NORMAL);
        pv = Interval.addUp(Interval.mulUp(pv, margin), Double.MIN_NORMAL);
        double betaW = Interval.mulUp(beta, w);
        double beta2W = alpha2 < 0 ? 0 : Interval.mulUp(beta2, w);
        double xSum = Interval.addUp(xBefore, xq);
        double twoYLo = 2 * yLo;
        double yLast = ys[q - 1];
        boolean tanh = alpha2 < 0;
        int n = q + 1;
        // the candidate (it needs no rigour; the check decides): the fixed point of the system linearised at T = 0 without
        // Y² (with V = P_v + 2 Y_lo Y, Y = P_y + Z V_lo + (Z + Z_lo) V is linear in Y), which the inflation covers when
        // T and Y² are small against it; else sweeps of the right sides from 0 until they settle (the check's own blocks
        // serve, their margins move the candidate by about 1e-15)
        double z0 = z(alpha, betaW, xq, xSum, 0);
        double coupling = twoYLo * (z0 + zLo);
        if (coupling < 1) {
            double y0 = (py + z0 * vLo + (z0 + zLo) * pv) / (1 - coupling);
            double checked = check(alpha, betaW, xq, xSum, py, vLo, zLo, pv, twoYLo, hw, n, alpha2, beta2W, yLast, tanh,
                    t(hw, n, alpha2, beta2W, yLast, tanh, y0), v(pv, twoYLo, y0));
            if (checked < Double.POSITIVE_INFINITY) {
                return checked;
            }
        }
        double tail = 0;
        double vTail = 0;
        for (int sweep = 0; sweep < SWEEPS; sweep++) {
            double y = y(py, vLo, zLo, z(alpha, betaW, xq, xSum, tail), vTail);
            vTail = v(pv, twoYLo, y);
            double next = t(hw, n, alpha2, beta2W, yLast, tanh, y);
            boolean settled = next <= tail * (1 + SETTLED);
            tail = next;
            if (settled) {
                break;
            }
        }
        return check(alpha, betaW, xq, xSum, py, vLo, zLo, pv, twoYLo, hw, n, alpha2, beta2W, yLast, tanh, tail, vTail);
    }

    /**
     * The rigorous check of a candidate {@code (T, V)} inflated by {@link #INFLATION}: the right sides at it stay below
     * it, and the bound is the last right side; +∞ when they do not.
     */
    private static double check(double alpha, double betaW, double xq, double xSum, double py, double vLo, double zLo,
                                double pv, double twoYLo, double hw, int n, double alpha2, double beta2W, double yLast,
                                boolean tanh, double tail, double vTail) {
        double tailCandidate = Interval.mulUp(INFLATION, tail);
        double vCandidate = Interval.mulUp(INFLATION, vTail);
        double y = y(py, vLo, zLo, z(alpha, betaW, xq, xSum, tailCandidate), vCandidate);
        double t2 = t(hw, n, alpha2, beta2W, yLast, tanh, y);
        if (!(v(pv, twoYLo, y) <= vCandidate && t2 <= tailCandidate)) {
            return Double.POSITIVE_INFINITY;
        }
        return t2;
    }

    // The right sides of the four inequalities, each a plain block (RoundOff.blockUp) of leaves rounded up:
    // betaW >= β w, beta2W >= β2 w, xSum >= X_{q-1} + X_q, twoYLo = 2 Y_lo (exact); in t the product with
    // hw <= 1 + 2^-52 and the quotient by n = q + 1 >= 1 keep the block's form. Static, with their leaves as arguments,
    // so that the sweeps compile inline without an object per tail.

    /** {@code α (X_q + T) + βw (X_{q-1} + X_q + T)}. */
    static double z(double alpha, double betaW, double xq, double xSum, double t) {
        return RoundOff.blockUp(alpha * (xq + t) + betaW * (xSum + t), Z_MARGIN);
    }

    /** {@code P_y + Z (V_lo + V) + Z_lo V}. */
    static double y(double py, double vLo, double zLo, double z, double v) {
        return RoundOff.blockUp(py + z * (vLo + v) + zLo * v, Y_MARGIN);
    }

    /** {@code P_v + Y (2 Y_lo + Y)}. */
    static double v(double pv, double twoYLo, double y) {
        return RoundOff.blockUp(pv + y * (twoYLo + y), V_MARGIN);
    }

    /** {@code h w F / n}, {@code F = Y} (tanh) or {@code α2 Y + β2w (Y_{q-1} + Y)} (mlp). */
    static double t(double hw, int n, double alpha2, double beta2W, double yLast, boolean tanh, double y) {
        double f = tanh ? y : alpha2 * y + beta2W * (yLast + y);
        return RoundOff.blockUp(hw * f / n, T_MARGIN);
    }
}
