package org.resnetode.bound;

import org.resnetode.model.LinearFamily;
import org.resnetode.model.MlpFamily;
import org.resnetode.model.ResidualFunction;
import org.resnetode.model.TanhFamily;
import org.resnetode.model.ThetaSquaredFamily;

/**
 * The Neural ODE on one knot interval {@code [t_k, t_k + h]} in the interval's own time {@code u = (t - t_k)/h ∈ [0, 1]}:
 * {@code dx/du = h f(x, θ(u))}, {@code θ(u) = θ_a + u (θ_b - θ_a)} (θ constant on the tail after the last knot). For a
 * substep starting at u0 it computes, in floating point, the Taylor coefficients {@code x_[k]} ({@code x_[0] = z},
 * {@code x_[k+1] = h f_[k] / (k+1)}, {@code f_[k]} the k-th coefficient of {@code w -> f(x(u0+w), θ(u0+w))}) with an
 * ∞-norm radius against the exact coefficients of the exact solution from z (midpoint-radius arithmetic, {@link
 * RoundOff}), and bounds the coefficient {@code x_[Q+1]} anywhere on a substep by a scalar majorant recurrence (the same
 * recurrences on norm bounds, with {@code sup ||x||} over the substep): the Lagrange remainder of the Taylor polynomial.
 * No interval vector, no box: the cost is that of Q point evaluations of the Taylor recurrences. One instance per thread.
 */
abstract class BallField {
    final int d;
    /** Highest Taylor order the buffers hold. */
    final int order;
    /** {@code fl(1/N)} and an upper bound of the exact 1/N. */
    protected double h;
    protected double hUp;
    /** Coefficient k at {@code k · d}; its ∞-norm; its radius against the exact coefficient. */
    final double[] c;
    final double[] cNorm;
    final double[] cRad;
    /** γ_3: the rounding of {@code fl(fl(h / (k+1)) g)}. */
    private static final double SCALE_ROUND = RoundOff.gamma(3);
    /** The plain block of {@link #integrate}'s radius: 2 products, 1 sum. */
    private static final double INTEGRATE_MARGIN = RoundOff.blockMargin(3);
    /** The plain blocks of {@link #tail}: {@code S_k} (1 sum, 1 product) and ρ (2 sums, 2 quotients). */
    private static final double COEFFICIENT_MARGIN = RoundOff.blockMargin(2);
    private static final double RATE_MARGIN = RoundOff.blockMargin(4);
    /** The plain block of {@code M_q}: three products, two maxima. */
    private static final double LARGEST_MARGIN = RoundOff.blockMargin(5);
    /** {@code (1/n)^{1/3}} at n. */
    private static final double[] INVERSE_CUBE_ROOT = new double[32];

    static {
        for (int n = 1; n < INVERSE_CUBE_ROOT.length; n++) {
            INVERSE_CUBE_ROOT[n] = Math.cbrt(1.0 / n);
        }
    }
    /** {@code fl(h/(k+1))} at k; {@code (h/(k+1))↑ (1 + γ_3)} and γ_3 times it, rounded up, at k. */
    private final double[] hOver;
    private final double[] radiusFactor;
    private final double[] radiusFactorRound;
    /** {@code w^k} for k = 0..order + 1 at {@link #powersOf} (w a power of two: exact). */
    private final double[] powers;
    private double powersOf = Double.NaN;

    protected BallField(int d, int order) {
        this.d = d;
        this.order = order;
        this.c = new double[(order + 1) * d];
        this.cNorm = new double[order + 1];
        this.cRad = new double[order + 1];
        this.hOver = new double[order + 1];
        this.radiusFactor = new double[order + 1];
        this.radiusFactorRound = new double[order + 1];
        this.powers = new double[order + 2];
    }

    /** The arithmetic of a family of the model up to Taylor order {@code order}. */
    static BallField of(ResidualFunction f, int order) {
        if (f instanceof LinearFamily) {
            return new LinearBall(f.dim(), order);
        }
        if (f instanceof TanhFamily) {
            return new TanhBall(f.dim(), order);
        }
        if (f instanceof MlpFamily) {
            return new MlpBall(f.dim(), f.parameterCount() / (2 * f.dim()), order);
        }
        if (f instanceof ThetaSquaredFamily) {
            return new ThetaSquaredBall(order);
        }
        throw new IllegalArgumentException("no Taylor arithmetic for family " + f.name());
    }

    /** The network's depth N: h = 1/N. */
    final void depth(int depth) {
        h = 1.0 / depth;
        hUp = Math.nextUp(h);
        for (int k = 0; k <= order; k++) {
            hOver[k] = h / (k + 1);
            radiusFactor[k] = Interval.mulUp(RoundOff.divideUp(hUp, k + 1), 1 + SCALE_ROUND);
            radiusFactorRound[k] = Interval.mulUp(radiusFactor[k], SCALE_ROUND);
        }
    }

    /** {@code w^k} for the substep width w (a power of two >= 2^-16, so every power up to order + 1 is exact). */
    final double power(double w, int k) {
        if (!(w == powersOf)) {
            powersOf = w;
            double p = 1;
            for (int i = 0; i < powers.length; i++) {
                powers[i] = p;
                p *= w;
            }
        }
        return powers[k];
    }

    /** θ_a at {@code offA}, θ_b at {@code offB} of {@code w}; tail: θ constant. */
    final void knots(double[] w, int offA, int offB, boolean tail) {
        knots(w, offA, offB, tail, null);
    }

    /**
     * The knots, and (when {@code start} is given) the first products of the substep from {@code start} at u0 = 0
     * formed in the same pass over the weights ({@link AffineMatrix#knots(double[], int, int, boolean, double[])}).
     */
    abstract void knots(double[] w, int offA, int offB, boolean tail, double[] start);

    /** An upper bound of the Euclidean Lipschitz constant in x of {@code h f(x, θ(u))} for every u in [0, 1]. */
    abstract double lipschitz();

    /**
     * Whether {@link CertifiedBound#certify} starts with a pass whose remainder targets are already weighted by their
     * growth to the end (instead of the unweighted coarse pass): for fields whose Lipschitz bound makes that growth
     * large on every network, so that the unweighted coarse pass is never accepted.
     */
    boolean aimsFirstPass() {
        return false;
    }

    /** Fills {@code x_[k+1]} ({@link #c}, {@link #cNorm}, {@link #cRad}) from {@code x_[0..k]}, for k = 0, 1, ... in order, θ at u0. */
    abstract void next(int k, double u0);

    /**
     * Upper bounds {@code K_{from+1}..K_top} (and K_0 when {@code from == 0}; the others already in {@code out}) of
     * {@code ||x_[k](ξ)||_∞} for every ξ of a substep of length 1/m in [0, 1], the
     * solution starting on the substep from a point of ∞-norm at most {@code zNorm} (a majorant recurrence).
     */
    abstract void majorant(double zNorm, int m, double[] out, int from, int top);

    /**
     * An upper bound of the exact Taylor series' tail {@code Σ_{k>q} ||x*_[k]||_∞ w^k} at the substep's start (x* the
     * exact coefficients, {@code x_[0..q]} computed) for fields whose solutions are entire (linear in x: the series
     * converges for every w), or from a verified fixed point (tanh, mlp); +∞ where it cannot be certified (then the
     * Lagrange majorant is used). Every family has one.
     */
    abstract double seriesTail(int q, double w);

    /**
     * The tail lemma. If {@code s_{k+1} <= (a_0 s_k + a_1 s_{k-1} + a_2 s_{k-2}) / (k+1)} for every k >= q, with
     * {@code s_k = ||x*_[k]|| w^k} and {@code a_j >= 0}: for any λ > 0 let {@code M_k = max_j λ^j s_{k-j}} (j < 3). Then
     * {@code s_{k+1} <= ρ M_k} with {@code ρ = (a_0 + a_1/λ + a_2/λ²)/(q+1)}, and {@code M_{k+1} <= max(ρ, λ) M_k}, so
     * the tail is at most {@code ρ M_q / (1 - max(ρ, λ))}. Two λ are tried and the smaller bound kept: the ratio
     * {@code S_q / S_{q-1}} of the bounds {@code S_k = (|c_k| + e_k) w^k >= s_k} of the last two computed coefficients
     * (then {@code λ S_{q-1} = S_q}: the bound is about the next term), and {@code a_0/(q+1) + (a_1/(q+1))^{1/2} +
     * (a_2/(q+1))^{1/3}} (for which ρ <= λ; {@code a2Root ≈ a_2^{1/3}} from the caller, who has it from once per knot
     * interval: λ needs no accuracy, and {@link Math#cbrt} per call cost a sixth of a theta2 substep). Every quantity is rounded up
     * or a plain block ({@link RoundOff#blockUp}; w is a power of two: its powers are exact).
     * +∞ when neither λ gives {@code max(ρ, λ) < 1}.
     */
    final double tail(double a0, double a1, double a2, double a2Root, int q, double w) {
        int n = q + 1;
        // S_k = (|c_k| + e_k) w^k: plain blocks
        double last = RoundOff.blockUp((cNorm[q] + cRad[q]) * power(w, q), COEFFICIENT_MARGIN);
        double before = RoundOff.blockUp((cNorm[q - 1] + cRad[q - 1]) * power(w, q - 1), COEFFICIENT_MARGIN);
        double earlier = q >= 2
                ? RoundOff.blockUp((cNorm[q - 2] + cRad[q - 2]) * power(w, q - 2), COEFFICIENT_MARGIN) : 0;
        double balanced = a0 / n + Math.sqrt(a1 / n) + a2Root * INVERSE_CUBE_ROOT[n];
        return Math.min(tail(a0, a1, a2, n, last / before, last, before, earlier),
                tail(a0, a1, a2, n, balanced, last, before, earlier));
    }

    /**
     * {@code ρ M_q / (1 - max(ρ, λ))} rounded up for one λ (+∞ when λ is not positive and finite, or the rate >= 1).
     * ρ is a plain block ({@code (a_0 + a_1/λ + ↑(a_2/λ²)) / n}: the quotient by λ enters only a sum, the divisor n is
     * at least 1), and so is {@code M_q}.
     */
    private static double tail(double a0, double a1, double a2, int n, double lambda, double last, double before,
                               double earlier) {
        // the rate max(ρ, λ) must be below 1, so λ < 1 from here on
        if (!(lambda > 0 && lambda < 1)) {
            return Double.POSITIVE_INFINITY;
        }
        double third = a2 > 0 ? Math.nextUp(Math.nextUp(a2 / lambda) / lambda) : 0;
        double rho = RoundOff.blockUp((a0 + a1 / lambda + third) / n, RATE_MARGIN);
        double rate = Math.max(rho, lambda);
        if (!(rate < 1)) {
            return Double.POSITIVE_INFINITY;
        }
        // M_q = max(S_q, λ S_{q-1}, λ (λ S_{q-2})): a plain block (the product λ S_{q-2} is multiplied by the leaf λ < 1)
        double largest = RoundOff.blockUp(Math.max(last, Math.max(lambda * before, lambda * (lambda * earlier))),
                LARGEST_MARGIN);
        return Math.nextUp(Math.nextUp(rho * largest) / Math.nextDown(1 - rate));
    }

    /** {@code x_[0] := z}, exact. */
    final void start(double[] z) {
        System.arraycopy(z, 0, c, 0, d);
        cNorm[0] = RoundOff.maxAbs(z, 0, d);
        cRad[0] = 0;
    }

    /**
     * {@code x_[k+1] := fl(fl(h/(k+1)) g)} from {@code g ≈ f_[k]} (d entries at {@code gOff}, within {@code gRad} of the
     * exact {@code f_[k]}): the radius is {@code (h/(k+1))↑ (gRad + γ_3 ||g||)}.
     */
    protected final void integrate(int k, double[] g, int gOff, double gRad) {
        double factor = hOver[k];
        int at = (k + 1) * d;
        // one pass: x_[k+1] and the ∞-norms of g and x_[k+1] (Math.max keeps a NaN)
        double gNorm = 0;
        double xNorm = 0;
        for (int i = 0; i < d; i++) {
            double gi = g[gOff + i];
            double xi = factor * gi;
            c[at + i] = xi;
            gNorm = Math.max(gNorm, Math.abs(gi));
            xNorm = Math.max(xNorm, Math.abs(xi));
        }
        cNorm[k + 1] = xNorm;
        cRad[k + 1] = RoundOff.blockUp(radiusFactor[k] * gRad + radiusFactorRound[k] * gNorm, INTEGRATE_MARGIN);
    }

    /**
     * A bound of {@code sup ||x(ξ)||_∞} over a substep of length 1/m for a linear-growth field ({@code ||dx/du|| <= L ||x||}):
     * {@code ||z|| e^{L/m}}, with {@code e^a <= 1 + a + a²} for {@code 0 <= a <= 1} (else the rigorous exp).
     */
    static double grownNorm(double zNorm, double lipschitz, int m) {
        return Interval.mulUp(zNorm, growth(lipschitz, m));
    }

    /** An upper bound of {@code e^{L/m}}: {@code 1 + a + a²} for {@code a = L/m <= 1} ({@code Σ_{k>=2} a^k/k! <= (e-2) a²}). */
    static double growth(double lipschitz, int m) {
        double a = Math.nextUp(lipschitz / m);
        return a <= 1 ? Interval.addUp(Interval.addUp(1, a), Interval.mulUp(a, a)) : Interval.expUp(a);
    }
}
