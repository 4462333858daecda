package org.resnetode.symbolic;

import java.util.ArrayList;
import java.util.List;
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
 *
 * <pre>
 *   Σ_{n<N} h δ_k(t_n) = ∫_0^1 δ_k + Σ_{m>=1} (B_m h^m / m!) [δ_k^{(m-1)}]_0^1    (B_1 = -1/2),
 * </pre>
 *
 * {@code log x_N - log x(1) = Σ_j ℓ_j h^j} with {@code ℓ_j = Σ_{k + m - 1 = j} (those terms)}, so
 * {@code x_N - x(1) = x(1) ℓ_q h^q + O(h^{q+1})} for the first nonzero ℓ_q. Symja substitutes the derivatives of
 * a(t), integrates and simplifies; the result is checked against Richardson extrapolation of the ResNet's error.
 */
public final class TimeVaryingExpansion {
    /** Highest power q of h searched for the leading term. */
    public static final int MAX_POWER = 5;

    /** Bernoulli numbers B_0..B_8 (B_1 = -1/2: left Riemann sums). */
    private static final BigFraction[] BERNOULLI = {BigFraction.ONE, new BigFraction(-1, 2), new BigFraction(1, 6),
            BigFraction.ZERO, new BigFraction(-1, 30), BigFraction.ZERO, new BigFraction(1, 42), BigFraction.ZERO,
            new BigFraction(-1, 30)};

    /** Terms beyond the leading one derived for the Richardson check's control variate. */
    private static final int CONTROL_TERMS = 2;

    /** Relative agreement required between the derived coefficient and Richardson on the ResNet. */
    public static final double RICHARDSON_AGREEMENT = 1e-6;

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
            String rules = derivativeRules(a);
            for (int q = 1; q <= MAX_POWER; q++) {
                String terms = eulerMaclaurin(d, rules, q);
                if (terms == null) {
                    continue;
                }
                double value = SymbolicEngine.evalNumeric(terms);
                if (Math.abs(value) <= 1e-13) {
                    continue;
                }
                String ell = SymbolicEngine.evalEvaluated("Simplify(" + terms + ")", "Integrate", "D");
                String expression = SymbolicEngine.evalEvaluated("Simplify(Exp(Integrate(" + a.symja() + ",{t,0,1}))*(" + ell + "))", "Integrate");
                double coefficient = SymbolicEngine.evalNumeric(expression);
                double[] ells = new double[CONTROL_TERMS + 1];
                ells[0] = value;
                for (int j = 1; j <= CONTROL_TERMS; j++) {
                    String next = eulerMaclaurin(d, rules, q + j);
                    ells[j] = next == null ? 0 : SymbolicEngine.evalNumeric(next);
                }
                return Derivation.of(name + " (power h^" + q + ")", expression, coefficient, check(tableau, a, reference, q, coefficient, ells));
            }
            throw new IllegalStateException("no error term up to h^" + MAX_POWER + " (the expansion vanishes numerically)");
        });
    }

    /** ℓ_j as a sum of Symja integrals and boundary terms, or null when every term vanishes identically. */
    private static String eulerMaclaurin(ExactSeries d, String rules, int j) {
        List<String> terms = new ArrayList<>();
        for (int k = 1; k <= j + 1; k++) {
            int m = j + 1 - k;
            if (d.vanishes(k) || BERNOULLI[m].getNumerator().signum() == 0) {
                continue;
            }
            String delta = "ReplaceAll(" + d.coefficient(k) + ", " + rules + ")";
            terms.add(m == 0 ? "Integrate(" + delta + ", {t,0,1})"
                    : "(" + ButcherTableau.text(BERNOULLI[m].divide(factorial(m))) + ")*(ReplaceAll(D(" + delta + ",{t," + (m - 1)
                            + "}), t->1) - ReplaceAll(D(" + delta + ",{t," + (m - 1) + "}), t->0))");
        }
        return terms.isEmpty() ? null : String.join("+", terms);
    }

    /**
     * Richardson on the ResNet's relative error {@code N^q x(1) (x_N / x_ref - 1)}, less the control variate
     * {@code x(1)(exp(Σ_{j=q}^{q+2} ℓ_j h^j) - 1 - ℓ_q h^q)} (the next two terms, which Richardson would otherwise
     * have to remove at depths where round-off is already large); x_ref is x(1) or, for the interpolated reference,
     * its depth-dependent value. Throws unless it agrees with the coefficient.
     */
    private static String check(ButcherTableau tableau, WeightExpression a, Reference reference, int q, double coefficient,
                                double[] ells) {
        DoubleUnaryOperator f = a.function();
        double integral = new IterativeLegendreGaussIntegrator(24, 1e-15, 1e-15).integrate(1000, f::applyAsDouble, 0, 1);
        double x1 = Math.exp(integral);
        int[] ladder = ScalarNetworks.ladder(q);
        double[] measured = ScalarNetworks.leadingCoefficient(n -> {
            double h = 1.0 / n;
            double x = ScalarNetworks.forward(tableau, f, n);
            double log = 0;
            for (int j = ells.length - 1; j >= 0; j--) {
                log = (log + ells[j]) * h;
            }
            // x(1) (x_N / x_ref - 1 - (exp(Σ ℓ_j h^j) - 1 - ℓ_q h^q)) = x(1) ℓ_q h^q + O(h^{q+3})
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
            next = next.add(power.multiply(one.variable(k + 1)).scale(BigFraction.ONE.divide(factorial(k))));
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
                logReference = logReference.add(hk.multiply(one.variable(k)).scale(BigFraction.ONE.divide(factorial(k))));
                hk = hk.multiply(h);
            }
        }
        return logStep.subtract(logReference);
    }

    /** The rules {d0 -> a(t), d1 -> D(a(t), t), ...} as one Symja list. */
    private static String derivativeRules(WeightExpression a) {
        StringBuilder rules = new StringBuilder("{");
        for (int k = 0; k <= MAX_POWER + CONTROL_TERMS + 1; k++) {
            String derivative = SymbolicEngine.evalEvaluated("D(" + a.symja() + ",{t," + k + "})", "D");
            rules.append(k == 0 ? "" : ",").append("d").append(k).append("->(").append(derivative).append(")");
        }
        return rules.append("}").toString();
    }

    private static BigFraction factorial(int m) {
        java.math.BigInteger f = java.math.BigInteger.ONE;
        for (int i = 2; i <= m; i++) {
            f = f.multiply(java.math.BigInteger.valueOf(i));
        }
        return new BigFraction(f);
    }
}
