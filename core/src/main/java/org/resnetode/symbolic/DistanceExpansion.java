package org.resnetode.symbolic;

import java.util.Locale;
import org.apache.commons.math3.fraction.BigFraction;
import org.resnetode.scheme.ButcherTableau;

/**
 * The expansion of the exact distance of {@link ScalarLinearNetwork} in h = 1/N, its leading term and the next:
 *
 * <pre>
 *   x_N - x(1) = C_q h^q + C_{q+1} h^{q+1} + O(h^{q+2}),   C_q = e^{∫a} L_q,   C_{q+1} = e^{∫a} (L_{q+1} + [q = 1] L_1²/2),
 * </pre>
 *
 * {@code L_j = ℓ_j + τ_j}: ℓ_j the coefficients of {@code log x_N - log x^(1)} against the ODE interpolated up to
 * a(1) ({@link TimeVaryingExpansion#logRatioPerStep}, {@link LogErrorTerm}), and τ_j the correction when the last knot
 * is t_{N-1} (Euler): that ODE is constant over the last interval, so
 * {@code log x^(1) - log x(1) = h (a(1) - a(1 - h))/2 = Σ_{j>=2} (-1)^j a^{(j-1)}(1) h^j / (2 (j-1)!)}. The reference's
 * own dependence on N, {@code x(1) = e^{∫a} (1 + O(h²))}, enters only at h^{q+2} (docs/derivations/bound-symbolic.md).
 * Both coefficients are checked against Richardson extrapolation of the closed form's exact values (60 digits, no
 * round-off) at N = n0, 2 n0, ..., 16 n0, n0 = 16 for |a| <= 1 and 16 a² for larger weights ({@link #ladderStart}).
 */
final class DistanceExpansion {
    /** Relative agreement required between each coefficient and Richardson on the closed form. */
    static final double RICHARDSON_AGREEMENT = 1e-6;
    /** The Richardson ladder: N = n0 · 2^j, j = 0..LADDER_LEVELS, n0 from {@link #ladderStart}. */
    static final int LADDER_LEVELS = 4;
    /** The ladder starts where {@code max(1, |a|, a²) h <= 1/LADDER_STEP}. */
    static final int LADDER_STEP = 16;
    /** Largest start of the ladder (its top, 16 times more, is still a fast 60-digit product). */
    static final int MAX_LADDER_START = 8192;
    /** A coefficient L_j whose value is at most this is taken as 0 (as in {@link TimeVaryingExpansion}). */
    private static final double ZERO = 1e-13;

    /**
     * The expansion: power q, both coefficients (Symja expressions and values) and the Richardson check's text.
     * {@code q = 0} means every L_j up to h^{MAX_POWER} vanishes (then both coefficients are 0).
     */
    record Expansion(int power, String leading, double leadingValue, String next, double nextValue, String check) {
        /** {@code C_q h^q + C_{q+1} h^{q+1}} at depth N. */
        double at(int depth) {
            double h = 1.0 / depth;
            return Math.pow(h, power) * (leadingValue + nextValue * h);
        }

        /** The two terms as one expression in N. */
        String expression() {
            return power == 0 ? "0" : "(" + leading + ")/N^" + power + " + (" + next + ")/N^" + (power + 1);
        }
    }

    private DistanceExpansion() {
    }

    static Expansion of(ButcherTableau tableau, WeightExpression a) {
        ExactSeries perStep = TimeVaryingExpansion.logRatioPerStep(tableau, TimeVaryingExpansion.Reference.INTERPOLATED);
        boolean lastKnotBeforeOne = !(tableau.lastStageTime() > 0);
        for (int q = 1; q <= TimeVaryingExpansion.MAX_POWER; q++) {
            double value = coefficientValue(perStep, lastKnotBeforeOne, a, q);
            if (Math.abs(value) <= ZERO) {
                continue;
            }
            String exponential = "E^(" + UnitIntegral.of(a.symja()) + ")";
            String lq = coefficient(perStep, lastKnotBeforeOne, a, q);
            String lNext = coefficient(perStep, lastKnotBeforeOne, a, q + 1);
            String leading = SymbolicEngine.evalEvaluated("Simplify(" + exponential + "*(" + lq + "))", "Integrate", "D");
            String next = SymbolicEngine.evalEvaluated("Simplify(" + exponential + "*(" + lNext + (q == 1 ? "+(" + lq + ")^2/2" : "")
                    + "))", "Integrate", "D");
            double leadingValue = SymbolicEngine.evalNumeric(leading);
            double nextValue = SymbolicEngine.evalNumeric(next);
            return new Expansion(q, leading, leadingValue, next, nextValue, richardson(tableau, a, q, leadingValue, nextValue));
        }
        return new Expansion(0, "0", 0, "0", 0, "every coefficient L_1 .. L_" + TimeVaryingExpansion.MAX_POWER + " vanishes");
    }

    /** {@code L_j = ℓ_j + τ_j} in closed form. */
    private static String coefficient(ExactSeries perStep, boolean tail, WeightExpression a, int j) {
        LogErrorTerm term = LogErrorTerm.of(perStep, j);
        String ell = term.vanishes() ? "0" : term.closedForm(a);
        if (!tail || j < 2) {
            return ell;
        }
        BigFraction tau = tailFactor(j);
        return "(" + ell + ") + (" + ButcherTableau.text(tau) + ")*ReplaceAll(D(" + a.symja() + ",{t," + (j - 1) + "}), t->1)";
    }

    /** {@code L_j} in double arithmetic (quadrature and Taylor derivatives of the parsed weight, no Symja). */
    private static double coefficientValue(ExactSeries perStep, boolean tail, WeightExpression a, int j) {
        LogErrorTerm term = LogErrorTerm.of(perStep, j);
        double ell = term.vanishes() ? 0 : term.value(a)[0];
        return !tail || j < 2 ? ell : ell + tailFactor(j).doubleValue() * a.derivatives(1, j - 1)[j - 1];
    }

    /**
     * The smallest power of two n0 >= {@code LADDER_STEP max(1, A, A²)}, A = {@link #largestWeight}: the terms C_{q+j}
     * grow like (A² h)^j (Euler on a constant: C_1 = -a²/2 e^a, C_2 = (a⁴/8 + a³/3) e^a), so the ladder must start
     * where A² h is small for Richardson to remove them; at most {@link #MAX_LADDER_START}.
     */
    static int ladderStart(WeightExpression a) {
        double largest = largestWeight(a);
        int n0 = LADDER_STEP;
        while (n0 < MAX_LADDER_START && n0 < LADDER_STEP * Math.max(largest, largest * largest)) {
            n0 *= 2;
        }
        return n0;
    }

    /** Largest |a(t)| accepted: the ladder's start 16 a² stays within {@link #MAX_LADDER_START}. */
    static final double MAX_WEIGHT = Math.sqrt((double) MAX_LADDER_START / LADDER_STEP);

    /** {@code max |a(t)|} over the 257 points i/256 of [0, 1]. */
    static double largestWeight(WeightExpression a) {
        double largest = 0;
        for (int i = 0; i <= 256; i++) {
            largest = Math.max(largest, Math.abs(a.function().applyAsDouble(i / 256.0)));
        }
        return largest;
    }

    /** {@code (-1)^j / (2 (j-1)!)}: τ_j = this times a^{(j-1)}(1). */
    static BigFraction tailFactor(int j) {
        BigFraction f = BigFraction.ONE.divide(LogErrorTerm.factorial(j - 1).multiply(2));
        return j % 2 == 0 ? f : f.negate();
    }

    /**
     * Richardson on {@code N^q e(N)} (→ C_q) and on {@code N^{q+1} (e(N) - C_q N^{-q})} (→ C_{q+1}), e the closed form's
     * exact distance at N = 16 .. 256; throws unless both agree with the derived coefficients to
     * {@link #RICHARDSON_AGREEMENT} of {@code max(|C_q|, |C_{q+1}|)}.
     */
    private static String richardson(ButcherTableau tableau, WeightExpression a, int q, double leading, double next) {
        int start = ladderStart(a);
        java.util.Map<Integer, Double> errors = new java.util.HashMap<>();
        java.util.function.IntToDoubleFunction error = n -> errors.computeIfAbsent(n,
                depth -> ScalarLinearNetwork.sampled(tableau, a.function(), depth).error().doubleValue());
        double estimate = ScalarNetworks.leadingCoefficient(error, q, 1, start, LADDER_LEVELS)[0];
        double nextEstimate = ScalarNetworks.leadingCoefficient(n -> error.applyAsDouble(n) - leading * Math.pow(n, -q), q + 1, 1,
                start, LADDER_LEVELS)[0];
        double scale = Math.max(Math.abs(leading), Math.abs(next));
        double gap = Math.abs(estimate - leading) / scale;
        double nextGap = Math.abs(nextEstimate - next) / scale;
        if (!(gap <= RICHARDSON_AGREEMENT && nextGap <= RICHARDSON_AGREEMENT)) {
            throw new IllegalStateException(String.format(Locale.ROOT, "the coefficients C_%d = %.12g and C_%d = %.12g disagree with "
                    + "Richardson on the closed form's exact distance, %.12g and %.12g (gaps %.2e and %.2e of max |C| > %.0e)", q,
                    leading, q + 1, next, estimate, nextEstimate, gap, nextGap, RICHARDSON_AGREEMENT));
        }
        return String.format(Locale.ROOT, "Richardson (N = %d..%d) on the closed form's exact distance gives C_%d = %.12g and "
                + "C_%d = %.12g: gaps %.1e and %.1e of max |C| (<= %.0e)", start, start << LADDER_LEVELS, q, estimate,
                q + 1, nextEstimate, gap, nextGap, RICHARDSON_AGREEMENT);
    }
}
