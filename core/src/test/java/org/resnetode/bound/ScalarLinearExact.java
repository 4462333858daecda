package org.resnetode.bound;

import java.math.BigDecimal;
import java.math.MathContext;
import org.resnetode.model.ThetaSquaredFamily;
import org.resnetode.model.Weights;
import org.resnetode.scheme.ResNet;

/**
 * The exact {@code x(T) = x_0 e^I} of a scalar linear network (theta2, or linear at d = 1) in 60-digit BigDecimal, the
 * tests' independent route: {@code I = ∫_0^T g} from the double knots, each knot interval's integral
 * {@code (a² + ab + b²)/(3N)} (theta2, g = θ²) or {@code (a + b)/(2N)} (linear, g = a) summed exactly, one division by
 * the exact rational; {@code e^I} by the exponential series of {@code I/2^k} ({@code |I/2^k| <= 1}) squared k times at
 * 80 digits.
 */
final class ScalarLinearExact {
    static final MathContext MC = new MathContext(60);
    private static final MathContext WIDE = new MathContext(80);

    private ScalarLinearExact() {
    }

    /** θ_k or a_k: the knot value {@code min(k, K)}, K the last weight sample. */
    private static BigDecimal knot(Weights w, int k) {
        return new BigDecimal(w.data()[w.offset(Math.min(k, w.count() - 1))]);
    }

    /** The exact I and the scale {@code Σ |term_k|} over the same divisor (theta2: I itself). */
    static BigDecimal[] integral(ResNet net) {
        Weights w = net.weights();
        boolean squared = net.family() instanceof ThetaSquaredFamily;
        BigDecimal sum = BigDecimal.ZERO;
        BigDecimal absolute = BigDecimal.ZERO;
        for (int k = 0; k < net.steps(); k++) {
            BigDecimal a = knot(w, k);
            BigDecimal b = knot(w, k + 1);
            BigDecimal term = squared ? a.multiply(a).add(a.multiply(b)).add(b.multiply(b)) : a.add(b);
            sum = sum.add(term);
            absolute = absolute.add(term.abs());
        }
        BigDecimal divisor = BigDecimal.valueOf((squared ? 3L : 2L) * net.depth());
        return new BigDecimal[] {sum.divide(divisor, MC), absolute.divide(divisor, MC)};
    }

    /** {@code e^x} to 60 digits for any x of moderate size (|x| <= 2^20). */
    static BigDecimal exp(BigDecimal x) {
        int k = 0;
        BigDecimal y = x;
        while (y.abs().compareTo(BigDecimal.ONE) > 0) {
            y = y.divide(BigDecimal.valueOf(2), WIDE);
            k++;
        }
        BigDecimal e = BigSeries.exp(y, WIDE);
        for (int i = 0; i < k; i++) {
            e = e.multiply(e, WIDE);
        }
        return e.round(MC);
    }

    /** The exact x(T) from {@code x0}. */
    static BigDecimal solution(ResNet net, double x0) {
        return new BigDecimal(x0).multiply(exp(integral(net)[0]), MC);
    }

    /** The exact distance {@code |xN - x(T)|}. */
    static BigDecimal distance(ResNet net, double x0, double xN) {
        return new BigDecimal(xN).subtract(solution(net, x0)).abs();
    }
}
