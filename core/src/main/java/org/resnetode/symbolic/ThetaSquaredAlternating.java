package org.resnetode.symbolic;

import org.resnetode.checks.BadInputException;
import java.util.function.DoubleUnaryOperator;

import org.apache.commons.math3.complex.Complex;

/**
 * The MATH.md section 2 counterexample: scalar f(x, theta) = theta^2 x, weights theta_n = (-1)^n,
 * x_0 = 1, depth N, h = 1/N.
 *
 * <ul>
 *   <li>Euler ResNet: x_{n+1} = x_n (1 + h theta_n^2) = x_n (1 + h), so x_N = (1 + 1/N)^N -> e.
 *   <li>Neural ODE with the piecewise-linear theta(t) through (t_n, theta_n), constant after
 *       t_{N-1}: x(1) = exp(int_0^1 theta(t)^2 dt). On each of the N-1 intervals theta runs
 *       linearly between +1 and -1, contributing h * I with I = int_0^1 (2s - 1)^2 ds = 1/3; the
 *       last interval contributes h. So x(1) = exp((N-1)/N * I + 1/N) = exp((N+2)/(3N)) ->
 *       e^{1/3}.
 * </ul>
 *
 * The distance x_N - x(1) therefore tends to e - e^{1/3} ~ 1.3227, not to 0. Every Symja result is
 * checked against plain Java arithmetic; a disagreement throws {@link IllegalStateException}.
 */
public final class ThetaSquaredAlternating {

    /** Order K in 1/N of {@link #distanceExpansion()}. */
    public static final int DISTANCE_ORDER = 2;

    /** I = int_0^1 (2s - 1)^2 ds, the mean of theta^2 over one interval, in Symja syntax. */
    private static final String INTERVAL_INTEGRAL = "Integrate((2*s-1)^2,{s,0,1})";

    /** Depth at which the ResNet limit is bracketed. */
    private static final int BRACKET_DEPTH = 1_000_000;

    /** Relative tolerance of checks whose Java route is exact up to a few roundings. */
    private static final double ROUNDING_TOLERANCE = 1e-14;

    private ThetaSquaredAlternating() {
    }

    /** lim_{N -> oo} (1 + 1/N)^N, by Symja's {@code Limit} (= e). */
    public static double resnetLimit() {
        double limit = SymbolicEngine.evalNumeric("Limit((1+1/n)^n,n->Infinity)");
        // Classical bracket for n >= 1: e/(2n+2) < e - (1+1/n)^n < e/(2n+1), i.e.
        // x_n < e < x_n (2n+1)/(2n) with x_n = (1+1/n)^n. At n = 1e6 the margins are e/(2n) ~ 1.4e-6
        // below and (5/24) e/n^2 ~ 6e-13 above e, against a round-off of ~1e-15 in x_n.
        double xn = resnetEndpoint(BRACKET_DEPTH);
        double upper = xn * (2.0 * BRACKET_DEPTH + 1) / (2.0 * BRACKET_DEPTH);
        if (!(limit > xn && limit < upper)) {
            throw new IllegalStateException("Symja: Limit((1+1/n)^n) = " + limit
                    + " is outside the bracket (" + xn + ", " + upper + ") given by n = " + BRACKET_DEPTH);
        }
        return limit;
    }

    /**
     * lim_{N -> oo} exp((N-1)/N * I + 1/N) = e^I = e^{1/3}, with I integrated by Symja. (Symja 3.0.0
     * leaves the limit of the exponential unevaluated; exp is continuous, so the limit is taken in
     * the exponent.)
     */
    public static double odeLimit() {
        double limit = SymbolicEngine.evalNumeric(
                "Exp(Limit((n-1)/n*" + INTERVAL_INTEGRAL + "+1/n,n->Infinity))");
        // Java route: Simpson's rule, exact for the quadratic f(s) = (2s-1)^2: I = (f(0) + 4 f(1/2) + f(1))/6
        DoubleUnaryOperator f = s -> (2.0 * s - 1.0) * (2.0 * s - 1.0);
        double integral = (f.applyAsDouble(0.0) + 4.0 * f.applyAsDouble(0.5) + f.applyAsDouble(1.0)) / 6.0;
        double expected = Math.exp(integral);
        if (!(Math.abs(limit - expected) <= ROUNDING_TOLERANCE * expected)) {
            throw new IllegalStateException("Symja: ODE limit exp(" + INTERVAL_INTEGRAL + ") = " + limit
                    + " but exp(Simpson integral) = " + expected);
        }
        return limit;
    }

    /** lim_{N -> oo} (x_N - x(1)) = e - e^{1/3} ~ 1.3227: the distance does not vanish. */
    public static double limitDistance() {
        return resnetLimit() - odeLimit();
    }

    /** x_N - x(1) = (1 + 1/N)^N - exp((N+2)/(3N)) at depth n, in double arithmetic. */
    public static double exactDistance(int n) {
        if (n < 1) {
            throw new BadInputException("depth must be >= 1, got " + n);
        }
        return resnetEndpoint(n) - Math.exp((n + 2.0) / (3.0 * n));
    }

    /**
     * The expansion of x_N - x(1) in 1/N to order {@link #DISTANCE_ORDER}, derived by Symja:
     * {@code (E-E^(1/3)) + (-2/3*E^(1/3)-E/2)/N + (...)/N^2 + O(1/N^3)}.
     */
    public static String distanceExpansion() {
        String k = Integer.toString(DISTANCE_ORDER);
        // (1+h)^{1/h} by the log-then-exp route: series of Log(1+h)/h first, then of its Exp
        String logSeries = SymbolicEngine.eval("Normal(Series(Log(1+h)/h,{h,0," + k + "}))");
        // x(1) = exp((1-h) I + h), with I by Symja
        String ode = "Exp((1-h)*" + INTERVAL_INTEGRAL + "+h)";
        String series = SymbolicEngine.eval(
                "Expand(Normal(Series(Exp(" + logSeries + ")-" + ode + ",{h,0," + k + "})))");
        // D(z) = exp(Log(1+z)/z) - exp((1+2z)/3) is analytic for |z| < 1: Cauchy circle |z| = 1/4
        CauchyCoefficients check = CauchyCoefficients.of(z -> Complex.ONE.add(z).log().divide(z).exp()
                .subtract(z.multiply(2.0).add(1.0).divide(3.0).exp()), 0.25, DISTANCE_ORDER);
        double[] values = new double[DISTANCE_ORDER + 1];
        StringBuilder text = new StringBuilder();
        for (int i = 0; i <= DISTANCE_ORDER; i++) {
            String coefficient = SymbolicEngine.eval("Coefficient(" + series + ",h," + i + ")");
            values[i] = SymbolicEngine.evalNumeric(coefficient);
            text.append(i == 0 ? "(" : " + (").append(coefficient).append(')');
            text.append(i == 0 ? "" : i == 1 ? "/N" : "/N^" + i);
        }
        check.check(values, "ThetaSquaredAlternating.distanceExpansion()");
        return text.append(" + O(1/N^").append(DISTANCE_ORDER + 1).append(')').toString();
    }

    /** x_N = (1 + 1/N)^N computed as exp(N log1p(1/N)), accurate to a few roundings. */
    private static double resnetEndpoint(int n) {
        return Math.exp(n * Math.log1p(1.0 / n));
    }
}
