package org.resnetode.bound;

/**
 * The scalar {@code f(x, θ) = θ² x}: with {@code θ(u0 + w) = θ0 + w Δ}, {@code θ² = q0 + q1 w + q2 w²}
 * ({@code q0 = θ0², q1 = 2 θ0 Δ, q2 = Δ²}) and {@code x_[k+1] = h Σ_{j<=min(k,2)} q_j x_[k-j] / (k+1)}. One component:
 * the q_j of a substep are outward-rounded intervals ({@link Interval}), handed on as midpoint and radius; the
 * coefficients are midpoint-radius balls, their radii plain blocks ({@link RoundOff#blockUp}).
 * Majorant: {@code K_{k+1} = h (t² K_k + 2 t β K_{k-1} + β² K_{k-2}) / (k+1)}, {@code t = max(|θ_a|, |θ_b|)},
 * {@code β >= |Δ|}, {@code K_0 = |z| e^{h t²/m}}. The solution is entire: the remainder is the series tail from the
 * last three computed coefficients ({@link #seriesTail}).
 */
final class ThetaSquaredBall extends BallField {
    /** The plain block of a product's radius: three terms of 7 operations each. */
    private static final double PRODUCT_MARGIN = RoundOff.blockMargin(21);
    /** γ_3: the rounding of {@code Σ_{j<=2} q_j x_[k-j]}. */
    private static final double PRODUCT_ROUND = RoundOff.gamma(3);
    private final double[] qlo = new double[3];
    private final double[] qhi = new double[3];
    /** Midpoints of q_j, their radii, and {@code γ_3 |q_j|} rounded up, for the current substep. */
    private final double[] qMid = new double[3];
    private final double[] qRad = new double[3];
    private final double[] qRound = new double[3];
    private final double[] g = new double[1];
    /**
     * {@code h t²} (the Lipschitz bound), {@code 2 h t β}, {@code h β²} rounded up, for the current knots (the tail's a_j
     * before the powers of w).
     */
    private double hSquare;
    private double hCross;
    private double hDelta;
    /** {@code (h β²)^{1/3}}: the tail's {@code a_2^{1/3} = (h β²)^{1/3} w} (only its λ, which needs no accuracy). */
    private double hDeltaRoot;
    private double thetaA;
    private double deltaLo;
    private double deltaHi;
    private double largest;

    ThetaSquaredBall(int order) {
        super(1, order);
    }

    @Override
    void knots(double[] w, int offA, int offB, boolean tail, double[] start) {
        thetaA = w[offA];
        double delta = tail ? 0 : w[offB] - w[offA];
        deltaLo = tail ? 0 : Math.nextDown(delta);
        deltaHi = tail ? 0 : Math.nextUp(delta);
        largest = Math.max(Math.abs(thetaA), Math.abs(w[offB]));
        double beta = Math.max(Math.abs(deltaLo), Math.abs(deltaHi));
        hSquare = Interval.mulUp(hUp, Interval.mulUp(largest, largest));
        hCross = Interval.mulUp(hUp, Interval.mulUp(2, Interval.mulUp(largest, beta)));
        hDelta = Interval.mulUp(hUp, Interval.mulUp(beta, beta));
        hDeltaRoot = Math.cbrt(hDelta);
        qlo[2] = Interval.squareLo(deltaLo, deltaHi);
        qhi[2] = Interval.squareHi(deltaLo, deltaHi);
        ball(2);
    }

    @Override
    double lipschitz() {
        return hSquare;
    }

    /**
     * {@code g = Σ_{j<=min(k,2)} q_j x_[k-j]} in plain arithmetic, within
     * {@code Σ_j |q̃_j| e_{k-j} + ρ_j (|x_{k-j}| + e_{k-j}) + γ_3 |q̃_j| |x_{k-j}|} of the exact sum (balls
     * {@code q̃_j ± ρ_j}, {@code x_{k-j} ± e_{k-j}}), then {@link #integrate}.
     */
    @Override
    void next(int k, double u0) {
        if (k == 0) {
            coefficientsOfThetaSquared(u0);
        }
        double s = 0;
        double rad = 0;
        for (int j = 0; j <= Math.min(k, 2); j++) {
            double x = c[k - j];
            double e = cRad[k - j];
            double size = cNorm[k - j];
            s += qMid[j] * x;
            rad += Math.abs(qMid[j]) * e + qRad[j] * (size + e) + qRound[j] * size;
        }
        g[0] = s;
        integrate(k, g, 0, RoundOff.blockUp(rad, PRODUCT_MARGIN));
    }

    /**
     * {@code q0 = θ0², q1 = 2 θ0 Δ} with {@code θ0 = θ_a + u0 Δ} (exactly θ_a at u0 = 0), as intervals, then as balls
     * (q2 = Δ² is the knot interval's, {@link #knots}).
     */
    private void coefficientsOfThetaSquared(double u0) {
        double t0lo = thetaA;
        double t0hi = thetaA;
        if (u0 != 0) {
            t0lo = Interval.addLo(thetaA, Interval.scaleLo(u0, deltaLo, deltaHi));
            t0hi = Interval.addHi(thetaA, Interval.scaleHi(u0, deltaLo, deltaHi));
        }
        qlo[0] = Interval.squareLo(t0lo, t0hi);
        qhi[0] = Interval.squareHi(t0lo, t0hi);
        double pl = Interval.mulLo(t0lo, t0hi, deltaLo, deltaHi);
        double ph = Interval.mulHi(t0lo, t0hi, deltaLo, deltaHi);
        qlo[1] = Interval.scaleLo(2, pl, ph);
        qhi[1] = Interval.scaleHi(2, pl, ph);
        ball(0);
        ball(1);
    }

    /** The interval {@code [qlo_j, qhi_j]} as midpoint {@code q̃_j}, radius {@code ρ_j}, and {@code γ_3 |q̃_j|} rounded up. */
    private void ball(int j) {
        double mid = Interval.midpoint(qlo[j], qhi[j]);
        qMid[j] = mid;
        qRad[j] = Interval.radius(qlo[j], qhi[j], mid);
        qRound[j] = Interval.mulUp(PRODUCT_ROUND, Math.abs(mid));
    }

    /**
     * The exact coefficients obey {@code |x*_[k+1]| <= h (t² |x*_[k]| + 2tβ |x*_[k-1]| + β² |x*_[k-2]|) / (k+1)}
     * ({@code |θ(u0)| <= t}): {@link #tail} with {@code a = h (t² w, 2tβ w², β² w³)}.
     */
    @Override
    double seriesTail(int q, double w) {
        return tail(Interval.mulUp(hSquare, w), Interval.mulUp(hCross, power(w, 2)), Interval.mulUp(hDelta, power(w, 3)),
                hDeltaRoot * w, q, w);
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
