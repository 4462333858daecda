package org.resnetode.claim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.resnetode.stats.RateFit;
import org.resnetode.train.linear.Smoothness;
import org.resnetode.train.linear.TrainingHistory;

/** Claim R (MATH.md section 3): the acceptance run, its negative controls and the Richardson limit against a deep reference. */
@org.junit.jupiter.api.Timeout(value = 5, unit = java.util.concurrent.TimeUnit.MINUTES) // training loops
class RegularizationClaimTest {

    /** A deep-reference comparison inside its bands (for verdicts built from hand-made figures). */
    static final RegularizationReference.Check INSIDE = new RegularizationReference.Check(new int[] {16}, 64, 0.5, 0.5,
            new double[] {1.0 / 16});

    static RegularizationConfig config(int d, String target, long seed, int[] depths, String init) {
        return new RegularizationConfig(d, target, seed, depths, 0.25, 100, 20, init, 0.5, 1e-10);
    }

    /** Acceptance: random:0.5, d = 8, N = 16..1024: loss below 1e-10, sup S within 10%, limit rate in [0.9, 1.1]. */
    @Test
    void acceptanceAtHalfScaleInDimensionEight() {
        ClaimResult r = RegularizationClaim.run(config(8, "random:0.5", 1, new int[] {16, 32, 64, 128, 256, 512, 1024},
                RegularizationConfig.ZERO), Progress.SILENT);
        assertThat(r.verdict()).as(String.join("\n", r.notes())).isEqualTo(Verdict.HOLDS);
        double lo = Double.POSITIVE_INFINITY;
        double hi = 0;
        for (Map<String, Object> row : r.rows()) {
            assertThat((Double) row.get("finalLoss")).isLessThan(1e-10);
            lo = Math.min(lo, (Double) row.get("supS"));
            hi = Math.max(hi, (Double) row.get("supS"));
        }
        assertThat(hi / lo - 1).isLessThanOrEqualTo(0.10);
        RateFit limit = r.fit("limitDistance");
        assertThat(limit.points()).isEqualTo(7);
        assertThat(limit.rate()).isBetween(0.9, 1.1);
        assertThat(r.fit("odeDistance").rate()).isBetween(0.9, 1.1);
        // the limit against the deep reference M = 1024, judged at N = 16..256
        assertThat(r.notes()).anyMatch(n -> n.startsWith("holds: Richardson limit 2 A^{2N}_{2n} - A^N_n against the deep reference")
                && n.contains("(N = 16..256, every tracked t, M = 1024)"));
        assertThat(r.notes()).anyMatch(n -> n.startsWith("holds: limit distance 2 max_n ||A^N_n - A^{2N}_{2n}|| against the distance"));
        assertThat(r.rows().get(4)).containsKey("referenceDistance");
        assertThat(r.rows().get(5)).doesNotContainKey("referenceDistance");
        // the reference distance and the Richardson estimate agree within a percent (their difference is O(1/N²))
        assertThat((Double) r.rows().get(0).get("referenceDistance"))
                .isCloseTo((Double) r.rows().get(0).get("limitDistance"), org.assertj.core.data.Percentage.withPercentage(1));
    }

    /**
     * Negative control of the smoothness statement alone: a Hölder-0.8 path of amplitude 0.1 added to the initialisation
     * makes S(0) = σ N^{1-H} max_n χ_n (χ_n the increments' norms in units of N^{-H}, χ with 64 degrees of freedom),
     * so from N = 16 to 128 S(0) grows by 8^{0.2} = 1.516 times the ratio of the maxima of 127 and 15 such χ (about
     * 1.06; taken within [1, 1.2]); sup_t S(t) spreads by between 10% and 100% while the loss, the rates and the deep
     * reference hold: only the smoothness statement fails.
     */
    @Test
    void aHolderInitialisationFailsTheSmoothnessStatementAlone() {
        RegularizationConfig cfg = config(8, "random:0.5", 1, new int[] {16, 32, 64, 128}, RegularizationConfig.ZERO);
        ClaimResult r = RegularizationClaim.run(cfg, Control.HOLDER_INIT, Progress.SILENT);
        assertThat(r.verdict()).isEqualTo(Verdict.FAILS);
        assertThat(r.config()).containsEntry("control", "holder-init");
        assertThat(r.notes().stream().filter(n -> n.startsWith("fails:")).toList()).singleElement().asString()
                .startsWith("fails: sup_t S(t) ranges over");
        assertThat(r.notes().stream().filter(n -> n.startsWith("holds:")).count()).isEqualTo(5);
        double lo = r.rows().stream().mapToDouble(m -> (Double) m.get("supS")).min().orElseThrow();
        double hi = r.rows().stream().mapToDouble(m -> (Double) m.get("supS")).max().orElseThrow();
        assertThat(hi / lo - 1).isBetween(0.1, 1.0);
        double growth = (Double) r.rows().get(3).get("initialS") / (Double) r.rows().get(0).get("initialS");
        assertThat(growth).isBetween(Math.pow(8, 0.2), 1.2 * Math.pow(8, 0.2));
        // the same path at every depth: the initial weights of depth 16 are those of depth 32 at its even layers
        Map<Integer, TrainingHistory> h = RegularizationClaim.train(cfg, List.of(16, 32), Control.HOLDER_INIT, Progress.SILENT);
        assertThat(Smoothness.evenLayers(h.get(32).weights(0), 16, 8)).containsExactly(h.get(16).weights(0));
        assertThat(h.get(16).weights(0)).isNotEqualTo(new double[16 * 64]);
    }

    /**
     * holder-init adds to the stated initialisation (here fourier) the path σ B^H(t_n) of an fBm profile with seed + 2,
     * one path for every depth (on a grid beyond the default 4096 when a depth needs it), and that path has Hurst index
     * 0.8: the mean squared increment over the 64 entries scales as N^{-2H}, so from N = 16 to 128 it falls by 8^{1.6}
     * (H estimated within 0.05: 960 increments at N = 16). A depth that is not a power of two is refused.
     */
    @Test
    void aHolderInitialisationAddsOneHolderPathToTheStatedOne() {
        RegularizationConfig cfg = new RegularizationConfig(8, "random:0.5", 1, new int[] {16, 8192}, 0.25, 0.25, 1, "fourier", 0.5,
                1e-10);
        Map<Integer, TrainingHistory> stated = RegularizationClaim.train(cfg, List.of(16), Progress.SILENT);
        Map<Integer, TrainingHistory> holder = RegularizationClaim.train(cfg, List.of(16, 8192), Control.HOLDER_INIT, Progress.SILENT);
        org.resnetode.model.FbmProfile path = new org.resnetode.model.FbmProfile(new double[64], Control.HOLDER_AMPLITUDE,
                Control.HOLDER_HURST, 8192, cfg.seed() + 2);
        double[] expected = org.resnetode.train.linear.LinearTrainer.initialWeights(path, 8, 16);
        double[] base = stated.get(16).weights(0);
        for (int i = 0; i < expected.length; i++) {
            expected[i] += base[i];
        }
        assertThat(holder.get(16).weights(0)).containsExactly(expected);
        double[] fourier8192 = org.resnetode.train.linear.LinearTrainer.initialWeights(cfg.initialProfile(), 8, 8192);
        double[] path8192 = Smoothness.layersAt(holder.get(8192).weights(0), 8192, 16, 8);
        double[] fourierAt16 = Smoothness.layersAt(fourier8192, 8192, 16, 8);
        for (int i = 0; i < path8192.length; i++) {
            assertThat(path8192[i] - fourierAt16[i]).isCloseTo(expected[i] - base[i], org.assertj.core.api.Assertions.within(1e-15));
        }
        double hurst = Math.log(meanSquaredIncrement(16) / meanSquaredIncrement(128)) / (2 * Math.log(8));
        assertThat(hurst).isCloseTo(Control.HOLDER_HURST, org.assertj.core.api.Assertions.within(0.05));
        assertThatThrownBy(() -> RegularizationClaim.train(cfg, List.of(24, 48), Control.HOLDER_INIT, Progress.SILENT))
                .isInstanceOf(org.resnetode.checks.BadInputException.class).hasMessage("--control holder-init reads one fractional "
                        + "Brownian path on a power-of-two grid: every depth must be a power of two, got 24");
        RegularizationConfig odd = config(2, "random:0.5", 1, new int[] {16, 48}, RegularizationConfig.ZERO);
        assertThatThrownBy(() -> new RegularizationSweep(odd, null, null, new int[0], Control.HOLDER_INIT))
                .hasMessageEndingWith("got 48");
        RegularizationConfig even = config(2, "random:0.5", 1, new int[] {16, 32}, RegularizationConfig.ZERO);
        assertThatThrownBy(() -> new RegularizationSweep(even, new RegularizationSweep.Scan(new int[] {2}, new double[] {0.5},
                new int[] {16, 24}, 0.5), null, new int[0], Control.HOLDER_INIT)).hasMessageEndingWith("got 24");
        assertThat(new RegularizationSweep(odd, null, null, new int[0], Control.NONE).control()).isEqualTo(Control.NONE);
    }

    /** Mean over layers and entries of (A_{n+1}(0) - A_n(0))² at depth n under holder-init from zero. */
    private static double meanSquaredIncrement(int n) {
        RegularizationConfig zero = new RegularizationConfig(8, "random:0.5", 1, new int[] {16, 128}, 0.25, 0.25, 1,
                RegularizationConfig.ZERO, 0.5, 1e-10);
        double[] a = RegularizationClaim.train(zero, List.of(16, 128), Control.HOLDER_INIT, Progress.SILENT).get(n).weights(0);
        double s = 0;
        for (int i = 64; i < a.length; i++) {
            s += (a[i] - a[i - 64]) * (a[i] - a[i - 64]);
        }
        return s / (a.length - 64);
    }

    /** Negative control: an i.i.d. (rough) initialisation has S(0) ~ N, so sup S(t) grows with N and the limit does not exist. */
    @Test
    void roughInitialisationFails() {
        ClaimResult r = RegularizationClaim.run(config(4, "random:0.5", 1, new int[] {16, 32, 64}, "iid"), Progress.SILENT);
        assertThat(r.verdict()).isEqualTo(Verdict.FAILS);
        assertThat(r.notes()).anyMatch(n -> n.startsWith("fails: sup_t S(t) ranges over"));
        assertThat(r.notes()).anyMatch(n -> n.startsWith("fails: rate of sup_t max_n"));
    }

    /**
     * Measured limit of the claim's hypothesis: s = 0.5 is not a small enough initial loss for every draw. For d = 2,
     * seed 123, B = I + 0.5 G/√2 has no nearby real logarithm and the loss stalls far above 1e-10 (a finding, kept as a
     * regression; see NOTES-claimr.md).
     */
    @Test
    void halfScaleIsNotSmallEnoughForEveryTarget() {
        ClaimResult r = RegularizationClaim.run(config(2, "random:0.5", 123, new int[] {16, 32}, RegularizationConfig.ZERO),
                Progress.SILENT);
        assertThat(r.verdict()).isEqualTo(Verdict.FAILS);
        assertThat((Double) r.rows().get(0).get("finalLoss")).isGreaterThan(1e-3);
    }

    /**
     * The Richardson estimate against an independent route: a 32× deeper run whose layer 32n sits at t_n; its distance
     * to the N run is c (1/N - 1/(32N)), so rescaled by 32/31 it estimates c/N, which Richardson must match within 5%.
     */
    @Test
    void richardsonLimitMatchesADeepReference() {
        int n = 16;
        int deep = 32 * n;
        RegularizationConfig cfg = config(3, "random:0.4", 5, new int[] {n}, RegularizationConfig.ZERO);
        Map<Integer, TrainingHistory> h = RegularizationClaim.train(cfg, List.of(n, 2 * n, deep), Progress.SILENT);
        int last = h.get(n).size() - 1;
        double richardson = Smoothness.limitDistance(h.get(n).weights(last), n, h.get(2 * n).weights(last), 3);
        double[] a = h.get(n).weights(last);
        double[] ref = h.get(deep).weights(last);
        double max = 0;
        for (int k = 0; k < n; k++) {
            double s = 0;
            for (int i = 0; i < 9; i++) {
                double diff = a[k * 9 + i] - ref[32 * k * 9 + i];
                s += diff * diff;
            }
            max = Math.max(max, Math.sqrt(s));
        }
        assertThat(richardson).isCloseTo(max * 32 / 31, org.assertj.core.data.Percentage.withPercentage(5));
    }

    @Test
    void commutingCaseMatchesTheClosedFormAndSymja() {
        RegularizationConfig cfg = new RegularizationConfig(3, "diagonal:0.5,1.5,2", 1, new int[] {16, 32}, 0.2, 200,
                Integer.MAX_VALUE, RegularizationConfig.ZERO, 0, 1e-10);
        ClaimResult r = RegularizationCommuting.run(cfg, Progress.SILENT);
        assertThat(r.verdict()).as(String.join("\n", r.notes())).isEqualTo(Verdict.HOLDS);
        for (Map<String, Object> row : r.rows()) {
            assertThat((Double) row.get("closedFormError")).isLessThan(1e-8);
            assertThat((Double) row.get("constantError")).isLessThan(1e-4);
        }
        // (log 0.5)² / 2, the first entry's 1/N constant
        assertThat((Double) r.rows().get(0).get("symbolicConstant")).isCloseTo(0.5 * Math.log(0.5) * Math.log(0.5),
                org.assertj.core.data.Offset.offset(1e-15));
    }

    /** Negative control: a non-constant initialisation breaks the layers' equality, so the closed form no longer applies. */
    @Test
    void commutingCaseFailsFromANonConstantInitialisation() {
        RegularizationConfig cfg = new RegularizationConfig(3, "diagonal:0.5,1.5,2", 1, new int[] {16}, 0.2, 200,
                Integer.MAX_VALUE, "fourier", 0.5, 1e-10);
        ClaimResult r = RegularizationCommuting.run(cfg, Progress.SILENT);
        assertThat(r.verdict()).isEqualTo(Verdict.FAILS);
        assertThat(r.notes()).anyMatch(n -> n.startsWith("fails: trained layers against N (B^{1/N} - I)"));
        assertThatThrownBy(() -> RegularizationCommuting.run(config(2, "random:0.5", 1, new int[] {16}, RegularizationConfig.ZERO),
                Progress.SILENT)).hasMessageContaining("needs a diagonal target");
    }

    /** The commuting measurements on hand-made layers: relative distance to N (b^{1/N} - 1), mean diagonal, Richardson c_1. */
    @Test
    void commutingMeasurementsByHand() {
        double[] b = {2, 0.5};
        int n = 2;
        double d0 = n * (Math.sqrt(2) - 1);
        double d1 = n * (Math.sqrt(0.5) - 1);
        double norm = Math.hypot(d0, d1);
        // layer 0 exact; layer 1 off by 0.1 on its off-diagonal entry (row 0, column 1)
        double[] w = {d0, 0, 0, d1, d0, 0.1, 0, d1};
        assertThat(RegularizationCommuting.closedFormError(w, b, n)).isCloseTo(0.1 / norm, org.assertj.core.data.Offset.offset(1e-15));
        assertThat(RegularizationCommuting.meanDiagonal(new double[] {1, 9, 9, 2, 3, 9, 9, 6}, 2, 2)).containsExactly(2, 4);
        // A^N = L + c/N + e/N² exactly: c recovered
        double l = 0.3;
        double c = -1.7;
        double e = 0.4;
        double[] a1 = {l + c / 8 + e / 64};
        double[] a2 = {l + c / 16 + e / 256};
        double[] a4 = {l + c / 32 + e / 1024};
        assertThat(RegularizationCommuting.richardsonConstant(a1, a2, a4, 8)[0]).isCloseTo(c, org.assertj.core.data.Offset.offset(1e-12));
    }

    /** The scan judges only the claimed regime; beyond it, a divergence is a measured row with its step. */
    @Test
    void scanJudgesOnlyTheClaimedRegime() {
        RegularizationConfig base = config(2, "random:0.5", 1, new int[] {16}, RegularizationConfig.ZERO);
        ClaimResult r = RegularizationScan.run(base, new int[] {2}, new double[] {0.25, 4}, new int[] {16, 32, 64}, 0.5,
                Progress.SILENT);
        assertThat(r.verdict()).as(String.join("\n", r.notes())).isEqualTo(Verdict.HOLDS);
        assertThat(r.rows()).hasSize(2);
        // the first cell's row summarises the claim run of the same configuration
        ClaimResult cell = RegularizationClaim.run(base.with(2, "random:0.25", new int[] {16, 32, 64}), Progress.SILENT);
        Map<String, Object> row = r.rows().get(0);
        double[] supS = cell.rows().stream().mapToDouble(m -> (Double) m.get("supS")).toArray();
        double lo = java.util.Arrays.stream(supS).min().orElseThrow();
        double hi = java.util.Arrays.stream(supS).max().orElseThrow();
        assertThat(row).containsEntry("dim", 2).containsEntry("s", 0.25).containsEntry("verdict", "holds")
                .containsEntry("initialLoss", cell.rows().get(0).get("initialLoss"))
                .containsEntry("finalLoss", cell.rows().stream().mapToDouble(m -> (Double) m.get("finalLoss")).max().orElseThrow())
                .containsEntry("supSLow", lo).containsEntry("supSHigh", hi).containsEntry("spread", hi / lo - 1)
                .containsEntry("limitRate", cell.fit("limitDistance").rate())
                .containsEntry("limitRateLow", cell.fit("limitDistance").ci95Low())
                .containsEntry("limitRateHigh", cell.fit("limitDistance").ci95High())
                .doesNotContainKey("reason");
        assertThat(lo).isLessThan(hi);
        assertThat(r.rows().get(1).get("divergedAtStep")).isNotNull();
        assertThat(r.notes()).anyMatch(n -> n.startsWith("measured beyond the claimed regime: d=2 s=4.0 (") && n.contains("): fails"));
        assertThat(r.notes()).anyMatch(n -> n.startsWith("measured beyond the claimed regime: d=2 s=4.0 (")
                && n.endsWith("(" + r.rows().get(1).get("reason") + ")"));
        // rough initialisation inside the hypothesis ||B - I||_2 <= 1/2 (s = 0.1): a claimed cell that fails fails the scan
        ClaimResult rough = RegularizationScan.run(config(2, "random:0.1", 1, new int[] {16}, "iid"), new int[] {2}, new double[] {0.1},
                new int[] {16, 32, 64}, 0.5, Progress.SILENT);
        assertThat((Double) rough.rows().get(0).get("targetDistance")).isLessThan(RegularizationScan.OBSERVED_HYPOTHESIS);
        assertThat(rough.verdict()).isEqualTo(Verdict.FAILS);
        // s = 0.5 at d = 2, seed 1: ||B - I||_2 = 1.14, the loss is still 2.8e-8 at T = 100: a claimed cell that fails fails
        // the scan; ||B - I||_2 > 1/2 (a hypothesis formed after seeing it) is reported as an observation and changes nothing
        ClaimResult strict = RegularizationScan.run(base, new int[] {2}, new double[] {0.5}, new int[] {16, 32, 64}, 0.5,
                Progress.SILENT);
        assertThat((Double) strict.rows().get(0).get("targetDistance")).isGreaterThan(1.1);
        assertThat(strict.verdict()).as(String.join("\n", strict.notes())).isEqualTo(Verdict.FAILS);
        assertThat(strict.rows().get(0).get("reason")).asString().startsWith("fails: largest final loss over the ladder");
        assertThat(strict.notes()).anyMatch(n -> n.startsWith("fails: claimed regime (small initial loss) d=2 s=0.5")
                && n.endsWith("(" + strict.rows().get(0).get("reason") + ")"));
        assertThat(strict.notes()).contains("observation (not judged): d=2 s=0.5 fails with ||B - I||_2 = 1.138 > 0.5");
    }

    /** A rate needs two values above the round-off floor: two give a fit (judged inconclusive later), one gives none. */
    /**
     * The smoothness statement on its own: with every other stated quantity in its band (losses 1e-20, distances exactly
     * 1/N), a spread of sup_t S(t) of 60% across depths fails the stated 10% band and one of 5% holds.
     */
    @Test
    void theSmoothnessSpreadIsJudgedAgainstItsTenPercentBand() {
        int[] depths = {16, 32, 64};
        RegularizationConfig cfg = new RegularizationConfig(2, "random:0.5", 1, depths, 0.25, 2, 4, RegularizationConfig.ZERO, 0.5,
                1e-10);
        double[] inverse = {1.0 / 16, 1.0 / 32, 1.0 / 64};
        double[] losses = {1e-20, 1e-20, 1e-20};
        ClaimResult wide = RegularizationClaim.verdict(cfg, java.util.List.of(), depths, inverse, inverse, new double[] {0.5, 0.65, 0.8},
                losses, new double[0][], new org.resnetode.train.linear.TrainingHistory(false), INSIDE);
        assertThat(wide.verdict()).isEqualTo(Verdict.FAILS);
        assertThat(wide.notes()).anyMatch(n -> n.startsWith("fails: sup_t S(t) ranges over [0.50000, 0.80000]"));
        ClaimResult narrow = RegularizationClaim.verdict(cfg, java.util.List.of(), depths, inverse, inverse,
                new double[] {0.5, 0.51, 0.525}, losses, new double[0][], new org.resnetode.train.linear.TrainingHistory(false), INSIDE);
        assertThat(narrow.verdict()).isEqualTo(Verdict.HOLDS);
    }

    @Test
    void aRateIsFittedFromTwoValuesAboveRoundOff() {
        int[] depths = {16, 32, 64};
        assertThat(RegularizationClaim.fit("q", depths, new double[] {1e-3, 5e-4, 0}).points()).isEqualTo(2);
        assertThat(RegularizationClaim.fit("q", depths, new double[] {1e-3, 1e-13, Double.NaN})).isNull();
        assertThat(RegularizationClaim.fit("q", depths, new double[] {1e-3, 5e-4, 2.5e-4}).rate())
                .isCloseTo(1, org.assertj.core.api.Assertions.within(1e-12));
    }

    /** The negative control of the ladder and the scan: gradient descent without the depth scaling fails both. */
    @Test
    void withoutTheDepthScalingTheClaimAndTheScanFail() {
        RegularizationConfig cfg = config(2, "random:0.25", 1, new int[] {16, 32, 64}, RegularizationConfig.ZERO);
        List<String> lines = new java.util.ArrayList<>();
        ClaimResult depthScaled = RegularizationClaim.run(cfg, lines::add);
        assertThat(depthScaled.verdict()).isEqualTo(Verdict.HOLDS);
        // one progress line per trained depth: the ladder 16, 32, 64 and its doubles, 16..128
        assertThat(lines).hasSize(4).allMatch(l -> l.startsWith("regularization d=2 random:0.25 N="));
        // uniformity in t: at t = 0 every layer is zero and no rate exists; at the last tracked time the rate is about 1
        assertThat(depthScaled.notes()).anyMatch(n -> n.startsWith("rate of max_n ||A^N_n(t) - A(t_n, t)|| at each tracked time t: t=0.00: —;")
                && n.matches(".* t=100: (0\\.9\\d\\d|1\\.0\\d\\d);$"));
        ClaimResult unscaled = RegularizationClaim.run(cfg, Control.UNSCALED_STEP, Progress.SILENT);
        assertThat(unscaled.verdict()).isEqualTo(Verdict.FAILS);
        assertThat(unscaled.config()).containsEntry("control", "unscaled-step");
        assertThat(unscaled.notes()).anyMatch(n -> n.startsWith("fails: largest final loss over the ladder"));
        ClaimResult scan = RegularizationScan.run(cfg, new int[] {2}, new double[] {0.25}, new int[] {16, 32, 64}, 0.5,
                Control.UNSCALED_STEP, Progress.SILENT);
        assertThat(scan.verdict()).isEqualTo(Verdict.FAILS);
        assertThat(scan.rows().get(0).get("reason")).asString().startsWith("fails:");
        // the same number of steps at η/N: training time T/N at depth N
        java.util.Map<Integer, org.resnetode.train.linear.TrainingHistory> h = RegularizationClaim.train(cfg, java.util.List.of(16),
                Control.UNSCALED_STEP, Progress.SILENT);
        java.util.Map<Integer, org.resnetode.train.linear.TrainingHistory> scaled = RegularizationClaim.train(cfg, java.util.List.of(16),
                Progress.SILENT);
        assertThat(h.get(16).time(h.get(16).size() - 1)).isCloseTo(scaled.get(16).time(scaled.get(16).size() - 1) / 16,
                org.assertj.core.api.Assertions.within(1e-9));
    }
}
