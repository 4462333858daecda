package org.resnetode.symbolic;

import org.resnetode.scheme.ButcherTableau;
import org.resnetode.scheme.WeightPath;

/**
 * The exact distance {@code x_N - x(1)} of a scalar linear ResNet with weights {@code a(k/N)} as a Symja expression in
 * the depth N ({@link ScalarLinearNetwork} states the formula):
 *
 * <pre>
 *   x_N - x(1) = Π_{n=0}^{N-1} R(1/N, a(n/N), a((n+1)/N)) - exp( Σ_{k<K} (a(k/N) + a((k+1)/N))/(2N) + (1 - K/N) a(K/N) ),
 * </pre>
 *
 * with R the tableau's step factor, a polynomial in (h, u, v) derived here by Symja from the stage recursion. For a
 * weight free of t this is {@code R(a/N, a, a)^N - e^a}.
 */
final class DistanceClosedForm {
    private DistanceClosedForm() {
    }

    /** {@code R(h, u, v) = 1 + h Σ_i b_i κ_i}, {@code κ_i = (u + c_i (v - u)) (1 + h Σ_{j<i} a_ij κ_j)}, expanded. */
    static String stepFactor(ButcherTableau tableau) {
        int s = tableau.stages();
        String[] kappa = new String[s];
        StringBuilder sum = new StringBuilder("0");
        for (int i = 0; i < s; i++) {
            StringBuilder input = new StringBuilder("1");
            for (int j = 0; j < i; j++) {
                input.append("+h*(").append(ButcherTableau.text(tableau.exactA(i, j))).append(")*").append(kappa[j]);
            }
            String c = ButcherTableau.text(WeightPath.exactStagePosition(tableau, i, false));
            kappa[i] = "((u+(" + c + ")*(v-u))*(" + input + "))";
            sum.append("+(").append(ButcherTableau.text(tableau.exactB(i))).append(")*").append(kappa[i]);
        }
        return SymbolicEngine.eval("Expand(1+h*(" + sum + "))");
    }

    /** The distance as an expression in the symbol N. */
    static String distance(ButcherTableau tableau, WeightExpression a) {
        String r = stepFactor(tableau);
        if ("True".equals(SymbolicEngine.eval("FreeQ(" + a.symja() + ", t)"))) {
            return SymbolicEngine.eval("ReplaceAll(" + r + ", {h->1/N, u->" + a.symja() + ", v->" + a.symja() + "})^N - E^("
                    + a.symja() + ")");
        }
        // Product and Sum hold their arguments: the factor and the summand are formed first, then summed or multiplied
        String factor = SymbolicEngine.eval("ReplaceAll(" + r + ", {h->1/N, u->" + at(a, "n/N") + ", v->" + at(a, "(n+1)/N") + "})");
        String trapezoid = SymbolicEngine.eval("(" + at(a, "k/N") + "+" + at(a, "(k+1)/N") + ")/(2*N)");
        // the last knot K is N, or N - 1 when no stage reads the next weight (Euler): then θ = a((N-1)/N) on the last 1/N
        String exponent = tableau.lastStageTime() > 0 ? "Sum(" + trapezoid + ", {k,0,N-1})"
                : "Sum(" + trapezoid + ", {k,0,N-2}) + " + at(a, "(N-1)/N") + "/N";
        return SymbolicEngine.eval("Product(" + factor + ", {n,0,N-1}) - Exp(" + exponent + ")");
    }

    /** The distance at depth N, evaluated by Symja to {@code digits} significant digits. */
    static String atDepth(String distance, int depth, int digits) {
        return SymbolicEngine.eval("N(ReplaceAll(" + distance + ", N->" + depth + "), " + digits + ")");
    }

    /** a(time), substituted and evaluated. */
    private static String at(WeightExpression a, String time) {
        return "(" + SymbolicEngine.eval("ReplaceAll(" + a.symja() + ", t->" + time + ")") + ")";
    }
}
