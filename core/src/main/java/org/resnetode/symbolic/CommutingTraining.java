package org.resnetode.symbolic;

import org.resnetode.checks.BadInputException;
import org.apache.commons.math3.complex.Complex;

/**
 * The commuting case of Claim R in closed form (MATH.md section 3b): for a diagonal target B with positive entries
 * and a constant diagonal initialisation every layer stays equal, and gradient descent converges to the layer
 * {@code D_N = N (B^{1/N} - I)}, entry by entry {@code N (b^{1/N} - 1)}. With {@code L = log b} and {@code h = 1/N},
 *
 * <pre>
 *   N (b^{1/N} - 1) = (e^{L h} - 1)/h = sum_{k>=0} c_k h^k,   c_k = L^{k+1} / (k+1)!
 *                   = log b + (log b)^2/(2N) + (log b)^3/(6N^2) + ...
 * </pre>
 *
 * so the limit Neural ODE has the constant weight {@code log B} and the 1/N constant is {@code (log B)²/2}. The
 * series is derived by Symja (each c_k as a polynomial in L) and cross-checked against the Cauchy-integral Taylor
 * coefficients of {@code g(z) = (e^{L z} - 1)/z} (entire), at several L, before it is used.
 */
public final class CommutingTraining {
    /** Largest supported order of the expansion in h. */
    public static final int MAX_ORDER = 6;

    /** Values of L = log b at which the symbolic coefficients are cross-checked. */
    private static final double[] CHECK_POINTS = {-1.5, -0.3, 0.2, 0.7, 2.0};

    private static double[][] polynomials;
    private static String text;

    private CommutingTraining() {
    }

    /** The trained layer's entry {@code N (b^{1/N} - 1)}, evaluated without cancellation as {@code N expm1(log b / N)}. */
    public static double trainedLayer(double b, int depth) {
        if (!(b > 0) || !Double.isFinite(b)) {
            throw new BadInputException("diagonal target entry must be positive and finite, got " + b);
        }
        if (depth < 1) {
            throw new BadInputException("depth must be at least 1, got " + depth);
        }
        return depth * Math.expm1(Math.log(b) / depth);
    }

    /** Symja's expansion of {@code (e^{L h} - 1)/h} to order {@link #MAX_ORDER} in h, as text (e.g. {@code L+1/2*L^2*h+...}). */
    public static synchronized String expansion() {
        derive();
        return text;
    }

    /** The coefficients c_0..c_order of {@code N (b^{1/N} - 1)} in powers of {@code h = 1/N}, checked against Cauchy integrals at b. */
    public static double[] coefficients(double b, int order) {
        if (!(b > 0) || !Double.isFinite(b)) {
            throw new BadInputException("diagonal target entry must be positive and finite, got " + b);
        }
        if (order < 0 || order > MAX_ORDER) {
            throw new BadInputException("order must be in 0.." + MAX_ORDER + ", got " + order);
        }
        double[] c = at(derive(), Math.log(b), order);
        cauchy(Math.log(b), order).check(c, "CommutingTraining.coefficients(" + b + ", " + order + ")");
        return c;
    }

    /** c_k(L) from the derived polynomials, by Horner's rule. */
    private static double[] at(double[][] p, double logB, int order) {
        double[] c = new double[order + 1];
        for (int k = 0; k <= order; k++) {
            double v = 0;
            for (int j = p[k].length - 1; j >= 0; j--) {
                v = v * logB + p[k][j];
            }
            c[k] = v;
        }
        return c;
    }

    /** Series of (E^(L h) - 1)/h in h by Symja; the coefficient of h^k as a coefficient list in L; checked at CHECK_POINTS. */
    private static synchronized double[][] derive() {
        if (polynomials == null) {
            String k = Integer.toString(MAX_ORDER);
            String series = SymbolicEngine.eval("Expand(Normal(Series((Exp(L*h)-1)/h,{h,0," + k + "})))");
            double[][] p = new double[MAX_ORDER + 1][];
            for (int i = 0; i <= MAX_ORDER; i++) {
                p[i] = SymbolicEngine.evalNumericList("CoefficientList(Coefficient(" + series + ",h," + i + "),L)");
            }
            for (double logB : CHECK_POINTS) {
                cauchy(logB, MAX_ORDER).check(at(p, logB, MAX_ORDER), "CommutingTraining expansion at log b = " + logB);
            }
            polynomials = p;
            text = series;
        }
        return polynomials;
    }

    /** Taylor coefficients of the entire function g(z) = (e^{L z} - 1)/z on |z| = 1/(1 + |L|). */
    private static CauchyCoefficients cauchy(double logB, int order) {
        double rho = 1.0 / (1.0 + Math.abs(logB));
        return CauchyCoefficients.of(z -> z.multiply(logB).exp().subtract(Complex.ONE).divide(z), rho, order);
    }
}
