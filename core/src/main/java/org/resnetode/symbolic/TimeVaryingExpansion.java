package org.resnetode.symbolic;

import java.util.Locale;
import java.util.function.DoubleUnaryOperator;
import org.apache.commons.math3.analysis.integration.IterativeLegendreGaussIntegrator;
import org.apache.commons.math3.fraction.BigFraction;
import org.resnetode.scheme.ButcherTableau;
import org.resnetode.scheme.WeightPath;

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
 *
 * <p>The adjoint's recovery error {@code x~_0 - x_0} ({@link #recoveryCoefficient}) is the same computation with the
 * per-step series {@code log F_forward + log F_reverse} (forward step then its reverse, MATH.md section 5) and no
 * reference: {@code x~_0 / x_0 = Π_n F_forward F_reverse = exp(Σ_j ℓ_j h^j)}.
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
            double integral = integral(a);
            String exponent = UnitIntegral.of(a.symja());
            if (!(Math.abs(SymbolicEngine.evalNumeric(exponent) - integral) <= 1e-13 * Math.max(1, Math.abs(integral)))) {
                throw new IllegalStateException("Symja's integral of a(t) over [0, 1], " + exponent + ", disagrees with "
                        + "its quadrature " + integral);
            }
            DoubleUnaryOperator f = a.function();
            double x1 = Math.exp(integral);
            Target target = new Target("Exp(" + exponent + ")", x1, n -> {
                double xRef = reference == Reference.PROFILE ? x1 : Math.exp(trapezoid(f, n));
                return ScalarNetworks.forward(tableau, f, n) / xRef - 1;
            }, "(x_N - x(1) - terms h^%d..h^%d) N^%d", "x(1) = exp of the integral by Gauss-Legendre quadrature"
                    + (reference == Reference.PROFILE ? "" : " of the interpolated weights, the trapezoid rule"));
            return leading(name, logRatioPerStep(tableau, reference), a, target);
        });
    }

    /**
     * The leading coefficient C and power q of the adjoint's recovery error {@code x~_0 - x_0 = C h^q + O(h^{q+1})}
     * (x_0 = 1, reverse steps from the ResNet's x_N), checked against Richardson on {@code gradient.Adjoint}'s
     * recovered input.
     */
    public static Derivation recoveryCoefficient(ButcherTableau tableau, WeightExpression a) {
        String name = "leading coefficient of the adjoint's recovery error x~_0 - x_0 for " + tableau.name() + ", a(t) = "
                + a.text();
        return SymbolicEngine.derive(name, () -> {
            DoubleUnaryOperator f = a.function();
            Target target = new Target("1", 1, n -> ScalarNetworks.recoveryError(tableau, f, n),
                    "(x~_0 - x_0 - terms h^%d..h^%d) N^%d", "x_0 = 1");
            ExactSeries roundTrip = logStepPerStep(tableau, false).add(logStepPerStep(tableau, true));
            return leading(name, roundTrip, a, target);
        });
    }

    /**
     * The measured quantity: {@code scale (exp(Σ ℓ_j h^j) - 1)} with {@code scale} = {@code prefactor} (x(1) or 1), and
     * the ResNet's {@code relative(N)} = (x_N / x_ref - 1) or (x~_0 - 1) at depth N.
     */
    private record Target(String prefactor, double scale, java.util.function.IntToDoubleFunction relative, String measured,
                          String reference) {
    }

    /** The first nonzero ℓ_q of the per-step series {@code perStep}, times the target's prefactor, checked. */
    private static Derivation leading(String name, ExactSeries perStep, WeightExpression a, Target target) {
        for (int q = 1; q <= MAX_POWER; q++) {
            LogErrorTerm term = LogErrorTerm.of(perStep, q);
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
            String expression = SymbolicEngine.evalEvaluated("Simplify(" + target.prefactor() + "*(" + ell + "))", "Integrate");
            double coefficient = SymbolicEngine.evalNumeric(expression);
            double[] ells = new double[CONTROL_TERMS + 1];
            ells[0] = value;
            for (int j = 1; j <= CONTROL_TERMS; j++) {
                LogErrorTerm next = LogErrorTerm.of(perStep, q + j);
                ells[j] = next.vanishes() ? 0 : next.value(a)[0];
            }
            return Derivation.of(name + " (power h^" + q + ")", expression, coefficient,
                    String.format(Locale.ROOT, "l_%d agrees with Gauss-Legendre quadrature to %.1e of its scale; ", q,
                            Math.abs(value - quadrature[0]) / quadrature[1]) + check(target, q, coefficient, ells));
        }
        // every term vanishes: the answer is an exact 0 when the network itself has no error (a(t) identically zero:
        // f = 0, x_N = x(1) = x_0 at every depth), checked on the double forward pass at depths 1 .. 1024
        for (int n = 1; n <= 1024; n *= 2) {
            if (target.relative().applyAsDouble(n) != 0) {
                throw new IllegalStateException("no error term up to h^" + MAX_POWER + " (the expansion vanishes "
                        + "numerically), yet the ResNet's error at N = " + n + " is " + target.relative().applyAsDouble(n));
            }
        }
        return Derivation.of(name + " (no error term)", "0", 0.0, "every term l_1 .. l_" + MAX_POWER + " vanishes and the "
                + "ResNet's error is exactly 0 at N = 1, 2, 4, ..., 1024 (double forward pass): the error is 0 at every depth");
    }

    /** ∫_0^1 a by adaptive Gauss-Legendre quadrature. */
    private static double integral(WeightExpression a) {
        DoubleUnaryOperator f = a.function();
        return new IterativeLegendreGaussIntegrator(24, 1e-15, 1e-15).integrate(1000, f::applyAsDouble, 0, 1);
    }

    /**
     * Richardson on the ResNet's {@code N^q scale relative(N)}, less the control variate
     * {@code scale (exp(Σ_{j=q}^{q+K} ℓ_j h^j) - 1 - ℓ_q h^q)} (the next K = {@link #CONTROL_TERMS} terms, which
     * Richardson would otherwise have to remove at depths where round-off is already large). The ladder
     * n0, 2 n0, ..., 2^L n0 (n0 = 2..128, L = 1..3, N <= 1024) is the one whose own error estimate is smallest, chosen
     * before the comparison: the last Richardson correction plus the round-off of its deepest network,
     * {@link #roundOff}. Throws unless the estimate agrees with the coefficient.
     */
    private static String check(Target target, int q, double coefficient, double[] ells) {
        java.util.Map<Integer, Double> errors = new java.util.HashMap<>();
        java.util.function.IntToDoubleFunction error = n -> errors.computeIfAbsent(n, depth -> {
            double h = 1.0 / depth;
            double log = 0;
            for (int j = ells.length - 1; j >= 0; j--) {
                log = (log + ells[j]) * h;
            }
            // scale (relative - (exp(Σ ℓ_j h^j) - 1 - ℓ_q h^q)) = scale ℓ_q h^q + O(h^{q+K+1})
            double control = Math.expm1(log * Math.pow(h, q - 1)) - ells[0] * Math.pow(h, q);
            return target.scale() * (target.relative().applyAsDouble(depth) - control);
        });
        double[] best = null;
        int[] ladder = null;
        for (int n0 = 2; n0 <= 128; n0 *= 2) {
            for (int levels = 1; levels <= 3 && n0 << levels <= 1024; levels++) {
                double[] estimate = ScalarNetworks.leadingCoefficient(error, q, CONTROL_TERMS + 1, n0, levels);
                double uncertainty = estimate[1] + roundOff(n0 << levels, q, target.scale());
                if (best == null || uncertainty < best[1]) {
                    best = new double[] {estimate[0], uncertainty};
                    ladder = new int[] {n0, levels};
                }
            }
        }
        double gap = Math.abs(best[0] - coefficient) / Math.abs(coefficient);
        if (!(gap <= RICHARDSON_AGREEMENT)) {
            throw new IllegalStateException(String.format(Locale.ROOT, "the derived coefficient %.12g of h^%d disagrees with "
                    + "Richardson on the ResNet's error, %.12g (relative gap %.2e > %.0e)", coefficient, q, best[0], gap,
                    RICHARDSON_AGREEMENT));
        }
        return String.format(Locale.ROOT, "Richardson (N = %d..%d) on the ResNet's " + target.measured() + " gives %.12g "
                + "(%s): relative gap %.2e <= %.0e", ladder[0], ladder[0] << ladder[1], q + 1, q + CONTROL_TERMS, q,
                best[0], target.reference(), gap, RICHARDSON_AGREEMENT);
    }

    /**
     * Round-off of {@code N^q scale relative(N)}: the ResNet's output carries about {@code sqrt(N)} rounding errors of
     * relative size ε (one per layer, random signs), multiplied by N^q.
     */
    static double roundOff(int n, int q, double scale) {
        return Math.ulp(1.0) * Math.sqrt(n) * Math.pow(n, q) * Math.abs(scale);
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
        ExactSeries logStep = logStepPerStep(tableau, false);
        ExactSeries one = logStep.of(BigFraction.ONE);
        ExactSeries h = one.variable(0);
        ExactSeries logReference;
        if (reference == Reference.INTERPOLATED) {
            logReference = h.multiply(one.variable(1).add(nextWeight(one))).scale(new BigFraction(1, 2));
        } else {
            // ∫_t^{t+h} a = Σ_{k>=1} d_{k-1} h^k / k!
            logReference = one.of(BigFraction.ZERO);
            ExactSeries hk = h;
            for (int k = 1; k <= one.order(); k++) {
                logReference = logReference.add(hk.multiply(one.variable(k)).scale(BigFraction.ONE.divide(LogErrorTerm.factorial(k))));
                hk = hk.multiply(h);
            }
        }
        return logStep.subtract(logReference);
    }

    /**
     * The log of one step's factor on x' = a(t) x between t_n = t and t_{n+1} = t + h: forward, {@code 1 + h Σ b_i κ_i}
     * with {@code κ_i = α_i (1 + h Σ_j a_ij κ_j)}, α_i = a_n + c_i (a_{n+1} - a_n); reverse, the same with -h and stage i
     * at position {@link WeightPath#exactStagePosition}. Variables h, d0 = a(t), d1 = a'(t), ...
     */
    static ExactSeries logStepPerStep(ButcherTableau tableau, boolean reverse) {
        int order = MAX_POWER + CONTROL_TERMS + 1;
        String[] names = new String[order + 1];
        for (int k = 0; k <= order; k++) {
            names[k] = "d" + k;
        }
        ExactSeries one = ExactSeries.constant(BigFraction.ONE, order, names);
        ExactSeries step = reverse ? one.variable(0).scale(BigFraction.MINUS_ONE) : one.variable(0);
        ExactSeries an = one.variable(1);
        ExactSeries next = nextWeight(one);
        int s = tableau.stages();
        ExactSeries[] kappa = new ExactSeries[s];
        ExactSeries sum = one.of(BigFraction.ZERO);
        for (int i = 0; i < s; i++) {
            ExactSeries input = one;
            for (int j = 0; j < i; j++) {
                input = input.add(step.multiply(kappa[j]).scale(tableau.exactA(i, j)));
            }
            BigFraction position = WeightPath.exactStagePosition(tableau, i, reverse);
            kappa[i] = an.add(next.subtract(an).scale(position)).multiply(input);
            sum = sum.add(kappa[i].scale(tableau.exactB(i)));
        }
        return step.multiply(sum).log1p();
    }

    /** {@code a(t + h) = Σ_k d_k h^k / k!} in the ring of {@code one}. */
    private static ExactSeries nextWeight(ExactSeries one) {
        ExactSeries h = one.variable(0);
        ExactSeries next = one.of(BigFraction.ZERO);
        ExactSeries power = one;
        for (int k = 0; k <= one.order(); k++) {
            next = next.add(power.multiply(one.variable(k + 1)).scale(BigFraction.ONE.divide(LogErrorTerm.factorial(k))));
            power = power.multiply(h);
        }
        return next;
    }
}
