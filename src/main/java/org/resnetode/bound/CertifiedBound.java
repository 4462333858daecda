package org.resnetode.bound;

import org.resnetode.model.ResidualFunction;
import org.resnetode.model.Weights;
import org.resnetode.scheme.ResNet;

/**
 * The certified a-posteriori bound on the distance {@code ||x_N - x(T)||} between a ResNet's output and its Neural ODE
 * (docs/derivations/bound.md). A validated Taylor integrator of order Q runs along the knot intervals of θ(t) (the
 * piecewise-linear interpolation of the weights, the very ODE {@code OdeReference} solves), producing points z_n and
 * radii with {@code ||z_n - x(t_n)|| <= r_n}:
 * <pre>
 *   r_{j+1} = e^{τ L} r_j + δ_j,   δ_j >= ||z_{j+1} - φ_τ(z_j)||   (FlowEnclosure: Taylor + Lagrange remainder),
 * </pre>
 * L the Lipschitz bound of f on the step (so {@code ||φ_τ(a) - φ_τ(b)|| <= e^{τ L} ||a - b||}). Then
 * {@code ||x_N - x(T)|| <= ||x_N - z_N|| + r_N}. Every operation is outward-rounded, so the bound holds for the real
 * numbers. The scheme's own local errors are propagated inside the vector {@code x_N - z_N}, which keeps their
 * directions, so the bound is tight wherever r_N is small against the error. One instance per thread.
 */
public final class CertifiedBound {
    /** Most validated substeps per knot interval before the bound is given up as +∞. */
    public static final int MAX_SUBSTEPS = 1 << 16;
    /** Highest Taylor order used. */
    public static final int MAX_ORDER = 12;
    /** Taylor orders beyond the scheme's: the validated steps' error is then (hL)^3 below the scheme's. */
    public static final int EXTRA_ORDER = 3;
    /** A knot interval of length h is cut into substeps of length τ with {@code τ L <= STEP_LIPSCHITZ}. */
    static final double STEP_LIPSCHITZ = 0.5;
    /** The steps are refined while r_N exceeds this share of {@code ||x_N - z_N||}. */
    static final double RADIUS_SHARE = 0.01;
    /** A radius at or below this (relative to the state's size) is round-off, which more substeps do not reduce. */
    static final double ROUND_OFF = 1e-12;
    /** Widest enclosure accepted from a substep, relative to {@code 1 + ||z||_∞}. */
    static final double WIDTH_LIMIT = 1e-3;
    /** Most refinements (each doubles the substeps). */
    static final int REFINEMENTS = 4;

    private final ResidualFunction f;
    private final Weights weights;
    private final int depth;
    private final int steps;
    private final int d;
    private final int p;
    private final TaylorField field;
    private final FlowEnclosure enclosure;
    private final double[] encLo;
    private final double[] encHi;
    private final double[] z;
    /** The family's parameter norms of every θ_n (spectral norms with the certified margin of {@code Norms.spectral}). */
    private final double[] layerNorms;
    private final double[] segmentNorms;
    /** r after {@link #knotInterval}. */
    private double radius;
    private long substeps;

    /**
     * The certified Lipschitz constant of f in x on the segment between θ_a and θ_b: the family's constants are
     * nondecreasing in its parameter norms, which are convex in θ, so the larger norm of the two ends bounds the segment.
     */
    private double lipschitz(int a, int b) {
        int c = f.normCount();
        for (int i = 0; i < c; i++) {
            segmentNorms[i] = Math.max(layerNorms[a * c + i], layerNorms[b * c + i]);
        }
        return f.constants(segmentNorms, 0).lx();
    }

    /** Bound for a network of Taylor order {@code order + EXTRA_ORDER}, capped at {@link #MAX_ORDER}. */
    public CertifiedBound(ResNet net) {
        this(net, Math.min(MAX_ORDER, Math.max(1, net.scheme().tableau().order()) + EXTRA_ORDER));
    }

    /** Bound with validated steps of Taylor order {@code order}. */
    public CertifiedBound(ResNet net, int order) {
        this.f = net.family();
        this.weights = net.weights();
        this.depth = net.depth();
        this.steps = net.steps();
        this.d = f.dim();
        this.p = f.parameterCount();
        this.field = TaylorField.of(f, order + 1);
        this.enclosure = new FlowEnclosure(field, p, order);
        this.encLo = new double[d];
        this.encHi = new double[d];
        this.z = new double[d];
        int c = f.normCount();
        int count = weights.count();
        this.layerNorms = new double[count * c];
        this.segmentNorms = new double[c];
        double[] norms = new double[c];
        for (int n = 0; n < count; n++) {
            f.parameterNorms(weights.data(), weights.offset(n), norms);
            System.arraycopy(norms, 0, layerNorms, n * c, c);
        }
    }

    /**
     * The certified bound on {@code ||xN - x(T)||}, x the Neural ODE solution from {@code x0}, T the network's end time.
     * The validated steps are refined (twice as many substeps on every knot interval) while the radius r_N is above {@link #RADIUS_SHARE} of
     * {@code ||x_N - z_N||} and above round-off ({@link #ROUND_OFF}) and still shrinks, at most {@link #REFINEMENTS} times; every pass is a certified bound, the
     * smallest is returned.
     */
    public BoundResult certify(double[] x0, double[] xN) {
        BoundResult best = certify(x0, xN, 1);
        for (int refine = 1, split = 2; refine <= REFINEMENTS && !(best.radius() <= RADIUS_SHARE * best.shadowDistance())
                && !(best.radius() <= ROUND_OFF * (1 + Math.abs(best.shadowDistance()) + magnitude(best.shadow())));
             refine++, split *= 2) {
            BoundResult next = certify(x0, xN, split);
            boolean smaller = next.radius() < best.radius();
            best = next.bound() < best.bound() ? next : best;
            if (!smaller) {
                break;
            }
        }
        return best;
    }

    private static double magnitude(double[] v) {
        double m = 0;
        for (double x : v) {
            m = Math.max(m, Math.abs(x));
        }
        return m;
    }

    /** One pass of validated steps, each knot interval cut into at least {@code split} substeps. */
    private BoundResult certify(double[] x0, double[] xN, int split) {
        System.arraycopy(x0, 0, z, 0, d);
        double r = 0;
        substeps = 0;
        for (int k = 0; k < steps; k++) {
            if (!knotInterval(k, r, split)) {
                return new BoundResult(Double.POSITIVE_INFINITY, Double.NaN, Double.POSITIVE_INFINITY, z.clone(),
                        enclosure.order(), substeps);
            }
            r = radius;
        }
        double distance = IntervalVectors.distanceUp(xN, xN, 0, z, d);
        double bound = Interval.addUp(distance, r);
        return new BoundResult(Double.isNaN(bound) ? Double.POSITIVE_INFINITY : bound, distance, r, z.clone(),
                enclosure.order(), substeps);
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
            sum = Interval.addUp(sum, Interval.addUp(IntervalVectors.distanceUp(trajectory[n + 1], trajectory[n + 1], 0, z, d),
                    radius));
        }
        return sum;
    }

    /**
     * Carries (z, r) across knot interval k, {@code [t_k, t_{k+1}]}, in m = split · ⌈h L / STEP_LIPSCHITZ⌉ validated substeps (m doubled until every box
     * passes); leaves z and {@link #radius}. False when even {@link #MAX_SUBSTEPS} substeps fail.
     */
    private boolean knotInterval(int k, double r0, int split) {
        double[] w = weights.data();
        int last = weights.count() - 1;
        int offA = weights.offset(Math.min(k, last));
        int offB = weights.offset(Math.min(k + 1, last));
        double lipschitz = lipschitz(Math.min(k, last), Math.min(k + 1, last));
        double h = 1.0 / depth;
        int m = split * (int) Math.max(1, Math.min(MAX_SUBSTEPS, Math.ceil(h * lipschitz / STEP_LIPSCHITZ)));
        double[] start = z.clone();
        for (; m <= MAX_SUBSTEPS; m *= 2) {
            System.arraycopy(start, 0, z, 0, d);
            if (substepsAcross(w, offA, offB, k >= last, m, lipschitz, r0)) {
                return true;
            }
        }
        return false;
    }

    /**
     * True when the enclosure just computed is narrow: no wider than {@link #WIDTH_LIMIT} {@code (1 + ||z||_∞)} in any
     * component. A wider one is valid but useless (the Taylor remainder's interval majorant outgrew the step), and the
     * substep is taken again shorter.
     */
    private boolean narrow(double[] start) {
        double scale = 0;
        for (int i = 0; i < d; i++) {
            scale = Math.max(scale, Math.abs(start[i]));
        }
        for (int i = 0; i < d; i++) {
            if (!(encHi[i] - encLo[i] <= WIDTH_LIMIT * (1 + scale))) {
                return false;
            }
        }
        return true;
    }

    /**
     * m substeps of length {@code h/m} across one knot interval, each growing the radius by {@code e^{τ L}}; θ_[1] =
     * (θ_b - θ_a) N on the interval (0 on the tail).
     */
    private boolean substepsAcross(double[] w, int offA, int offB, boolean tail, int m, double lipschitz, double r0) {
        double r = r0;
        double tau = 1.0 / ((double) depth * m);
        double tauLo = Math.nextDown(tau);
        double tauHi = Math.nextUp(tau);
        double growth = Interval.expUp(Interval.mulUp(tauHi, lipschitz));
        for (int j = 0; j < m; j++) {
            double fracLo = j == 0 ? 0 : Math.nextDown((double) j / m);
            double fracHi = j == 0 ? 0 : Math.nextUp((double) j / m);
            for (int i = 0; i < p; i++) {
                double a = w[offA + i];
                double deltaLo = tail ? 0 : Math.nextDown(w[offB + i] - a);
                double deltaHi = tail ? 0 : Math.nextUp(w[offB + i] - a);
                // θ_[0] = θ_a + (j/m) Δ, θ_[1] = N Δ
                enclosure.t0lo[i] = j == 0 ? a : Interval.addLo(a, Interval.mulLo(fracLo, fracHi, deltaLo, deltaHi));
                enclosure.t0hi[i] = j == 0 ? a : Interval.addHi(a, Interval.mulHi(fracLo, fracHi, deltaLo, deltaHi));
                enclosure.t1lo[i] = Interval.scaleLo(depth, deltaLo, deltaHi);
                enclosure.t1hi[i] = Interval.scaleHi(depth, deltaLo, deltaHi);
            }
            if (!enclosure.enclose(z, tauLo, tauHi, encLo, encHi) || !narrow(z)) {
                return false;
            }
            for (int i = 0; i < d; i++) {
                z[i] = 0.5 * encLo[i] + 0.5 * encHi[i];
            }
            double delta = IntervalVectors.distanceUp(encLo, encHi, 0, z, d);
            r = Interval.addUp(Interval.mulUp(growth, r), delta);
            substeps++;
        }
        radius = r;
        return Double.isFinite(r);
    }
}
