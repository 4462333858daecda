package org.resnetode.ode;

import java.math.BigDecimal;
import java.math.MathContext;
import org.resnetode.model.ResidualFunction;
import org.resnetode.model.ScalarGrowthRate;
import org.resnetode.model.Weights;
import org.resnetode.scheme.WeightPath;

/**
 * The Neural ODE of a scalar field linear in x, {@code x' = g(t) x} with {@code g = θ(t)²} (theta2) or {@code g = a(t)}
 * (linear at d = 1), in closed form: {@code x(T) = x_0 e^I}, {@code I = ∫_0^T g}. θ is the piecewise-linear path of
 * {@link WeightPath} (knots {@code t_k = k h}, constant after the last), so on a knot interval, from its start over a
 * length {@code L = σ h} ({@code σ = 1} but where T ends it), with {@code θ = a + s Δ}, {@code s ∈ [0, σ]}:
 * <pre>
 *   theta2: ∫ θ² = h (a² σ + a Δ σ² + Δ² σ³/3),      linear: ∫ a = h (a σ + Δ σ²/2),
 * </pre>
 * and {@code L g(θ_K)} on the tail. The knots, h and T are doubles, exact binary rationals: I is evaluated in
 * {@link #PRECISION}-digit BigDecimal and {@code e^I} by its series, so the one error left is the rounding of x(T) to a
 * double. The reference for these fields instead of a Dormand-Prince solve, whose own error was measured up to 31 times
 * its self-check difference (docs/derivations/bound.md section 8).
 */
final class ScalarLinearSolution {
    private static final MathContext PRECISION = new MathContext(50);
    /** The working precision of {@link #exp}: 30 guard digits for its squarings. */
    private static final MathContext WORK = new MathContext(80);
    private static final BigDecimal THREE = BigDecimal.valueOf(3);
    private static final BigDecimal TWO = BigDecimal.valueOf(2);
    /**
     * Beyond ±1500, {@code x_0 e^I} is beyond the doubles for every nonzero double x_0 (ln Double.MAX_VALUE ≈ 709.8,
     * ln Double.MIN_VALUE ≈ -744.4): ±∞ or ±0 without evaluating e^I.
     */
    private static final BigDecimal EXPONENT_LIMIT = BigDecimal.valueOf(1500);

    private final boolean squared;
    private final WeightPath path;
    private final Weights weights;
    private final BigDecimal spacing;

    private ScalarLinearSolution(boolean squared, Weights weights, double h) {
        this.squared = squared;
        this.weights = weights;
        this.path = new WeightPath(weights, h);
        this.spacing = new BigDecimal(h);
    }

    /** The closed form for {@code f}, or null where f is not a scalar field linear in x (weights are finite: {@link Weights}). */
    static ScalarLinearSolution of(ResidualFunction f, Weights weights, double h) {
        ScalarGrowthRate rate = f.scalarGrowthRate();
        return rate == ScalarGrowthRate.NONE ? null
                : new ScalarLinearSolution(rate == ScalarGrowthRate.THETA_SQUARED, weights, h);
    }

    /**
     * {@code x(T)} rounded once to a double, with tolerance 0 (no integrator), as self-check difference the distance
     * between that double and the 50-digit value (at most half an ulp; 0 where x(T) is a double, e.g. a zero field: the
     * 50 digits' own error is far below any double's) and the largest |x| at the knots and at T.
     */
    OdeSolution solve(double x0, double endTime) {
        BigDecimal end = new BigDecimal(endTime);
        BigDecimal integral = BigDecimal.ZERO;
        BigDecimal largest = BigDecimal.ZERO;
        int last = path.lastKnot();
        BigDecimal t = BigDecimal.ZERO;
        for (int k = 0; t.compareTo(end) < 0; k++) {
            BigDecimal next = k >= last ? end : new BigDecimal(path.knotTime(k + 1)).min(end);
            BigDecimal length = next.subtract(t);
            double a = knot(Math.min(k, last));
            double b = knot(Math.min(k + 1, last));
            integral = integral.add(k >= last ? length.multiply(g(new BigDecimal(a))) : piece(a, b, length), PRECISION);
            largest = largest.max(integral);
            t = next;
        }
        BigDecimal exact = scaled(x0, integral);
        double x = exact == null ? beyond(x0, integral) : exact.doubleValue();
        // the rounding of the 50-digit value; beyond the doubles: below the smallest subnormal, or infinitely far
        double rounding = !Double.isFinite(x) ? Double.POSITIVE_INFINITY
                : exact != null ? new BigDecimal(x).subtract(exact).abs().doubleValue()
                : x == 0 ? Double.MIN_VALUE : Double.POSITIVE_INFINITY;
        // the largest prefix integral is often I itself (theta2's θ² >= 0 always): its x is x(T), no second e^y
        BigDecimal top = largest.compareTo(integral) == 0 ? exact : scaled(x0, largest);
        double maxNorm = Math.max(Math.abs(x0), Math.abs(top == null ? beyond(x0, largest) : top.doubleValue()));
        return new OdeSolution(new double[] {x}, 0, rounding, maxNorm);
    }

    private double knot(int k) {
        return weights.data()[weights.offset(k)];
    }

    /** g(θ) on the tail: θ² or θ. */
    private BigDecimal g(BigDecimal theta) {
        return squared ? theta.multiply(theta) : theta;
    }

    /** The integral of g over {@code [t_k, t_k + L]}, θ from a to b over the knot interval h, {@code σ = L/h}. */
    private BigDecimal piece(double a, double b, BigDecimal length) {
        BigDecimal ba = new BigDecimal(a);
        BigDecimal delta = new BigDecimal(b).subtract(ba);
        BigDecimal sigma = length.divide(spacing, PRECISION);
        BigDecimal sigma2 = sigma.multiply(sigma);
        BigDecimal inner = squared
                // a² σ + a Δ σ² + Δ² σ³/3
                ? ba.multiply(ba).multiply(sigma).add(ba.multiply(delta).multiply(sigma2))
                        .add(delta.multiply(delta).multiply(sigma2).multiply(sigma).divide(THREE, PRECISION))
                // a σ + Δ σ²/2
                : ba.multiply(sigma).add(delta.multiply(sigma2).divide(TWO, PRECISION));
        return spacing.multiply(inner, PRECISION);
    }

    /** {@code x_0 e^I} to 50 digits, or null where it is beyond the doubles ({@link #beyond}). */
    private static BigDecimal scaled(double x0, BigDecimal exponent) {
        if (x0 == 0) {
            return BigDecimal.ZERO;
        }
        if (!Double.isFinite(x0) || exponent.abs().compareTo(EXPONENT_LIMIT) > 0) {
            return null;
        }
        return new BigDecimal(x0).multiply(exp(exponent));
    }

    /** {@code x_0 e^I} where {@link #scaled} is null: x_0 · 0 or x_0 · ∞ (a signed zero, ±∞, or NaN for x_0 = ±∞, NaN). */
    private static double beyond(double x0, BigDecimal exponent) {
        return x0 * (exponent.signum() > 0 ? Double.POSITIVE_INFINITY : 0);
    }

    /** {@code e^y} to {@link #PRECISION} digits (|y| <= 1500). */
    static BigDecimal exp(BigDecimal y) {
        return BigExponential.exp(y, WORK).round(PRECISION);
    }
}
