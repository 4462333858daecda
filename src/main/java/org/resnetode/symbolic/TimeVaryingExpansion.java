package org.resnetode.symbolic;

import java.util.Locale;
import java.util.function.DoubleUnaryOperator;
import org.apache.commons.math3.analysis.integration.IterativeLegendreGaussIntegrator;
import org.apache.commons.math3.fraction.BigFraction;
import org.resnetode.scheme.ButcherTableau;

/**
 * The leading error coefficient of {@code x_N - x(1)} on {@code x' = a(t) x}, x(0) = 1, for any explicit tableau and a
 * weight a(t) sampled as the scheme samples it: {@code a_n = a(t_n)}, stage i of step n reading
 * {@code a_n + c_i (a_{n+1} - a_n)}. The reference x(1) is the ODE with a(t) itself ({@link Reference#PROFILE}), or
 * with the piecewise-linear interpolation of the samples ({@link Reference#INTERPOLATED}, MATH.md section 1).
 *
 * <p>Derivation. With {@code d_k = a^{(k)}(t)} and {@code a(t + h) = Σ_k d_k h^k / k!}, the log of one step factor
 * minus the log of the reference's factor over [t, t + h] is an exact series {@code D(t, h) = Σ_k δ_k(t) h^k}
 * ({@link ExactSeries}). Summed over the steps with the Euler-Maclaurin formula for left sums,
 * {@code log x_N - log x(1) = Σ_j ℓ_j h^j} ({@link LogErrorTerm}), so {@code x_N - x(1) = x(1) ℓ_q h^q + O(h^{q+1})}
 * for the first nonzero ℓ_q. Symja substitutes the derivatives of a(t), integrates ({@link UnitIntegral}: term by
 * term after {@code TrigReduce}, which is what makes trigonometric weights finish) and simplifies; ℓ_q is checked
 * against quadrature and the coefficient against Richardson extrapolation of the ResNet's error.
 */
public final class TimeVaryingExpansion {
    /** Highest power q of h searched for the leading term. */
    public static final int MAX_POWER = 5;

    /**
     * Terms ℓ_{q+1}..ℓ_{q+CONTROL_TERMS} after the leading one, evaluated by quadrature for the Richardson check's
     * control variate: with a(t) = 1 + sin(2 pi t)/2 they grow like (2 pi)^j, and with two of them (as before) RK4's
     * Richardson estimate at the depths where round-off still allows it (N <= 32) stayed 4.1e-6 away.
     */
    static final int CONTROL_TERMS = 6;

    /** Relative agreement required between the derived coefficient and Richardson on the ResNet. */
    public static final double RICHARDSON_AGREEMENT = 1e-6;

    /** Agreement required between Symja's ℓ_q and its quadrature, relative to the integral of the terms' absolute values. */
    static final double QUADRATURE_AGREEMENT = 1e-10;

    private TimeVaryingExpansion() {
    }

    /** The Neural ODE the ResNet is compared with. */
    public enum Reference {
        /** x' = a(t) x with the profile itself: x(1) = exp(∫_0^1 a). */
        PROFILE,
        /** x' = â(t) x with â the piecewise-linear interpolation of a(t_n): x(1) = exp(h Σ (a_n + a_{n+1})/2). */
        INTERPOLATED
    }

    /** The leading coefficient C and power q: {@code x_N - x(1) = C h^q + O(h^{q+1})}. */
    public static Derivation leadingCoefficient(ButcherTableau tableau, WeightExpression a, Reference reference) {
        String name = "leading coefficient of x_N - x(1) for " + tableau.name() + ", a(t) = " + a.text() + ", "
                + reference.name().toLowerCase(Locale.ROOT) + " reference";
        return SymbolicEngine.derive(name, () -> {
            ExactSeries d = logRatioPerStep(tableau, reference);
            for (int q = 1; q <= MAX_POWER; q++) {
                LogErrorTerm term = LogErrorTerm.of(d, q);
                if (term.vanishes()) {
                    continue;
                }
                String ell = term.closedForm(a);
                double value = SymbolicEngine.evalNumeric(ell);
                if (Math.abs(value) <= 1e-13) {
                    continue;
                }
                double[] quadrature = term.value(a);
                if (!(Math.abs(value - quadrature[0]) <= QUADRATURE_AGREEMENT * quadrature[1])) {
                    throw new IllegalStateException(String.format(Locale.ROOT, "Symja's l_%d = %s = %.17g disagrees with "
                            + "its quadrature %.17g (scale %.3g)", q, ell, value, quadrature[0], quadrature[1]));
                }
                double integral = integral(a);
                String exponent = UnitIntegral.of(a.symja());
                if (!(Math.abs(SymbolicEngine.evalNumeric(exponent) - integral) <= 1e-13 * Math.max(1, Math.abs(integral)))) {
                    throw new IllegalStateException("Symja's integral of a(t) over [0, 1], " + exponent + ", disagrees with "
                            + "its quadrature " + integral);
                }
                String expression = SymbolicEngine.evalEvaluated("Simplify(Exp(" + exponent + ")*(" + ell + "))", "Integrate");
                double coefficient = SymbolicEngine.evalNumeric(expression);
                double[] ells = new double[CONTROL_TERMS + 1];
                ells[0] = value;
                for (int j = 1; j <= CONTROL_TERMS; j++) {
                    LogErrorTerm next = LogErrorTerm.of(d, q + j);
                    ells[j] = next.vanishes() ? 0 : next.value(a)[0];
                }
                return Derivation.of(name + " (power h^" + q + ")", expression, coefficient,
                        String.format(Locale.ROOT, "l_%d agrees with Gauss-Legendre quadrature to %.1e of its scale; ", q,
                                Math.abs(value - quadrature[0]) / quadrature[1])
                                + check(tableau, a, reference, q, coefficient, ells, integral));
            }
            throw new IllegalStateException("no error term up to h^" + MAX_POWER + " (the expansion vanishes numerically)");
        });
    }

    /** ∫_0^1 a by adaptive Gauss-Legendre quadrature. */
    private static double integral(WeightExpression a) {
        DoubleUnaryOperator f = a.function();
        return new IterativeLegendreGaussIntegrator(24, 1e-15, 1e-15).integrate(1000, f::applyAsDouble, 0, 1);
    }

    /**
     * Richardson on the ResNet's relative error {@code N^q x(1) (x_N / x_ref - 1)}, less the control variate
     * {@code x(1)(exp(Σ_{j=q}^{q+K} ℓ_j h^j) - 1 - ℓ_q h^q)} (the next K = {@link #CONTROL_TERMS} terms, which
     * Richardson would otherwise have to remove at depths where round-off is already large); x_ref is x(1) or, for the
     * interpolated reference, its depth-dependent value. Throws unless it agrees with the coefficient.
     */
    private static String check(ButcherTableau tableau, WeightExpression a, Reference reference, int q, double coefficient,
                                double[] ells, double integral) {
        DoubleUnaryOperator f = a.function();
        double x1 = Math.exp(integral);
        int[] ladder = ladder(q);
        double[] measured = ScalarNetworks.leadingCoefficient(n -> {
            double h = 1.0 / n;
            double x = ScalarNetworks.forward(tableau, f, n);
            double log = 0;
            for (int j = ells.length - 1; j >= 0; j--) {
                log = (log + ells[j]) * h;
            }
            // x(1) (x_N / x_ref - 1 - (exp(Σ ℓ_j h^j) - 1 - ℓ_q h^q)) = x(1) ℓ_q h^q + O(h^{q+K+1})
            double control = Math.expm1(log * Math.pow(h, q - 1)) - ells[0] * Math.pow(h, q);
            double xRef = reference == Reference.PROFILE ? x1 : Math.exp(trapezoid(f, n));
            return x1 * (x / xRef - 1 - control);
        }, q, CONTROL_TERMS + 1, ladder[0], ladder[1]);
        double gap = Math.abs(measured[0] - coefficient) / Math.abs(coefficient);
        if (!(gap <= RICHARDSON_AGREEMENT)) {
            throw new IllegalStateException(String.format(Locale.ROOT, "the derived coefficient %.12g of h^%d disagrees with "
                    + "Richardson on the ResNet's error, %.12g (relative gap %.2e > %.0e)", coefficient, q, measured[0], gap,
                    RICHARDSON_AGREEMENT));
        }
        return String.format(Locale.ROOT, "Richardson (N = %d..%d) on the ResNet's (x_N - x(1) - terms h^%d..h^%d) N^%d gives %.12g "
                + "(x(1) = exp of the integral by Gauss-Legendre quadrature%s): relative gap %.2e <= %.0e", ladder[0],
                ladder[0] << ladder[1], q + 1, q + CONTROL_TERMS, q, measured[0], reference == Reference.PROFILE ? ""
                        : " of the interpolated weights, the trapezoid rule", gap, RICHARDSON_AGREEMENT);
    }

    /** {@code {n0, levels}}: the Richardson ladder n0, 2 n0, ..., 2^levels n0 for the coefficient of h^q. */
    static int[] ladder(int q) {
        return ScalarNetworks.ladder(q);
    }

    /** {@code h Σ_{n<N} (a(t_n) + a(t_{n+1}))/2}: ∫ of the piecewise-linear interpolation. */
    private static double trapezoid(DoubleUnaryOperator a, int n) {
        double s = 0;
        for (int k = 0; k < n; k++) {
            s += (a.applyAsDouble((double) k / n) + a.applyAsDouble((double) (k + 1) / n)) / 2;
        }
        return s / n;
    }

    /**
     * {@code D(t, h) = log F(h) - log F_ref(h)} per step, in the variables h, d0 = a(t), d1 = a'(t), ...,
     * truncated after h^{MAX_POWER + CONTROL_TERMS + 1}.
     */
    static ExactSeries logRatioPerStep(ButcherTableau tableau, Reference reference) {
        int order = MAX_POWER + CONTROL_TERMS + 1;
        String[] names = new String[order + 1];
        for (int k = 0; k <= order; k++) {
            names[k] = "d" + k;
        }
        ExactSeries one = ExactSeries.constant(BigFraction.ONE, order, names);
        ExactSeries h = one.variable(0);
        // a(t + h) = Σ_k d_k h^k / k!
        ExactSeries next = one.of(BigFraction.ZERO);
        ExactSeries power = one;
        for (int k = 0; k <= order; k++) {
            next = next.add(power.multiply(one.variable(k + 1)).scale(BigFraction.ONE.divide(LogErrorTerm.factorial(k))));
            power = power.multiply(h);
        }
        ExactSeries an = one.variable(1);
        int s = tableau.stages();
        ExactSeries[] kappa = new ExactSeries[s];
        ExactSeries sum = one.of(BigFraction.ZERO);
        for (int i = 0; i < s; i++) {
            // κ_i = (a_n + c_i (a_{n+1} - a_n)) (1 + h Σ_j a_ij κ_j)
            ExactSeries input = one;
            for (int j = 0; j < i; j++) {
                input = input.add(h.multiply(kappa[j]).scale(tableau.exactA(i, j)));
            }
            kappa[i] = an.add(next.subtract(an).scale(tableau.exactC(i))).multiply(input);
            sum = sum.add(kappa[i].scale(tableau.exactB(i)));
        }
        ExactSeries logStep = h.multiply(sum).log1p();
        ExactSeries logReference;
        if (reference == Reference.INTERPOLATED) {
            logReference = h.multiply(an.add(next)).scale(new BigFraction(1, 2));
        } else {
            // ∫_t^{t+h} a = Σ_{k>=1} d_{k-1} h^k / k!
            logReference = one.of(BigFraction.ZERO);
            ExactSeries hk = h;
            for (int k = 1; k <= order; k++) {
                logReference = logReference.add(hk.multiply(one.variable(k)).scale(BigFraction.ONE.divide(LogErrorTerm.factorial(k))));
                hk = hk.multiply(h);
            }
        }
        return logStep.subtract(logReference);
    }
}
