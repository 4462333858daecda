package org.resnetode.claim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The paper's two ends through the real pipeline: smooth (Euler 1, Heun 2), i.i.d. (both 1/2), and the decoupled control. */
class RoughnessLimitsTest {

    @Test
    void smoothEndHasTheClassicalOrdersAndTheIidEndTheCentralLimitRate() {
        List<ClaimResult> results = RoughnessClaim.plan(new RoughnessSweep(List.of(), List.of(), false, true, 1), Progress.SILENT).run();
        assertThat(results).hasSize(1);
        ClaimResult r = results.get(0);
        assertThat(r.claim()).isEqualTo("roughness-limits");
        double[] predicted = {1, 2, 0.5, 0.5};
        for (int i = 0; i < 4; i++) {
            Map<String, Object> row = r.rows().get(i);
            assertThat((double) row.get("predicted")).isEqualTo(predicted[i]);
            assertThat((double) row.get("rate")).as("row %d", i).isCloseTo(predicted[i], within(0.05));
        }
        assertThat(r.rows().get(1)).containsEntry("end", "smooth (H = 1, B = t Z)").containsEntry("scheme", "heun");
        assertThat(r.verdict()).isEqualTo(Verdict.HOLDS);
        assertThat(r.notes()).anyMatch(n -> n.contains("linear heun at the smooth end"))
                .anyMatch(n -> n.contains("linear euler at the i.i.d. end"));
    }

    @Test
    void decoupledEndsFail() {
        ClaimResult r = RoughnessLimits.measure(new int[] {16, 32, 64}, 40, 1, 2, true);
        assertThat(r.config()).containsEntry("control", "decoupled");
        assertThat(r.verdict()).isEqualTo(Verdict.FAILS);
        assertThat((double) r.rows().get(1).get("rate")).isLessThan(0.5);
    }

    @Test
    void predictions() {
        assertThat(RoughnessLimits.predicted("euler", 1)).isEqualTo(1);
        assertThat(RoughnessLimits.predicted("heun", 1)).isEqualTo(2);
        assertThat(RoughnessLimits.predicted("euler", 0)).isEqualTo(0.5);
        assertThat(RoughnessLimits.predicted("heun", 0)).isEqualTo(0.5);
    }
}
