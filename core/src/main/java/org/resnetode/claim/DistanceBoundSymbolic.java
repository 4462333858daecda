package org.resnetode.claim;

import java.util.List;
import java.util.Locale;
import org.apache.commons.math3.fraction.BigFraction;
import org.resnetode.model.Constants;
import org.resnetode.symbolic.DistanceBound;
import org.resnetode.symbolic.SymbolicEngine;
import org.resnetode.symbolic.SymbolicFailure;

/**
 * The two layers check each other on Claim D's a-priori bound: the Euler bound computed in Java
 * ({@link DistanceMeasurement#eulerBound}) at every accepted row's constants, total variation and depth, against the
 * symbolic layer's expression {@link DistanceBound#BOUND} {@code E^Lx/(2*N)*(Lx*M+Lt*TV)} evaluated by Symja at the same
 * constants, passed as the exact rationals of their doubles (docs/derivations/claims.md section 8).
 */
final class DistanceBoundSymbolic {
    /**
     * Largest relative gap between the two evaluations: each rounds at most six operations (exp, three products, a sum,
     * a quotient) of relative error 2^-53, so they agree to 12 · 2^-53 ≈ 1.3e-15 when both are correctly rounded; 1e-12
     * leaves a thousand ulps for Symja's own exp, whose accuracy is not documented.
     */
    static final double AGREEMENT = 1e-12;

    private DistanceBoundSymbolic() {
    }

    /** Judges, through {@code policy}, the agreement on every accepted row with a finite bound; records nothing without one. */
    static void compare(List<DistanceMeasurement> ms, VerdictPolicy policy) {
        compare(ms, DistanceMeasurement::eulerBound, policy);
    }

    /** The Java side of the comparison: the bound from the constants, the total variation and the depth. */
    interface JavaBound {
        double at(Constants c, double totalVariation, int depth);
    }

    /** As above, with the Java formula {@code javaBound} (a test's broken formula must fail). */
    static void compare(List<DistanceMeasurement> ms, JavaBound javaBound, VerdictPolicy policy) {
        double worst = 0;
        int compared = 0;
        try {
            for (DistanceMeasurement m : ms) {
                if (!m.accepted() || !Double.isFinite(m.bound())) {
                    continue;
                }
                double java = javaBound.at(m.constants(), m.totalVariation(), m.depth());
                double symbolic = evaluate(m.constants(), m.totalVariation(), m.depth());
                // a zero bound (every θ_n = 0) agrees only with a zero
                worst = Math.max(worst, java == symbolic ? 0 : Math.abs(java - symbolic) / Math.abs(symbolic));
                compared++;
            }
        } catch (SymbolicFailure e) {
            policy.inconclusive("the Euler bound was not cross-checked with the symbolic layer: " + e.getMessage());
            return;
        }
        if (compared > 0) {
            policy.band(String.format(Locale.ROOT, "the Euler bound in Java against the symbolic layer's %s on %d rows: "
                    + "relative gap", DistanceBound.BOUND, compared), worst, 0, AGREEMENT, 0, Double.NaN, 0);
        }
    }

    /** {@code N(E^Lx/(2*N)*(Lx*M+Lt*TV))} with the exact rationals of the doubles. */
    static double evaluate(Constants c, double totalVariation, int depth) {
        String values = String.format(Locale.ROOT, "{N->%d, Lx->%s, Lt->%s, M->%s, TV->%s}", depth, exact(c.lx()),
                exact(c.lTheta()), exact(c.m()), exact(totalVariation));
        return SymbolicEngine.derive("Claim D bound at a row's constants",
                () -> SymbolicEngine.evalNumeric("ReplaceAll(" + DistanceBound.BOUND + ", " + values + ")"));
    }

    /** The double {@code v} as the exact rational {@code p/q} Symja reads. */
    private static String exact(double v) {
        BigFraction f = new BigFraction(v);
        return "(" + f.getNumerator() + "/" + f.getDenominator() + ")";
    }
}
