package org.resnetode.claim;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.resnetode.claim.GradientAuditPatterns.Pattern;
import org.resnetode.claim.GradientAuditPatterns.StageLayout;
import org.resnetode.scheme.Scheme;
import org.resnetode.stats.RateFit;

/**
 * The audit's building blocks on step parts written by hand: S = 3 steps, two parameters per layer,
 * {@code L_n = (n+1, 100(n+1))} (reaches θ_n) and {@code R_n = (10(n+1), 1000(n+1))} (reaches θ_{n+1}), K = 4 layers.
 * The right layer gradient {@code e_m = L_m + R_{m-1}} is (1, 100), (12, 1200), (23, 2300), (30, 3000).
 */
class GradientAuditPartsTest {
    static final GradientAuditParts PARTS = new GradientAuditParts(3, 2, new double[] {1, 100, 2, 200, 3, 300},
            new double[] {10, 1000, 20, 2000, 30, 3000}, true);

    /** The first component of what each layer receives (the second is 100 times it). */
    static double[] firstComponents(Pattern pattern) {
        double[] out = new double[4];
        double[] layer = new double[2];
        for (int m = 0; m < 4; m++) {
            pattern.layer(PARTS, 4, m, layer);
            assertThat(layer[1]).as("%s layer %d", pattern, m).isEqualTo(100 * layer[0]);
            out[m] = layer[0];
        }
        return out;
    }

    @Test
    void everyPatternIsItsSumOfStepPartsByHand() {
        assertThat(firstComponents(Pattern.CORRECT)).containsExactly(1, 12, 23, 30);
        assertThat(firstComponents(Pattern.NEXT)).containsExactly(12, 23, 30, 0);
        assertThat(firstComponents(Pattern.PREVIOUS)).containsExactly(0, 1, 12, 23);
        assertThat(firstComponents(Pattern.SUM_NEXT)).containsExactly(13, 35, 53, 30);
        assertThat(firstComponents(Pattern.SUM_PREVIOUS)).containsExactly(1, 13, 35, 53);
        assertThat(firstComponents(Pattern.NEGATED)).containsExactly(-1, -12, -23, -30);
        assertThat(firstComponents(Pattern.STEP_STAGES)).containsExactly(11, 22, 33, 0);
        assertThat(firstComponents(Pattern.PREVIOUS_STEP_STAGES)).containsExactly(0, 11, 22, 33);
        assertThat(firstComponents(Pattern.OWN_STAGE_ONLY)).containsExactly(1, 2, 3, 0);
        assertThat(firstComponents(Pattern.OTHER_STAGE_ONLY)).containsExactly(0, 10, 20, 30);
        assertThat(PARTS.layers(4)).containsExactly(1, 100, 12, 1200, 23, 2300, 30, 3000);
    }

    @Test
    void aGradientIsExplainedByThePatternMatchingMostLayers() {
        // SUM_NEXT everywhere but layer 3, which is wrong
        double[] g = {13, 1300, 35, 3500, 53, 5300, 7, 700};
        GradientAuditPatterns.Explanation e = GradientAuditPatterns.explain(PARTS, g, 4, 1e-12, 1e-9);
        assertThat(e.pattern()).isEqualTo(Pattern.SUM_NEXT);
        assertThat(e.count()).isEqualTo(3);
        assertThat(e.matched()).containsExactly(true, true, true, false);
        // without a stage reading θ_{n+1}, the stage patterns are not tried: OWN_STAGE_ONLY's layers fit nothing else
        GradientAuditParts eulerLike = new GradientAuditParts(3, 2, PARTS.left(), new double[6], false);
        GradientAuditPatterns.Explanation none = GradientAuditPatterns.explain(eulerLike, new double[] {1, 100, 2, 200, 3, 300, 5, 5}, 4, 1e-12, 1e-9);
        assertThat(none.pattern()).isEqualTo(Pattern.CORRECT);
        assertThat(none.count()).isEqualTo(3);
    }

    /** A zero gradient: six patterns each explain one end layer (a zero there); the first of them, NEXT, is taken. */
    @Test
    void tiesGoToTheEarlierPattern() {
        GradientAuditPatterns.Explanation e = GradientAuditPatterns.explain(PARTS, new double[8], 4, 1e-12, 1e-9);
        assertThat(e.pattern()).isEqualTo(Pattern.NEXT);
        assertThat(e.count()).isEqualTo(1);
    }

    @Test
    void closeIsInclusiveAndRelativeToTheLargerNormOrTheFloor() {
        // ||a - b|| = 2, max(||a||, ||b||) = 4: equal at tolerance 1/2, not below
        assertThat(GradientAuditPatterns.close(new double[] {9, 4}, 1, new double[] {2}, 1, 0.5, 0)).isTrue();
        assertThat(GradientAuditPatterns.close(new double[] {9, 4}, 1, new double[] {2}, 1, 0.49, 0)).isFalse();
        // both near zero: the floor is the scale
        assertThat(GradientAuditPatterns.close(new double[] {1e-6}, 0, new double[] {0}, 1, 1e-3, 1e-3)).isTrue();
        assertThat(GradientAuditPatterns.close(new double[] {1e-6}, 0, new double[] {0}, 1, 1e-3, 1e-4)).isFalse();
    }

    @Test
    void stageLayoutsByHand() {
        assertThat(StageLayout.INTERLEAVED.arrange(PARTS)).containsExactly(1, 100, 10, 1000, 2, 200, 20, 2000, 3, 300, 30, 3000);
        assertThat(StageLayout.BLOCKED.arrange(PARTS)).containsExactly(1, 100, 2, 200, 3, 300, 10, 1000, 20, 2000, 30, 3000);
    }

    @Test
    void rangesAreRunsOfConsecutiveLayers() {
        assertThat(GradientAuditPatterns.ranges(List.of(0, 1, 2, 4, 6, 7))).isEqualTo("0..2, 4, 6..7");
        assertThat(GradientAuditPatterns.ranges(List.of(5))).isEqualTo("5");
        assertThat(GradientAuditPatterns.ranges(List.of(3, 5))).isEqualTo("3, 5");
        assertThat(GradientAuditPatterns.ranges(List.of())).isEmpty();
    }

    @Test
    void thePredictedRateIsThePapersOrTheToolsWhicheverIsSmaller() {
        GradientAuditReferences.Convention euler = new GradientAuditReferences.Convention(Scheme.EULER, null);
        GradientAuditReferences.Convention heun = new GradientAuditReferences.Convention(Scheme.HEUN, null);
        GradientAuditReferences.Convention rk4 = new GradientAuditReferences.Convention(Scheme.byName("rk4"), null);
        assertThat(GradientAuditDepths.paperRate(euler)).isEqualTo(1);
        assertThat(GradientAuditDepths.paperRate(heun)).isEqualTo(2);
        assertThat(GradientAuditDepths.paperRate(rk4)).isEqualTo(2);
        RateFit three = new RateFit("e", 3.0, 2.9, 3.1, 8, 32, 3, 0);
        RateFit slow = new RateFit("e", 0.7, 0.6, 0.8, 8, 32, 3, 0);
        assertThat(new GradientAuditDepths.Ladder(heun, null, null, null, three).predictedRate()).isEqualTo(2.0);
        assertThat(new GradientAuditDepths.Ladder(heun, null, null, null, slow).predictedRate()).isEqualTo(0.7);
        assertThat(new GradientAuditDepths.Ladder(euler, null, null, null, null).predictedRate()).isEqualTo(1.0);
        assertThat(new GradientAuditDepths.Ladder(heun, null, null, null, three).fastestRate()).isEqualTo(3.0);
        assertThat(new GradientAuditDepths.Ladder(heun, null, null, null, slow).fastestRate()).isEqualTo(2.0);
        assertThat(new GradientAuditDepths.Ladder(euler, null, null, null, null).fastestRate()).isEqualTo(1.0);
    }
}
