package org.resnetode.bound;

import org.resnetode.model.Weights;
import org.resnetode.scheme.ResNet;

/**
 * The certified bound of a linear ResNet under forward Euler by carrying its global error as a vector
 * (docs/derivations/bound.md §9): no shadow trajectory, one pass over each layer's matrix. With x̂ the Euler trajectory
 * recomputed in doubles, {@code y_n = A_n x̂_n}, {@code e_n = x(t_n) - x̂_n} obeys {@code e_{n+1} = Ψ_n e_n + l_n}
 * (Ψ_n the exact propagator over the layer, l_n the local error from x̂_n), and
 * <pre>
 *   l_n = (h/2)(y_{n+1} - y_n) + (h²/6) [A_n, Δ_n] x̂_n + (h²/8) Δ_n² x̂_n + I_3 - (h/2) A_{n+1} σ_n - σ_n,
 *   Ψ_n G = G + h A_n G + P_n,
 * </pre>
 * σ_n the rounding of the Euler step, I_3 the third-order remainder, and the commutator, Δ², I_3 and P_n bounded by
 * norms. So the local error's leading term comes from the
 * products the trajectory needs anyway, and the carried centre {@code G_{n+1} = G_n + h A_n G_n + λ_{n-1}} (the local
 * error entering one layer late, its first layer propagated by {@code ||Ψ - I|| <= e^L - 1}) needs one product more,
 * formed in the same pass as {@code A_n x̂_n}. The radius r collects every neglected term with outward rounding, so
 * {@code ||x(T) - z|| <= radius} for the real numbers, z = x̂_S + G_S + λ_{S-1}. One instance per thread.
 */
final class LinearEulerError {
    /** The order of the local error the centre carries: x_[2], the remainder bounded from order 3. */
    static final int ORDER = 2;
    /** 1/6 rounded up, and {@code e - 8/3 = Σ_{j>=0} 1/(j+4)! <= 0.052}: {@code Σ_{k>=3} L^k/k! <= L³ (1/6 + 0.052 L)}, L <= 1. */
    private static final double SIXTH = Math.nextUp(1.0 / 6);
    private static final double QUARTIC = 0.052;
    /**
     * {@code h |ŷ_n - ŷ_{n-1}|_i <= 2 (1 + 4u) (|λ_i| + η)} (λ = fl(fl(h/2) fl(ŷ_n - ŷ_{n-1}))), with a margin: the
     * computed products' difference (the exact one adds {@code √d γ_d (h a' X' + h a X)}, a term of its own).
     */
    private static final double DIFFERENCE = 2.0001;
    private static final double U = RoundOff.U;

    /**
     * The pilot's depth: r / ||x_N - z|| scales as 1/N for a given weight function (constant to 2–3% from N = 256 to
     * 4096 over 36 networks; the network through every (N/16)-th sample at depth 16 gives 0.59 to 1.36 times the full
     * pass's ratio over 144 networks, bound.md §9), so the pilot predicts whether the full pass will be accepted, at
     * 16/N of its cost; it runs from {@link #PILOT_FROM} layers on (at most 1/32 of the pass: the pilot's layers are
     * dearer, each renews the spectral reference).
     */
    static final int PILOT_DEPTH = 16;
    static final int PILOT_FROM = 32 * PILOT_DEPTH;
    /**
     * The full pass runs when the pilot predicts a radius at most this share of the distance: the acceptance's 0.5 times
     * the pilot's lowest measured ratio to the full pass, 0.59.
     */
    static final double PILOT_SHARE = 0.3;

    private final Weights weights;
    private final int steps;
    private final int d;
    /** Layer n reads the weight sample {@code min(n, last) · stride} (the pilot: every stride-th sample). */
    private final int last;
    private final int stride;
    /** {@code fl(1/N)}, its half (exact), and an upper bound of 1/N. */
    private final double h;
    private final double halfH;
    private final double hUp;
    /** √d γ_d and its half, 4u + √d γ_d, 2 γ_4 + 2 √d γ_d (the products' and the updates' roundings), rounded up. */
    private final double rootDGamma;
    private final double halfRootDGamma;
    private final double stepRound;
    private final double centreRound;
    private final double gamma2;
    private final double gamma3;
    private final double normMargin;
    /** Plain blocks: the local error's radius, the radius update, the centre's rounding, π, e^L - 1, the end point. */
    private static final double LOCAL_MARGIN = RoundOff.blockMargin(12);
    /** One product, quotient or sum of leaves (h a, h a X, h b, h b/6, 1 + (e^L - 1)). */
    private static final double PRODUCT_MARGIN = RoundOff.blockMargin(1);
    /** {@code 1 + h a/2}: a product and a sum. */
    private static final double STEP_FACTOR_MARGIN = RoundOff.blockMargin(2);
    private static final double CUBIC_MARGIN = RoundOff.blockMargin(5);
    private static final double SIGMA_MARGIN = RoundOff.blockMargin(3);
    private static final double DELTA_STATE_MARGIN = RoundOff.blockMargin(9);
    private static final double WEIGHT_MARGIN = RoundOff.blockMargin(3);
    private static final double OUTPUT_MARGIN = RoundOff.blockMargin(3);
    private static final double RADIUS_MARGIN = RoundOff.blockMargin(8);
    private static final double CENTRE_MARGIN = RoundOff.blockMargin(6);
    private static final double PROPAGATION_MARGIN = RoundOff.blockMargin(10);
    private static final double END_MARGIN = RoundOff.blockMargin(5);

    private final double[] x;
    private final double[] g;
    private double[] y;
    private double[] previousY;
    private final double[] v;
    private final double[] lambda;
    /** Σ A_n², Σ (A_n - A_{n-1})² and Σ ŷ_i² of the last {@link #pass}. */
    private double squares;
    private double deltaSquares;
    private double outputSquares;

    /** Stops (+∞) once past the first eighth of the layers r_n exceeds this share of the largest ||G_k|| so far (∞: never). */
    private final double stopShare;

    LinearEulerError(ResNet net) {
        this(net.weights(), net.steps(), 1, net.family().dim(), CertifiedBound.RADIUS_SHARE);
    }

    /** Depth = steps (the standard grid), over every {@code stride}-th weight sample. */
    private LinearEulerError(Weights weights, int steps, int stride, int d, double stopShare) {
        this.stopShare = stopShare;
        this.weights = weights;
        this.steps = steps;
        this.stride = stride;
        this.d = d;
        this.last = stride == 1 ? weights.count() - 1 : steps - 1;
        this.h = 1.0 / steps;
        this.halfH = h * 0.5;
        this.hUp = Math.nextUp(h);
        double rootD = Interval.sqrtUp(d);
        this.rootDGamma = Interval.mulUp(rootD, RoundOff.gamma(d));
        this.halfRootDGamma = 0.5 * rootDGamma;
        this.stepRound = Interval.addUp(4 * U, rootDGamma);
        this.centreRound = Interval.addUp(2 * RoundOff.gamma(4), 2 * rootDGamma);
        this.gamma2 = RoundOff.gamma(2);
        this.gamma3 = RoundOff.gamma(3);
        this.normMargin = RoundOff.blockMargin(2 * d);
        this.x = new double[d];
        this.g = new double[d];
        this.y = new double[d];
        this.previousY = new double[d];
        this.v = new double[d];
        this.lambda = new double[d];
    }

    /**
     * Whether the full pass is worth running: from {@link #PILOT_FROM} layers on, when the pilot predicts a radius at most
     * {@link #PILOT_SHARE} of the distance ({@link #predictedShare}).
     */
    boolean promising(double[] x0) {
        return steps >= PILOT_FROM && predictedShare(x0) <= PILOT_SHARE;
    }

    /**
     * The pilot's prediction of the full pass's {@code radius / distance}: the network through every
     * (S/{@value #PILOT_DEPTH})-th weight sample at depth {@value #PILOT_DEPTH}, carried to its end without the early
     * stop, its radius over its own carried error, times {@value #PILOT_DEPTH}/S (+∞ where the pilot is not certified).
     */
    double predictedShare(double[] x0) {
        LinearEulerError pilot = new LinearEulerError(weights, PILOT_DEPTH, Math.max(1, steps / PILOT_DEPTH), d,
                Double.POSITIVE_INFINITY);
        BoundResult b = pilot.certify(x0, x0);
        // the distance from the pilot's own Euler output: its carried error
        double carried = RoundOff.distanceUp(pilot.x, b.shadow(), d);
        double share = b.radius() / carried * PILOT_DEPTH / steps;
        return Double.isNaN(share) ? Double.POSITIVE_INFINITY : share;
    }

    /**
     * The bound on {@code ||xN - x(T)||}: {@code ||xN - z|| + radius}; +∞ when a layer's {@code L = h sup ||A(u)||_2}
     * exceeds 1 (the remainder bounds assume it) or a quantity is not finite.
     */
    BoundResult certify(double[] x0, double[] xN) {
        System.arraycopy(x0, 0, x, 0, d);
        java.util.Arrays.fill(g, 0);
        java.util.Arrays.fill(lambda, 0);
        double[] w = weights.data();
        // a reference layer of its own: the bound does not depend on earlier calls
        SpectralBound spectral = new SpectralBound(d, d);
        double stateNorm = norm(x);
        double centreNorm = 0;
        // the interval before the current layer: h a_{n-1}, ||x̂_{n-1}||, ||G_{n-1}||, τ_{n-1}
        double previousHa = 0;
        double previousState = 0;
        double previousCentre = 0;
        double previousTau = 0;
        // h a_{n-1} ||x̂_{n-1}||, rounded up
        double carriedProduct = 0;
        // h ||A_{n-1} x̂_{n-1}||, rounded up
        double previousOutput = 0;
        // the local error λ_{n-2} (added to the centre at layer n-1, propagated there by ||Ψ - I|| only) and its radius
        double pendingNorm = 0;
        double pendingRadius = 0;
        double r = 0;
        double peakCentre = 0;
        for (int n = 0;; n++) {
            int off = weights.offset(Math.min(n, last) * stride);
            int previousOff = weights.offset(Math.min(Math.max(n - 1, 0), last) * stride);
            pass(w, off, previousOff);
            double step = spectral.stepNorm(deltaSquares);
            double a = n == 0 ? spectral.of(w, off) : spectral.following(w, off, squares, step);
            double ha = RoundOff.blockUp(hUp * a, PRODUCT_MARGIN);
            double product = RoundOff.blockUp(ha * stateNorm, PRODUCT_MARGIN);
            // h ||A_n x̂_n|| <= h ||ŷ_n|| + √d γ_d h a_n ||x̂_n||
            double output = RoundOff.blockUp(hUp * normUp(outputSquares) + rootDGamma * product, OUTPUT_MARGIN);
            double lambdaNorm = 0;
            double mu = 0;
            if (n >= 1) {
                // interval n-1: L >= h sup_u ||A(u)||_2, b >= ||Δ_{n-1}||_2
                double lipschitz = Math.max(previousHa, ha);
                if (!(lipschitz <= 1)) {
                    return unbounded();
                }
                double hb = RoundOff.blockUp(hUp * step, PRODUCT_MARGIN);
                // λ_{n-1} = (h/2)(ŷ_n - ŷ_{n-1})
                double sum = 0;
                for (int i = 0; i < d; i++) {
                    double l = halfH * (y[i] - previousY[i]);
                    lambda[i] = l;
                    sum += l * l;
                }
                lambdaNorm = normUp(sum);
                // Σ_{k>=3} L^k/k! <= L³ (1/6 + (e - 8/3) L) for L <= 1
                double cubic = RoundOff.blockUp(lipschitz * (lipschitz * (lipschitz * (SIXTH + QUARTIC * lipschitz))),
                        CUBIC_MARGIN);
                double previousProduct = carriedProduct;
                // ||σ_{n-1}|| <= 2u ||x̂_n|| + (4u + √d γ_d) h a_{n-1} ||x̂_{n-1}||: the rounding of the Euler step
                double sigma = RoundOff.blockUp(2 * U * stateNorm + stepRound * previousProduct, SIGMA_MARGIN);
                // h ||Δ x̂_{n-1}|| <= h ||y_n - y_{n-1}|| + (h a + h b) h ||y_{n-1}|| + h a_n ||σ||, the first from λ
                double deltaState = RoundOff.blockUp(DIFFERENCE * lambdaNorm + rootDGamma * (product + previousProduct)
                        + (previousHa + hb) * previousOutput + ha * sigma, DELTA_STATE_MARGIN);
                double commutatorWeight = RoundOff.blockUp(previousHa / 6 + hb * 0.125, WEIGHT_MARGIN);
                double sixthHb = RoundOff.blockUp(hb / 6, PRODUCT_MARGIN);
                // μ_{n-1} >= ||l_{n-1} - λ_{n-1}||: the rounding of λ and of the two products, the step's rounding σ
                // through (1 + h a_n/2), (h²/6) ||[A, Δ] x̂|| + (h²/8) ||Δ² x̂|| <= (h a/6 + h b/8) h ||Δ x̂|| + (h b/6) h ||y||,
                // and Σ_{k>=3} L^k/k! X
                mu = RoundOff.blockUp(4 * U * lambdaNorm + halfRootDGamma * (product + previousProduct) + stepFactor(ha) * sigma
                        + commutatorWeight * deltaState + sixthHb * previousOutput + cubic * previousState, LOCAL_MARGIN);
                // e^L - 1 <= L + L²/2 + Σ_{k>=3}, π = (hb/2) e^L + L²/2 + Σ_{k>=3} >= ||Ψ - I - h A_{n-1}||
                double quadratic = lipschitz * lipschitz * 0.5 + cubic;
                double growthMinusOne = RoundOff.blockUp(lipschitz + quadratic, PROPAGATION_MARGIN);
                double growth = RoundOff.blockUp(1 + growthMinusOne, PRODUCT_MARGIN);
                double propagation = RoundOff.blockUp(hb * growth * 0.5 + quadratic, PROPAGATION_MARGIN);
                // r_n = e^L (r_{n-1} + μ_{n-2}) + π ||G_{n-1}|| + (e^L - 1) ||λ_{n-2}|| + τ_{n-1}
                r = RoundOff.blockUp(growth * (r + pendingRadius) + propagation * previousCentre + growthMinusOne * pendingNorm
                        + previousTau, RADIUS_MARGIN);
                // the ratio r_n / ||G_n|| grows along the layers: past the first eighth, a radius above the accepted share
                // of the largest carried error so far foretells a bound the caller would reject, so the pass stops there
                // (bound.md §9; the largest, not the current: G may pass near 0)
                peakCentre = Math.max(peakCentre, centreNorm);
                if (8L * n >= steps && !(r <= stopShare * peakCentre)) {
                    return unbounded();
                }
            }
            if (n == steps) {
                return end(xN, r, mu, stateNorm, centreNorm, lambdaNorm);
            }
            // x̂_{n+1} = x̂_n + h ŷ_n; G_{n+1} = G_n + h v̂_n + λ_{n-1}
            double stateSum = 0;
            double centreSum = 0;
            for (int i = 0; i < d; i++) {
                double xi = x[i] + h * y[i];
                double gi = g[i] + h * v[i] + lambda[i];
                x[i] = xi;
                g[i] = gi;
                stateSum += xi * xi;
                centreSum += gi * gi;
            }
            // τ_n >= ||G_{n+1} - (G_n + h A_n G_n + λ_{n-1})||
            previousTau = RoundOff.blockUp(gamma3 * (centreNorm + lambdaNorm) + centreRound * (ha * centreNorm), CENTRE_MARGIN);
            previousCentre = centreNorm;
            previousHa = ha;
            previousState = stateNorm;
            carriedProduct = product;
            previousOutput = output;
            pendingNorm = lambdaNorm;
            pendingRadius = mu;
            stateNorm = normUp(stateSum);
            centreNorm = normUp(centreSum);
            double[] t = previousY;
            previousY = y;
            y = t;
            if (!Double.isFinite(r) || !Double.isFinite(stateNorm) || !Double.isFinite(centreNorm)) {
                return unbounded();
            }
        }
    }

    /** z = x̂_S + G_S + λ_{S-1}, radius r_S + μ_{S-1} + γ_2 (||x̂|| + ||G|| + ||λ||). */
    private BoundResult end(double[] xN, double r, double mu, double stateNorm, double centreNorm, double lambdaNorm) {
        double[] z = new double[d];
        for (int i = 0; i < d; i++) {
            z[i] = x[i] + g[i] + lambda[i];
        }
        double radius = RoundOff.blockUp(r + mu + gamma2 * (stateNorm + centreNorm + lambdaNorm), END_MARGIN);
        double distance = RoundOff.distanceUp(xN, z, d);
        double bound = Interval.addUp(distance, radius);
        if (!Double.isFinite(bound)) {
            return unbounded();
        }
        return new BoundResult(bound, distance, radius, z, ORDER, steps);
    }

    /** An upper bound of {@code 1 + h a/2}. */
    private static double stepFactor(double ha) {
        return RoundOff.blockUp(1 + ha * 0.5, STEP_FACTOR_MARGIN);
    }

    private BoundResult unbounded() {
        return new BoundResult(Double.POSITIVE_INFINITY, Double.NaN, Double.POSITIVE_INFINITY, x.clone(), ORDER, steps);
    }

    /** An upper bound of √s for s the plain sum of d squares. */
    private double normUp(double sum) {
        return RoundOff.rootUp(RoundOff.blockUp(sum, normMargin));
    }

    private double norm(double[] vector) {
        double sum = 0;
        for (double e : vector) {
            sum += e * e;
        }
        return normUp(sum);
    }

    /**
     * One pass over A_n (at {@code off}) and A_{n-1} (at {@code previousOff}): {@code ŷ := A_n x̂}, {@code v̂ := A_n G},
     * {@link #squares} {@code = Σ A_n²}, {@link #deltaSquares} {@code = Σ (A_n - A_{n-1})²}, {@link #outputSquares}
     * {@code = Σ ŷ_i²}; two rows at a time, one partial sum per row and quantity (independent chains) of fused
     * multiply-adds (in any order, fused or not, a sum of d products keeps its γ_d margin).
     */
    private void pass(double[] w, int off, int previousOff) {
        double sumSquares = 0;
        double sumDeltaSquares = 0;
        double sumOutputSquares = 0;
        int i = 0;
        for (; i + 2 <= d; i += 2) {
            int r0 = i * d;
            int r1 = r0 + d;
            double y0 = 0, y1 = 0, v0 = 0, v1 = 0, s0 = 0, s1 = 0, e0 = 0, e1 = 0;
            for (int j = 0; j < d; j++) {
                double a0 = w[off + r0 + j];
                double a1 = w[off + r1 + j];
                double c0 = a0 - w[previousOff + r0 + j];
                double c1 = a1 - w[previousOff + r1 + j];
                double xj = x[j];
                double gj = g[j];
                y0 = Math.fma(a0, xj, y0);
                y1 = Math.fma(a1, xj, y1);
                v0 = Math.fma(a0, gj, v0);
                v1 = Math.fma(a1, gj, v1);
                s0 = Math.fma(a0, a0, s0);
                s1 = Math.fma(a1, a1, s1);
                e0 = Math.fma(c0, c0, e0);
                e1 = Math.fma(c1, c1, e1);
            }
            y[i] = y0;
            y[i + 1] = y1;
            v[i] = v0;
            v[i + 1] = v1;
            sumSquares += s0 + s1;
            sumDeltaSquares += e0 + e1;
            sumOutputSquares += y0 * y0 + y1 * y1;
        }
        if (i < d) {
            int r0 = i * d;
            double y0 = 0, v0 = 0, s0 = 0, e0 = 0;
            for (int j = 0; j < d; j++) {
                double a0 = w[off + r0 + j];
                double c0 = a0 - w[previousOff + r0 + j];
                y0 = Math.fma(a0, x[j], y0);
                v0 = Math.fma(a0, g[j], v0);
                s0 = Math.fma(a0, a0, s0);
                e0 = Math.fma(c0, c0, e0);
            }
            y[i] = y0;
            v[i] = v0;
            sumSquares += s0;
            sumDeltaSquares += e0;
            sumOutputSquares += y0 * y0;
        }
        squares = sumSquares;
        deltaSquares = sumDeltaSquares;
        outputSquares = sumOutputSquares;
    }
}
