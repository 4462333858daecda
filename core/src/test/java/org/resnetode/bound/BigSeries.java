package org.resnetode.bound;

import java.math.BigDecimal;
import java.math.MathContext;

/** exp and tanh in BigDecimal from the exponential series (the tests' independent route to the real values). */
final class BigSeries {
    private BigSeries() {
    }

    /** {@code e^x} by 400 terms of its series: for |x| <= 20 the truncation is far below 1e-60 relative. */
    static BigDecimal exp(BigDecimal x, MathContext mc) {
        BigDecimal term = BigDecimal.ONE;
        BigDecimal sum = BigDecimal.ONE;
        for (int k = 1; k < 400; k++) {
            term = term.multiply(x, mc).divide(BigDecimal.valueOf(k), mc);
            sum = sum.add(term, mc);
        }
        return sum;
    }

    /** {@code tanh x = (e^{2x} - 1) / (e^{2x} + 1)}. */
    static BigDecimal tanh(BigDecimal x, MathContext mc) {
        BigDecimal e = exp(x.multiply(BigDecimal.valueOf(2)), mc);
        return e.subtract(BigDecimal.ONE).divide(e.add(BigDecimal.ONE), mc);
    }
}
