package org.resnetode.symbolic;

import org.resnetode.checks.BadInputException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.apache.commons.math3.complex.Complex;

/**
 * Asymptotic expansion in h = 1/N of the Euler ResNet on the scalar linear ODE x' = a x, x(0) = 1:
 *
 * <pre>
 *   x_N = (1 + a h)^{1/h} = exp(Log(1 + a h) / h) = sum_{k=0}^{K} c_k(a) h^k + O(h^{K+1}),
 *   c_0 = e^a,  c_1 = -a^2 e^a / 2,  c_2 = e^a (a^4/8 + a^3/3), ...
 * </pre>
 *
 * Each c_k(a) = e^a P_k(a) with P_k a polynomial with rational coefficients (degree 2k), derived by
 * Symja. Symja 3.0.0 returns {@code Series((1+a*h)^(1/h), {h,0,K})} unevaluated, so the derivation
 * takes the log-then-exp route: the series of Log(1+a h)/h in h is a polynomial, and the series of
 * Exp of that polynomial is what Symja can expand.
 *
 * <p>Every result is checked against the Cauchy-integral coefficients of
 * g(z) = exp(Log(1 + a z)/z) on the circle |z| = 1/(4|a|) (g is analytic for |z| &lt; 1/|a|); a
 * disagreement throws {@link IllegalStateException}.
 */
public final class EulerExpansion {

    /**
     * Largest supported order K. Symja's series of the exponential is what costs: measured 0.8 s at
     * K = 4, 1.4 s at K = 6, 4.2 s at K = 8 (after warm-up).
     */
    public static final int MAX_ORDER = 6;

    /** Values of a at which the symbolic expansion in a is cross-checked. */
    private static final double[] CHECK_POINTS = {-2.0, -0.5, 0.3, 1.0, 2.5};

    /** Derived (and checked) expansions by order. */
    private static final Map<Integer, Derivation> CACHE = new ConcurrentHashMap<>();

    private EulerExpansion() {
    }

    /**
     * The truncated expansion sum_{k=0}^{order} c_k(a) h^k as a Symja expression in a and h, powers
     * of h collected and each coefficient factored, e.g. for order 2
     * {@code E^a-1/2*a^2*E^a*h+1/24*(8+3*a)*a^3*E^a*h^2}.
     */
    public static String expansion(int order) {
        return derivation(order).text;
    }

    /**
     * The coefficients c_0..c_order at a given a: (1 + a h)^{1/h} = sum_k c_k h^k + O(h^{order+1}).
     */
    public static double[] coefficients(double a, int order) {
        if (!Double.isFinite(a)) {
            throw new BadInputException("a must be finite, got " + a);
        }
        double[] c = derivation(order).at(a);
        cauchy(a, order).check(c, "EulerExpansion.coefficients(" + a + ", " + order + ")");
        return c;
    }

    /**
     * The coefficients p_0..p_m of the polynomial P_k(a) = e^{-a} c_k(a), derived by Symja and checked
     * like every expansion. The expansion holds for a matrix A too (all functions of one matrix commute):
     * {@code (I + A h)^{1/h} = Σ_k e^A P_k(A) h^k + O(h^{K+1})}.
     */
    public static double[] exponentialPolynomial(int k) {
        return derivation(Math.max(k, 1)).polynomials[k].clone();
    }

    /**
     * The constant c in |x_N - x(1)| ~ c / N for x' = a x, x(0) = 1: c = |c_1(a)| = a^2 e^a / 2.
     */
    public static double leadingErrorConstant(double a) {
        return Math.abs(coefficients(a, 1)[1]);
    }

    /** Numerical Taylor coefficients of g(z) = exp(Log(1 + a z)/z), the function being expanded. */
    private static CauchyCoefficients cauchy(double a, int order) {
        // g is analytic for |z| < R = 1/|a| (g = 1 when a = 0); for a > 0 it blows up like
        // (1 + a z)^{-a} at z = -1/a, so the circle stays well inside: rho = R/4.
        double rho = a == 0.0 ? 1.0 : 1.0 / (4.0 * Math.abs(a));
        return CauchyCoefficients.of(z -> Complex.ONE.add(z.multiply(a)).log().divide(z).exp(), rho, order);
    }

    private static Derivation derivation(int order) {
        if (order < 0 || order > MAX_ORDER) {
            throw new BadInputException("order must be in 0.." + MAX_ORDER + ", got " + order);
        }
        return CACHE.computeIfAbsent(order, EulerExpansion::derive);
    }

    /** Symja derivation of the expansion, checked at CHECK_POINTS before it is cached. */
    private static Derivation derive(int order) {
        String k = Integer.toString(order);
        // Log(1 + a h)/h = a - a^2 h/2 + a^3 h^2/3 - ... , truncated after h^K
        String logSeries = SymbolicEngine.eval("Normal(Series(Log(1+a*h)/h,{h,0," + k + "}))");
        // exp of that polynomial, expanded to h^K: the expansion of (1 + a h)^{1/h}
        String expansion = SymbolicEngine.eval(
                "Expand(Normal(Series(Exp(" + logSeries + "),{h,0," + k + "})))");
        String text = SymbolicEngine.eval("Collect(" + expansion + ",h,Factor)");
        // P_k(a) = e^{-a} c_k(a), read back from the returned text: coefficients in powers of a
        String expandedText = SymbolicEngine.eval("Expand(" + text + ")");
        double[][] polynomials = new double[order + 1][];
        for (int i = 0; i <= order; i++) {
            polynomials[i] = SymbolicEngine.evalNumericList(
                    "CoefficientList(Expand(Exp(-a)*Coefficient(" + expandedText + ",h," + i + ")),a)");
        }
        Derivation d = new Derivation(text, polynomials);
        for (double a : CHECK_POINTS) {
            cauchy(a, order).check(d.at(a), "EulerExpansion.expansion(" + order + ") at a = " + a);
        }
        return d;
    }

    /** A derived expansion: its text and, for each k, the coefficients of P_k(a) = e^{-a} c_k(a). */
    private static final class Derivation {
        final String text;
        final double[][] polynomials;

        Derivation(String text, double[][] polynomials) {
            this.text = text;
            this.polynomials = polynomials;
        }

        /** c_k(a) = e^a P_k(a), P_k evaluated by Horner's rule. */
        double[] at(double a) {
            double[] c = new double[polynomials.length];
            for (int k = 0; k < c.length; k++) {
                double p = 0.0;
                for (int j = polynomials[k].length - 1; j >= 0; j--) {
                    p = p * a + polynomials[k][j];
                }
                c[k] = Math.exp(a) * p;
            }
            return c;
        }
    }
}
