package org.resnetode.claim;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.resnetode.stats.RateFit;

/** The one verdict policy: each judgement and its note, on hand-made fits. */
class VerdictPolicyTest {
    private final List<String> notes = new ArrayList<>();
    private final VerdictPolicy policy = new VerdictPolicy(notes);

    private static RateFit fit(double rate, double lo, double hi, int points) {
        return new RateFit("error", rate, lo, hi, 64, 512, points, 0);
    }

    @Test
    void nothingJudgedHolds() {
        assertThat(policy.verdict()).isEqualTo(Verdict.HOLDS);
    }

    @Test
    void aRateInItsBandHolds() {
        assertThat(policy.rate("error", fit(1.02, 1.0, 1.04, 5), 1, 0.1, +1, Double.NaN)).isEqualTo(Verdict.HOLDS);
        assertThat(policy.verdict()).isEqualTo(Verdict.HOLDS);
        assertThat(notes).singleElement().asString().startsWith("holds: rate of error over N = 64..512");
    }

    @Test
    void aRateBeyondTheBandIsAFindingOnlyWhenExplained() {
        assertThat(policy.rate("error", fit(3.0, 2.98, 3.02, 5), 2, 0.1, +1, 3)).isEqualTo(Verdict.FINDING);
        assertThat(policy.rate("error", fit(3.0, 2.98, 3.02, 5), 2, 0.1, +1, Double.NaN)).isEqualTo(Verdict.FAILS);
        assertThat(policy.rate("error", fit(3.0, 2.98, 3.02, 5), 2, 0.1, +1, 3.5)).isEqualTo(Verdict.FAILS);
        assertThat(policy.verdict()).isEqualTo(Verdict.FAILS);
        assertThat(notes.get(1)).startsWith("fails:").contains("not explained");
    }

    @Test
    void aRateOnTheOtherSideFailsEvenWhenAPredictionMatches() {
        assertThat(policy.rate("error", fit(0.5, 0.48, 0.52, 5), 1, 0.1, +1, 0.5)).isEqualTo(Verdict.FAILS);
        assertThat(policy.rate("error", fit(1.5, 1.48, 1.52, 5), 1, 0.1, 0, 1.5)).isEqualTo(Verdict.FAILS);
    }

    @Test
    void unusableFitsAreInconclusive() {
        assertThat(policy.rate("error", null, 1, 0.1, +1, Double.NaN)).isEqualTo(Verdict.INCONCLUSIVE);
        assertThat(policy.rate("error", fit(1, Double.NaN, Double.NaN, 2), 1, 0.1, +1, Double.NaN)).isEqualTo(Verdict.INCONCLUSIVE);
        assertThat(policy.rate("error", fit(Double.NaN, 0, 2, 5), 1, 0.1, +1, Double.NaN)).isEqualTo(Verdict.INCONCLUSIVE);
        assertThat(policy.rate("error", fit(1, 0.9, Double.POSITIVE_INFINITY, 5), 1, 0.1, +1, Double.NaN))
                .isEqualTo(Verdict.INCONCLUSIVE);
        assertThat(policy.verdict()).isEqualTo(Verdict.INCONCLUSIVE);
        assertThat(notes.get(1)).contains("fitted on 2 points; at least 3 are needed");
    }

    @Test
    void anIntervalReachingTheBandIsInconclusiveAndOneClearOfItIsNot() {
        assertThat(policy.rate("error", fit(1.2, 1.05, 1.35, 5), 1, 0.1, +1, Double.NaN)).isEqualTo(Verdict.INCONCLUSIVE);
        assertThat(policy.rate("error", fit(0.8, 0.7, 0.9, 5), 1, 0.1, +1, Double.NaN)).isEqualTo(Verdict.INCONCLUSIVE);
        assertThat(policy.rate("error", fit(1.2, 1.11, 1.29, 5), 1, 0.1, +1, Double.NaN)).isEqualTo(Verdict.FAILS);
        assertThat(notes.get(0)).contains("its 95% interval [1.050, 1.350] reaches it");
    }

    /** The telescoping case of issue 16: 1.138 [0.897, 1.379] beyond [-0.1, 0.1], prediction 1 ± 0.1 within the interval. */
    @Test
    void anIntervalReachingTheExplanationButNotThePointEstimateIsInconclusive() {
        assertThat(policy.rate("error", fit(1.138, 0.897, 1.379, 5), 0, 0.1, +1, 1)).isEqualTo(Verdict.INCONCLUSIVE);
        assertThat(notes.get(0)).startsWith("inconclusive: rate of error over N = 64..512 = 1.138 lies beyond the stated band "
                + "[-0.1000, 0.1000] and outside the independent prediction 1.000 ± 0.10, but its 95% interval [0.8970, 1.379] "
                + "reaches the prediction");
        assertThat(policy.rate("error", fit(1.047, 0.912, 1.182, 5), 0, 0.1, +1, 1)).isEqualTo(Verdict.FINDING);
        // clear of the prediction: not explained, fails; no prediction: fails
        assertThat(policy.rate("error", fit(1.4, 1.3, 1.5, 5), 0, 0.1, +1, 1)).isEqualTo(Verdict.FAILS);
        assertThat(policy.rate("error", fit(1.138, 0.897, 1.379, 5), 0, 0.1, +1, Double.NaN)).isEqualTo(Verdict.FAILS);
        // on the other side the prediction does not apply
        assertThat(policy.rate("error", fit(-1.138, -1.379, -0.897, 5), 0, 0.1, +1, -1)).isEqualTo(Verdict.FAILS);
    }

    @Test
    void theWorstVerdictWins() {
        policy.record(Verdict.FINDING, "a");
        assertThat(policy.verdict()).isEqualTo(Verdict.FINDING);
        policy.inconclusive("b");
        assertThat(policy.verdict()).isEqualTo(Verdict.INCONCLUSIVE);
        policy.check(true, "c");
        policy.fails("d");
        policy.inconclusive("e");
        assertThat(policy.verdict()).isEqualTo(Verdict.FAILS);
        assertThat(notes).containsExactly("finding: a", "inconclusive: b", "holds: c", "fails: d", "inconclusive: e");
    }

    @Test
    void bandsAndRowsAndFiniteValues() {
        assertThat(policy.band("gap", 0.001, 0, 0.001, 0, Double.NaN, 0)).isEqualTo(Verdict.HOLDS);
        assertThat(policy.band("gap", Double.NaN, 0, 0.001, 0, Double.NaN, 0)).isEqualTo(Verdict.INCONCLUSIVE);
        assertThat(policy.band("ratio", 0.3, 0.5, Double.POSITIVE_INFINITY, 0, Double.NaN, 0)).isEqualTo(Verdict.FAILS);
        assertThat(policy.band("ratio", 0.6, 0.5, 0.55, -1, 0.6, 0.1)).isEqualTo(Verdict.FAILS);
        assertThat(policy.band("ratio", 0.4, 0.5, 0.55, -1, 0.45, 0.1)).isEqualTo(Verdict.FINDING);
        assertThat(policy.enoughRows("bound", 3, 5, 3)).isTrue();
        assertThat(policy.enoughRows("bound", 2, 5, 3)).isFalse();
        assertThat(notes.get(notes.size() - 1)).isEqualTo("inconclusive: bound: 2 of 5 rows accepted, at least 3 needed");
        assertThat(policy.finite("x", 1)).isTrue();
        assertThat(policy.finite("x", Double.NEGATIVE_INFINITY)).isFalse();
    }

    @Test
    void exitCodesSayWhichVerdictsFail() {
        assertThat(Verdict.HOLDS.exitCode()).isZero();
        assertThat(Verdict.FINDING.exitCode()).isZero();
        assertThat(Verdict.INCONCLUSIVE.exitCode()).isEqualTo(1);
        assertThat(Verdict.FAILS.exitCode()).isEqualTo(1);
        assertThat(Verdict.fromLabel("inconclusive")).isEqualTo(Verdict.INCONCLUSIVE);
    }
}
