package org.resnetode.claim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.resnetode.checks.BadInputException;

/**
 * The adjoint on fBm weights through the real pipeline (RoughnessClaim.plan): predicted rates from
 * docs/derivations/rough.md section 8 (Euler 1; Heun 1 + 2H from the scalar round trip's
 * {@code -(h²/4)(a_{n+1} - a_n)²} summed over N steps, E (a_{n+1} - a_n)² = h^{2H}), and the control that must fail.
 */
class RoughnessAdjointTest {
    private static final int[] DEPTHS = {16, 32, 64, 128};
    private static final List<String> BOTH = List.of("euler", "heun");

    private static List<ClaimResult> run(RoughnessAdjointConfig... configs) {
        return RoughnessClaim.plan(new RoughnessSweep(List.of(), List.of(configs), false, false, 3), Progress.SILENT).run();
    }

    @Test
    void linearHeunRecoversAtOnePlusTwoHAndEulerAtOne() {
        List<ClaimResult> results = run(
                new RoughnessAdjointConfig("linear", BOTH, 0.25, false, DEPTHS, 100, 1, 3, false),
                new RoughnessAdjointConfig("linear", BOTH, 0.75, false, DEPTHS, 100, 1, 3, false));
        assertThat(results).hasSize(2);
        ClaimResult euler = results.get(0);
        ClaimResult heun = results.get(1);
        assertThat(heun.claim()).isEqualTo("roughness-adjoint");
        assertThat(heun.config()).containsEntry("scheme", "heun");
        double[] expected = {1.5, 2.5};
        for (int i = 0; i < 2; i++) {
            Map<String, Object> row = heun.rows().get(i);
            assertThat((double) row.get("predicted")).isEqualTo(expected[i]);
            assertThat((double) row.get("recoveryRate")).isCloseTo(expected[i], within(0.1));
            assertThat((double) row.get("gradientRate")).isCloseTo(expected[i], within(0.1));
            assertThat((double) row.get("recoveryLow")).isLessThan((double) row.get("recoveryRate"));
            assertThat((double) row.get("recoveryHigh")).isGreaterThan((double) row.get("recoveryRate"));
            assertThat((double) euler.rows().get(i).get("recoveryRate")).isCloseTo(1, within(0.1));
        }
        assertThat(heun.verdict()).isEqualTo(Verdict.HOLDS);
        assertThat(euler.verdict()).isEqualTo(Verdict.HOLDS);
        assertThat(heun.fits()).hasSize(4);
    }

    @Test
    void theEndsRecoverAtOneAndAtThree() {
        List<ClaimResult> results = run(
                new RoughnessAdjointConfig("linear", List.of("heun"), 0, true, DEPTHS, 100, 1, 3, false),
                new RoughnessAdjointConfig("linear", List.of("heun"), 1, true, DEPTHS, 100, 1, 3, false));
        List<Map<String, Object>> rows = results.get(0).rows();
        assertThat(rows.get(0)).containsEntry("weights", "i.i.d. end").containsEntry("predicted", 1.0);
        assertThat((double) rows.get(0).get("recoveryRate")).isCloseTo(1, within(0.1));
        assertThat(rows.get(1)).containsEntry("weights", "smooth end B = t Z").containsEntry("predicted", 3.0);
        assertThat((double) rows.get(1).get("recoveryRate")).isCloseTo(3, within(0.05));
        assertThat(results.get(0).verdict()).isEqualTo(Verdict.HOLDS);
    }

    @Test
    void nonlinearFamiliesAreFindingsAndTheWrongReverseControlFails() {
        List<ClaimResult> results = run(
                new RoughnessAdjointConfig("tanh", List.of("heun"), 0.5, false, DEPTHS, 50, 1, 3, false),
                new RoughnessAdjointConfig("linear", BOTH, 0.5, false, DEPTHS, 30, 1, 3, true));
        assertThat(results.get(0).verdict()).isEqualTo(Verdict.FINDING);
        assertThat(results.get(0).notes()).anyMatch(n -> n.contains("leading-order rate (f nonlinear in θ) measured"));
        for (ClaimResult control : results.subList(1, 3)) {
            assertThat(control.config()).containsEntry("control", "wrong-reverse");
            assertThat(control.verdict()).isEqualTo(Verdict.FAILS);
            assertThat((double) control.rows().get(0).get("recoveryRate")).isLessThan(0.2);
        }
    }

    @Test
    void aControlAndItsUncontrolledTwinAreSeparateResults() {
        List<ClaimResult> results = run(
                new RoughnessAdjointConfig("linear", List.of("euler"), 0.5, false, new int[] {16, 32}, 10, 1, 3, false),
                new RoughnessAdjointConfig("linear", List.of("euler"), 0.5, false, new int[] {16, 32}, 10, 1, 3, true));
        assertThat(results).hasSize(2);
        assertThat(results.get(0).config()).doesNotContainKey("control");
        assertThat(results.get(1).config()).containsEntry("control", "wrong-reverse");
        assertThat(results.get(0).rows().get(0)).containsEntry("weights", "fBm");
    }

    @Test
    void predictionAndBadInput() {
        assertThat(RoughnessAdjointConfig.predictedRate("euler", 0.3)).isEqualTo(1);
        assertThat(RoughnessAdjointConfig.predictedRate("heun", 0.3)).isCloseTo(1.6, within(1e-15));
        assertThat(RoughnessAdjointConfig.predictedRate("heun", 1)).isEqualTo(3);
        assertThat(RoughnessAdjointConfig.predictedRate("heun", 0.9)).isCloseTo(2.8, within(1e-15));
        assertThat(RoughnessAdjointConfig.predictedRate("euler", 0.9)).isEqualTo(1);
        // limits of the checks: σ = 70 (10 σ = 700) and depths 2 and 2^16 are accepted
        assertThat(new RoughnessAdjointConfig("linear", BOTH, 0.5, false, new int[] {2, 1 << 16}, 2, 70, 1, false).amplitude()).isEqualTo(70);
        assertThat(new RoughnessAdjointConfig("linear", BOTH, 1, true, DEPTHS, 2, 1, 1, false).end()).isTrue();
        assertThat(new RoughnessAdjointConfig("linear", BOTH, 0, true, DEPTHS, 2, 1, 1, false).hurst()).isZero();
        assertThatThrownBy(() -> new RoughnessAdjointConfig("theta2", BOTH, 0.5, false, DEPTHS, 10, 1, 1, false))
                .isInstanceOf(BadInputException.class).hasMessageContaining("family");
        assertThatThrownBy(() -> new RoughnessAdjointConfig("linear", List.of("rk4"), 0.5, false, DEPTHS, 10, 1, 1, false))
                .isInstanceOf(BadInputException.class).hasMessageContaining("scheme");
        assertThatThrownBy(() -> new RoughnessAdjointConfig("linear", List.of(), 0.5, false, DEPTHS, 10, 1, 1, false))
                .isInstanceOf(BadInputException.class);
        assertThatThrownBy(() -> new RoughnessAdjointConfig("linear", BOTH, 1, false, DEPTHS, 10, 1, 1, false))
                .isInstanceOf(BadInputException.class).hasMessageContaining("--hurst");
        assertThatThrownBy(() -> new RoughnessAdjointConfig("linear", BOTH, 0.5, true, DEPTHS, 10, 1, 1, false))
                .isInstanceOf(BadInputException.class).hasMessageContaining("ends");
        assertThatThrownBy(() -> new RoughnessAdjointConfig("linear", BOTH, 0.5, false, DEPTHS, 1, 1, 1, false))
                .isInstanceOf(BadInputException.class).hasMessageContaining("--paths");
        assertThatThrownBy(() -> new RoughnessAdjointConfig("linear", BOTH, 0.5, false, DEPTHS, 10, 0, 1, false))
                .isInstanceOf(BadInputException.class).hasMessageContaining("--amplitude");
        assertThatThrownBy(() -> new RoughnessAdjointConfig("linear", BOTH, 0.5, false, DEPTHS, 10, 71, 1, false))
                .isInstanceOf(BadInputException.class).hasMessageContaining("--amplitude");
        assertThatThrownBy(() -> new RoughnessAdjointConfig("linear", BOTH, 0.5, false, new int[] {16}, 10, 1, 1, false))
                .isInstanceOf(BadInputException.class).hasMessageContaining("at least 2 depths");
        assertThatThrownBy(() -> new RoughnessAdjointConfig("linear", BOTH, 0.5, false, new int[] {16, 24}, 10, 1, 1, false))
                .isInstanceOf(BadInputException.class).hasMessageContaining("power of two");
        assertThatThrownBy(() -> new RoughnessAdjointConfig("linear", BOTH, 0.5, false, new int[] {1, 2}, 10, 1, 1, false))
                .isInstanceOf(BadInputException.class).hasMessageContaining("power of two");
        assertThatThrownBy(() -> new RoughnessAdjointConfig("linear", BOTH, 0.5, false, new int[] {16, 1 << 17}, 10, 1, 1, false))
                .isInstanceOf(BadInputException.class).hasMessageContaining("2^16");
        RoughnessAdjointConfig c = new RoughnessAdjointConfig("linear", BOTH, 0.5, false, new int[] {64, 16}, 10, 1, 1, false);
        assertThat(c.depths()).containsExactly(16, 64);
        assertThat(c.grid()).isEqualTo(64);
        assertThat(c).isEqualTo(new RoughnessAdjointConfig("linear", BOTH, 0.5, false, new int[] {16, 64}, 10, 1, 1, false))
                .hasSameHashCodeAs(new RoughnessAdjointConfig("linear", BOTH, 0.5, false, new int[] {16, 64}, 10, 1, 1, false))
                .isNotEqualTo(new RoughnessAdjointConfig("linear", BOTH, 0.5, false, new int[] {16, 64}, 10, 1, 1, true));
        assertThat(c.toString()).contains("H=0.5", "[16, 64]");
        for (RoughnessAdjointConfig other : List.of(
                new RoughnessAdjointConfig("tanh", BOTH, 0.5, false, new int[] {16, 64}, 10, 1, 1, false),
                new RoughnessAdjointConfig("linear", List.of("heun"), 0.5, false, new int[] {16, 64}, 10, 1, 1, false),
                new RoughnessAdjointConfig("linear", BOTH, 0.25, false, new int[] {16, 64}, 10, 1, 1, false),
                new RoughnessAdjointConfig("linear", BOTH, 0.5, false, new int[] {16, 32}, 10, 1, 1, false),
                new RoughnessAdjointConfig("linear", BOTH, 0.5, false, new int[] {16, 64}, 11, 1, 1, false),
                new RoughnessAdjointConfig("linear", BOTH, 0.5, false, new int[] {16, 64}, 10, 2, 1, false),
                new RoughnessAdjointConfig("linear", BOTH, 0.5, false, new int[] {16, 64}, 10, 1, 2, false))) {
            assertThat(c).isNotEqualTo(other);
        }
        assertThat(new RoughnessAdjointConfig("linear", BOTH, 1, true, new int[] {16, 64}, 10, 1, 1, false))
                .isNotEqualTo(new RoughnessAdjointConfig("linear", BOTH, 0, true, new int[] {16, 64}, 10, 1, 1, false));
        assertThat(c).isNotEqualTo("linear");
    }
}
