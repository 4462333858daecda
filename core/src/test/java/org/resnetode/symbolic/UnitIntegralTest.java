package org.resnetode.symbolic;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.apache.commons.math3.fraction.BigFraction;
import org.junit.jupiter.api.Test;

/**
 * The term-by-term integrals over [0, 1], the Taylor derivatives of weights, the derivative in t of polynomials in
 * a(t), a'(t), ... and the Bernoulli numbers, each against hand calculus.
 */
class UnitIntegralTest {

    private static double integral(String f) {
        return SymbolicEngine.evalNumeric(UnitIntegral.of(f));
    }

    /** ∫_0^1 by hand: antiderivatives evaluated at 1 and 0. */
    @Test
    void integralsOfTrigonometricPolynomialsTimesPowers() {
        assertThat(UnitIntegral.of("1+t")).isEqualTo("3/2");
        assertThat(UnitIntegral.of("7")).isEqualTo("7");
        assertThat(UnitIntegral.of("Cos(Pi)*t^3/2")).isEqualTo("-1/8");
        assertThat(UnitIntegral.of("Cos(t)")).isEqualTo("Sin(1)");
        // ∫ sin²(3t+1) = 1/2 - (sin 8 - sin 2)/12: TrigReduce gives cos(2(1+3t)), whose argument must be expanded first
        assertThat(integral("Sin(3*t+1)^2")).isCloseTo(0.5 - (Math.sin(8) - Math.sin(2)) / 12, within(1e-15));
        // ∫ 3 t² cos(6t+2): antiderivative t² sin/6 + 2t cos/36 - 2 sin/216, times 3
        double u1 = 8;
        double u0 = 2;
        assertThat(integral("3*t^2*Cos(2+6*t)")).isCloseTo(3 * (Math.sin(u1) / 6 + 2 * Math.cos(u1) / 36 - 2 * Math.sin(u1) / 216
                + 2 * Math.sin(u0) / 216), within(1e-15));
        // ∫ (1+t)² cos(pi(2t+1)) = -∫ (1+t)² cos(2 pi t) = -[(1+t)² sin/(2pi) + 2(1+t) cos/(4pi²) - 2 sin/(8pi³)] = -(4 - 2)/(4 pi²)
        assertThat(UnitIntegral.of("Cos(Pi*(2*t+1))*(1+t)^2")).isEqualTo("-1/(2*Pi^2)");
        // ∫ (1 + sin(2 pi t)/2)^5 = 1 + 10/4 * 1/2 + 5/16 * 3/8 = 303/128 (odd powers of the sine integrate to 0)
        assertThat(UnitIntegral.of("(1+Sin(2*Pi*t)/2)^5")).isEqualTo("303/128");
        // t sin t: [sin t - t cos t]_0^1
        assertThat(integral("t*Sin(t)")).isCloseTo(Math.sin(1) - Math.cos(1), within(1e-15));
    }

    /** sin(t²) is no trigonometric polynomial: Symja's Integrate answers (a Fresnel integral), not the rules. */
    @Test
    void otherIntegrandsFallBackToIntegrate() {
        assertThat(UnitIntegral.of("Sin(t^2)")).contains("FresnelS");
        assertThat(UnitIntegral.of("Cos(t)*Cos(t^2)")).doesNotContain("Integrate");
    }

    /** a(t) = t² sin(2t) + cos(t)/3 and its derivatives by hand, at t = 0.3. */
    @Test
    void taylorDerivativesOfAWeight() {
        WeightExpression a = WeightExpression.parse("t^2*sin(2*t) + cos(t)/3 - -t");
        double t = 0.3;
        double s = Math.sin(2 * t);
        double c = Math.cos(2 * t);
        double[] d = a.derivatives(t, 3);
        assertThat(d[0]).isCloseTo(t * t * s + Math.cos(t) / 3 + t, within(1e-15));
        assertThat(d[1]).isCloseTo(2 * t * s + 2 * t * t * c - Math.sin(t) / 3 + 1, within(1e-15));
        assertThat(d[2]).isCloseTo(2 * s + 8 * t * c - 4 * t * t * s - Math.cos(t) / 3, within(1e-14));
        assertThat(d[3]).isCloseTo(12 * c - 24 * t * s - 8 * t * t * c + Math.sin(t) / 3, within(1e-14));
        assertThat(WeightExpression.parse("-(pi*t)^3").derivatives(2, 4))
                .containsExactly(-8 * Math.pow(Math.PI, 3), -12 * Math.pow(Math.PI, 3), -12 * Math.pow(Math.PI, 3),
                        -6 * Math.pow(Math.PI, 3), -0.0);
        assertThat(WeightExpression.parse("+t").derivatives(0.5, 0)).containsExactly(0.5);
    }

    /** d/dt (d0² d1) = 2 d0 d1² + d0² d2; the last variable has no derivative. */
    @Test
    void derivativeInTIsTheProductRule() {
        ExactSeries one = ExactSeries.constant(BigFraction.ONE, 2, "d0", "d1", "d2");
        ExactSeries p = one.variable(1).multiply(one.variable(1)).multiply(one.variable(2)).scale(new BigFraction(3));
        assertThat(p.derivativeInT().coefficient(0)).isEqualTo("(6)*d0*d1^2+(3)*d0^2*d2");
        assertThat(one.variable(3).isZero()).isFalse();
        assertThat(one.of(BigFraction.ZERO).isZero()).isTrue();
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> one.variable(3).derivativeInT())
                .hasMessage("the derivative of d2 is beyond the series' variables");
        ExactSeries h = one.variable(0);
        ExactSeries s = h.multiply(one.variable(1)).add(h.multiply(h).scale(new BigFraction(5)));
        assertThat(s.coefficientSeries(1).coefficient(0)).isEqualTo("(1)*d0");
        assertThat(s.coefficientSeries(2).coefficient(0)).isEqualTo("(5)");
        assertThat(s.numericTerms(2)).hasDimensions(1, 4);
        assertThat(s.numericTerms(1)[0]).containsExactly(1, 1, 0, 0);
    }

    @Test
    void bernoulliNumbersForLeftSums() {
        assertThat(LogErrorTerm.bernoulli(0)).isEqualTo(BigFraction.ONE);
        assertThat(LogErrorTerm.bernoulli(1)).isEqualTo(new BigFraction(-1, 2));
        assertThat(LogErrorTerm.bernoulli(2)).isEqualTo(new BigFraction(1, 6));
        assertThat(LogErrorTerm.bernoulli(3)).isEqualTo(BigFraction.ZERO);
        assertThat(LogErrorTerm.bernoulli(4)).isEqualTo(new BigFraction(-1, 30));
        assertThat(LogErrorTerm.bernoulli(6)).isEqualTo(new BigFraction(1, 42));
        assertThat(LogErrorTerm.bernoulli(8)).isEqualTo(new BigFraction(-1, 30));
        assertThat(LogErrorTerm.bernoulli(12)).isEqualTo(new BigFraction(-691, 2730));
        assertThat(LogErrorTerm.factorial(5)).isEqualTo(new BigFraction(120));
    }
}
