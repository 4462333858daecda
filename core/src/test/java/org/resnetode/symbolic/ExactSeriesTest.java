package org.resnetode.symbolic;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.apache.commons.math3.fraction.BigFraction;
import org.junit.jupiter.api.Test;
import org.resnetode.scheme.ButcherTableau;

/** Exact truncated series against textbook series (log(1+x), e^x), and the guards of the operations. */
class ExactSeriesTest {

    @Test
    void logAndExpOfHAreTheirTaylorSeries() {
        ExactSeries h = ExactSeries.constant(BigFraction.ONE, 4).variable(0);
        // log(1 + h) = h - h²/2 + h³/3 - h⁴/4
        assertThat(h.log1p().at()).containsExactly(0, 1, -0.5, 1 / 3.0, -0.25);
        // e^h = 1 + h + h²/2 + h³/6 + h⁴/24
        assertThat(h.exp().at()).containsExactly(1, 1, 0.5, 1 / 6.0, 1 / 24.0);
        // (e^h - 1)/h = 1 + h/2 + h²/6 + h³/24, one order lower
        ExactSeries q = h.exp().subtract(h.of(BigFraction.ONE)).divideByH();
        assertThat(q.order()).isEqualTo(3);
        assertThat(q.at()).containsExactly(1, 0.5, 1 / 6.0, 1 / 24.0);
        assertThat(q.truncate(1).at()).containsExactly(1, 0.5);
        assertThat(q.truncate(1).order()).isEqualTo(1);
        assertThat(q.coefficient(1)).isEqualTo("(1/2)");
        assertThat(q.toSymja()).isEqualTo("((1))*h^0+((1/2))*h^1+((1/6))*h^2+((1/24))*h^3");
    }

    @Test
    void operationsThatNeedNoConstantTermRefuseOne() {
        ExactSeries one = ExactSeries.constant(BigFraction.ONE, 3, "a");
        assertThatThrownBy(one::exp).hasMessage("exp of a series with an h^0 term");
        assertThatThrownBy(one::log1p).hasMessage("log1p of a series with an h^0 term");
        assertThatThrownBy(one::divideByH).hasMessage("division by h of a series with an h^0 term");
        assertThat(ExactSeries.constant(BigFraction.ZERO, 2).vanishes(0)).isTrue();
        assertThat(ExactSeries.constant(BigFraction.ONE, 0).variable(0).vanishes(1)).isTrue();
        assertThat(ExactSeries.constant(BigFraction.ONE, 0).variable(0).toSymja()).isEqualTo("0");
        assertThat(one.variable(1).coefficient(0)).isEqualTo("(1)*a");
        assertThat(one.coefficient(0)).isEqualTo("(1)");
        assertThat(ExactSeries.constant(BigFraction.ONE, 1).variable(0).at()).containsExactly(0, 1);
    }

    /** Two variables: the linear-trajectory series exp(t (Log(1 + a h)/h - a)) - 1 = -t a² h/2 + (t² a⁴/8 + t a³/3) h² + .... */
    @Test
    void polynomialInOneVariableWithTheOthersFixed() {
        ExactSeries e = LinearTrajectory.series(ButcherTableau.EULER);
        assertThat(e.polynomial(1, 1, 0, 2.0)).containsExactly(0, 0, -1.0);
        double[] p2 = e.polynomial(2, 1, 0, 2.0);
        assertThat(p2).hasSize(5);
        assertThat(p2[3]).isCloseTo(2 / 3.0, within(1e-16));
        assertThat(p2[4]).isCloseTo(0.5, within(1e-16));
        assertThat(e.polynomial(1, 2, 3.0, 0)).containsExactly(0, -4.5);
    }
}
