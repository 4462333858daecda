package org.resnetode.symbolic;

import java.util.function.UnaryOperator;

import org.apache.commons.math3.complex.Complex;

/**
 * Numerical Taylor coefficients of an analytic function by the Cauchy integral formula, the
 * independent numeric route used to cross-check Symja's series in this package.
 *
 * <p>For g analytic on the disc |z| &lt; R and a radius rho &lt; R,
 *
 * <pre>
 *   c_k = (1 / 2 pi i) \oint_{|z| = rho} g(z) z^{-k-1} dz
 *       ~ (1/M) sum_{j=0}^{M-1} g(rho w_j) (rho w_j)^{-k},   w_j = exp(2 pi i j / M)
 * </pre>
 *
 * (trapezoidal rule on the circle). Its error is the aliasing sum
 * sum_{m >= 1} c_{k+mM} rho^{k+mM} rho^{-k}, plus round-off of order eps * max|g| * rho^{-k}.
 * Callers keep rho &lt;= R/4, so with M = 128 the aliased terms carry a factor 4^{-128} ~ 1e-77:
 * negligible even next to a strong singularity at |z| = R, and the result is accurate to
 * round-off.
 */
final class CauchyCoefficients {

    /** Number of nodes M on the circle. */
    static final int NODES = 128;

    /**
     * Tolerance per coefficient, relative to max|g| rho^{-k}: about 4500 machine epsilons, to
     * absorb the round-off of evaluating g (complex log and exp) and of the M-term sum.
     */
    static final double RELATIVE_TOLERANCE = 1e-12;

    private final double[] coefficients;
    private final double[] tolerances;

    private CauchyCoefficients(double[] coefficients, double[] tolerances) {
        this.coefficients = coefficients;
        this.tolerances = tolerances;
    }

    /**
     * Coefficients c_0..c_order of a function that is real on the real axis and analytic on a
     * disc of radius R &gt;= 4 rho.
     */
    static CauchyCoefficients of(UnaryOperator<Complex> g, double rho, int order) {
        double[] re = new double[order + 1];
        double maxAbs = 0.0;
        for (int j = 0; j < NODES; j++) {
            Complex w = Complex.I.multiply(2.0 * Math.PI * j / NODES).exp();
            Complex z = w.multiply(rho);
            Complex gz = g.apply(z);
            maxAbs = Math.max(maxAbs, gz.abs());
            // term_k = g(z_j) (rho w_j)^{-k} = g(z_j) rho^{-k} conj(w_j)^k
            Complex term = gz;
            for (int k = 0; k <= order; k++) {
                re[k] += term.getReal() / NODES;
                term = term.multiply(w.conjugate()).divide(rho);
            }
        }
        double[] tol = new double[order + 1];
        for (int k = 0; k <= order; k++) {
            tol[k] = RELATIVE_TOLERANCE * maxAbs * Math.pow(rho, -k);
        }
        if (!Double.isFinite(maxAbs) || !Double.isFinite(tol[order])) {
            throw new IllegalStateException("Cauchy check not representable in double: max|g| = "
                    + maxAbs + " on |z| = " + rho);
        }
        return new CauchyCoefficients(re, tol);
    }

    /**
     * Throws unless {@code symbolic[k]} agrees with c_k within the tolerance, for every k.
     *
     * @param what names the symbolic result in the exception message
     */
    void check(double[] symbolic, String what) {
        for (int k = 0; k < coefficients.length; k++) {
            double diff = Math.abs(symbolic[k] - coefficients[k]);
            if (!(diff <= tolerances[k])) {
                throw new IllegalStateException(String.format(
                        "%s: Symja coefficient c_%d = %.17g but the Cauchy integral gives %.17g "
                                + "(|diff| = %.3g > tolerance %.3g)",
                        what, k, symbolic[k], coefficients[k], diff, tolerances[k]));
            }
        }
    }
}
