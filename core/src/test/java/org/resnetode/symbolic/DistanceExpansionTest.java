package org.resnetode.symbolic;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.apache.commons.math3.fraction.BigFraction;
import org.junit.jupiter.api.Test;
import org.resnetode.scheme.ButcherTableau;

/**
 * The expansion of the exact distance against coefficients derived by hand (docs/derivations/bound-symbolic.md §3: for
 * Euler, {@code L_1 = (a(0) - a(1))/2 - ∫a²/2}, {@code L_2 = a'(1)/2 + (a(1)² - a(0)²)/4 + ∫a³/3}) and against
 * Richardson extrapolation, run here on a ladder of its own, of the closed form's 60-digit values.
 */
class DistanceExpansionTest {

    @Test
    void eulerOnTheRampMatchesTheHandDerivation() {
        // a = t: ∫a = 1/2, L_1 = -1/2 - 1/6 = -2/3, L_2 = 1/2 + 1/4 + 1/12 = 5/6, C_2 = √e (L_2 + L_1²/2) = 19/18 √e
        DistanceExpansion.Expansion e = DistanceExpansion.of(ButcherTableau.EULER, WeightExpression.parse("t"));
        assertThat(e.power()).isEqualTo(1);
        assertThat(e.leadingValue()).isCloseTo(-2.0 / 3 * Math.sqrt(Math.E), within(1e-14));
        assertThat(e.nextValue()).isCloseTo(19.0 / 18 * Math.sqrt(Math.E), within(1e-14));
        assertThat(e.check()).startsWith("Richardson (N = 16..256)").contains("gives C_1 = -1.0991475").contains(" and C_2 = 1.740316");
    }

    @Test
    void eulerOnSinMatchesTheHandDerivation() {
        double s = Math.sin(1);
        double c = Math.cos(1);
        double l1 = -s / 2 - (0.5 - Math.sin(2) / 4) / 2;
        double l2 = c / 2 + s * s / 4 + (2.0 / 3 - c + c * c * c / 3) / 3;
        double scale = Math.exp(1 - c);
        DistanceExpansion.Expansion e = DistanceExpansion.of(ButcherTableau.EULER, WeightExpression.parse("sin(t)"));
        assertThat(e.leadingValue()).isCloseTo(scale * l1, within(1e-13));
        assertThat(e.nextValue()).isCloseTo(scale * (l2 + l1 * l1 / 2), within(1e-13));
        assertThat(e.at(10)).isCloseTo(scale * (l1 / 10 + (l2 + l1 * l1 / 2) / 100), within(1e-14));
        assertThat(e.expression()).contains("/N^1").contains("/N^2");
    }

    /**
     * a = 6 - 12t makes Euler's first-order term vanish: L_1 = (a(0) - a(1))/2 - ∫a²/2 = 6 - 6 = 0. Then
     * L_2 = a'(1)/2 + (a(1)² - a(0)²)/4 + ∫a³/3 = -6 + 0 + 0, and ∫a = 0, so C_2 = -6; without the last-knot
     * correction τ_2 = a'(1)/2 = -6 the h² term would vanish too.
     */
    @Test
    void eulersLastKnotDecidesTheOrderWhenTheFirstTermVanishes() {
        DistanceExpansion.Expansion e = DistanceExpansion.of(ButcherTableau.EULER, WeightExpression.parse("6 - 12*t"));
        assertThat(e.power()).isEqualTo(2);
        assertThat(e.leadingValue()).isCloseTo(-6, within(1e-12));
        assertThat(e.check()).startsWith("Richardson (N = 1024..16384)");
    }

    @Test
    void constantWeightsGiveTheStabilityFunctionsCoefficients() {
        // Euler: -a²/2 e^a h + (a⁴/8 + a³/3) e^a h²; RK4: log R(z) = z - z⁵/120 + ..., so C_4 = -a⁵ e^a / 120
        DistanceExpansion.Expansion euler = DistanceExpansion.of(ButcherTableau.EULER, WeightExpression.parse("-2"));
        assertThat(euler.leadingValue()).isCloseTo(-2 * Math.exp(-2), within(1e-15));
        assertThat(euler.nextValue()).isCloseTo((2 - 8.0 / 3) * Math.exp(-2), within(1e-15));
        DistanceExpansion.Expansion rk4 = DistanceExpansion.of(ButcherTableau.RK4, WeightExpression.parse("1"));
        assertThat(rk4.power()).isEqualTo(4);
        assertThat(rk4.leadingValue()).isCloseTo(-Math.E / 120, within(1e-15));
    }

    /** Richardson on N = 64 .. 1024 (not the production ladder) of the 60-digit closed form: both coefficients. */
    @Test
    void coefficientsAgreeWithRichardsonOnTheClosedForm() {
        for (ButcherTableau t : new ButcherTableau[] {ButcherTableau.HEUN, ButcherTableau.RK4}) {
            WeightExpression a = WeightExpression.parse("1 + sin(2*t)/2");
            DistanceExpansion.Expansion e = DistanceExpansion.of(t, a);
            int q = e.power();
            assertThat(q).isEqualTo(t.order());
            java.util.function.IntToDoubleFunction error = n -> ScalarLinearNetwork.sampled(t, a.function(), n).error().doubleValue();
            double leading = ScalarNetworks.leadingCoefficient(error, q, 1, 64, 4)[0];
            double next = ScalarNetworks.leadingCoefficient(n -> error.applyAsDouble(n) - e.leadingValue() * Math.pow(n, -q), q + 1, 1,
                    64, 4)[0];
            assertThat(leading).as(t.name()).isCloseTo(e.leadingValue(), within(1e-8 * Math.abs(e.leadingValue())));
            assertThat(next).as(t.name()).isCloseTo(e.nextValue(), within(1e-6 * Math.abs(e.nextValue())));
        }
    }

    @Test
    void theLadderStartsWhereTheWeightTimesTheStepIsSmall() {
        assertThat(DistanceExpansion.ladderStart(WeightExpression.parse("1"))).isEqualTo(16);
        assertThat(DistanceExpansion.ladderStart(WeightExpression.parse("0.5"))).isEqualTo(16);
        assertThat(DistanceExpansion.ladderStart(WeightExpression.parse("-3*t"))).isEqualTo(256);
        assertThat(DistanceExpansion.ladderStart(WeightExpression.parse("6"))).isEqualTo(1024);
        assertThat(DistanceExpansion.ladderStart(WeightExpression.parse("4"))).isEqualTo(256);
        assertThat(DistanceExpansion.ladderStart(WeightExpression.parse("1000"))).isEqualTo(8192);
        assertThat(DistanceExpansion.largestWeight(WeightExpression.parse("1 - 3*t"))).isEqualTo(2);
        assertThat(DistanceExpansion.MAX_WEIGHT).isCloseTo(22.63, within(0.01));
    }

    /** A large weight (the control's a + 5): Richardson from N = 16 a² on; from 16 it missed C_1 by 3.5e-6. */
    @Test
    void largeWeightsPassTheRichardsonCheck() {
        DistanceExpansion.Expansion e = DistanceExpansion.of(ButcherTableau.EULER, WeightExpression.parse("6"));
        assertThat(e.leadingValue()).isCloseTo(-18 * Math.exp(6), within(1e-12 * 18 * Math.exp(6)));
        assertThat(e.check()).startsWith("Richardson (N = 1024..16384)");
    }

    @Test
    void tailFactorsAlternate() {
        assertThat(DistanceExpansion.tailFactor(2)).isEqualTo(new BigFraction(1, 2));
        assertThat(DistanceExpansion.tailFactor(3)).isEqualTo(new BigFraction(-1, 4));
        assertThat(DistanceExpansion.tailFactor(4)).isEqualTo(new BigFraction(1, 12));
    }

    @Test
    void aZeroWeightHasNoErrorTerm() {
        DistanceExpansion.Expansion e = DistanceExpansion.of(ButcherTableau.RK4, WeightExpression.parse("0"));
        assertThat(e.power()).isZero();
        assertThat(e.expression()).isEqualTo("0");
        assertThat(e.at(16)).isZero();
    }
}
