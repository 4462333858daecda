package org.resnetode.symbolic;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.function.DoubleUnaryOperator;
import org.apache.commons.math3.fraction.BigFraction;
import org.resnetode.ode.BigExponential;
import org.resnetode.model.LinearFamily;
import org.resnetode.model.Weights;
import org.resnetode.scheme.ButcherTableau;
import org.resnetode.scheme.DepthGrid;
import org.resnetode.scheme.ResNet;
import org.resnetode.scheme.Scheme;
import org.resnetode.scheme.WeightPath;

/**
 * A scalar linear ResNet {@code x_{n+1} = x_n + h Σ_i b_i κ_i}, {@code κ_i = α_i (x_n + h Σ_j a_ij κ_j)}, stage weight
 * {@code α_i = w_n + c_i (w_{n+1} - w_n)} (as {@code scheme.RungeKuttaStep} reads it), and its Neural ODE
 * {@code x' = θ(t) x}, θ the piecewise-linear interpolation of the knots {@code (k h, w_k)}, constant after the last
 * knot (docs/derivations/bound.md section 1). Both are closed forms (docs/derivations/bound-symbolic.md):
 *
 * <pre>
 *   x_N = x_0 Π_{n<N} R(h, w_n, w_{n+1}),   R(h, u, v) = 1 + h Σ_i b_i κ_i  with x_n = 1,
 *   x(1) = x_0 exp(I),   I = h Σ_{k<K} (w_k + w_{k+1})/2 + (1 - K h) w_K,
 * </pre>
 *
 * K + 1 the weights the scheme reads (K = N, or N - 1 for Euler, whose last knot is t_{N-1}). The weights are the
 * doubles the network reads, exact binary rationals, so both sides are evaluated here to {@link #PRECISION} significant
 * digits (the product by BigDecimal, the exponential by its series): the distance of the very network that
 * {@code bound.CertifiedBound} certifies, free of round-off. x_0 = 1 throughout (the problem is linear).
 */
final class ScalarLinearNetwork {
    /** Significant digits of the evaluation. */
    static final MathContext PRECISION = new MathContext(60);
    /** Guard digits inside {@link #exp}: the squarings multiply the series' relative error by 2^k. */
    private static final MathContext WORK = new MathContext(PRECISION.getPrecision() + 25);
    private static final BigDecimal TWO = BigDecimal.valueOf(2);

    private final ButcherTableau tableau;
    private final DepthGrid grid;
    private final double[] weights;

    /** The network of {@code tableau} at depth N with weights {@code w_k} ({@code weights.length} = the scheme's weight count). */
    ScalarLinearNetwork(ButcherTableau tableau, double[] weights, int depth) {
        this.tableau = tableau;
        this.grid = Scheme.of(tableau).grid(depth);
        if (weights.length != grid.weightCount()) {
            throw new IllegalArgumentException(tableau.name() + " at depth " + depth + " reads " + grid.weightCount()
                    + " weights, got " + weights.length);
        }
        this.weights = weights.clone();
    }

    /** The network with weights {@code w_k = a(k/N)} rounded to doubles. */
    static ScalarLinearNetwork sampled(ButcherTableau tableau, DoubleUnaryOperator a, int depth) {
        double[] w = new double[Scheme.of(tableau).weightCount(depth)];
        for (int k = 0; k < w.length; k++) {
            w[k] = a.applyAsDouble((double) k / depth);
        }
        return new ScalarLinearNetwork(tableau, w, depth);
    }

    double[] weights() {
        return weights.clone();
    }

    int depth() {
        return grid.depth();
    }

    ButcherTableau tableau() {
        return tableau;
    }

    /** The double network ({@code scheme.ResNet}, linear family, d = 1). */
    ResNet resNet() {
        return new ResNet(new LinearFamily(1), Scheme.of(tableau), new Weights(weights.length, 1, weights.clone()), grid.depth());
    }

    /** {@code x_N = Π_n R(h, w_n, w_{n+1})}. */
    BigDecimal output() {
        BigDecimal h = new BigDecimal(grid.exactStepSize().getNumerator()).divide(new BigDecimal(grid.exactStepSize().getDenominator()), WORK);
        BigDecimal x = BigDecimal.ONE;
        for (int n = 0; n < grid.steps(); n++) {
            BigDecimal next = new BigDecimal(weights[Math.min(n + 1, weights.length - 1)]);
            x = x.multiply(stepFactor(h, new BigDecimal(weights[n]), next), WORK);
        }
        return x.round(PRECISION);
    }

    /** {@code R(h, u, v) = 1 + h Σ_i b_i κ_i}, {@code κ_i = (u + c_i (v - u)) (1 + h Σ_{j<i} a_ij κ_j)}. */
    private BigDecimal stepFactor(BigDecimal h, BigDecimal u, BigDecimal v) {
        int s = tableau.stages();
        BigDecimal[] kappa = new BigDecimal[s];
        BigDecimal sum = BigDecimal.ZERO;
        for (int i = 0; i < s; i++) {
            BigDecimal input = BigDecimal.ZERO;
            for (int j = 0; j < i; j++) {
                input = input.add(decimal(tableau.exactA(i, j)).multiply(kappa[j], WORK), WORK);
            }
            BigDecimal c = decimal(WeightPath.exactStagePosition(tableau, i, false));
            BigDecimal alpha = u.add(c.multiply(v.subtract(u), WORK), WORK);
            kappa[i] = alpha.multiply(BigDecimal.ONE.add(h.multiply(input, WORK), WORK), WORK);
            sum = sum.add(decimal(tableau.exactB(i)).multiply(kappa[i], WORK), WORK);
        }
        return BigDecimal.ONE.add(h.multiply(sum, WORK), WORK);
    }

    /** {@code I(t_k) = ∫_0^{t_k} θ}, k = 0..K, and, last, {@code I(1)}: trapezoids between knots, constant after t_K. */
    BigDecimal[] exponents() {
        int lastKnot = grid.lastKnot();
        BigDecimal h = BigDecimal.ONE.divide(BigDecimal.valueOf(grid.depth()), WORK);
        BigDecimal[] integral = new BigDecimal[lastKnot + 2];
        integral[0] = BigDecimal.ZERO;
        for (int k = 0; k < lastKnot; k++) {
            BigDecimal trapezoid = new BigDecimal(weights[k]).add(new BigDecimal(weights[k + 1])).multiply(h, WORK).divide(TWO, WORK);
            integral[k + 1] = integral[k].add(trapezoid, WORK);
        }
        BigDecimal tail = BigDecimal.valueOf(grid.steps() - lastKnot).multiply(h, WORK).multiply(new BigDecimal(weights[lastKnot]), WORK);
        integral[lastKnot + 1] = integral[lastKnot].add(tail, WORK);
        return integral;
    }

    /** {@code x(1) = exp(I(1))}. */
    BigDecimal odeSolution() {
        BigDecimal[] i = exponents();
        return exp(i[i.length - 1]);
    }

    /** {@code x_N - x(1)}, to {@link #PRECISION} digits of each side. */
    BigDecimal error() {
        return output().subtract(odeSolution(), PRECISION);
    }

    /** {@code e^x} to {@link #PRECISION} digits ({@link BigExponential} at {@link #WORK}). */
    static BigDecimal exp(BigDecimal x) {
        return BigExponential.exp(x, WORK).round(PRECISION);
    }

    private static BigDecimal decimal(BigFraction f) {
        return new BigDecimal(f.getNumerator()).divide(new BigDecimal(f.getDenominator()), WORK);
    }
}
