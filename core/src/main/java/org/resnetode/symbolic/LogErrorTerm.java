package org.resnetode.symbolic;

import java.math.BigInteger;
import org.apache.commons.math3.analysis.integration.IterativeLegendreGaussIntegrator;
import org.apache.commons.math3.fraction.BigFraction;

/**
 * One coefficient {@code ℓ_j} of {@code log x_N - log x(1) = Σ_j ℓ_j h^j} on {@code x' = a(t) x}: with the per-step
 * log ratio {@code D(t, h) = Σ_k δ_k(t) h^k} (polynomials δ_k in {@code d_i = a^{(i)}(t)}) summed by the
 * Euler-Maclaurin formula for left sums,
 *
 * <pre>
 *   ℓ_j = ∫_0^1 P_j dt + Q_j(1) - Q_j(0),   P_j = δ_{j+1},   Q_j = Σ_{m=1}^{j} (B_m / m!) (d/dt)^{m-1} δ_{j+1-m}
 * </pre>
 *
 * (B_1 = -1/2). The integrand P_j and boundary polynomial Q_j are exact; ℓ_j is evaluated two independent ways: in
 * closed form by Symja ({@link #closedForm}: derivatives of a(t) substituted, {@link UnitIntegral}) and in double
 * arithmetic ({@link #value}: Taylor derivatives of the parsed weight, adaptive Gauss-Legendre quadrature).
 */
final class LogErrorTerm {
    private final ExactSeries integrand;
    private final ExactSeries boundary;
    private final double[][] integrandTerms;
    private final double[][] boundaryTerms;
    /** Highest derivative index i of a(t) occurring (-1 when none). */
    private final int highestDerivative;

    private LogErrorTerm(ExactSeries integrand, ExactSeries boundary) {
        this.integrand = integrand;
        this.boundary = boundary;
        this.integrandTerms = integrand.numericTerms(0);
        this.boundaryTerms = boundary.numericTerms(0);
        int highest = -1;
        for (double[][] terms : new double[][][] {integrandTerms, boundaryTerms}) {
            for (double[] row : terms) {
                for (int i = 1; i < row.length; i++) {
                    if (row[i] != 0) {
                        highest = Math.max(highest, i - 1);
                    }
                }
            }
        }
        this.highestDerivative = highest;
    }

    /** ℓ_j from the per-step series D(t, h) (variables h, d_0, d_1, ...). */
    static LogErrorTerm of(ExactSeries perStep, int j) {
        ExactSeries boundary = perStep.coefficientSeries(0).scale(BigFraction.ZERO);
        for (int m = 1; m <= j; m++) {
            ExactSeries derivative = perStep.coefficientSeries(j + 1 - m);
            for (int r = 1; r < m; r++) {
                derivative = derivative.derivativeInT();
            }
            boundary = boundary.add(derivative.scale(bernoulli(m).divide(factorial(m))));
        }
        return new LogErrorTerm(perStep.coefficientSeries(j + 1), boundary);
    }

    /** True when P_j and Q_j are the zero polynomial: ℓ_j = 0 for every weight. */
    boolean vanishes() {
        return integrand.isZero() && boundary.isZero();
    }

    /** ℓ_j in closed form for the weight a(t), by Symja. */
    String closedForm(WeightExpression a) {
        StringBuilder rules = new StringBuilder("{");
        StringBuilder atOne = new StringBuilder("{");
        StringBuilder atZero = new StringBuilder("{");
        for (int i = 0; i <= highestDerivative; i++) {
            String derivative = "D(" + a.symja() + ",{t," + i + "})";
            String sep = i == 0 ? "" : ",";
            rules.append(sep).append("d").append(i).append("->").append(derivative);
            atOne.append(sep).append("d").append(i).append("->ReplaceAll(").append(derivative).append(",t->1)");
            atZero.append(sep).append("d").append(i).append("->ReplaceAll(").append(derivative).append(",t->0)");
        }
        String integral = integrand.isZero() ? "0" : UnitIntegral.of("ReplaceAll(" + integrand.coefficient(0) + ", " + rules + "})");
        String q = boundary.coefficient(0);
        String ends = boundary.isZero() ? "0" : "ReplaceAll(" + q + ", " + atOne + "}) - ReplaceAll(" + q + ", " + atZero + "})";
        return SymbolicEngine.evalEvaluated("Simplify((" + integral + ") + (" + ends + "))", "D", "Integrate");
    }

    /** {@code {ℓ_j, its scale}} in double arithmetic; the scale is the same sum with every term by its absolute value. */
    double[] value(WeightExpression a) {
        int order = Math.max(highestDerivative, 0);
        double integral = 0;
        double integralScale = 0;
        if (integrandTerms.length > 0) {
            integralScale = new IterativeLegendreGaussIntegrator(16, 1e-6, Double.MIN_NORMAL).integrate(1_000_000,
                    t -> evaluate(integrandTerms, a.derivatives(t, order))[1], 0, 1);
            // converged when a refinement moves the integral by less than 1e-14 of the integral of |terms|
            integral = new IterativeLegendreGaussIntegrator(16, 1e-14, 1e-14 * integralScale + Double.MIN_NORMAL).integrate(1_000_000,
                    t -> evaluate(integrandTerms, a.derivatives(t, order))[0], 0, 1);
        }
        double[] one = evaluate(boundaryTerms, a.derivatives(1, order));
        double[] zero = evaluate(boundaryTerms, a.derivatives(0, order));
        return new double[] {integral + one[0] - zero[0], integralScale + one[1] + zero[1]};
    }

    /** {@code {Σ c Π d_i^{e_i}, Σ |c Π d_i^{e_i}|}} over the rows {c, e_0, e_1, ...}. */
    private static double[] evaluate(double[][] terms, double[] d) {
        double sum = 0;
        double absolute = 0;
        for (double[] row : terms) {
            double term = row[0];
            for (int i = 1; i < row.length; i++) {
                for (int e = 0; e < row[i]; e++) {
                    term *= d[i - 1];
                }
            }
            sum += term;
            absolute += Math.abs(term);
        }
        return new double[] {sum, absolute};
    }

    /** Bernoulli numbers with B_1 = -1/2: {@code B_m = -(1/(m+1)) Σ_{k<m} C(m+1, k) B_k}. */
    static BigFraction bernoulli(int m) {
        BigFraction[] b = new BigFraction[m + 1];
        b[0] = BigFraction.ONE;
        for (int n = 1; n <= m; n++) {
            BigFraction sum = BigFraction.ZERO;
            BigInteger binomial = BigInteger.ONE;
            for (int k = 0; k < n; k++) {
                sum = sum.add(b[k].multiply(binomial));
                binomial = binomial.multiply(BigInteger.valueOf(n + 1 - k)).divide(BigInteger.valueOf(k + 1));
            }
            b[n] = sum.divide(n + 1).negate();
        }
        return b[m];
    }

    static BigFraction factorial(int m) {
        BigInteger f = BigInteger.ONE;
        for (int i = 2; i <= m; i++) {
            f = f.multiply(BigInteger.valueOf(i));
        }
        return new BigFraction(f);
    }
}
