package org.resnetode.ode;

import java.math.BigDecimal;
import java.math.MathContext;

/**
 * {@code e^x} in BigDecimal for the closed forms of scalar linear fields ({@link ScalarLinearSolution}, and the symbolic
 * layer's exact networks): {@code (Σ_j y^j / j!)^(2^k)}, {@code y = x / 2^k}, {@code |y| <= 1/2}, every operation at the
 * caller's working precision. The k squarings multiply the series' relative error by about 2^k: a caller rounds the
 * result to fewer digits than it works with ({@code |x| <= 1500} needs k <= 12, four guard digits).
 */
public final class BigExponential {
    private static final BigDecimal HALF = new BigDecimal("0.5");
    private static final BigDecimal TWO = BigDecimal.valueOf(2);

    private BigExponential() {
    }

    /** {@code e^x} at the working precision {@code work} (not rounded to the caller's digits). */
    public static BigDecimal exp(BigDecimal x, MathContext work) {
        int k = 0;
        BigDecimal y = x;
        while (y.abs().compareTo(HALF) > 0) {
            y = y.divide(TWO, work);
            k++;
        }
        // |y| <= 1/2: the terms fall by at least 2 per step; stop below 10^-(working digits)
        BigDecimal negligible = BigDecimal.ONE.movePointLeft(work.getPrecision());
        BigDecimal term = BigDecimal.ONE;
        BigDecimal sum = BigDecimal.ONE;
        for (int j = 1; term.abs().compareTo(negligible) > 0; j++) {
            term = term.multiply(y, work).divide(BigDecimal.valueOf(j), work);
            sum = sum.add(term, work);
        }
        for (int i = 0; i < k; i++) {
            sum = sum.multiply(sum, work);
        }
        return sum;
    }
}
