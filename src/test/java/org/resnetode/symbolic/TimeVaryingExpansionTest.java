package org.resnetode.symbolic;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;
import org.resnetode.scheme.ButcherTableau;

/**
 * Leading error coefficients for time-varying weights against hand derivations; each derivation also runs its own
 * Richardson check against the ResNet (relative 1e-6) and throws otherwise.
 */
class TimeVaryingExpansionTest {

    /**
     * Euler: log(1 + h a_n) - ∫_{t_n}^{t_n+h} a = -h²(a² + a')/2 + O(h³), so x_N - x(1) ~ -x(1) h ∫(a² + a')/2; for
     * a = 1 + t: ∫ (1+t)² = 7/3, ∫ a' = 1, x(1) = e^{3/2}: the coefficient is -(5/3) e^{3/2}.
     */
    @Test
    void eulerWithALinearWeight() {
        Derivation d = TimeVaryingExpansion.leadingCoefficient(ButcherTableau.EULER, WeightExpression.parse("1 + t"),
                TimeVaryingExpansion.Reference.PROFILE);
        assertThat(d.name()).endsWith("(power h^1)");
        assertThat(d.value()).isCloseTo(-5.0 / 3 * Math.exp(1.5), within(1e-13));
    }

    /**
     * RK4 reads the weight at c = 1/2 by linear interpolation, (a(t) + a(t+h))/2 = a(t + h/2) + h² a''/8: the two
     * middle stages (weights 1/3 each) err by h³ a''/12 per step, so against the profile the error is
     * h² x(1) (a'(1) - a'(0))/12; for a = 1 + t²/2 that is e^{7/6}/12.
     */
    @Test
    void rk4ReadsInterpolatedWeightsSoItsOrderDropsToTwo() {
        WeightExpression a = WeightExpression.parse("1 + t^2/2");
        Derivation profile = TimeVaryingExpansion.leadingCoefficient(ButcherTableau.RK4, a, TimeVaryingExpansion.Reference.PROFILE);
        assertThat(profile.name()).endsWith("(power h^2)");
        assertThat(profile.value()).isCloseTo(Math.exp(7.0 / 6) / 12, within(1e-14));
    }
}
