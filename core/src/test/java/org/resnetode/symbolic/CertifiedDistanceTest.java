package org.resnetode.symbolic;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.apache.commons.math3.fraction.BigFraction;
import org.junit.jupiter.api.Test;
import org.resnetode.checks.BadInputException;
import org.resnetode.scheme.ButcherTableau;

/**
 * The four derivations on networks whose distance is known independently: a = 1 under Euler, x_N = (1 + 1/N)^N in
 * exact fractions and x(1) = e; the a-priori bound's constants worked out by hand; the check line on both sides of
 * each threshold; and the negative control, which must fail.
 */
class CertifiedDistanceTest {

    @Test
    void eulerOnAConstantWeight() {
        List<Derivation> ds = CertifiedDistance.derive(ButcherTableau.EULER, WeightExpression.parse("1"), 64, CertifiedDistance.Control.NONE);
        assertThat(ds).hasSize(4);
        double exact = new BigFraction(65, 64).pow(64).doubleValue() - Math.E;
        assertThat(ds.get(0).value()).isCloseTo(exact, within(1e-15));
        assertThat(ds.get(0).expression()).isEqualTo(SymbolicEngine.eval("(1 + 1/N)^N - E"));
        // C_1 = -e/2, C_2 = 11 e/24
        assertThat(ds.get(1).value()).isCloseTo(Math.E * (-0.5 / 64 + 11.0 / 24 / 64 / 64), within(1e-16));
        Derivation bound = ds.get(2);
        assertThat(bound.check()).startsWith("holds: ");
        assertThat(bound.value()).isGreaterThanOrEqualTo(Math.abs(exact)).isLessThan(1.01 * Math.abs(exact));
        // a-priori: L_x = 1, R = x(t_63) e^{1/64} = e, M = R, TV = 0: e^1/(2·64) · e
        assertThat(ds.get(3).value()).isCloseTo(Math.exp(2) / 128, within(1e-15));
        assertThat(ds.get(3).check()).startsWith("holds: ").contains("TV = 0");
    }

    @Test
    void theAPrioriBoundIsLeftOutBeyondEuler() {
        List<Derivation> ds = CertifiedDistance.derive(ButcherTableau.HEUN, WeightExpression.parse("t"), 16, CertifiedDistance.Control.NONE);
        assertThat(ds.get(3).hasValue()).isFalse();
        assertThat(ds.get(3).check()).contains("Euler only");
        assertThat(ds.get(2).check()).startsWith("holds: ");
        // x_N - x(1) = C_2 h² + ...: the exact distance is within a few per cent of the two terms at N = 16
        assertThat(ds.get(0).value() / ds.get(1).value()).isCloseTo(1, within(0.05));
    }

    @Test
    void theSampledAPrioriConstantsOfATimeVaryingWeight() {
        // Euler, a = 2t at N = 4: w = 0, 1/2, 1, 3/2; L_x = 3/2, TV = 3/2, knots x(t_k) = e^{t_k²}, largest e^{9/16}
        List<Derivation> ds = CertifiedDistance.derive(ButcherTableau.EULER, WeightExpression.parse("2*t"), 4, CertifiedDistance.Control.NONE);
        double r = Math.exp(9.0 / 16) * Math.exp(1.5 / 4);
        assertThat(ds.get(3).value()).isCloseTo(Math.exp(1.5) / 8 * (1.5 * 1.5 * r + r * 1.5), within(1e-14));
    }

    @Test
    void theNegativeControlFails() {
        List<Derivation> ds = CertifiedDistance.derive(ButcherTableau.EULER, WeightExpression.parse("1"), 64,
                CertifiedDistance.Control.NO_PROPAGATION);
        Derivation control = ds.get(2);
        assertThat(control.name()).startsWith("negative control").contains("a(t) = (1) + 5");
        assertThat(control.check()).startsWith("fails (bound violated): ");
        // x' = 6x: the Euler error ≈ 18 e^6 h, the local errors ≈ 3 (e^6 - 1) h
        assertThat(Math.abs(ds.get(0).value()) / control.value()).isGreaterThan(5);
    }

    @Test
    void theControlShiftsEveryKnotToAtLeastFour() {
        WeightExpression shifted = CertifiedDistance.shifted(ButcherTableau.EULER, WeightExpression.parse("-2.5 + t"), 8);
        // max |w_k| = 2.5, s = ceil(4 + 2.5) = 7
        assertThat(shifted.text()).isEqualTo("(-2.5 + t) + 7");
        assertThat(shifted.function().applyAsDouble(0)).isEqualTo(4.5);
    }

    @Test
    void theCheckLineHoldsOnlyBelowTheBoundAndTightEnough() {
        assertThat(CertifiedDistance.verdict(1, 2, 0.3)).startsWith("holds: ").contains("tightness 0.500000 >= 0.3");
        assertThat(CertifiedDistance.verdict(1, 1, 0.3)).startsWith("holds: ").contains("<= bound");
        assertThat(CertifiedDistance.verdict(3, 10, 0.3)).startsWith("holds: ");
        assertThat(CertifiedDistance.verdict(2.9, 10, 0.3)).startsWith("fails (too loose): ").contains("0.290000 < 0.3");
        assertThat(CertifiedDistance.verdict(1.5, 1, 0.3)).startsWith("fails (bound violated): ").contains("> bound");
        assertThat(CertifiedDistance.verdict(1, Double.POSITIVE_INFINITY, 0.3)).startsWith("fails (too loose)");
    }

    @Test
    void badInputIsRefused() {
        WeightExpression one = WeightExpression.parse("1");
        assertThatThrownBy(() -> CertifiedDistance.derive(ButcherTableau.EULER, one, 0, CertifiedDistance.Control.NONE))
                .isInstanceOf(BadInputException.class).hasMessage("depth must be in 1..65536, got 0");
        assertThatThrownBy(() -> CertifiedDistance.derive(ButcherTableau.EULER, one, 65537, CertifiedDistance.Control.NONE))
                .isInstanceOf(BadInputException.class).hasMessageContaining("got 65537");
        assertThatThrownBy(() -> CertifiedDistance.derive(ButcherTableau.EULER, WeightExpression.parse("22.7*t"), 8,
                CertifiedDistance.Control.NONE)).isInstanceOf(BadInputException.class).hasMessage("weight '22.7*t': max |a(t)| on [0, 1] "
                + "is 22.70, above 22.6 (the expansion in 1/N is checked by Richardson from N = 16 a^2 on, at most 8192)");
        assertThatThrownBy(() -> CertifiedDistance.derive(ButcherTableau.EULER, WeightExpression.parse("9.5"), 8,
                CertifiedDistance.Control.NO_PROPAGATION)).isInstanceOf(BadInputException.class)
                .hasMessageStartingWith("weight '(9.5) + 14' (--control no-propagation's shifted weight): max |a(t)|");
        // the largest weight accepted: Richardson then starts at N = 8192
        List<Derivation> ds = CertifiedDistance.derive(ButcherTableau.EULER, WeightExpression.parse("-22.6"), 8, CertifiedDistance.Control.NONE);
        assertThat(ds.get(1).check()).startsWith("Richardson (N = 8192..131072)");
    }
}
