package org.resnetode.symbolic;

import java.util.Locale;
import org.apache.commons.math3.fraction.BigFraction;
import org.resnetode.model.LinearFamily;
import org.resnetode.model.ResidualFunction;
import org.resnetode.scheme.ButcherTableau;
import org.resnetode.scheme.RungeKuttaStep;
import org.resnetode.scheme.WeightPath;

/**
 * The round trip of a scheme on the scalar linear ODE {@code x' = a(t) x}: one forward step from t_n to
 * t_{n+1} (stage i reads {@code a_n + c_i (a_{n+1} - a_n)}) followed by its reverse (step -h, stage i at time
 * {@code t_{n+1} - c_i h}, reading the weight at position {@code 1 - c_i}; a_n throughout for Euler, which reads only
 * a_n), derived symbolically from the Butcher tableau.
 * The product of the two step factors is 1 exactly for a reversible scheme; its defect {@code R - 1}
 * is what the adjoint's recovery accumulates. MATH.md sections 4 and 5 give the closed forms
 * {@code 1 - a²h²} (Euler, constant a) and {@code 1 - (h²/4)(a_{n+1} - a_n)² + h⁴ a_n² a_{n+1}²/4} (Heun).
 */
public final class RoundTrip {
    /** Sample values at which the defect's power of h is read off (generic: no accidental cancellation). */
    private static final String A0 = "7/10";
    private static final String SLOPE = "13/10";
    private static final String A1_ROUGH = "-2/5";

    private RoundTrip() {
    }

    /**
     * The expanded round-trip factor in the symbols {@code h}, {@code a0} (= a_n) and {@code a1} (= a_{n+1}),
     * cross-checked against the numeric forward and reverse steps of the scalar linear family.
     */
    public static String factor(ButcherTableau tableau) {
        String factor = SymbolicEngine.eval("Expand((" + stepFactor(tableau, false) + ")*(" + stepFactor(tableau, true) + "))");
        double symbolic = SymbolicEngine.evalNumeric("ReplaceAll(" + factor + ", {h->37/100, a0->9/10, a1->-7/5})");
        double numeric = roundTrip(tableau, new double[] {0.9, -1.4}, 0.37);
        if (Math.abs(numeric - symbolic) > 1e-12) {
            throw new IllegalStateException("round trip of " + tableau.name() + ": Symja gives " + symbolic
                    + " at h = 0.37, the numeric steps " + numeric);
        }
        return factor;
    }

    /**
     * The order of the recovery error this round trip predicts: the defect {@code R - 1} is O(h^q) per step,
     * so N steps recover the activations to O(h^{q-1}). With {@code smooth} the weights differ by O(h)
     * ({@code a1 = a0 + s h}); otherwise they differ by O(1) and alternate: the defect is that of a pair of
     * consecutive round trips, {@code R(a0, a1) R(a1, a0) - 1}, O(h^q) per two steps.
     */
    public static int predictedRecoveryOrder(ButcherTableau tableau, boolean smooth) {
        String f = factor(tableau);
        // rough: two consecutive round trips of alternating weights, (a0, a1) then (a1, a0), so that defect terms
        // odd under the swap (midpoint's O(h) term) cancel as they do along any rough sequence of weights
        String trip = smooth ? f : "(" + f + ")*ReplaceAll(" + f + ", {a0->a1, a1->a0})";
        String a1 = smooth ? "(" + A0 + "+" + SLOPE + "*h)" : A1_ROUGH;
        String defect = "Expand(ReplaceAll(" + trip + " - 1, {a0->" + A0 + ", a1->" + a1 + "}))";
        double[] coefficients = SymbolicEngine.evalNumericList("CoefficientList(" + defect + ", h)");
        for (int q = 0; q < coefficients.length; q++) {
            if (coefficients[q] != 0) {
                return q - 1;
            }
        }
        throw new IllegalStateException("the round trip of " + tableau.name() + " is exact: no defect");
    }

    /**
     * The round-trip factor of one step with a constant weight, {@code R(z) R(-z)} with z = a h, checked against the
     * numeric forward then reverse step at h = 1, a = 0.37.
     */
    public static Derivation constantFactor(ButcherTableau tableau) {
        String name = "round trip R(z) R(-z) of " + tableau.name();
        return SymbolicEngine.derive(name, () -> {
            String r = SymbolicEngine.eval("Expand(ReplaceAll(" + stepFactor(tableau, false) + ", {a0->z, a1->z, h->1}))");
            String product = SymbolicEngine.eval("Expand((" + r + ")*ReplaceAll(" + r + ", z->-z))");
            double symbolic = SymbolicEngine.evalNumeric("ReplaceAll(" + product + ", z->37/100)");
            double numeric = roundTrip(tableau, new double[] {0.37, 0.37}, 1.0);
            if (!(Math.abs(symbolic - numeric) <= 1e-14)) {
                throw new IllegalStateException("R(z) R(-z) at z = 0.37 is " + symbolic + ", the numeric round trip " + numeric);
            }
            return Derivation.of(name, product, Double.NaN, String.format(Locale.ROOT,
                    "at z = 0.37: %.17g, the numeric forward then reverse step of f = a x gives %.17g", symbolic, numeric));
        });
    }

    /** {@link #factor} as a derivation (symbols h, a0 = a_n, a1 = a_{n+1}), with its numeric check. */
    public static Derivation timeVaryingFactor(ButcherTableau tableau) {
        String name = "round trip of " + tableau.name() + " with weights a0 = a_n, a1 = a_{n+1}";
        return SymbolicEngine.derive(name, () -> Derivation.of(name, factor(tableau), Double.NaN,
                "at h = 0.37, a0 = 0.9, a1 = -1.4 it equals the numeric forward then reverse step to 1e-12"));
    }

    /**
     * The predicted recovery (and adjoint gradient-error) order on smooth or rough weights, checked by the rate of
     * the adjoint's measured recovery error {@code |x~_0 - x_0|} between N = 32 and 64 on x' = a(t) x, with
     * a(t) = 0.7 + 1.3 t (smooth) or a_n alternating 0.7, -0.4 (rough).
     */
    public static Derivation recoveryOrder(ButcherTableau tableau, boolean smooth) {
        String kind = smooth ? "smooth" : "rough";
        String name = "recovery order of the " + tableau.name() + " adjoint on " + kind + " weights";
        return SymbolicEngine.derive(name, () -> {
            int q = predictedRecoveryOrder(tableau, smooth);
            double[] e = new double[2];
            for (int i = 0; i < 2; i++) {
                int n = 32 << i;
                e[i] = Math.abs(ScalarNetworks.recoveryError(tableau, smooth ? t -> 0.7 + 1.3 * t
                        : t -> Math.round(t * n) % 2 == 0 ? 0.7 : -0.4, n));
            }
            double rate = Math.log(e[0] / e[1]) / Math.log(2);
            if (!(Math.abs(rate - q) <= 0.25)) {
                throw new IllegalStateException("the round trip predicts recovery order " + q + " but the adjoint's recovery "
                        + "error falls at rate " + rate + " between N = 32 and 64");
            }
            return Derivation.of(name, Integer.toString(q), q, String.format(Locale.ROOT, "defect R - 1 = O(h^%d) per %s "
                    + "(a1 = a0 + %s); the adjoint's recovery error |x~_0 - x_0| on %s falls at rate %.3f between N = 32 and 64",
                    q + 1, smooth ? "step" : "pair of steps", smooth ? "(13/10) h" : "O(1), alternating", smooth ? "a(t) = 0.7 + 1.3 t" : "a_n = 0.7, -0.4 alternating", rate));
        });
    }

    /** x after one forward then one reverse step of size h from x = 1, weights w = {a_n, a_{n+1}}. */
    private static double roundTrip(ButcherTableau tableau, double[] w, double h) {
        double[] x = {1.0};
        ResidualFunction scalar = new LinearFamily(1);
        RungeKuttaStep.forward(tableau, scalar).apply(w, 0, 1, h, x, x);
        RungeKuttaStep.reverse(tableau, scalar).apply(w, 0, 1, h, x, x);
        return x[0];
    }

    /**
     * The factor of one step as an expression: {@code 1 + H Σ_i b_i κ_i} with slopes per unit state
     * {@code κ_i = α_i (1 + H Σ_{j<i} a_ij κ_j)}, H = ±h and α_i the stage's weight.
     */
    static String stepFactor(ButcherTableau t, boolean reverse) {
        String step = reverse ? "(-h)" : "h";
        int s = t.stages();
        String[] kappa = new String[s];
        for (int i = 0; i < s; i++) {
            BigFraction position = WeightPath.exactStagePosition(t, i, reverse);
            StringBuilder input = new StringBuilder("1");
            for (int j = 0; j < i; j++) {
                if (t.exactA(i, j).getNumerator().signum() != 0) {
                    input.append("+").append(step).append("*").append(rational(t.exactA(i, j))).append("*(").append(kappa[j]).append(")");
                }
            }
            String alpha = "(a0+" + rational(position) + "*(a1-a0))";
            kappa[i] = alpha + "*(" + input + ")";
        }
        StringBuilder sum = new StringBuilder("1");
        for (int i = 0; i < s; i++) {
            sum.append("+").append(step).append("*").append(rational(t.exactB(i))).append("*(").append(kappa[i]).append(")");
        }
        return sum.toString();
    }

    /** A tableau entry in parentheses, exactly. */
    private static String rational(BigFraction v) {
        return "(" + ButcherTableau.text(v) + ")";
    }
}
