package org.resnetode.symbolic;

import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;
import org.resnetode.bound.CertifiedBound;
import org.resnetode.bound.ExpandingWeights;
import org.resnetode.checks.BadInputException;
import org.resnetode.model.Constants;
import org.resnetode.model.LinearFamily;
import org.resnetode.model.Weights;
import org.resnetode.scheme.ButcherTableau;
import org.resnetode.scheme.ResNet;
import org.resnetode.scheme.Scheme;

/**
 * Issue 19's certified bound on a scalar linear ResNet with weights a(k/N), against the exact distance in closed form
 * (docs/derivations/bound-symbolic.md): four derivations,
 * <ol>
 *   <li>the exact distance {@code x_N - x(1)} ({@link DistanceClosedForm}, evaluated to 60 digits by
 *       {@link ScalarLinearNetwork}), checked against the double forward pass and Symja's own evaluation;</li>
 *   <li>its expansion {@code C_q h^q + C_{q+1} h^{q+1}} ({@link DistanceExpansion}), what a tight bound tends to;</li>
 *   <li>the certified bound ({@code bound.CertifiedBound}) and the check line: {@code holds} only when the distance of
 *       the network's computed output is at most the bound and the tightness distance/bound is at least
 *       {@link #TIGHTNESS_TARGET}; else {@code fails};</li>
 *   <li>the paper's a-priori bound {@code e^{L_x} (1/(2N)) (L_x M + L_θ TV)} (Euler only), the constants as
 *       {@code distance} takes them, and its tightness.</li>
 * </ol>
 * The negative control {@link Control#NO_PROPAGATION} replaces the certified bound by the local errors summed without
 * growth factors ({@link CertifiedBound#localErrorSum}) on weights shifted so that the flow expands: its check must fail.
 */
public final class CertifiedDistance {
    /** The tightness target for linear networks. */
    public static final double TIGHTNESS_TARGET = 0.3;
    /** Largest depth accepted (the certified bound's and the 60-digit product's cost grow with N). */
    public static final int MAX_DEPTH = 1 << 16;
    /** Depth of Symja's own evaluation of the closed form when the weight depends on t (each sample costs Symja a sin). */
    static final int SYMJA_DEPTH = 16;
    /** Digits of Symja's evaluation of the closed form. */
    static final int SYMJA_DIGITS = 40;
    /** Relative agreement required between the 60-digit and the double forward pass, and between the two evaluations. */
    static final double AGREEMENT = ExactResNet.AGREEMENT;

    /** What the bound row holds. */
    public enum Control {
        /** The certified bound of {@code bound.CertifiedBound}. */
        NONE,
        /**
         * Negative control: weights {@code a(t) + s}, {@code s = ExpandingWeights.SHIFT + max_k |a(t_k)|} rounded up to an
         * integer (every knot at least 4: the flow expands), and the local errors summed without growth factors.
         */
        NO_PROPAGATION
    }

    private CertifiedDistance() {
    }

    /** The four derivations for the network of {@code tableau} at depth N with weights a(k/N). */
    public static List<Derivation> derive(ButcherTableau tableau, WeightExpression weight, int depth, Control control) {
        if (depth < 1 || depth > MAX_DEPTH) {
            throw new BadInputException("depth must be in 1.." + MAX_DEPTH + ", got " + depth);
        }
        WeightExpression a = control == Control.NONE ? weight : shifted(tableau, weight, depth);
        double largest = DistanceExpansion.largestWeight(a);
        if (!(largest <= DistanceExpansion.MAX_WEIGHT)) {
            throw new BadInputException(String.format(Locale.ROOT, "weight '%s'%s: max |a(t)| on [0, 1] is %.4g, above %.1f (the "
                    + "expansion in 1/N is checked by Richardson from N = 16 a^2 on, at most %d)", a.text(),
                    control == Control.NONE ? "" : " (--control no-propagation's shifted weight)", largest, DistanceExpansion.MAX_WEIGHT,
                    DistanceExpansion.MAX_LADDER_START));
        }
        ScalarLinearNetwork network = ScalarLinearNetwork.sampled(tableau, a.function(), depth);
        BigDecimal[] exponents = network.exponents();
        ResNet net = network.resNet();
        double[] xN = new double[1];
        net.forward(new double[] {1.0}, xN);
        BigDecimal odeSolution = network.odeSolution();
        // the distance the bound certifies: that of the computed (double) output, exact in BigDecimal
        double computedDistance = new BigDecimal(xN[0]).subtract(odeSolution).abs().doubleValue();
        Derivation exact = exactDistance(network, a, xN[0]);
        String seriesName = "expansion of x_N - x(1) in h = 1/N";
        DistanceExpansion.Expansion expansion = SymbolicEngine.derive(seriesName, () -> DistanceExpansion.of(tableau, a));
        Derivation series = SymbolicEngine.derive(seriesName, () -> Derivation.of(
                "expansion of x_N - x(1) in h = 1/N (leading term h^" + expansion.power() + " and the next)", expansion.expression(),
                expansion.at(depth), expansion.check() + String.format(Locale.ROOT, "; at N = %d the exact distance is %.6f times "
                        + "the two terms", depth, exact.value() / expansion.at(depth))));
        Derivation bound = control == Control.NONE ? certified(net, xN, computedDistance, expansion, depth)
                : noPropagation(net, computedDistance, depth, a);
        return List.of(exact, series, bound, aPriori(network, net, exponents, computedDistance));
    }

    /** The control's weight {@code a(t) + s} (see {@link Control#NO_PROPAGATION}). */
    static WeightExpression shifted(ButcherTableau tableau, WeightExpression a, int depth) {
        double largest = 0;
        for (double w : ScalarLinearNetwork.sampled(tableau, a.function(), depth).weights()) {
            largest = Math.max(largest, Math.abs(w));
        }
        long s = (long) Math.ceil(ExpandingWeights.SHIFT + largest);
        return WeightExpression.parse("(" + a.text() + ") + " + s);
    }

    private static Derivation exactDistance(ScalarLinearNetwork network, WeightExpression a, double computedOutput) {
        String name = "exact distance x_N - x(1) at N = " + network.depth() + " (" + network.tableau().name() + ", a(t) = " + a.text() + ")";
        return SymbolicEngine.derive(name, () -> {
            String closedForm = DistanceClosedForm.distance(network.tableau(), a);
            BigDecimal output = network.output();
            double forwardGap = output.subtract(new BigDecimal(computedOutput)).abs().doubleValue() / output.abs().doubleValue();
            if (!(forwardGap <= AGREEMENT)) {
                throw new IllegalStateException(String.format(Locale.ROOT, "the product of step factors x_N = %.17g differs from the "
                        + "double forward pass %.17g by %.2e relative (more than %.0e)", output.doubleValue(), computedOutput,
                        forwardGap, AGREEMENT));
            }
            boolean constant = "True".equals(SymbolicEngine.eval("FreeQ(" + a.symja() + ", t)"));
            int symjaDepth = constant ? network.depth() : Math.min(network.depth(), SYMJA_DEPTH);
            BigDecimal atSymjaDepth = symjaDepth == network.depth() ? network.error()
                    : ScalarLinearNetwork.sampled(network.tableau(), a.function(), symjaDepth).error();
            double symja = SymbolicEngine.evalNumeric(DistanceClosedForm.atDepth(closedForm, symjaDepth, SYMJA_DIGITS));
            double scale = Math.abs(atSymjaDepth.doubleValue()) + Double.MIN_NORMAL;
            double gap = Math.abs(symja - atSymjaDepth.doubleValue()) / scale;
            // Symja samples a(k/N) exactly, the network reads them rounded to doubles: the distances differ by ~1e-16 relative
            if (!(gap <= AGREEMENT)) {
                throw new IllegalStateException(String.format(Locale.ROOT, "Symja's %d-digit value of the closed form at N = %d, %.17g, "
                        + "differs from the 60-digit product %.17g by %.2e relative", SYMJA_DIGITS, symjaDepth, symja,
                        atSymjaDepth.doubleValue(), gap));
            }
            return Derivation.of(name, closedForm, network.error().doubleValue(), String.format(Locale.ROOT,
                    "value: the product of step factors and exp of the trapezoid sums to %d digits (x_N = %s); x_N agrees with the "
                            + "double forward pass (scheme.ResNet) to %.1e relative and Symja's %d-digit value of the closed form at "
                            + "N = %d with the 60-digit one to %.1e relative (<= %.0e)", ScalarLinearNetwork.PRECISION.getPrecision(),
                    output.round(new java.math.MathContext(20)).toString(), forwardGap, SYMJA_DIGITS, symjaDepth, gap, AGREEMENT));
        });
    }

    /** The certified bound and the check line: holds iff distance <= bound and distance/bound >= {@link #TIGHTNESS_TARGET}. */
    private static Derivation certified(ResNet net, double[] xN, double distance, DistanceExpansion.Expansion expansion, int depth) {
        double bound = new CertifiedBound(net).certify(new double[] {1.0}, xN).bound();
        String name = "certified bound (bound.CertifiedBound) on |x_N - x(1)| at N = " + depth;
        String limit = expansion.power() == 0 ? "" : String.format(Locale.ROOT, "; bound / |C_q h^q + C_{q+1} h^{q+1}| = %.6f",
                bound / Math.abs(expansion.at(depth)));
        return Derivation.of(name, boundText(bound), bound, verdict(distance, bound, TIGHTNESS_TARGET) + limit);
    }

    /** The negative control: the local errors summed without growth, on the expanding weights; its check must fail. */
    private static Derivation noPropagation(ResNet net, double distance, int depth, WeightExpression a) {
        double sum = new CertifiedBound(net).localErrorSum(net.trajectory(new double[] {1.0}));
        String name = "negative control: local errors summed without growth factors (CertifiedBound.localErrorSum) at N = "
                + depth + ", a(t) = " + a.text();
        return Derivation.of(name, boundText(sum), sum, verdict(distance, sum, TIGHTNESS_TARGET));
    }

    /**
     * The check line: {@code holds} when {@code distance <= bound} and {@code distance / bound >= target}, else {@code fails}
     * naming which condition failed.
     */
    static String verdict(double distance, double bound, double target) {
        double tightness = distance / bound;
        boolean below = distance <= bound;
        boolean tight = tightness >= target;
        String figures = String.format(Locale.ROOT, "|x_N - x(1)| = %.6e of the computed output (exact in BigDecimal) %s bound %.6e, "
                + "tightness %.6f %s %.1f", distance, below ? "<=" : ">", bound, tightness, tight ? ">=" : "<", target);
        if (below && tight) {
            return "holds: " + figures;
        }
        return "fails (" + (below ? "too loose" : "bound violated") + "): " + figures;
    }

    /**
     * The a-priori bound (Euler; MATH.md section 2) with the constants {@code distance} uses for the linear family:
     * {@code L_x = max |w_k|}, {@code L_θ = R}, {@code M = L_x R}, {@code TV = Σ |w_{k+1} - w_k|},
     * {@code R = max_k |x(t_k)| e^{L_x h}}; here the spectral norm of the 1×1 weight is |w_k| exactly (no power
     * iteration) and the knot values are the exact ones.
     */
    private static Derivation aPriori(ScalarLinearNetwork network, ResNet net, BigDecimal[] exponents, double distance) {
        String name = "a-priori bound e^(L_x) (1/(2N)) (L_x M + L_theta TV) at N = " + network.depth();
        if (!net.scheme().equals(Scheme.EULER)) {
            return Derivation.of(name, DistanceBound.BOUND, Double.NaN, "not evaluated: the a-priori bound is proved for Euler only "
                    + "(MATH.md section 2)");
        }
        LinearFamily f = new LinearFamily(1);
        Weights w = net.weights();
        double[] norms = {0};
        for (double wk : network.weights()) {
            norms[0] = Math.max(norms[0], Math.abs(wk));
        }
        double largestKnot = 0;
        for (int k = 0; k + 1 < exponents.length; k++) {
            largestKnot = Math.max(largestKnot, ScalarLinearNetwork.exp(exponents[k]).doubleValue());
        }
        double radius = largestKnot * Math.exp(norms[0] * net.stepSize());
        Constants c = f.constants(norms, radius);
        Derivation at = DistanceBound.atDepthAndLimit(c.lx(), c.lTheta(), c.m(), w.totalVariation(), DistanceBound.Growth.BOUNDED,
                network.depth())[0];
        return new Derivation(name, at.expression(), at.latex(), at.value(), verdict(distance, at.value(), 0) + String.format(Locale.ROOT,
                " (L_x = %.6g, L_theta = R = %.6g, TV = %.6g; Symja's value: %s)", c.lx(), c.lTheta(), w.totalVariation(), at.check()));
    }

    private static String boundText(double bound) {
        return Double.isFinite(bound) ? "(" + BigDecimal.valueOf(bound).toPlainString() + ")" : "Infinity";
    }
}
