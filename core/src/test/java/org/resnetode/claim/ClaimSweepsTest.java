package org.resnetode.claim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.resnetode.model.Families;
import org.resnetode.train.linear.TrainingHistory;

/** The claims' configurations as values that plan themselves: cases, standard configurations, plans and their assembly. */
class ClaimSweepsTest {
    private static final int[] SHORT = {8, 16, 32};

    @Test
    void laddersDoubleOrMultiplyAndEndAtTheirTop() {
        assertThat(Ladder.doubling(8, 64)).containsExactly(8, 16, 32, 64);
        assertThat(Ladder.doubling(8, 100)).containsExactly(8, 16, 32, 64, 100);
        assertThat(Ladder.doubling(5, 5)).containsExactly(5);
        assertThat(Ladder.geometric(1000, 1000000, 10)).containsExactly(1000, 10000, 100000, 1000000);
        assertThat(Ladder.geometric(3, 10, 3)).containsExactly(3, 9, 10);
        assertThat(Ladder.geometric(Integer.MAX_VALUE / 2 + 1, Integer.MAX_VALUE, 2)).containsExactly(Integer.MAX_VALUE / 2 + 1,
                Integer.MAX_VALUE);
    }

    @Test
    void distanceCasesEveryFamilyAgainstSmoothAndRoughThenTheAlternatingCases() {
        List<DistanceSweep.Case> all = DistanceSweep.cases(null, null, false);
        assertThat(all).hasSize(2 * Families.NAMES.size() + 3);
        assertThat(all.subList(0, 2)).containsExactly(new DistanceSweep.Case(Families.NAMES.get(0), "fourier", false),
                new DistanceSweep.Case(Families.NAMES.get(0), "iid", false));
        assertThat(all.subList(all.size() - 3, all.size())).containsExactly(new DistanceSweep.Case("theta2", "alternating", true),
                new DistanceSweep.Case("tanh", "alternating", true), new DistanceSweep.Case("tanh", "alternating", false));
        assertThat(DistanceSweep.cases("tanh", null, true)).containsExactly(new DistanceSweep.Case("tanh", "fourier", true),
                new DistanceSweep.Case("tanh", "iid", true));
        assertThat(DistanceSweep.cases(null, "kinked", false)).extracting(DistanceSweep.Case::family).containsExactlyElementsOf(Families.NAMES);
        assertThat(DistanceSweep.cases("mlp", "iid", false)).containsExactly(new DistanceSweep.Case("mlp", "iid", false));
    }

    @Test
    void theStandardDistanceSweep() {
        DistanceSweep s = DistanceSweep.standard(SHORT);
        assertThat(s.control()).isEqualTo(Control.NONE);
        assertThat(s.configs()).hasSize(DistanceSweep.cases(null, null, false).size());
        for (SweepConfig c : s.configs()) {
            assertThat(c.dim()).isEqualTo(c.family().equals("theta2") ? 1 : 8);
            assertThat(c.hidden()).isEqualTo(c.dim());
            assertThat(c.scheme()).isEqualTo("euler");
            assertThat(c.depths()).containsExactly(SHORT);
            assertThat(c.seed()).isEqualTo(1);
            assertThat(c.amplitude()).isEqualTo(1.0);
            assertThat(c.fitFrom()).isEqualTo(64);
            assertThat(c.batch()).isZero();
        }
        assertThat(s.configs().get(s.configs().size() - 3).zeroMean()).isTrue();
        assertThat(s.configs().get(0).zeroMean()).isFalse();
        assertThat(DistanceSweep.CONTROLS).containsExactly(Control.BROKEN_TABLEAU, Control.ROUGH_WEIGHTS, Control.FBM_WEIGHTS,
                Control.NO_PROPAGATION);
    }

    @Test
    void aDistancePlanIsOneTaskPerConfigurationInOrder() {
        SweepConfig a = new SweepConfig("tanh", "fourier", "euler", 2, 2, SHORT, 1, 1.0, false, 8, 0);
        SweepConfig b = new SweepConfig("linear", "iid", "euler", 2, 2, SHORT, 1, 1.0, false, 8, 0);
        ClaimPlan plan = new DistanceSweep(List.of(a, b), Control.NONE).plan(Progress.SILENT);
        assertThat(plan.size()).isEqualTo(2);
        List<ClaimResult> results = plan.run();
        assertThat(results).extracting(r -> r.config().get("family")).containsExactly("tanh", "linear");
        assertThat(results).extracting(ClaimResult::claim).containsOnly("distance");
        SweepConfig longer = new SweepConfig("tanh", "fourier", "euler", 2, 2, new int[] {64, 128, 256, 512, 1024}, 1, 1.0, false, 64, 0);
        assertThat(new DistanceSweep(List.of(longer), Control.BROKEN_TABLEAU).plan(Progress.SILENT).run().get(0).verdict())
                .isEqualTo(Verdict.FAILS);
        assertThatThrownBy(() -> new DistanceSweep(List.of(a), null)).isInstanceOf(NullPointerException.class);
    }

    @Test
    void theStandardAdjointSweepAndItsDepthNeededTable() {
        AdjointSweep s = AdjointSweep.standard(SHORT);
        assertThat(s.configs()).extracting(c -> c.scheme() + "/" + c.profile()).containsExactly("euler/fourier", "euler/kinked",
                "euler/iid", "heun/fourier", "heun/kinked", "heun/iid");
        assertThat(s.configs()).allSatisfy(c -> {
            assertThat(c.family()).isEqualTo("mlp");
            assertThat(c.dim()).isEqualTo(8);
            assertThat(c.hidden()).isEqualTo(8);
            assertThat(c.batch()).isEqualTo(4);
            assertThat(c.fitFrom()).isEqualTo(64);
            assertThat(c.seed()).isEqualTo(1);
        });
        assertThat(s.batch()).isDeepEqualTo(AdjointMeasurement.batch(4, 8, 1));
        SweepConfig tiny = new SweepConfig("tanh", "fourier", "euler", 2, 2, SHORT, 1, 1.0, false, 8, 2);
        ClaimPlan plan = new AdjointSweep(List.of(tiny, tiny), AdjointMeasurement.batch(2, 2, 1), Control.NONE).plan(Progress.SILENT);
        assertThat(plan.size()).isEqualTo(2);
        List<ClaimResult> results = plan.run();
        assertThat(results).extracting(ClaimResult::claim).containsExactly("adjoint", "adjoint", "adjoint-depth-needed");
        assertThat(results.get(2).rows()).hasSize(2 * AdjointClaim.TARGETS.length);
        assertThat(AdjointSweep.CONTROLS).containsExactly(Control.WRONG_REVERSE, Control.ROUGH_WEIGHTS, Control.SWAPPED_STAGES,
                Control.WRONG_STAGE_TIME, Control.WRONG_VJP);
        for (Control stageControl : List.of(Control.SWAPPED_STAGES, Control.WRONG_STAGE_TIME)) {
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> new AdjointSweep(List.of(tiny), AdjointMeasurement.batch(2, 2, 1),
                    stageControl)).isInstanceOf(org.resnetode.checks.BadInputException.class)
                    .hasMessageContaining("changes nothing on a one-stage scheme (euler)");
        }
        SweepConfig heun = new SweepConfig("tanh", "fourier", "heun", 2, 2, SHORT, 1, 1.0, false, 8, 2);
        assertThat(new AdjointSweep(List.of(tiny, heun), AdjointMeasurement.batch(2, 2, 1), Control.SWAPPED_STAGES).control())
                .isEqualTo(Control.SWAPPED_STAGES);
    }

    @Test
    void theStandardMemorySweepPlansThreeTasksPerDepth() {
        MemorySweep s = MemorySweep.standard(new int[] {1000, 2000});
        SweepConfig c = s.config();
        assertThat(List.of(c.family(), c.profile(), c.scheme())).containsExactly("tanh", "fourier", "euler");
        assertThat(new int[] {c.dim(), c.hidden(), c.batch(), c.fitFrom()}).containsExactly(64, 64, 1, 1);
        assertThat(c.seed()).isEqualTo(1);
        assertThat(s.control()).isEqualTo(Control.NONE);
        assertThat(s.plan(Progress.SILENT).size()).isEqualTo(2 * (1 + MemoryClaim.ADJOINT_RUNS));
        assertThat(MemorySweep.CONTROLS).containsExactly(Control.STORING_ADJOINT);
        assertThatThrownBy(() -> new MemorySweep(null, Control.NONE)).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> new MemorySweep(c, null)).isInstanceOf(NullPointerException.class);
    }

    @Test
    void theStandardRegularizationSweep() {
        RegularizationSweep quick = RegularizationSweep.standard(true);
        RegularizationSweep full = RegularizationSweep.standard(false);
        assertThat(quick.base().depths()).containsExactly(16, 32, 64, 128);
        assertThat(full.base().depths()).containsExactly(16, 32, 64, 128, 256, 512, 1024);
        RegularizationConfig b = full.base();
        assertThat(List.of(b.dim(), b.target(), b.seed(), b.learningRate(), b.time(), b.trackEvery(), b.init(), b.initAmplitude(),
                b.lossTarget())).containsExactly(8, "random:0.5", 1L, 0.25, 100.0, 20, "zero", 0.5, 1e-10);
        assertThat(quick.scan().dims()).containsExactly(2, 4);
        assertThat(full.scan().dims()).containsExactly(2, 8);
        assertThat(full.scan().scales()).containsExactly(0.25, 0.5, 1, 2, 4);
        assertThat(quick.scan().depths()).containsExactly(16, 32, 64);
        assertThat(full.scan().depths()).containsExactly(16, 32, 64, 128, 256);
        assertThat(full.scan().claimedScale()).isEqualTo(0.5);
        RegularizationConfig c = full.commuting();
        assertThat(List.of(c.dim(), c.target(), c.learningRate(), c.time(), c.trackEvery(), c.init(), c.initAmplitude()))
                .containsExactly(3, "diagonal:0.5,1.5,2", 0.2, 200.0, Integer.MAX_VALUE, "zero", 0.0);
        assertThat(c.depths()).containsExactly(16, 32, 64, 128, 256);
        assertThat(quick.commuting().depths()).containsExactly(16, 32, 64);
        assertThat(full.figureDepths()).containsExactly(16, 64, 256);
    }

    @Test
    void aRegularizationPlanSkipsWhatIsLeftOut() {
        RegularizationConfig base = new RegularizationConfig(2, "random:0.5", 1, new int[] {4, 8}, 0.25, 2, 4,
                RegularizationConfig.ZERO, 0.5, 1e-10);
        RegularizationSweep.Scan scan = new RegularizationSweep.Scan(new int[] {2}, new double[] {0.5}, new int[] {4, 8}, 0.5);
        RegularizationConfig commuting = RegularizationSweep.commuting(base, 2, "diagonal:0.5,2", new int[] {4, 8});
        assertThat(new RegularizationSweep(base, null, null, new int[] {2}, Control.NONE).plan(Progress.SILENT).size()).isEqualTo(1);
        for (double claimed : new double[] {0, -1}) {
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> new RegularizationSweep.Scan(new int[] {2}, new double[] {0.5},
                    new int[] {4, 8}, claimed)).isInstanceOf(org.resnetode.checks.BadInputException.class)
                    .hasMessageContaining("--claimed-scale must be greater than 0");
        }
        assertThat(new RegularizationSweep(base, scan, null, new int[] {2}, Control.NONE).plan(Progress.SILENT).size()).isEqualTo(2);
        assertThat(new RegularizationSweep(base, null, commuting, new int[] {2}, Control.NONE).plan(Progress.SILENT).size()).isEqualTo(2);
        List<ClaimResult> results = new RegularizationSweep(base, scan, commuting, new int[] {2}, Control.NONE).plan(Progress.SILENT).run();
        assertThat(results).extracting(ClaimResult::claim).containsExactly("regularization", "regularization-scan",
                "regularization-commuting");
        assertThat(commuting.seed()).isEqualTo(base.seed());
        assertThat(commuting.lossTarget()).isEqualTo(base.lossTarget());
    }

    /** Figure 2 trains to T = 5 at η = 0.25 (20 steps), tracked every 4 steps: the times 0, 1, ..., 5. */
    @Test
    void figureTwoTrainsEachDepthUpToTimeFiveTrackedAtWholeTimes() {
        RegularizationConfig base = new RegularizationConfig(2, "random:0.5", 1, new int[] {4, 8}, 0.25, 100, 20,
                RegularizationConfig.ZERO, 0.5, 1e-10);
        Map<Integer, TrainingHistory> h = new RegularizationSweep(base, null, null, new int[] {8, 2}, Control.NONE).figureHistories(Progress.SILENT);
        assertThat(h.keySet()).containsExactly(2, 8);
        TrainingHistory eight = h.get(8);
        assertThat(eight.size()).isEqualTo(6);
        for (int k = 0; k < 6; k++) {
            assertThat(eight.time(k)).isCloseTo(k, org.assertj.core.data.Offset.offset(1e-12));
        }
        assertThat(eight.weights(5)).hasSize(8 * 4);
    }

    @Test
    void sweepsCopyTheirArrays() {
        int[] dims = {2};
        double[] scales = {0.5};
        int[] depths = {4, 8};
        RegularizationSweep.Scan scan = new RegularizationSweep.Scan(dims, scales, depths, 0.5);
        int[] figure = {2, 4};
        RegularizationSweep s = new RegularizationSweep(RegularizationSweep.standard(true).base(), scan, null, figure, Control.NONE);
        dims[0] = 9;
        scales[0] = 9;
        depths[0] = 9;
        figure[0] = 9;
        assertThat(scan.dims()).containsExactly(2);
        assertThat(scan.scales()).containsExactly(0.5);
        assertThat(scan.depths()).containsExactly(4, 8);
        assertThat(s.figureDepths()).containsExactly(2, 4);
        assertThatThrownBy(() -> new RegularizationSweep(null, null, null, figure, Control.NONE)).isInstanceOf(NullPointerException.class);
    }
}
