package org.resnetode.symbolic;

import org.resnetode.checks.BadInputException;
import java.util.Locale;
import org.apache.commons.math3.analysis.solvers.LaguerreSolver;
import org.apache.commons.math3.complex.Complex;
import org.apache.commons.math3.fraction.BigFraction;
import org.resnetode.scheme.ButcherTableau;

/**
 * Any explicit tableau on {@code f = a x} with a constant weight a (MATH.md sections 1 and 6). One step
 * multiplies x by the stability polynomial {@code R(a h)}, so {@code x_N = R(a/N)^N} and
 *
 * <pre>
 *   R(a h)^{1/h} e^{-a} - 1 = exp( Log(R(a h))/h - a ) - 1 = Σ_{k=1}^{K} e_k(a) h^k + O(h^{K+1}),
 * </pre>
 *
 * e.g. Euler {@code -a²h/2 + (a⁴/8 + a³/3) h²}. The adjoint's reverse step multiplies by {@code R(-a h)}, so
 * the recovered input is {@code (R(a h) R(-a h))^{1/h} x_0}. Both expansions are computed exactly
 * ({@link ExactSeries}: Log then Exp of polynomials in h, the route Symja needs but too slow in Symja itself)
 * and cross-checked twice: against the Cauchy-integral Taylor coefficients of the same function at several
 * a, and, for the leading coefficient, against Richardson extrapolation of the numeric ResNet (forward error
 * {@code x_N - e^a = e^a E(a, 1/N)}, recovery error {@code x~_0 - x_0}) at {@link #CHECK_A}.
 */
public final class StabilityExpansion {
    /** Highest order K of an expansion. */
    public static final int MAX_ORDER = 10;

    /** Order to which the series is derived for the Richardson check's control variate, whatever the order shown. */
    private static final int CONTROL_ORDER = 10;

    /** The weight at which the numeric ResNet is run for the Richardson check. */
    static final double CHECK_A = 1.5;

    /** Weights at which the symbolic coefficients are compared with the Cauchy integral. */
    private static final double[] CAUCHY_A = {-1.3, 0.6, 2.0};

    /** Relative agreement required between the derived leading coefficient and Richardson on the ResNet. */
    public static final double RICHARDSON_AGREEMENT = 1e-6;

    private StabilityExpansion() {
    }

    /** What is being expanded: the forward error or the adjoint's recovery error. */
    public enum Kind {
        FORWARD("R(a h)^(1/h) e^(-a) - 1"),
        RECOVERY("(R(a h) R(-a h))^(1/h) - 1");

        final String formula;

        Kind(String formula) {
            this.formula = formula;
        }
    }

    /**
     * An expansion {@code Σ_k e_k(a) h^k} to the order asked for, the power q of its first nonzero coefficient (found
     * up to h^10 even when the order asked for is lower) and that leading term.
     */
    public record Expansion(ButcherTableau tableau, Kind kind, int order, int leadingPower, Derivation series,
                            Derivation leading) {
    }

    /** {@code R(z)} as a derivation (no value: z is free); checked against one numeric step at two z. */
    public static Derivation stabilityPolynomial(ButcherTableau tableau) {
        String name = "stability polynomial of " + tableau.name();
        return SymbolicEngine.derive(name, () -> {
            BigFraction[] r = tableau.stabilityPolynomial();
            StringBuilder text = new StringBuilder();
            for (int k = 0; k < r.length; k++) {
                text.append(k == 0 ? "" : "+").append("(").append(ButcherTableau.text(r[k])).append(")*z^").append(k);
            }
            String expression = SymbolicEngine.eval("Expand(" + text + ")");
            StringBuilder check = new StringBuilder("R(z) against one numeric step of f = a x (h = 1, x = 1):");
            for (double z : new double[] {0.37, -1.3}) {
                double symbolic = SymbolicEngine.evalNumeric("ReplaceAll(" + expression + ", z->" + z + ")");
                double numeric = ScalarNetworks.forward(tableau, t -> z, 1);
                if (!(Math.abs(symbolic - numeric) <= 1e-14 * Math.max(1, Math.abs(numeric)))) {
                    throw new IllegalStateException("R(" + z + ") = " + symbolic + " but one numeric step gives " + numeric);
                }
                check.append(String.format(Locale.ROOT, " R(%s) = %.17g matches;", z, numeric));
            }
            return Derivation.of(name, expression, Double.NaN, check.toString());
        });
    }

    /** @throws BadInputException unless 1 <= order <= {@link #MAX_ORDER} */
    public static void requireOrder(int order) {
        if (order < 1 || order > MAX_ORDER) {
            throw new BadInputException("order must be in 1.." + MAX_ORDER + ", got " + order);
        }
    }

    /**
     * The order p read off R(z) ({@code r_k = 1/k!} for k <= p), next to the classical order from the rooted-tree
     * conditions; checked by the rate of the ResNet's error on x' = a x between N = 16 and 32.
     */
    public static Derivation order(ButcherTableau tableau) {
        String name = "order of " + tableau.name() + " read off R(z)";
        return SymbolicEngine.derive(name, () -> {
            int p = tableau.linearOrder();
            double a = CHECK_A;
            double e16 = Math.abs(ScalarNetworks.forward(tableau, t -> a, 16) - Math.exp(a));
            double e32 = Math.abs(ScalarNetworks.forward(tableau, t -> a, 32) - Math.exp(a));
            double rate = Math.log(e16 / e32) / Math.log(2);
            if (!(Math.abs(rate - p) <= 0.2)) {
                throw new IllegalStateException("R(z) gives order " + p + " but the ResNet's error on x' = " + a
                        + " x falls at rate " + rate + " between N = 16 and 32");
            }
            String check = String.format(Locale.ROOT, "r_k = 1/k! up to k = %d; classical order (Butcher's rooted-tree conditions "
                    + "up to order 6) %d; the ResNet's error on x' = %s x falls at rate %.3f between N = 16 and 32", p,
                    tableau.order(), a, rate);
            return Derivation.of(name, Integer.toString(p), p, check);
        });
    }

    /** The expansion of {@code kind} to order K in h, its leading term, both cross-checked. */
    public static Expansion expansion(ButcherTableau tableau, Kind kind, int order) {
        requireOrder(order);
        String name = (kind == Kind.FORWARD ? "expansion" : "recovery expansion") + " of " + tableau.name() + " to h^" + order;
        return SymbolicEngine.derive(name, () -> {
            ExactSeries full = series(tableau, kind, Math.max(order, CONTROL_ORDER));
            for (double a : CAUCHY_A) {
                cauchy(tableau, kind, a, full.order()).check(full.at(a), name + " at a = " + a);
            }
            ExactSeries e = full.truncate(order);
            int leading = 1;
            while (leading <= full.order() && full.vanishes(leading)) {
                leading++;
            }
            String expression = SymbolicEngine.eval("Collect(" + e.toSymja() + ",h,Factor)");
            String check = String.format(Locale.ROOT, "coefficients of h^0..h^%d equal the Cauchy-integral Taylor coefficients "
                    + "of %s at a = -1.3, 0.6, 2 (relative 1e-12 of max|g| rho^-k)", full.order(), kind.formula);
            Derivation series = Derivation.of(name, expression, Double.NaN, check);
            if (leading > full.order()) {
                throw new IllegalStateException("no nonzero term up to h^" + full.order());
            }
            return new Expansion(tableau, kind, order, leading, series, leadingTerm(tableau, kind, full, leading));
        });
    }

    /** The exact series of {@code kind}, truncated after h^order. */
    static ExactSeries series(ButcherTableau tableau, Kind kind, int order) {
        ExactSeries one = ExactSeries.constant(BigFraction.ONE, order + 1, "a");
        ExactSeries z = one.variable(0).multiply(one.variable(1));
        ExactSeries factor = polynomial(tableau.stabilityPolynomial(), z);
        if (kind == Kind.RECOVERY) {
            factor = factor.multiply(polynomial(tableau.stabilityPolynomial(), z.scale(BigFraction.MINUS_ONE)));
        }
        // Log(R)/h (minus a for the forward error, whose limit is e^a), then Exp, minus 1
        ExactSeries exponent = factor.subtract(one).log1p().divideByH();
        if (kind == Kind.FORWARD) {
            exponent = exponent.subtract(exponent.variable(1));
        }
        return exponent.exp().subtract(exponent.of(BigFraction.ONE));
    }

    /** {@code Σ_k r_k z^k} for a series z. */
    private static ExactSeries polynomial(BigFraction[] r, ExactSeries z) {
        ExactSeries sum = z.of(BigFraction.ZERO);
        ExactSeries power = z.of(BigFraction.ONE);
        for (BigFraction rk : r) {
            sum = sum.add(power.scale(rk));
            power = power.multiply(z);
        }
        return sum;
    }

    /**
     * The leading term {@code e_q(a) h^q} and its Richardson check: the ResNet's error at {@link #CHECK_A}, less
     * the derived terms of h^{q+1}..h^K (a control variate: Richardson removes any error in them, since they
     * only change g(N) = N^q e(N) by O(1/N)), scaled by N^q and extrapolated over a short ladder of depths, must
     * agree with {@code e_q} (times e^a for the forward error) to {@link #RICHARDSON_AGREEMENT}. The ladder is
     * short and low because x_N - e^a is a difference of O(1) numbers: its round-off, N ulps, is multiplied by N^q.
     */
    private static Derivation leadingTerm(ButcherTableau tableau, Kind kind, ExactSeries e, int q) {
        String coefficient = SymbolicEngine.eval("Factor(" + e.coefficient(q) + ")");
        double a = CHECK_A;
        double scale = kind == Kind.FORWARD ? Math.exp(a) : 1;
        double[] predicted = e.at(a);
        int[] ladder = ScalarNetworks.ladder(q);
        double[] measured = ScalarNetworks.leadingCoefficient(n -> {
            double error = kind == Kind.FORWARD ? ScalarNetworks.forward(tableau, t -> a, n) - Math.exp(a)
                    : ScalarNetworks.recoveryError(tableau, t -> a, n);
            double higher = 0;
            for (int k = predicted.length - 1; k > q; k--) {
                higher = (higher + predicted[k]) / n;
            }
            return error - scale * higher / Math.pow(n, q);
        }, q, e.order() - q + 1, ladder[0], ladder[1]);
        double expected = scale * predicted[q];
        double gap = Math.abs(measured[0] - expected) / Math.abs(expected);
        String quantity = (kind == Kind.FORWARD ? "(x_N - e^a" : "(x~_0 - x_0") + " - terms h^" + (q + 1) + "..h^" + e.order() + ") N^" + q;
        if (!(gap <= RICHARDSON_AGREEMENT)) {
            throw new IllegalStateException(String.format(Locale.ROOT, "the leading coefficient %s gives %.12g at a = %s but "
                    + "Richardson on the ResNet's %s gives %.12g (relative gap %.2e > %.0e)", coefficient, expected, a,
                    quantity, measured[0], gap, RICHARDSON_AGREEMENT));
        }
        String check = String.format(Locale.ROOT, "at a = %s: %s = %.12g; Richardson (N = %d..%d) on the ResNet's %s gives "
                        + "%.12g: relative gap %.2e <= %.0e", a, kind == Kind.FORWARD ? "e^a e_" + q + "(a)" : "e_" + q + "(a)",
                expected, ladder[0], ladder[0] << ladder[1], quantity, measured[0], gap, RICHARDSON_AGREEMENT);
        return Derivation.of("leading coefficient e_" + q + "(a) of h^" + q + " in the " + (kind == Kind.FORWARD ? "expansion" : "recovery expansion")
                + " of " + tableau.name(), coefficient, Double.NaN, check);
    }

    /**
     * Cauchy-integral Taylor coefficients of {@code g(z) = exp(Log(R(a z))/z - a) - 1} (forward) or
     * {@code exp(Log(R(a z) R(-a z))/z) - 1} (recovery), analytic for |z| below the smallest |root| of the
     * factor divided by |a|: the circle is a quarter of that.
     */
    private static CauchyCoefficients cauchy(ButcherTableau tableau, Kind kind, double a, int order) {
        BigFraction[] r = tableau.stabilityPolynomial();
        double[] coefficients = new double[r.length];
        for (int k = 0; k < r.length; k++) {
            coefficients[k] = r[k].doubleValue();
        }
        double smallestRoot = Double.POSITIVE_INFINITY;
        if (r.length > 1) {
            for (Complex root : new LaguerreSolver(1e-14).solveAllComplex(coefficients, 0)) {
                smallestRoot = Math.min(smallestRoot, root.abs());
            }
            // Fujiwara's bound on the reversed polynomial: every root has |z| >= 1 / (2 max_k |r_k / r_0|^(1/k)).
            // A root reported inside it is the solver failing (a root of high multiplicity, as (1 + z/16)^16 of a
            // 16-stage tableau); the bound is then the safe radius.
            double growth = 0;
            for (int k = 1; k < coefficients.length; k++) {
                growth = Math.max(growth, Math.pow(Math.abs(coefficients[k] / coefficients[0]), 1.0 / k));
            }
            double lowerBound = 1 / (2 * growth);
            if (!(smallestRoot >= lowerBound)) {
                smallestRoot = lowerBound;
            }
        }
        double rho = Math.min(1.0, smallestRoot / (4 * Math.abs(a)));
        return CauchyCoefficients.of(z -> {
            Complex az = z.multiply(a);
            Complex factor = horner(coefficients, az);
            if (kind == Kind.RECOVERY) {
                factor = factor.multiply(horner(coefficients, az.negate()));
            }
            Complex exponent = factor.log().divide(z);
            return (kind == Kind.FORWARD ? exponent.subtract(a) : exponent).exp().subtract(1);
        }, rho, order);
    }

    private static Complex horner(double[] p, Complex z) {
        Complex v = Complex.ZERO;
        for (int k = p.length - 1; k >= 0; k--) {
            v = v.multiply(z).add(p[k]);
        }
        return v;
    }
}
