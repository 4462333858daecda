package org.resnetode.claim;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.resnetode.model.DepthProfile.Smoothness;
import org.resnetode.model.FbmProfile;
import org.resnetode.scheme.Scheme;

/** Negative controls of Claims A and H: made-up measurements through {@link AdjointClaim#summarise}. */
class AdjointVerdictTest {
    private static final int[] LADDER = {8, 16, 32, 64, 128, 256, 512, 1024};
    private static final SweepConfig CFG = new SweepConfig("tanh", "fourier", "euler", 2, 2, LADDER, 1, 1.0, false, 64, 2);

    /** Recovery error {@code N^{-recoveryRate}}, gradient error {@code N^{-gradientRate}}. */
    private static List<AdjointMeasurement> power(double recoveryRate, double gradientRate) {
        List<AdjointMeasurement> ms = new ArrayList<>();
        for (int n : LADDER) {
            ms.add(new AdjointMeasurement(n, Math.pow(n, -recoveryRate), Math.pow(n, -gradientRate), 1, 1, 10L * n, 4));
        }
        return ms;
    }

    private static Verdict judge(Scheme scheme, Smoothness smoothness, List<AdjointMeasurement> ms) {
        return AdjointClaim.summarise(CFG, smoothness, scheme, ms).verdict();
    }

    @Test
    void firstOrderEulerHolds() {
        assertThat(judge(Scheme.EULER, Smoothness.SMOOTH, power(1, 1))).isEqualTo(Verdict.HOLDS);
    }

    @Test
    void nanGradientErrorsAreInconclusive() {
        List<AdjointMeasurement> all = new ArrayList<>();
        for (int n : LADDER) {
            all.add(new AdjointMeasurement(n, Double.NaN, Double.NaN, Double.NaN, Double.NaN, 10L * n, 4));
        }
        assertThat(judge(Scheme.EULER, Smoothness.SMOOTH, all)).isEqualTo(Verdict.INCONCLUSIVE);
        List<AdjointMeasurement> one = power(1, 1);
        one.set(2, new AdjointMeasurement(32, 1.0 / 32, Double.NaN, 0, 1, 320, 4));
        assertThat(judge(Scheme.EULER, Smoothness.SMOOTH, one)).isEqualTo(Verdict.INCONCLUSIVE);
    }

    @Test
    void anEulerRateOfFiveIsNotExplainedAndFails() {
        assertThat(judge(Scheme.EULER, Smoothness.SMOOTH, power(1, 5))).isEqualTo(Verdict.FAILS);
    }

    @Test
    void heunRateThreeIsAFindingOnlyWhereTheRoundTripPredictsIt() {
        assertThat(judge(Scheme.HEUN, Smoothness.SMOOTH, power(3, 3))).isEqualTo(Verdict.FINDING);
        assertThat(judge(Scheme.HEUN, Smoothness.ROUGH, power(3, 3))).isEqualTo(Verdict.FAILS);
    }

    /** The prediction on fBm weights is min(3, 1 + 2H) for Heun (rough.md section 8), the round trip's otherwise. */
    @Test
    void heunOnFractionalBrownianWeightsIsExplainedByOnePlusTwoH() {
        FbmProfile quarter = new FbmProfile(new double[] {0.5}, 1.0, 0.25, 64, 1);
        FbmProfile threeQuarters = new FbmProfile(new double[] {0.5}, 1.0, 0.75, 64, 1);
        assertThat(AdjointClaim.explanation(quarter, Scheme.HEUN).rate()).isEqualTo(1.5);
        assertThat(AdjointClaim.explanation(threeQuarters, Scheme.HEUN).rate()).isEqualTo(2.5);
        assertThat(AdjointClaim.explanation(threeQuarters, Scheme.EULER).rate()).isEqualTo(1.0);
        assertThat(AdjointClaim.explanation(threeQuarters, Scheme.HEUN).shown()).isEqualTo("2.500");
        AdjointClaim.Prediction fbm = AdjointClaim.explanation(threeQuarters, Scheme.HEUN);
        assertThat(AdjointClaim.summarise(CFG, Smoothness.ROUGH, Scheme.HEUN, power(2.5, 2.5), null, fbm).verdict())
                .isEqualTo(Verdict.FINDING);
        assertThat(AdjointClaim.summarise(CFG, Smoothness.ROUGH, Scheme.HEUN, power(2, 2), null, fbm).verdict())
                .isEqualTo(Verdict.FAILS);
    }

    @Test
    void theRecoveryErrorRateIsJudgedToo() {
        assertThat(judge(Scheme.EULER, Smoothness.SMOOTH, power(0, 1))).isEqualTo(Verdict.FAILS);
        assertThat(judge(Scheme.EULER, Smoothness.ROUGH, power(1, 0.5))).isEqualTo(Verdict.FAILS);
    }

    @Test
    void twoDepthsInTheFitRangeAreInconclusive() {
        SweepConfig late = new SweepConfig("tanh", "fourier", "euler", 2, 2, LADDER, 1, 1.0, false, 512, 2);
        assertThat(AdjointClaim.summarise(late, Smoothness.SMOOTH, Scheme.EULER, power(1, 1)).verdict())
                .isEqualTo(Verdict.INCONCLUSIVE);
    }

    /** Every band is the paper's rate ± 0.1, rough Heun included (docs/derivations/claims.md section 0). */
    @Test
    void roughHeunHasTheSameBandAsEveryRate() {
        assertThat(judge(Scheme.HEUN, Smoothness.ROUGH, power(1.05, 1.05))).isEqualTo(Verdict.HOLDS);
        assertThat(judge(Scheme.HEUN, Smoothness.ROUGH, power(0.95, 0.95))).isEqualTo(Verdict.HOLDS);
        assertThat(judge(Scheme.HEUN, Smoothness.ROUGH, power(1.2, 1.2))).isEqualTo(Verdict.FAILS);
        assertThat(judge(Scheme.HEUN, Smoothness.ROUGH, power(0.85, 0.85))).isEqualTo(Verdict.FAILS);
        assertThat(judge(Scheme.EULER, Smoothness.ROUGH, power(1.2, 1.2))).isEqualTo(Verdict.FAILS);
        assertThat(judge(Scheme.HEUN, Smoothness.LIPSCHITZ, power(0.75, 0.75))).isEqualTo(Verdict.FAILS);
        assertThat(judge(Scheme.HEUN, Smoothness.SMOOTH, power(1.2, 1.2))).isEqualTo(Verdict.FAILS);
    }

    /** MATH.md section 5: only Heun on smooth (C-infinity) weights gets the paper's second order. */
    @Test
    void thePaperRateIsTwoOnlyForHeunOnSmoothWeights() {
        assertThat(AdjointClaim.paperRate(Scheme.EULER, Smoothness.SMOOTH)).isEqualTo(1);
        assertThat(AdjointClaim.paperRate(Scheme.EULER, Smoothness.ROUGH)).isEqualTo(1);
        assertThat(AdjointClaim.paperRate(Scheme.HEUN, Smoothness.SMOOTH)).isEqualTo(2);
        assertThat(AdjointClaim.paperRate(Scheme.HEUN, Smoothness.LIPSCHITZ)).isEqualTo(1);
        assertThat(AdjointClaim.paperRate(Scheme.HEUN, Smoothness.ROUGH)).isEqualTo(1);
        // the round trip 1 - (h²/4)(a_{n+1} - a_n)² + ...: Heun O(h³) when a_{n+1} - a_n = O(h), else 1; Euler 1
        assertThat(AdjointClaim.roundTripRate(Scheme.EULER, Smoothness.SMOOTH)).isEqualTo(1);
        assertThat(AdjointClaim.roundTripRate(Scheme.HEUN, Smoothness.SMOOTH)).isEqualTo(3);
        assertThat(AdjointClaim.roundTripRate(Scheme.HEUN, Smoothness.LIPSCHITZ)).isEqualTo(3);
        assertThat(AdjointClaim.roundTripRate(Scheme.HEUN, Smoothness.ROUGH)).isEqualTo(1);
    }

    @Test
    void summariseKeepsEachMeasurementInItsRow() {
        ClaimResult r = AdjointClaim.summarise(CFG, Smoothness.SMOOTH, Scheme.EULER, power(1, 1));
        assertThat(r.claim()).isEqualTo("adjoint");
        assertThat(r.rows()).hasSize(LADDER.length);
        java.util.Map<String, Object> row = r.rows().get(1);
        assertThat(row).containsEntry("N", 16).containsEntry("recoveryError", 1.0 / 16).containsEntry("gradientError", 1.0 / 16)
                .containsEntry("gradientNorm", 1.0).containsEntry("loss", 1.0).containsEntry("backpropStored", 160L)
                .containsEntry("adjointStored", 4L);
        assertThat(r.fits()).extracting(org.resnetode.stats.RateFit::quantity).containsExactly("recoveryError", "gradientError");
        assertThat(r.fit("gradientError").depthLow()).isEqualTo(64);
        assertThat(r.fit("gradientError").depthHigh()).isEqualTo(1024);
    }

    /** A synthetic adjoint result: rows (N, error) and the gradient error's fit {@code c N^{-r}} (none when c is NaN). */
    private static ClaimResult adjointResult(String scheme, String profile, double[][] measured, double c, double r) {
        java.util.Map<String, Object> config = new java.util.LinkedHashMap<>();
        config.put("scheme", scheme);
        config.put("profile", profile);
        config.put("family", "mlp");
        config.put("fitFrom", 8);
        List<java.util.Map<String, Object>> rows = new ArrayList<>();
        for (double[] m : measured) {
            java.util.Map<String, Object> row = new java.util.LinkedHashMap<>();
            row.put("N", (int) m[0]);
            row.put("gradientError", m[1]);
            rows.add(row);
        }
        List<org.resnetode.stats.RateFit> fits = Double.isNaN(c) ? List.of() : List.of(
                new org.resnetode.stats.RateFit("recoveryError", 1, 0.9, 1.1, 8, 64, 4, Math.log(1000)),
                new org.resnetode.stats.RateFit("gradientError", r, r - 0.1, r + 0.1, 8, 64, 4, Math.log(c)));
        return new ClaimResult("adjoint", config, rows, fits, Verdict.HOLDS, List.of());
    }

    private static final double[][] MEASURED = {{64, 4e-4}, {32, 1e-3}, {16, 9e-3}, {8, 5e-2}};

    /**
     * Depth needed, by hand: rows (N, error) = (64, 4e-4), (32, 1e-3), (16, 9e-3), (8, 5e-2) give the smallest N with
     * error strictly below 1e-2: 16, below 1e-3: 64 (32 sits exactly on it), below 1e-4: none. The fit
     * {@code 2 N^{-2}} gives N = ceil(sqrt(2/target)): sqrt(200) = 14.14 → 15, sqrt(2000) = 44.7 → 45, sqrt(20000) = 141.4 → 142,
     * each within one doubling of the measured crossing ((8, 16], (32, 64]) or beyond N_max / 2 = 32: consistent.
     */
    @Test
    void theDepthNeededIsTheSmallestDepthBelowTheTargetAndTheFittedPowerLawsSolution() {
        ClaimResult table = AdjointClaim.depthNeeded(List.of(adjointResult("heun", "iid", MEASURED, 2, 2)));
        assertThat(table.claim()).isEqualTo("adjoint-depth-needed");
        assertThat(table.verdict()).as(table.notes().toString()).isEqualTo(Verdict.HOLDS);
        assertThat(table.config()).containsEntry("targets", List.of(1e-2, 1e-3, 1e-4)).containsEntry("ladderRatio", 2.0);
        assertThat(table.notes()).filteredOn(n -> n.startsWith("holds: heun/iid")).hasSize(3);
        assertThat(table.notes()).contains("holds: heun/iid, target 1e-02: measured crossing in (8, 16], fitted depth 15.00 within "
                + "one ladder ratio 2 of it");
        assertThat(table.rows()).hasSize(3);
        Object[] measuredDepth = {16, 64, null};
        double[] fittedDepth = {15, 45, 142};
        for (int t = 0; t < 3; t++) {
            java.util.Map<String, Object> row = table.rows().get(t);
            assertThat(row).containsEntry("scheme", "heun").containsEntry("profile", "iid").containsEntry("family", "mlp")
                    .containsEntry("target", AdjointClaim.TARGETS[t]).containsEntry("measuredDepth", measuredDepth[t])
                    .containsEntry("fittedDepth", fittedDepth[t]);
        }
    }

    @Test
    void aResultWithoutAFitMakesTheTableInconclusive() {
        ClaimResult table = AdjointClaim.depthNeeded(List.of(adjointResult("heun", "iid", MEASURED, 2, 2),
                adjointResult("euler", "iid", MEASURED, Double.NaN, 0)));
        assertThat(table.verdict()).isEqualTo(Verdict.INCONCLUSIVE);
        assertThat(table.rows()).hasSize(3);
    }

    /** A fitted law that disagrees with the measured crossings fails: 2000 N^{-2} puts 1e-2 at N = 448, measured (8, 16]. */
    @Test
    void aFittedLawFarFromTheMeasuredCrossingFails() {
        ClaimResult far = AdjointClaim.depthNeeded(List.of(adjointResult("heun", "iid", MEASURED, 2000, 2)));
        assertThat(far.verdict()).isEqualTo(Verdict.FAILS);
        // a law putting the target inside the ladder where no depth reached it: 0.001 N^{-1} reaches 1e-4 at N = 10 <= 64 / 2
        ClaimResult early = AdjointClaim.depthNeeded(List.of(adjointResult("heun", "iid", MEASURED, 0.001, 1)));
        assertThat(early.verdict()).isEqualTo(Verdict.FAILS);
        assertThat(early.notes()).anyMatch(n -> n.startsWith("fails: heun/iid, target 1e-04: no depth up to N = 64 reached it"));
    }

    /** Claim H in depth terms, on smooth (fourier) weights only: Heun must need fewer layers than Euler for every target. */
    @Test
    void onSmoothWeightsHeunMustNeedFewerLayersThanEuler() {
        ClaimResult heunFirst = AdjointClaim.depthNeeded(List.of(adjointResult("euler", "fourier", MEASURED, 2, 2),
                adjointResult("heun", "fourier", new double[][] {{64, 1e-6}, {32, 1e-5}, {16, 1e-4}, {8, 1e-3}}, 0.5, 3)));
        assertThat(heunFirst.notes()).anyMatch(n -> n.startsWith("holds: smooth weights (fourier), target 1e-04: Heun needs N = "));
        assertThat(heunFirst.notes()).noneMatch(n -> n.startsWith("fails: smooth"));
        ClaimResult eulerFirst = AdjointClaim.depthNeeded(List.of(adjointResult("heun", "fourier", MEASURED, 2, 2),
                adjointResult("euler", "fourier", new double[][] {{64, 1e-6}, {32, 1e-5}, {16, 1e-4}, {8, 1e-3}}, 0.5, 3)));
        assertThat(eulerFirst.verdict()).isEqualTo(Verdict.FAILS);
        assertThat(eulerFirst.notes()).anyMatch(n -> n.startsWith("fails: smooth weights (fourier), target 1e-02: Heun needs N = 16"));
        // rough weights: no comparison is stated
        ClaimResult rough = AdjointClaim.depthNeeded(List.of(adjointResult("heun", "iid", MEASURED, 2, 2),
                adjointResult("euler", "iid", new double[][] {{64, 1e-6}, {32, 1e-5}, {16, 1e-4}, {8, 1e-3}}, 0.5, 3)));
        assertThat(rough.notes()).noneMatch(n -> n.contains("smooth weights"));
    }

    /** A short real run (d = 2, N = 8..64): rows and progress lines follow the ladder, and a depth below 1 is refused. */
    @Test
    void aShortRunMeasuresEveryDepthOfItsLadder() {
        int[] ladder = {8, 16, 32, 64};
        SweepConfig cfg = new SweepConfig("tanh", "fourier", "euler", 2, 2, ladder, 1, 1.0, false, 8, 2);
        List<String> lines = new ArrayList<>();
        ClaimResult r = AdjointClaim.run(cfg, lines::add);
        assertThat(r.rows()).extracting(m -> m.get("N")).containsExactly(8, 16, 32, 64);
        assertThat(lines).hasSize(4);
        assertThat(lines.get(0)).startsWith("adjoint tanh/fourier/euler N=8 recovery=");
        for (java.util.Map<String, Object> m : r.rows()) {
            assertThat((Double) m.get("gradientError")).isPositive().isLessThan(1);
        }
        // Euler adjoint: first order (MATH.md section 4), halving per doubling of N, within 0.1 over 8..64 here
        assertThat(r.fit("gradientError").rate()).isBetween(0.9, 1.1);
        SweepConfig heunAtOne = new SweepConfig("tanh", "fourier", "heun", 2, 2, new int[] {1, 2}, 1, 1.0, false, 1, 2);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> AdjointClaim.run(heunAtOne, Progress.SILENT))
                .isInstanceOf(org.resnetode.checks.BadInputException.class)
                .hasMessage("depth 1 is below 2, the smallest depth the heun adjoint is measured at");
    }

    @Test
    void theNoteStatesThePaperRateAsARateOrAsALowerBound() {
        assertThat(AdjointClaim.summarise(CFG, Smoothness.SMOOTH, Scheme.EULER, power(1, 1)).notes())
                .contains("euler adjoint, smooth weights: paper rate 1, scalar round trip (Symja, from the tableau) predicts 1; "
                        + "a rate above the paper's is a finding only when the round trip explains it within 0.1");
        assertThat(AdjointClaim.summarise(CFG, Smoothness.SMOOTH, Scheme.HEUN, power(2, 2)).notes())
                .anyMatch(n -> n.startsWith("heun adjoint, smooth weights: paper bound, rate at least 2, scalar round trip"));
    }

    /** The smallest depths measured: 1 for Euler, 2 for Heun (a second-order adjoint needs two layers); the batch overload is the seeded batch. */
    @Test
    void shortRunsStartAtTheSchemesSmallestDepth() {
        SweepConfig euler = new SweepConfig("tanh", "fourier", "euler", 2, 2, new int[] {1, 2, 4}, 1, 1.0, false, 1, 2);
        assertThat(AdjointClaim.run(euler, Progress.SILENT).rows()).extracting(m -> m.get("N")).containsExactly(1, 2, 4);
        SweepConfig heun = new SweepConfig("tanh", "fourier", "heun", 2, 2, new int[] {2, 4, 8}, 1, 1.0, false, 2, 2);
        ClaimResult seeded = AdjointClaim.run(heun, Progress.SILENT);
        ClaimResult given = AdjointClaim.run(heun, AdjointMeasurement.batch(2, 2, 1), Progress.SILENT);
        assertThat(given.rows()).extracting(m -> m.get("N")).containsExactly(2, 4, 8);
        assertThat(given.rows()).isEqualTo(seeded.rows());
    }
}
