package org.resnetode.symbolic;

import org.resnetode.checks.BadInputException;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.Map;
import org.apache.commons.math3.fraction.BigFraction;
import org.junit.jupiter.api.Test;
import org.resnetode.scheme.ButcherTableau;

/**
 * Expansions of R(a h)^{1/h} e^{-a} - 1 and (R(a h) R(-a h))^{1/h} - 1 for every built-in tableau. Each derivation
 * runs its own Richardson check against the ResNet (relative 1e-6) and throws otherwise; the tests add the closed
 * forms from the issue and MATH.md, the Symja Series route of {@link EulerExpansion}, and R(z) R(-z) multiplied out
 * in exact rational arithmetic here.
 */
class StabilityExpansionTest {

    @Test
    void eulerExpansionIsTheIssuesClosedForm() {
        ExactSeries e = StabilityExpansion.series(ButcherTableau.EULER, StabilityExpansion.Kind.FORWARD, 2);
        // -a²h/2 + (a⁴/8 + a³/3)h²
        assertThat(e.polynomial(1, 1, 0)).containsExactly(0, 0, -0.5);
        assertThat(e.polynomial(2, 1, 0)).containsExactly(0, 0, 0, 1 / 3.0, 1 / 8.0);
    }

    /** Independent route: Symja's Series of Log then Exp (EulerExpansion) gives P_k(a) = e^{-a} c_k(a). */
    @Test
    void exactSeriesAgreesWithTheSymjaSeriesRoute() {
        ExactSeries e = StabilityExpansion.series(ButcherTableau.EULER, StabilityExpansion.Kind.FORWARD, 3);
        for (int k = 1; k <= 3; k++) {
            double[] symja = EulerExpansion.exponentialPolynomial(k);
            double[] exact = e.polynomial(k, 1, 0);
            assertThat(exact).as("P_%d", k).hasSize(symja.length);
            for (int j = 0; j < symja.length; j++) {
                assertThat(exact[j]).isCloseTo(symja[j], within(1e-15));
            }
        }
    }

    /**
     * Every built-in tableau, forward and recovery: the derivation (Cauchy check at three a, Richardson on the
     * ResNet to 1e-6) succeeds; the forward error's leading power is the tableau's order; the recovery's leading
     * power and coefficient come from R(z) R(-z) multiplied out here: R(z) R(-z) = 1 + ρ z^{2m} + ... gives
     * (R R)^{1/h} - 1 = ρ a^{2m} h^{2m-1} + ....
     */
    @Test
    void everyBuiltInTableauAgreesWithTheResNet() {
        for (ButcherTableau t : ButcherTableau.BUILT_IN) {
            StabilityExpansion.Expansion forward = StabilityExpansion.expansion(t, StabilityExpansion.Kind.FORWARD, 2);
            assertThat(forward.leadingPower()).as(t.name()).isEqualTo(t.order());
            assertThat(forward.leading().check()).contains("relative gap");
            StabilityExpansion.Expansion recovery = StabilityExpansion.expansion(t, StabilityExpansion.Kind.RECOVERY, 2);
            Map.Entry<Integer, BigFraction> first = firstDefect(t.stabilityPolynomial());
            assertThat(recovery.leadingPower()).as(t.name()).isEqualTo(first.getKey() - 1);
            double expected = first.getValue().doubleValue() * Math.pow(StabilityExpansion.CHECK_A, first.getKey());
            assertThat(SymbolicEngine.evalNumeric("ReplaceAll(" + recovery.leading().expression() + ", a->3/2)"))
                    .as(t.name()).isCloseTo(expected, within(1e-14 * Math.abs(expected)));
        }
    }

    /** RK4 and the 3/8 rule: R(z) - e^z = -z^5/120 + ..., so x_N - e^a ~ -a^5 e^a h^4 / 120; the order reads 4. */
    @Test
    void rk4AndTheThreeEighthsRuleHaveTheClassicalLeadingCoefficient() {
        for (ButcherTableau t : new ButcherTableau[] {ButcherTableau.RK4, ButcherTableau.RK38}) {
            StabilityExpansion.Expansion e = StabilityExpansion.expansion(t, StabilityExpansion.Kind.FORWARD, 6);
            assertThat(SymbolicEngine.eval("Expand(" + e.leading().expression() + " + a^5/120)")).isEqualTo("0");
            assertThat(StabilityExpansion.order(t).value()).isEqualTo(4);
            assertThat(StabilityExpansion.stabilityPolynomial(t).expression()).isEqualTo("1+z+z^2/2+z^3/6+z^4/24");
        }
    }

    @Test
    void ordersOutsideTheSupportedRangeAreBadInput() {
        assertThatThrownBy(() -> StabilityExpansion.expansion(ButcherTableau.HEUN, StabilityExpansion.Kind.FORWARD, 11))
                .isInstanceOf(BadInputException.class).hasMessage("order must be in 1..10, got 11");
        assertThatThrownBy(() -> StabilityExpansion.requireOrder(0)).isInstanceOf(BadInputException.class);
    }

    /** The first nonzero coefficient of R(z) R(-z) - 1, multiplied out in exact rationals: {power, coefficient}. */
    private static Map.Entry<Integer, BigFraction> firstDefect(BigFraction[] r) {
        BigFraction[] product = new BigFraction[2 * r.length - 1];
        java.util.Arrays.fill(product, BigFraction.ZERO);
        for (int i = 0; i < r.length; i++) {
            for (int j = 0; j < r.length; j++) {
                BigFraction term = r[i].multiply(r[j]);
                product[i + j] = product[i + j].add(j % 2 == 0 ? term : term.negate());
            }
        }
        for (int k = 1; k < product.length; k++) {
            if (product[k].getNumerator().signum() != 0) {
                return Map.entry(k, product[k]);
            }
        }
        throw new AssertionError("R(z) R(-z) = 1");
    }
}
