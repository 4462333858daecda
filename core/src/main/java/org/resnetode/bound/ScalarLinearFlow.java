package org.resnetode.bound;

import org.resnetode.model.ScalarGrowthRate;
import org.resnetode.model.Weights;
import org.resnetode.scheme.ResNet;

/**
 * The certified bound of a scalar linear field {@code x' = g(t) x} in closed form (docs/derivations/bound.md §8):
 * {@code x(T) = x_0 e^I}, {@code I = ∫_0^T g}, with g = θ(t)² (theta2) or g = a(t) (linear at d = 1), θ and a the
 * piecewise-linear interpolation of the knots (constant after the last one), as {@link CertifiedBound} reads them. On
 * knot interval k, of exact length {@code h = 1/N}, from knot value a_k to b_k:
 * <pre>
 *   theta2:  ∫ θ² = h (a_k² + a_k b_k + b_k²) / 3 = h ((a_k + b_k)² + a_k² + b_k²) / 6,
 *   linear:  ∫ a  = h (a_k + b_k) / 2,
 * </pre>
 * so {@code I = S / (cN)}, S the sum of the bracketed terms over the intervals, c = 6 or 2. S is summed pairwise (a
 * binary cascade), so each term passes through at most {@code ⌊log2 n⌋ + 1} additions (n the knot intervals); with E
 * a proven bound of the sum's rounding, {@code I ∈ [(Ŝ - E)/(cN), (Ŝ + E)/(cN)]} rounded outwards, {@code e^I} from
 * {@link Math#exp} (1 ulp) stepped two ulps outwards ({@link Interval#expLo}, {@link Interval#expUp}) and {@code x(T) ∈ [lo, hi] = x_0 [e^{I_lo}, e^{I_hi}]} rounded
 * outwards.
 * The result ({@link BoundResult}): shadow z = the midpoint of [lo, hi], radius r with {@code [lo, hi] ⊂ [z - r, z + r]},
 * bound {@code |x_N - z| + r} rounded up (in the reals equal to {@code max(|x_N - lo|, |x_N - hi|)} up to the
 * midpoint's rounding), order 0 (no Taylor step), substeps the knot intervals integrated. Overflow or NaN give +∞.
 * One instance per thread.
 */
final class ScalarLinearFlow {
    /**
     * Roundings of one theta2 term {@code (a + b)² + a² + b²} on its largest monomial (a + b)²: the sum a + b (twice,
     * squared), the product, the two sums of the term.
     */
    private static final int SQUARED_TERM_ROUNDINGS = 5;

    private final Weights weights;
    private final boolean squared;
    private final int steps;
    /** cN: 6N (theta2) or 2N (linear), exact in double. */
    private final double divisor;
    /** γ_m, m = the roundings one monomial meets in S (its term's and the cascade's), rounded up. */
    private final double sumRound;
    /** γ_{2m} (theta2's relative margin) rounded up. */
    private final double squaredSumRound;
    /** The cascade's partial sums: {@code partial[l]} holds a block of 2^l consecutive terms (l <= 31: k < 2^31). */
    private final double[] partial = new double[32];
    /** After {@link #enclose}: I and x(T) enclosed. */
    double integralLo;
    double integralHi;
    double solutionLo;
    double solutionHi;

    private ScalarLinearFlow(ResNet net, boolean squared) {
        this.weights = net.weights();
        this.squared = squared;
        this.steps = net.steps();
        this.divisor = (squared ? 6.0 : 2.0) * net.depth();
        int additions = 32 - Integer.numberOfLeadingZeros(steps);
        int m = additions + (squared ? SQUARED_TERM_ROUNDINGS : 1);
        this.sumRound = RoundOff.gamma(m);
        this.squaredSumRound = RoundOff.gamma(2 * m);
    }

    /** The closed form for {@code net} when its field is scalar linear (theta2, or linear at d = 1), else null. */
    static ScalarLinearFlow of(ResNet net) {
        ScalarGrowthRate rate = net.family().scalarGrowthRate();
        return rate == ScalarGrowthRate.NONE ? null : new ScalarLinearFlow(net, rate == ScalarGrowthRate.THETA_SQUARED);
    }

    /** The certified bound on {@code |xN - x(T)|}, x the solution from {@code x0} (one component each). */
    BoundResult certify(double[] x0, double[] xN) {
        enclose(x0[0]);
        double mid = Interval.midpoint(solutionLo, solutionHi);
        double radius = Interval.radius(solutionLo, solutionHi, mid);
        // fl(a - b) = -fl(b - a): |fl(x_N - z)| is the rounded distance either way
        double distance = Math.nextUp(Math.abs(xN[0] - mid));
        double bound = Interval.addUp(distance, radius);
        return new BoundResult(Double.isNaN(bound) ? Double.POSITIVE_INFINITY : bound, distance, radius,
                new double[] {mid}, 0, steps);
    }

    /** {@code x(T) = x_0 e^I} in {@code [solutionLo, solutionHi]} (and I in {@code [integralLo, integralHi]}). */
    void enclose(double x0) {
        integral();
        double eLo = Interval.expLo(integralLo);
        double eHi = Interval.expUp(integralHi);
        solutionLo = Interval.scaleLo(x0, eLo, eHi);
        solutionHi = Interval.scaleHi(x0, eLo, eHi);
    }

    /**
     * Encloses {@code I = S / (cN)} in {@link #integralLo}, {@link #integralHi}. Each computed monomial of S carries at
     * most m factors {@code (1 + δ)} (Higham §3.1), so {@code Ŝ = Σ_i μ_i (1 + θ_i) + H}, {@code |θ_i| <= γ_m}, H the
     * products' underflow (at most 2 η per product, η = 2^-1075, 3 products a term: below MIN_NORMAL for n <= 2^50):
     * <ul>
     *   <li>theta2, monomials {@code μ >= 0}: {@code S <= (Ŝ + |H|)/(1 - γ_m)}, so
     *       {@code |Ŝ - S| <= |H| + γ_m S <= γ_{2m} Ŝ + 2 MIN_NORMAL} ({@code γ_m/(1 - γ_m) <= γ_{2m}});</li>
     *   <li>linear, monomials {@code a_k + b_k} (no products): {@code |Ŝ - S| <= γ_m Σ|a_k + b_k| <= γ_m 2 B̂}, B̂ the
     *       plain sum of the computed {@code |fl(a_k + b_k)|} ({@code B̂ >= (1 - γ_n) Σ|a_k + b_k| >= Σ|a_k + b_k|/2}).</li>
     * </ul>
     */
    private void integral() {
        double[] w = weights.data();
        int last = weights.count() - 1;
        double a = w[weights.offset(0)];
        double absSum = 0;
        for (int k = 0; k < steps; k++) {
            double b = w[weights.offset(Math.min(k + 1, last))];
            double s = a + b;
            double term;
            if (squared) {
                term = s * s + a * a + b * b;
            } else {
                term = s;
                absSum += Math.abs(s);
            }
            // the cascade: merge equal blocks while bit l of k is set
            int l = 0;
            for (int count = k; (count & 1) != 0; count >>>= 1) {
                term = partial[l] + term;
                l++;
            }
            partial[l] = term;
            a = b;
        }
        double sum = 0;
        for (int l = 0; l < 32; l++) {
            if ((steps >>> l & 1) != 0) {
                sum += partial[l];
            }
        }
        double error = squared
                ? Interval.addUp(Interval.mulUp(squaredSumRound, sum), 2 * Double.MIN_NORMAL)
                : Interval.mulUp(sumRound, 2 * absSum);
        integralLo = Math.nextDown(Math.nextDown(sum - error) / divisor);
        integralHi = Math.nextUp(Math.nextUp(sum + error) / divisor);
    }
}
