package org.resnetode.bound;

import org.resnetode.model.LinearFamily;
import org.resnetode.model.Weights;
import org.resnetode.scheme.ButcherTableau;
import org.resnetode.scheme.ResNet;

/**
 * The certified a-posteriori bound on the distance {@code ||x_N - x(T)||} between a ResNet's output and its Neural ODE
 * (docs/derivations/bound.md). A validated Taylor integrator of order Q runs along the knot intervals of θ(t) (the
 * piecewise-linear interpolation of the weights, the very ODE {@code OdeReference} solves), producing points z_j and
 * radii with {@code ||z_j - x(s_j)||_2 <= r_j}:
 * <pre>
 *   r_{j+1} = e^{τ L} r_j + δ_j,   δ_j >= √d ||z_{j+1} - φ_τ(z_j)||_∞   (Taylor polynomial in midpoint-radius
 *                                                                        arithmetic plus the Lagrange remainder),
 * </pre>
 * L the Euclidean Lipschitz bound of f on the step (so {@code ||φ_τ(a) - φ_τ(b)|| <= e^{τ L} ||a - b||}). Then
 * {@code ||x_N - x(T)|| <= ||x_N - z_N|| + r_N}. Every quantity of the bound is rounded up or carries a proven
 * round-off margin ({@link RoundOff}), so the bound holds for the real numbers. The scheme's own local errors are
 * propagated inside the vector {@code x_N - z_N}, which keeps their directions, so the bound is tight wherever r_N is
 * small against the error. One instance per thread.
 */
public final class CertifiedBound {
    /** Most validated substeps per knot interval before the bound is given up as +∞. */
    public static final int MAX_SUBSTEPS = 1 << 16;
    /** Highest Taylor order used. */
    public static final int MAX_ORDER = 16;
    /** Taylor orders tried beyond the scheme's order p: from p + 1 to p + EXTRA_ORDERS. */
    public static final int EXTRA_ORDERS = 9;
    /**
     * A substep's Taylor order is raised until its remainder bound is below a share of {@code ||x_[p+1]|| m^{-(p+1)}}
     * (the size of the scheme's own local error), or the highest order is reached: this share on the first, cheap pass
     * (the growth-weighted share of {@link #TARGET_SHARE} on the later ones).
     */
    static final double COARSE_SHARE = 0.01;
    /**
     * The refined passes aim at a radius of this share of the coarse pass's distance: their remainder share is
     * {@code TARGET_SHARE ||x_N - z_N|| / (√d Σ_j ||x_[p+1]|| m^{-(p+1)})} (the sum over the coarse pass's substeps), each
     * substep's target scaled by {@code e^{-E_k}}, {@code E_k = Σ_{i>=k} h L_i} (the growth of its remainder to the end),
     * clamped to {@code [FINEST_SHARE, COARSE_SHARE]}.
     */
    static final double TARGET_SHARE = 0.25;
    static final double FINEST_SHARE = 1e-12;
    /** A knot interval is cut into m substeps (m a power of two) with {@code h L / m <= STEP_LIPSCHITZ}. */
    static final double STEP_LIPSCHITZ = 0.5;
    /**
     * The steps are refined while r_N exceeds this share of {@code ||x_N - z_N||}: a bound is accepted once its
     * tightness is at least {@code 1/(1 + RADIUS_SHARE)} against the shadow distance.
     */
    static final double RADIUS_SHARE = 0.5;
    /** A radius at or below this (relative to the state's size) is round-off, which more substeps do not reduce. */
    static final double ROUND_OFF = 1e-12;
    /** No refinement when the radius's part from the Taylor remainders is below this share of it (rounding dominates). */
    static final double ROUNDING_SHARE = 0.5;
    /** A substep's order is not raised once its remainder is below this share of its own rounding. */
    static final double ROUNDING_FLOOR = 0.25;
    /** The plain block of the radius update {@code e^{L/m}↑ r + δ} (one product, one sum). */
    private static final double RADIUS_MARGIN = RoundOff.blockMargin(2);
    /** Most refinements after the fine pass (each doubles the substeps). */
    static final int REFINEMENTS = 4;

    private final Weights weights;
    private final int steps;
    private final int d;
    private final BallField field;
    /** The closed form where the field is scalar linear (theta2, linear at d = 1; bound.md §8), else null. */
    private final ScalarLinearFlow scalarFlow;
    /** The carried global error where the field is linear and the scheme forward Euler (bound.md §9), else null. */
    private final LinearEulerError carriedError;
    /** The scheme's order p. */
    private final int schemeOrder;
    /** γ_{2Q} for every Q: Horner's rounding on the Taylor polynomial. */
    private final double[] hornerRound;
    /** {@code √d γ_{2Q}} rounded up, and the plain-block margin of {@link #advance}'s δ, for every Q. */
    private final double[] rootDHornerRound;
    private final double[] stepMargin;
    /** {@code √d MIN_NORMAL} rounded up. */
    private final double rootDMinNormal;
    /** The majorant {@code K_k} of the current substep. */
    private final double[] majorant;
    private int highestOrder;
    /** The majorant of the current substep holds {@code K_0..K_majorantTop} (none when 0). */
    private int majorantTop;
    /**
     * The part of the radius that the Taylor remainders make (their δ share, carried by the same growth factors, in
     * plain arithmetic: it only steers refinement): what finer steps can reduce. {@link #lastTruncation} is the last
     * substep's remainder.
     */
    private double truncationRadius;
    private double lastTruncation;
    /** √d rounded up: {@code ||v||_2 <= √d ||v||_∞}. */
    private final double rootD;
    private final double[] z;
    /** The remainder's share of the scheme's local error on the current pass. */
    private double truncationShare;
    /** Σ_j {@code ||x_[p+1]|| m^{-(p+1)}} over the last pass: the scheme's local errors, in ∞-norm, without growth. */
    private double schemeLocalSum;
    /** h L of every knot interval in the last pass, and the refined passes' weights {@code e^{-E_k}}. */
    private final double[] lipschitzAt;
    private final double[] growthWeight;
    /** Whether the current pass scales its remainder targets by {@link #growthWeight}. */
    private boolean weighted;
    /** r after {@link #knotInterval}. */
    private double radius;
    private long substeps;

    /** Bound for a network whose scheme has order p: validated steps of Taylor order p + 1 .. p + {@link #EXTRA_ORDERS}. */
    public CertifiedBound(ResNet net) {
        this.weights = net.weights();
        this.steps = net.steps();
        this.d = net.family().dim();
        this.schemeOrder = Math.min(MAX_ORDER - 1, Math.max(1, net.scheme().tableau().order()));
        int order = Math.min(MAX_ORDER, schemeOrder + EXTRA_ORDERS);
        this.field = BallField.of(net.family(), order);
        this.field.depth(net.depth());
        this.scalarFlow = ScalarLinearFlow.of(net);
        this.carriedError = carriesError(net) ? new LinearEulerError(net) : null;
        this.hornerRound = new double[order + 1];
        for (int q = 1; q <= order; q++) {
            hornerRound[q] = RoundOff.gamma(2 * q);
        }
        this.majorant = new double[order + 2];
        this.rootD = Interval.sqrtUp(d);
        this.rootDHornerRound = new double[order + 1];
        this.stepMargin = new double[order + 1];
        for (int q = 1; q <= order; q++) {
            rootDHornerRound[q] = Interval.mulUp(rootD, hornerRound[q]);
            stepMargin[q] = RoundOff.blockMargin(4 * q + 7);
        }
        this.rootDMinNormal = Interval.mulUp(rootD, Double.MIN_NORMAL);
        this.z = new double[d];
        this.lipschitzAt = new double[steps];
        this.growthWeight = new double[steps];
    }

    /**
     * The certified bound on {@code ||xN - x(T)||}, x the Neural ODE solution from {@code x0}, T the network's end time:
     * the closed form {@code x(T) = x_0 e^{∫ g}} where the field is scalar linear ({@link ScalarLinearFlow}); for a linear
     * field under forward Euler, where its pilot predicts it accepted ({@link LinearEulerError#promising}), the carried
     * global error ({@link LinearEulerError}) when {@link #accepted}; else the validated Taylor integrator
     * ({@link #validated}).
     */
    public BoundResult certify(double[] x0, double[] xN) {
        if (scalarFlow != null) {
            return scalarFlow.certify(x0, xN);
        }
        if (carriedError != null && carriedError.promising(x0)) {
            BoundResult carried = carriedError.certify(x0, xN);
            if (accepted(carried)) {
                return carried;
            }
        }
        return validated(x0, xN);
    }

    /** A linear field (d > 1: d = 1 has the closed form) under forward Euler: one stage, weight 1, the standard grid. */
    private static boolean carriesError(ResNet net) {
        ButcherTableau t = net.scheme().tableau();
        return net.family() instanceof LinearFamily && net.family().dim() > 1 && t.stages() == 1 && t.b()[0] == 1
                && !net.scheme().referenceConvention();
    }

    /**
     * The bound by validated Taylor steps, for every field (the scalar linear ones too: their tests of this procedure).
     * A first pass with coarse Taylor remainders ({@link #COARSE_SHARE}; growth-weighted from the start where the field
     * {@link BallField#aimsFirstPass aims} it: the Lipschitz bounds come from a pass over the weights alone); then, while
     * the radius r_N is above {@link #RADIUS_SHARE} of {@code ||x_N - z_N||} and above round-off ({@link #ROUND_OFF}),
     * the Taylor remainders are at least {@link #ROUNDING_SHARE} of the local radii (else finer steps only add rounding)
     * and the radius still shrinks, refined passes: finer remainders (growth-weighted, {@link #TARGET_SHARE}) on the
     * same substeps (after an aimed first pass, run under first-order schemes only, unless the refined share clamps to
     * the coarse one, when the aimed pass is that pass, or the remainders make less than half the radius), then twice
     * as many substeps on every knot interval, at most {@link #REFINEMENTS} times; every pass is a certified bound, the
     * smallest is returned.
     */
    BoundResult validated(double[] x0, double[] xN) {
        // aimed only for first-order schemes: their local error is the Taylor term x_[2] h² itself, so the refined share
        // clamps to the coarse one and the aimed pass is the refined pass; for higher orders the local error is a small
        // part of x_[p+1] h^{p+1}, the refined share falls below the coarse one and the aimed pass (higher orders than
        // the coarse pass) would be spent in vain (mlp RK4 N = 64: 15x -> 18x)
        boolean aimed = field.aimsFirstPass() && schemeOrder == 1;
        BoundResult first;
        if (aimed) {
            sweepLipschitz();
            growthWeights();
            first = weightedPass(x0, xN, 1, COARSE_SHARE);
        } else {
            first = pass(x0, xN, 1, COARSE_SHARE);
            if (!refinable(first)) {
                return first;
            }
        }
        // the aimed pass ran on growth weights from the sweep over the weights, the very h L_k it saw
        double share = aimed ? refinedShare(first) : prepareRefinement(first);
        // an aimed first pass at the coarse share is the refined pass whenever the refined share clamps to it, and a
        // smaller share cannot shrink a radius that the remainders make less than half of
        BoundResult best = aimed && (share >= COARSE_SHARE || !(truncationRadius > ROUNDING_SHARE * first.radius()))
                ? first : weightedPass(x0, xN, 1, share);
        for (int refine = 1, split = 2; refine <= REFINEMENTS && refinable(best); refine++, split *= 2) {
            BoundResult next = weightedPass(x0, xN, split, share);
            boolean smaller = next.radius() < best.radius();
            best = next.bound() < best.bound() ? next : best;
            if (!smaller) {
                break;
            }
        }
        return first.bound() < best.bound() ? first : best;
    }

    /** {@code h L_k} of every knot interval ({@link #lipschitzAt}) from a pass over the weights alone. */
    private void sweepLipschitz() {
        for (int k = 0; k < steps; k++) {
            knots(k, null);
            lipschitzAt[k] = field.lipschitz();
        }
    }

    /**
     * The field on knot interval k, θ_{min(k, K)} to θ_{min(k+1, K)} (K the last knot; the tail after it constant), and,
     * when {@code start} is given, the first products of a substep from it ({@link BallField#knots}).
     */
    private void knots(int k, double[] start) {
        int last = weights.count() - 1;
        field.knots(weights.data(), weights.offset(Math.min(k, last)), weights.offset(Math.min(k + 1, last)), k >= last,
                start);
    }

    /** The growth weights {@code e^{-E_k}}, {@code E_k = Σ_{i>=k} h L_i}, from {@link #lipschitzAt}. */
    private void growthWeights() {
        double exponent = 0;
        for (int k = steps - 1; k >= 0; k--) {
            exponent += lipschitzAt[k];
            growthWeight[k] = Math.exp(-exponent);
        }
    }

    /**
     * From the pass just run: the growth weights {@code e^{-E_k}} (the growth of a substep's remainder to the end,
     * {@link #growthWeights}), and the refined passes' share ({@link #TARGET_SHARE}).
     */
    double prepareRefinement(BoundResult coarse) {
        growthWeights();
        return refinedShare(coarse);
    }

    /** The refined passes' share ({@link #TARGET_SHARE}) from the pass just run. */
    private double refinedShare(BoundResult coarse) {
        return Math.max(FINEST_SHARE, Math.min(COARSE_SHARE,
                TARGET_SHARE * coarse.shadowDistance() / (rootD * schemeLocalSum)));
    }

    /** A refined pass: each substep's remainder target scaled by the growth weight of its knot interval. */
    BoundResult weightedPass(double[] x0, double[] xN, int split, double share) {
        weighted = true;
        try {
            return pass(x0, xN, split, share);
        } finally {
            weighted = false;
        }
    }

    /**
     * Whether finer steps may pay: r_N above {@link #RADIUS_SHARE} of the shadow distance and above round-off, and the
     * radius's part from the last pass's Taylor remainders at least {@link #ROUNDING_SHARE} of it.
     */
    private boolean refinable(BoundResult b) {
        return !accepted(b) && truncationRadius > ROUNDING_SHARE * b.radius();
    }

    /** r_N at most {@link #RADIUS_SHARE} of the shadow distance, or at round-off ({@link #ROUND_OFF}). */
    private boolean accepted(BoundResult b) {
        return b.radius() <= RADIUS_SHARE * b.shadowDistance()
                || b.radius() <= ROUND_OFF * (1 + Math.abs(b.shadowDistance()) + RoundOff.maxAbs(b.shadow(), 0, d));
    }

    /**
     * One pass of validated steps, each knot interval cut into at least {@code split} substeps (a power of two), each
     * Taylor remainder below {@code share} of the scheme's local error where the highest order allows.
     */
    BoundResult pass(double[] x0, double[] xN, int split, double share) {
        truncationShare = share;
        schemeLocalSum = 0;
        System.arraycopy(x0, 0, z, 0, d);
        double r = 0;
        substeps = 0;
        highestOrder = 0;
        truncationRadius = 0;
        for (int k = 0; k < steps; k++) {
            if (!knotInterval(k, r, split)) {
                return new BoundResult(Double.POSITIVE_INFINITY, Double.NaN, Double.POSITIVE_INFINITY, z.clone(),
                        highestOrder, substeps);
            }
            r = radius;
        }
        double distance = RoundOff.distanceUp(xN, z, d);
        double bound = Interval.addUp(distance, r);
        return new BoundResult(Double.isNaN(bound) ? Double.POSITIVE_INFINITY : bound, distance, r, z.clone(),
                highestOrder, substeps);
    }

    /**
     * The negative control's "bound": the scheme's local errors {@code δ_n >= ||x_{n+1} - φ_h(x_n)||}, enclosed as in
     * {@link #certify}, summed without growth factors. On weights whose flow expands it is below the true error.
     */
    public double localErrorSum(double[][] trajectory) {
        double sum = 0;
        for (int n = 0; n < steps; n++) {
            System.arraycopy(trajectory[n], 0, z, 0, d);
            if (!knotInterval(n, 0, 1)) {
                return Double.POSITIVE_INFINITY;
            }
            sum = Interval.addUp(sum, Interval.addUp(RoundOff.distanceUp(trajectory[n + 1], z, d), radius));
        }
        return sum;
    }

    /**
     * Carries (z, r) across knot interval k, {@code [t_k, t_{k+1}]}, in m validated substeps, m the smallest power of two
     * with {@code m >= split · h L / STEP_LIPSCHITZ}; leaves z and {@link #radius}. False when m would exceed
     * {@link #MAX_SUBSTEPS} or a step overflows.
     */
    private boolean knotInterval(int k, double r0, int split) {
        knots(k, z);
        double lipschitz = field.lipschitz();
        int m = split;
        while (m < MAX_SUBSTEPS && lipschitz * split / m > STEP_LIPSCHITZ) {
            m *= 2;
        }
        if (!(lipschitz * split / m <= STEP_LIPSCHITZ)) {
            return false;
        }
        double growth = BallField.growth(lipschitz, m);
        lipschitzAt[k] = lipschitz;
        double weight = weighted ? growthWeight[k] : 1;
        double r = r0;
        for (int j = 0; j < m; j++) {
            // r_{j+1} = e^{L/m}↑ r_j + δ_j: a plain block of one product and one sum
            r = RoundOff.blockUp(growth * r + advance(m, (double) j / m, weight), RADIUS_MARGIN);
            truncationRadius = growth * truncationRadius + rootD * lastTruncation;
            substeps++;
        }
        radius = r;
        return Double.isFinite(r);
    }

    /**
     * One substep from u0: the Taylor coefficients up to order p + 1, then one order more while the remainder bound
     * ({@link #remainder}) exceeds the pass's share of {@code ||x_[p+1]|| m^{-(p+1)}} (times the growth weight on
     * refined passes) and {@link #ROUNDING_FLOOR} of the substep's rounding
     * {@code Σ_{k<=p+1} (e_k + γ_{2(p+1)} |x_[k]|) m^{-k}}; then
     * {@code z := Σ_{k<=q} x_[k] m^{-k}} by Horner (multiplying by the power of two 1/m is exact). Returns
     * {@code δ >= ||z_new - φ_{1/m}(z_old)||_2}: √d times the ∞-norm sum of the coefficients' radii, Horner's rounding
     * {@code γ_{2q} Σ |x_[k]| m^{-k}}, the remainder and a subnormal margin.
     */
    private double advance(int m, double u0, double weight) {
        double w = 1.0 / m;
        field.start(z);
        double zNorm = field.cNorm[0];
        int p = schemeOrder;
        for (int k = 0; k <= p; k++) {
            field.next(k, u0);
        }
        double wp = field.power(w, p + 1);
        double scheme = field.cNorm[p + 1] * wp;
        schemeLocalSum += scheme;
        // no order beyond the point where the remainder is below a quarter of the substep's own rounding (which orders
        // do not reduce; a quarter keeps such a pass below ROUNDING_SHARE, so it is not refined)
        double rounding = 0;
        for (int k = 0; k <= p + 1; k++) {
            rounding += (field.cRad[k] + hornerRound[p + 1] * field.cNorm[k]) * field.power(w, k);
        }
        double target = Math.max(truncationShare * weight * scheme, ROUNDING_FLOOR * rounding);
        int q = p + 1;
        majorantTop = 0;
        double truncation = remainder(q, zNorm, m, w);
        while (q < field.order && !(truncation <= target)) {
            field.next(q, u0);
            q++;
            truncation = remainder(q, zNorm, m, w);
        }
        highestOrder = Math.max(highestOrder, q);
        // Horner, every component at once (per component the same operations in the same order)
        double[] c = field.c;
        System.arraycopy(c, q * d, z, 0, d);
        for (int k = q - 1; k >= 0; k--) {
            int at = k * d;
            for (int i = 0; i < d; i++) {
                z[i] = z[i] * w + c[at + i];
            }
        }
        // √d (Σ_k e_k w^k + γ_{2q} Σ_k |x_k| w^k + remainder) + √d MIN_NORMAL (Horner's underflow): a plain block of
        // 2(q + 1) + 1 products and 2(q + 1) + 1 sums (√d and √d MIN_NORMAL rounded-up leaves); √d w^k and √d γ_{2q} w^k
        // are exact (w^k a power of two >= 2^-272)
        double rootDHorner = rootDHornerRound[q];
        double sum = rootD * truncation + rootDMinNormal;
        for (int k = 0; k <= q; k++) {
            double wk = field.power(w, k);
            sum += rootD * wk * field.cRad[k] + rootDHorner * wk * field.cNorm[k];
        }
        lastTruncation = truncation;
        return RoundOff.blockUp(sum, stepMargin[q]);
    }

    /**
     * An upper bound of {@code ||φ_{1/m}(z) - Σ_{k<=q} x*_[k] m^{-k}||_∞}, x* the exact coefficients: the series tail
     * from the computed coefficients where the field has one ({@link BallField#seriesTail}), else the Lagrange
     * remainder {@code w^{q+1} K_{q+1}} ({@code w = 1/m}) from the majorant, extended to order q + 1.
     */
    private double remainder(int q, double zNorm, int m, double w) {
        double tail = field.seriesTail(q, w);
        if (tail < Double.POSITIVE_INFINITY) {
            return tail;
        }
        field.majorant(zNorm, m, majorant, majorantTop, q + 1);
        majorantTop = q + 1;
        return Interval.mulUp(field.power(w, q + 1), majorant[q + 1]);
    }
}
