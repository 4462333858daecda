package org.resnetode.symbolic;

import org.resnetode.checks.BadInputException;
import java.util.Locale;

/**
 * The Claim D bound of MATH.md section 2 as an expression:
 *
 * <pre>
 *   B(N) = e^{L_x} (1/(2N)) (L_x M + L_θ TV)
 * </pre>
 *
 * and its limit as N grows for a given growth of the total variation: bounded ({@code TV = V}, a smooth
 * profile: B → 0 like 1/N) or proportional to N ({@code TV = s N}, i.i.d.-like or alternating weights:
 * B → e^{L_x} L_θ s / 2, the bound stays O(1)). Limits come from Symja's {@code Limit} and are cross-checked
 * by evaluating B at N = 10^8 and 2·10^8 (a bounded-TV limit must be within |B(10^8)| of the value, and B
 * must approach it like 1/N).
 */
public final class DistanceBound {
    /** The bound in Symja syntax, symbols N, Lx, Lt (L_θ), M, TV. */
    public static final String BOUND = "E^Lx/(2*N)*(Lx*M+Lt*TV)";

    private DistanceBound() {
    }

    /** How TV grows with N. */
    public enum Growth {
        /** TV = V, independent of N (smooth or Lipschitz profiles). */
        BOUNDED("V"),
        /** TV = s N (i.i.d.-like or alternating weights). */
        LINEAR("s*N");

        final String tv;

        Growth(String tv) {
            this.tv = tv;
        }
    }

    /** The bound as an expression in N, Lx, Lt, M, TV (no value: free symbols). */
    public static Derivation bound() {
        String name = "Claim D bound";
        return SymbolicEngine.derive(name, () -> {
            String expression = SymbolicEngine.eval(BOUND);
            double symbolic = SymbolicEngine.evalNumeric("ReplaceAll(" + expression + ", {N->7, Lx->1/2, Lt->3, M->2, TV->5/4})");
            double direct = Math.exp(0.5) / 14 * (0.5 * 2 + 3 * 1.25);
            if (!(Math.abs(symbolic - direct) <= 1e-14 * direct)) {
                throw new IllegalStateException("the bound at N = 7, Lx = 1/2, Lt = 3, M = 2, TV = 5/4 is " + symbolic
                        + ", the formula in Java gives " + direct);
            }
            return Derivation.of(name, expression, Double.NaN, String.format(Locale.ROOT,
                    "at N = 7, L_x = 1/2, L_θ = 3, M = 2, TV = 5/4: %.17g, the formula evaluated in Java %.17g", symbolic, direct));
        });
    }

    /**
     * The bound's value at depth N and its limit as N → ∞ for a TV growth, given the constants; {@code tv} is V
     * (bounded) or s (TV = s N).
     */
    /** Largest L_θ, M or TV accepted: products of three of them stay far inside the range of a double. */
    static final double MAX_CONSTANT = 1e100;

    public static Derivation[] atDepthAndLimit(double lx, double lTheta, double m, double tv, Growth growth, int depth) {
        for (double v : new double[] {lx, lTheta, m, tv}) {
            if (!Double.isFinite(v) || v < 0) {
                throw new BadInputException("the constants L_x, L_θ, M and TV must be finite and >= 0, got " + v);
            }
        }
        if (depth < 1) {
            throw new BadInputException("depth must be at least 1, got " + depth);
        }
        // e^(L_x) beyond the largest double (L_x > ln 1.8e308 = 709.78) is no bound a double can check
        if (lx > Math.log(Double.MAX_VALUE)) {
            throw new BadInputException(String.format(Locale.ROOT, "L_x = %.4g: e^(L_x) overflows the range of a double "
                    + "(L_x at most %.2f)", lx, Math.log(Double.MAX_VALUE)));
        }
        for (double v : new double[] {lTheta, m, tv}) {
            if (v > MAX_CONSTANT) {
                throw new BadInputException(String.format(Locale.ROOT, "the constants L_θ, M and TV must be at most %.0e "
                        + "(the bound is checked in doubles), got %.4g", MAX_CONSTANT, v));
            }
        }
        String values = String.format(Locale.ROOT, "{Lx->%s, Lt->%s, M->%s, TV->%s}", exact(lx), exact(lTheta), exact(m),
                growth.tv.replace("V", exact(tv)).replace("s", exact(tv)));
        String withTv = "ReplaceAll(" + BOUND + ", " + values + ")";
        String atName = "Claim D bound at N = " + depth + " (TV " + (growth == Growth.BOUNDED ? "= V" : "= s N") + ")";
        Derivation at = SymbolicEngine.derive(atName, () -> {
            String expression = SymbolicEngine.eval("ReplaceAll(" + withTv + ", N->" + depth + ")");
            double value = SymbolicEngine.evalNumeric(expression);
            double tvValue = growth == Growth.BOUNDED ? tv : tv * depth;
            double direct = Math.exp(lx) / (2.0 * depth) * (lx * m + lTheta * tvValue);
            if (!(Math.abs(value - direct) <= 1e-13 * Math.max(direct, Double.MIN_NORMAL))) {
                throw new IllegalStateException("Symja gives " + value + ", the formula in Java " + direct);
            }
            return Derivation.of(atName, expression, value, String.format(Locale.ROOT, "the formula evaluated in Java gives %.17g", direct));
        });
        String limitName = "limit of the Claim D bound as N -> oo (TV " + (growth == Growth.BOUNDED ? "bounded" : "= s N") + ")";
        Derivation limit = SymbolicEngine.derive(limitName, () -> {
            String expression = SymbolicEngine.evalEvaluated("Limit(" + withTv + ", N->Infinity)", "Limit");
            double value = SymbolicEngine.evalNumeric(expression);
            double b1 = bAt(lx, lTheta, m, tv, growth, 1e8);
            double b2 = bAt(lx, lTheta, m, tv, growth, 2e8);
            // B(N) = L + c/N: B(2N) - L = (B(N) - L)/2, so 2 B(2N) - B(N) = L up to rounding
            double extrapolated = 2 * b2 - b1;
            double scale = Math.max(Math.abs(b1), Double.MIN_NORMAL);
            if (!(Math.abs(extrapolated - value) <= 1e-9 * scale)) {
                throw new IllegalStateException("Symja's limit is " + value + " but 2 B(2e8) - B(1e8) = " + extrapolated);
            }
            return Derivation.of(limitName, expression, value, String.format(Locale.ROOT,
                    "2 B(2·10^8) - B(10^8) = %.12g (the 1/N term removed) agrees to 1e-9 of B(10^8) = %.6g", extrapolated, b1));
        });
        return new Derivation[] {at, limit};
    }

    private static double bAt(double lx, double lTheta, double m, double tv, Growth growth, double n) {
        double tvValue = growth == Growth.BOUNDED ? tv : tv * n;
        return Math.exp(lx) / (2 * n) * (lx * m + lTheta * tvValue);
    }

    /** A double as an exact Symja rational (its binary value), so that Symja keeps exact arithmetic. */
    private static String exact(double v) {
        return "(" + new java.math.BigDecimal(v).toPlainString() + ")";
    }
}
