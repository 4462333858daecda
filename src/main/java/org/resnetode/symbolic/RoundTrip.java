package org.resnetode.symbolic;

import org.apache.commons.math3.fraction.BigFraction;
import org.resnetode.model.LinearFamily;
import org.resnetode.model.ResidualFunction;
import org.resnetode.scheme.ButcherTableau;
import org.resnetode.scheme.RungeKuttaStep;

/**
 * The round trip of a scheme on the scalar linear ODE {@code x' = a(t) x}: one forward step from t_n to
 * t_{n+1} (stage i reads {@code a_n + c_i (a_{n+1} - a_n)}) followed by its reverse (step -h, stage i
 * reading the weight at position {@code c_max - c_i}), derived symbolically from the Butcher tableau.
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
        double[] x = {1.0};
        double[] w = {0.9, -1.4};
        ResidualFunction scalar = new LinearFamily(1);
        RungeKuttaStep.forward(tableau, scalar).apply(w, 0, 1, 0.37, x, x);
        RungeKuttaStep.reverse(tableau, scalar).apply(w, 0, 1, 0.37, x, x);
        if (Math.abs(x[0] - symbolic) > 1e-12) {
            throw new IllegalStateException("round trip of " + tableau.name() + ": Symja gives " + symbolic
                    + " at h = 0.37, the numeric steps " + x[0]);
        }
        return factor;
    }

    /**
     * The order of the recovery error this round trip predicts: the defect {@code R - 1} is O(h^q) per step,
     * so N steps recover the activations to O(h^{q-1}). With {@code smooth} the weights differ by O(h)
     * ({@code a1 = a0 + s h}); otherwise they differ by O(1).
     */
    public static int predictedRecoveryOrder(ButcherTableau tableau, boolean smooth) {
        String a1 = smooth ? "(" + A0 + "+" + SLOPE + "*h)" : A1_ROUGH;
        String defect = "Expand(ReplaceAll(" + factor(tableau) + " - 1, {a0->" + A0 + ", a1->" + a1 + "}))";
        double[] coefficients = SymbolicEngine.evalNumericList("CoefficientList(" + defect + ", h)");
        for (int q = 0; q < coefficients.length; q++) {
            if (coefficients[q] != 0) {
                return q - 1;
            }
        }
        throw new IllegalStateException("the round trip of " + tableau.name() + " is exact: no defect");
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
            BigFraction position = reverse ? t.exactLastStageTime().subtract(t.exactC(i)) : t.exactC(i);
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
