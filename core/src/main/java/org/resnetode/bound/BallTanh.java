package org.resnetode.bound;

/**
 * The Taylor coefficients of {@code y = tanh(ζ)} from those of ζ (n components), each coefficient a computed vector with
 * an ∞-norm radius against the exact one (midpoint-radius arithmetic). With {@code v = 1 - y²}, {@code y' = v ζ'} gives
 * <pre>
 *   y_[k] = (1/k) Σ_{j=1}^{k} j ζ_[j] ⊙ v_[k-j],   v_[k] = -Σ_{j=0}^{k} y_[j] ⊙ y_[k-j]  (k >= 1),
 *   y_[0] = tanh ζ_[0],  v_[0] = 1 - y_[0]².
 * </pre>
 * Radii: a product of balls {@code (a ± α)(b ± β)} lies within {@code |a| β + α |b| + α β} of {@code a b}, in ∞-norms
 * componentwise; a computed sum of n products within {@code γ_n Σ |terms|} ({@link RoundOff}).
 */
final class BallTanh {
    private final int n;
    /** ζ_[k] at {@code k · n}, written by the caller, with {@link #zetaNorm} and {@link #zetaRad} at k. */
    final double[] zeta;
    final double[] zetaNorm;
    final double[] zetaRad;
    final double[] y;
    final double[] yNorm;
    final double[] yRad;
    private final double[] v;
    final double[] vNorm;
    final double[] vRad;
    /**
     * The weights {@code j/k} of y's radius rounded up (1 at j = k, so every weight is at most 1), and
     * {@code γ_{2k+3} j/k} rounded up, at {@code [k][j]}; γ_{k+2} at k; the plain-block margins of both radii at k.
     */
    private final double[][] weight;
    private final double[][] roundedWeight;
    private final double[] vRound;
    private final double[] yMargin;
    private final double[] vMargin;

    BallTanh(int n, int capacity) {
        this.n = n;
        weight = new double[capacity + 1][];
        roundedWeight = new double[capacity + 1][];
        vRound = new double[capacity + 1];
        yMargin = new double[capacity + 1];
        vMargin = new double[capacity + 1];
        for (int k = 1; k <= capacity; k++) {
            weight[k] = new double[k + 1];
            roundedWeight[k] = new double[k + 1];
            double gamma = RoundOff.gamma(2 * k + 3);
            for (int j = 1; j <= k; j++) {
                weight[k][j] = j == k ? 1 : Math.nextUp((double) j / k);
                roundedWeight[k][j] = Interval.mulUp(gamma, weight[k][j]);
            }
            vRound[k] = RoundOff.gamma(k + 2);
            yMargin[k] = RoundOff.blockMargin(10 * k);
            vMargin[k] = RoundOff.blockMargin(8 * (k + 1));
        }
        int size = (capacity + 1) * n;
        zeta = new double[size];
        y = new double[size];
        v = new double[size];
        zetaNorm = new double[capacity + 1];
        zetaRad = new double[capacity + 1];
        yNorm = new double[capacity + 1];
        yRad = new double[capacity + 1];
        vNorm = new double[capacity + 1];
        vRad = new double[capacity + 1];
    }

    /** Fills y_[k] (and v_[k] when {@code withV}) once ζ_[0..k] are in place. */
    void next(int k) {
        int at = k * n;
        if (k == 0) {
            double largestY = 0;
            double largestV = 0;
            for (int i = 0; i < n; i++) {
                double t = RoundOff.tanh(zeta[i]);
                double vi = 1 - t * t;
                y[i] = t;
                v[i] = vi;
                largestY = Math.max(largestY, Math.abs(t));
                largestV = Math.max(largestV, Math.abs(vi));
            }
            yNorm[0] = largestY;
            vNorm[0] = largestV;
            // |tanh a - tanh b| <= |a - b|; then the evaluation's own error
            yRad[0] = Interval.addUp(zetaRad[0], RoundOff.TANH_ERROR);
            // |y*² - y²| <= e (2|y| + e); 1 - y·y rounds twice, each within u (all terms <= 1)
            vRad[0] = Interval.addUp(Interval.mulUp(yRad[0], Interval.addUp(2 * yNorm[0], yRad[0])), 3 * RoundOff.U);
            return;
        }
        // y's radius, a plain block of 10k operations (each weight a leaf at most 1):
        // Σ_j (j/k) (|ζ_j| e(v_{k-j}) + e(ζ_j) (|v_{k-j}| + e(v_{k-j}))) + γ_{2k+3} (j/k) |ζ_j| |v_{k-j}|
        double[] wk = weight[k];
        double[] gk = roundedWeight[k];
        double ySum = 0;
        for (int j = 1; j <= k; j++) {
            double vn = vNorm[k - j];
            double vr = vRad[k - j];
            ySum += zetaNorm[j] * vr * wk[j] + zetaRad[j] * (vn + vr) * wk[j] + zetaNorm[j] * vn * gk[j];
        }
        // Σ_j j ζ_[j] v_[k-j] summed over j in order for every component at once, then divided by k
        for (int i = 0; i < n; i++) {
            y[at + i] = 0;
        }
        for (int j = 1; j <= k; j++) {
            double scale = j;
            int zetaAt = j * n;
            int vAt = (k - j) * n;
            for (int i = 0; i < n; i++) {
                y[at + i] += scale * zeta[zetaAt + i] * v[vAt + i];
            }
        }
        double largestY = 0;
        if (k == 1) {
            // the quotient by 1 is exact
            for (int i = 0; i < n; i++) {
                largestY = Math.max(largestY, Math.abs(y[at + i]));
            }
        } else {
            for (int i = 0; i < n; i++) {
                double yi = y[at + i] / k;
                y[at + i] = yi;
                largestY = Math.max(largestY, Math.abs(yi));
            }
        }
        yNorm[k] = largestY;
        yRad[k] = RoundOff.blockUp(ySum, yMargin[k]);
        // v's radius, a plain block of 8(k + 1) operations:
        // Σ_j |y_j| e(y_{k-j}) + e(y_j) (|y_{k-j}| + e(y_{k-j})) + γ_{k+2} |y_j| |y_{k-j}|
        double gamma = vRound[k];
        double vSum = 0;
        for (int j = 0; j <= k; j++) {
            double yn = yNorm[k - j];
            double yr = yRad[k - j];
            vSum += yNorm[j] * yr + yRad[j] * (yn + yr) + yNorm[j] * yn * gamma;
        }
        // -Σ_j y_[j] y_[k-j] summed over j in order for every component at once
        for (int i = 0; i < n; i++) {
            v[at + i] = 0;
        }
        for (int j = 0; j <= k; j++) {
            int left = j * n;
            int right = (k - j) * n;
            for (int i = 0; i < n; i++) {
                v[at + i] += y[left + i] * y[right + i];
            }
        }
        double largestV = 0;
        for (int i = 0; i < n; i++) {
            double vi = -v[at + i];
            v[at + i] = vi;
            largestV = Math.max(largestV, Math.abs(vi));
        }
        vNorm[k] = largestV;
        vRad[k] = RoundOff.blockUp(vSum, vMargin[k]);
    }

    /**
     * Order k of upper bounds {@code Y_k} of {@code ||y_[k]||_∞} anywhere on a step (orders below k already in
     * {@code out}, V's in {@code work}), from bounds {@code Z_j} of {@code ||ζ_[j]||_∞} and {@code Y_0 = min(1, Z_0)}
     * ({@code |tanh ζ| <= min(1, |ζ|)}): the recurrences above with every term replaced by its bound, {@code V_0 = 1},
     * {@code V_k = Σ Y_j Y_{k-j}} (a majorant: each coefficient is at most the bound built from bounds of its inputs).
     */
    static void majorant(double[] zetaBound, int k, double[] out, double[] work) {
        if (k == 0) {
            out[0] = Math.min(1, zetaBound[0]);
            work[0] = 1;
            return;
        }
        double s = 0;
        for (int j = 1; j <= k; j++) {
            s = Interval.addUp(s, Interval.mulUp(j, Interval.mulUp(zetaBound[j], work[k - j])));
        }
        out[k] = RoundOff.divideUp(s, k);
        double t = 0;
        for (int j = 0; j <= k; j++) {
            t = Interval.addUp(t, Interval.mulUp(out[j], out[k - j]));
        }
        work[k] = t;
    }
}
