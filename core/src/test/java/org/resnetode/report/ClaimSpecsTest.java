package org.resnetode.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.resnetode.claim.AdjointSweep;
import org.resnetode.claim.ClaimResult;
import org.resnetode.claim.DistanceSweep;
import org.resnetode.claim.FinetuneConfig;
import org.resnetode.claim.MemorySweep;
import org.resnetode.claim.Progress;
import org.resnetode.claim.RegularizationConfig;
import org.resnetode.claim.RegularizationSweep;
import org.resnetode.claim.SweepConfig;
import org.resnetode.claim.Verdict;
import org.resnetode.stats.RateFit;

/** The five claims under the contract: names, configurations report runs, layouts, headlines, plots and summary sections. */
class ClaimSpecsTest {
    private static final List<ClaimSpec<?>> ALL = List.of(DistanceSpec.CLAIM, AdjointSpec.CLAIM, MemorySpec.CLAIM,
            FinetuneSpec.CLAIM, RegularizationSpec.CLAIM);

    private static ClaimResult result(String claim, Map<String, Object> config, List<Map<String, Object>> rows, RateFit... fits) {
        return new ClaimResult(claim, config, rows, List.of(fits), Verdict.HOLDS, List.of());
    }

    @Test
    void namesHeadingsAndConfigurationTypes() {
        assertThat(ALL).extracting(TableLayout::name).containsExactly("distance", "adjoint", "memory", "finetune", "regularization");
        assertThat(ALL).extracting(TableLayout::heading).containsExactly("Claim D: ResNet to Neural ODE distance",
                "Claims A and H: adjoint gradients", "Memory: backprop versus adjoint", "Training: the adjoint trains deep ResNets",
                "Claim R: implicit regularization of linear ResNets");
        assertThat(ALL).extracting(c -> (Object) c.configType()).containsExactly(DistanceSweep.class, AdjointSweep.class, MemorySweep.class,
                org.resnetode.claim.FinetuneSweep.class, RegularizationSweep.class);
        for (ClaimSpec<?> c : ALL) {
            assertThat(c.configType().isInstance(c.standard(true))).as(c.name()).isTrue();
            assertThat(c.configType().isInstance(c.standard(false))).as(c.name()).isTrue();
        }
    }

    /** The sweep hands memory's million-layer gradients out first and adjoint's short tasks last. */
    @Test
    void sweepOrderLongestFirst() {
        assertThat(ALL).extracting(ClaimSpec::sweepPriority).containsExactly(1, 4, 0, 2, 3);
    }

    @Test
    void theLaddersReportRuns() {
        assertThat(depths(DistanceSpec.CLAIM.standard(false).configs())).containsExactly(8, 16, 32, 64, 128, 256, 512, 1024, 2048, 4096);
        assertThat(depths(DistanceSpec.CLAIM.standard(true).configs())).containsExactly(8, 16, 32, 64, 128, 256, 512, 1024);
        assertThat(depths(AdjointSpec.CLAIM.standard(false).configs())).endsWith(2048, 4096).startsWith(8);
        assertThat(depths(AdjointSpec.CLAIM.standard(true).configs())).endsWith(512, 1024).startsWith(8);
        assertThat(MemorySpec.CLAIM.standard(false).config().depths()).containsExactly(1000, 2000, 4000, 8000, 16000, 32000, 64000,
                128000, 256000, 512000, 1000000);
        assertThat(MemorySpec.CLAIM.standard(true).config().depths()).containsExactly(1000, 2000, 4000, 8000, 16000, 32000, 64000);
        assertThat(FinetuneSpec.CLAIM.standard(false).config()).usingRecursiveComparison().isEqualTo(FinetuneConfig.quick(1));
        assertThat(FinetuneSpec.CLAIM.standard(true).config()).usingRecursiveComparison().isEqualTo(FinetuneConfig.quick(1));
        assertThat(FinetuneSpec.CLAIM.standard(true).control()).isEqualTo(org.resnetode.claim.Control.NONE);
        assertThat(RegularizationSpec.CLAIM.standard(false)).usingRecursiveComparison().isEqualTo(RegularizationSweep.standard(true));
        assertThat(RegularizationSpec.CLAIM.standard(true).base().depths()).containsExactly(16, 32, 64, 128);
    }

    private static int[] depths(List<SweepConfig> configs) {
        int[] first = configs.get(0).depths();
        for (SweepConfig c : configs) {
            assertThat(c.depths()).containsExactly(first);
        }
        return first;
    }

    /** Each claim's plan is its configuration's: one task per configuration, per depth and method, per part. */
    @Test
    void eachClaimPlansItsConfiguration() {
        SweepConfig tanh = new SweepConfig("tanh", "fourier", "euler", 2, 2, new int[] {8, 16}, 1, 1.0, false, 8, 2);
        assertThat(DistanceSpec.CLAIM.plan(new DistanceSweep(List.of(tanh, tanh, tanh), org.resnetode.claim.Control.NONE),
                Progress.SILENT).size()).isEqualTo(3);
        assertThat(AdjointSpec.CLAIM.plan(new AdjointSweep(List.of(tanh, tanh), org.resnetode.claim.AdjointMeasurement.batch(2, 2, 1),
                org.resnetode.claim.Control.NONE), Progress.SILENT).size()).isEqualTo(2);
        assertThat(MemorySpec.CLAIM.plan(new MemorySweep(tanh, org.resnetode.claim.Control.NONE), Progress.SILENT).size()).isEqualTo(6);
        assertThat(FinetuneSpec.CLAIM.plan(new org.resnetode.claim.FinetuneSweep(FinetuneConfig.quick(1), org.resnetode.claim.Control.NONE), Progress.SILENT).size()).isEqualTo(4);
        RegularizationSweep regularization = RegularizationSweep.standard(true);
        assertThat(RegularizationSpec.CLAIM.plan(regularization, Progress.SILENT).size()).isEqualTo(3);
    }

    @Test
    void layoutsAreTheClaimsTables() {
        ClaimResult distance = result("distance", Map.of("scheme", "heun", "family", "tanh", "profile", "iid"), List.of());
        assertThat(DistanceSpec.CLAIM.columns(distance)).isSameAs(DistanceReport.COLUMNS);
        assertThat(DistanceSpec.CLAIM.title(distance)).isEqualTo(DistanceReport.title(distance)).contains("heun");
        ClaimResult needed = result("adjoint-depth-needed", Map.of(), List.of());
        ClaimResult adjoint = result("adjoint", Map.of("scheme", "heun", "family", "mlp", "profile", "iid"), List.of());
        assertThat(AdjointSpec.CLAIM.columns(needed)).isSameAs(AdjointReport.DEPTH_NEEDED_COLUMNS);
        assertThat(AdjointSpec.CLAIM.columns(adjoint)).isSameAs(AdjointReport.COLUMNS);
        assertThat(AdjointSpec.CLAIM.title(needed)).isEqualTo("Depth the adjoint needs for a target gradient accuracy");
        assertThat(AdjointSpec.CLAIM.title(adjoint)).isEqualTo(AdjointReport.title(adjoint));
        ClaimResult memory = result("memory", Map.of("family", "tanh", "dim", 64), List.of());
        assertThat(MemorySpec.CLAIM.columns(memory)).isSameAs(MemoryReport.COLUMNS);
        assertThat(MemorySpec.CLAIM.title(memory)).isEqualTo(MemoryReport.title(memory));
        ClaimResult curves = result("finetune-curves", Map.of("depth", 16), List.of());
        assertThat(FinetuneSpec.CLAIM.columns(curves)).isEqualTo(FinetuneReport.columns(curves));
        assertThat(FinetuneSpec.CLAIM.title(curves)).isEqualTo(FinetuneReport.title(curves));
        ClaimResult scan = result("regularization-scan", Map.of("depths", List.of(16), "claimedScale", 0.5), List.of());
        assertThat(RegularizationSpec.CLAIM.columns(scan)).isSameAs(RegularizationReport.SCAN);
        assertThat(RegularizationSpec.CLAIM.title(scan)).isEqualTo(RegularizationReport.title(scan));
    }

    @Test
    void headlinesStateEachClaimsQuantity() {
        RateFit error = new RateFit("error", 1.01, 0.95, 1.05, 64, 4096, 7, 0);
        RateFit gradient = new RateFit("gradientError", 2.5, 2.25, 2.75, 64, 4096, 7, 0);
        RateFit backprop = new RateFit("backpropAllocatedBytes", -1, -1.5, -0.5, 1000, 8000, 4, 0);
        ClaimResult both = result("x", Map.of(), List.of(), error, gradient, backprop);
        assertThat(DistanceSpec.CLAIM.headline(both)).isEqualTo("error rate 1.010 [0.950, 1.050]");
        assertThat(AdjointSpec.CLAIM.headline(both)).isEqualTo("gradientError rate 2.500 [2.250, 2.750]");
        assertThat(MemorySpec.CLAIM.headline(both))
                .isEqualTo("backpropAllocatedBytes rate -1.000 [-1.500, -0.500]; adjointAllocatedBytes: no rate fitted");
        ClaimResult finetune = new ClaimResult("finetune-heun", Map.of(), List.of(), List.of(), Verdict.HOLDS,
                List.of("holds: the gradient error stays below 1e-3"));
        assertThat(FinetuneSpec.CLAIM.headline(finetune)).isEqualTo("the gradient error stays below 1e-3");
        ClaimResult scan = result("regularization-scan", Map.of(), List.of(Map.of(), Map.of()));
        assertThat(RegularizationSpec.CLAIM.headline(scan)).isEqualTo("2 cells (d, s)");
    }

    @Test
    void onlyTheDepthNeededTableIsLeftOutOfTheSummary() {
        assertThat(AdjointSpec.CLAIM.summarised(result("adjoint-depth-needed", Map.of(), List.of()))).isFalse();
        assertThat(AdjointSpec.CLAIM.summarised(result("adjoint", Map.of(), List.of()))).isTrue();
        for (ClaimSpec<?> c : List.of(DistanceSpec.CLAIM, MemorySpec.CLAIM, FinetuneSpec.CLAIM, RegularizationSpec.CLAIM)) {
            assertThat(c.summarised(result("adjoint-depth-needed", Map.of(), List.of()))).as(c.name()).isTrue();
        }
        for (ClaimSpec<?> c : List.of(AdjointSpec.CLAIM, MemorySpec.CLAIM, FinetuneSpec.CLAIM, RegularizationSpec.CLAIM)) {
            assertThat(c.summarySections(List.of(result("distance", Map.of("scheme", "euler"), List.of())))).as(c.name()).isEmpty();
        }
    }

    /**
     * A-priori tightness 0.5, 2, 3, 1, NaN and certified 0.9, 0.99, 1.0, 0.95, NaN over the ladder: medians 1.5 and 0.97
     * (NaN left out), worst 0.5 and 0.9; the linear run adds 0.25 and 0.5, so the per-family table has linear's single
     * values and tanh's as above. Violated rows: error above the bound by more than the self-check, accepted rows only.
     */
    @Test
    void theTightnessSectionSetsBothEulerBoundsSideBySide() {
        List<Map<String, Object>> rows = List.of(Map.of("tightness", 0.5, "certifiedTightness", 0.9),
                Map.of("tightness", 2.0, "certifiedTightness", 0.99), Map.of("tightness", 3.0, "certifiedTightness", 1.0),
                Map.of("tightness", 1.0, "certifiedTightness", 0.95), Map.of("tightness", Double.NaN, "certifiedTightness", Double.NaN));
        ClaimResult euler = result("distance", Map.of("family", "tanh", "profile", "alternating", "scheme", "euler", "zeroMean", true), rows);
        ClaimResult heun = result("distance", Map.of("family", "mlp", "profile", "iid", "scheme", "heun"), rows);
        ClaimResult other = result("adjoint", Map.of("family", "linear", "profile", "iid", "scheme", "euler"), rows);
        ClaimResult plain = result("distance", Map.of("family", "linear", "profile", "fourier", "scheme", "euler", "zeroMean", false),
                List.of(Map.of("tightness", 0.25, "certifiedTightness", 0.5)));
        assertThat(DistanceSpec.CLAIM.summarySections(List.of(euler, heun, other, plain))).isEqualTo(
                "\n## Tightness of the Euler bounds: a priori e^{L_x} (1/(2N)) (L_x M + L_θ TV) vs a posteriori (certified)\n\n"
                        + "| family | profile | a priori median | a priori worst | certified median | certified worst "
                        + "| rows violated (a priori / certified) |\n"
                        + "| --- | --- | --- | --- | --- | --- | --- |\n"
                        + "| tanh | alternating (zero mean) | 1.500e+00 | 5.000e-01 | 9.700e-01 | 9.000e-01 | 0 / 0 |\n"
                        + "| linear | fourier | 2.500e-01 | 2.500e-01 | 5.000e-01 | 5.000e-01 | 0 / 0 |\n"
                        + "\n| family (all profiles) | a priori median | a priori worst | certified median | certified worst |\n"
                        + "| --- | --- | --- | --- | --- |\n"
                        + "| tanh | 1.500e+00 | 5.000e-01 | 9.700e-01 | 9.000e-01 |\n"
                        + "| linear | 2.500e-01 | 2.500e-01 | 5.000e-01 | 5.000e-01 |\n");
        ClaimResult second = result("distance", Map.of("family", "tanh", "profile", "fourier", "scheme", "euler"),
                List.of(Map.of("tightness", 0.1, "certifiedTightness", 0.2)));
        // tanh over both runs: a priori {0.5, 2, 3, 1, 0.1} median 1, worst 0.1; certified {0.9, 0.99, 1, 0.95, 0.2} median 0.95
        assertThat(DistanceSpec.CLAIM.summarySections(List.of(euler, second)))
                .endsWith("| tanh | 1.000e+00 | 1.000e-01 | 9.500e-01 | 2.000e-01 |\n");
    }

    /**
     * A row is violated when its reference was accepted and its error exceeds the bound by more than the reference's
     * self-check difference (DistanceClaim.judgeCertified's rule): a certified tightness of 1 + 2e-13 within a self-check
     * of 1e-12 is the reference's own error, not a violation; an error 0.1 above a bound with a self-check of 1e-3 is one;
     * a refused reference counts for neither bound.
     */
    @Test
    void violatedRowsAreThoseAboveTheBoundByMoreThanTheReferenceSelfCheck() {
        List<Map<String, Object>> rows = List.of(
                Map.of("tightness", 2.0000000000004, "certifiedTightness", 1.0000000000002, "error", 1.0000000000002,
                        "bound", 0.5, "certified", 1.0, "odeSelfCheck", 1e-12, "referenceAccepted", true),
                Map.of("tightness", 1.0 / 3, "certifiedTightness", 1.0 / 0.9, "error", 1.0, "bound", 3.0, "certified", 0.9,
                        "odeSelfCheck", 1e-3, "referenceAccepted", true),
                Map.of("tightness", 5.0, "certifiedTightness", 5.0, "error", 5.0, "bound", 1.0, "certified", 1.0,
                        "odeSelfCheck", 0.0, "referenceAccepted", false));
        ClaimResult euler = result("distance", Map.of("family", "theta2", "profile", "alternating", "scheme", "euler"), rows);
        assertThat(DistanceSpec.CLAIM.summarySections(List.of(euler))).contains("| theta2 | alternating | ").contains(" | 1 / 1 |\n");
    }

    @Test
    void theDistancePlotsSplitSmoothFromRoughAndAreLeftOutWhenEmpty() {
        List<Map<String, Object>> rows = List.of(Map.of("N", 8, "error", 1e-2), Map.of("N", 16, "error", 5e-3));
        ClaimResult fourier = result("distance", Map.of("family", "tanh", "profile", "fourier", "scheme", "euler"), rows);
        ClaimResult iid = result("distance", Map.of("family", "tanh", "profile", "iid", "scheme", "euler"), rows);
        ClaimResult alternating = result("distance", Map.of("family", "tanh", "profile", "alternating", "scheme", "euler"), rows);
        DistanceSweep any = DistanceSpec.CLAIM.standard(true);
        assertThat(DistanceSpec.CLAIM.plots(any, List.of(fourier, iid), Progress.SILENT).keySet())
                .containsExactly(Path.of("plots", "distance-smooth.png"), Path.of("plots", "distance-rough.png"));
        assertThat(DistanceSpec.CLAIM.plots(any, List.of(fourier), Progress.SILENT).keySet())
                .containsExactly(Path.of("plots", "distance-smooth.png"));
        assertThat(DistanceSpec.CLAIM.plots(any, List.of(alternating), Progress.SILENT).keySet())
                .containsExactly(Path.of("plots", "distance-rough.png"));
        assertThat(DistanceSpec.CLAIM.plots(any, List.of(result("adjoint", Map.of("profile", "fourier"), rows)), Progress.SILENT)).isEmpty();
        byte[] png = DistanceSpec.CLAIM.plots(any, List.of(fourier), Progress.SILENT).get(Path.of("plots", "distance-smooth.png"));
        assertThat(png).startsWith((byte) 0x89, (byte) 'P', (byte) 'N', (byte) 'G');
    }

    @Test
    void theAdjointAndMemoryPlotsNeedTheirRuns() {
        List<Map<String, Object>> rows = List.of(Map.of("N", 8, "gradientError", 1e-2, "backpropAllocatedBytes", 100L,
                "adjointAllocatedBytes", 10L), Map.of("N", 16, "gradientError", 5e-3, "backpropAllocatedBytes", 200L, "adjointAllocatedBytes", 10L));
        Map<String, Object> config = Map.of("family", "mlp", "profile", "fourier", "scheme", "euler");
        AdjointSweep adjointConfig = AdjointSpec.CLAIM.standard(true);
        MemorySweep memoryConfig = MemorySpec.CLAIM.standard(true);
        assertThat(AdjointSpec.CLAIM.plots(adjointConfig, List.of(result("adjoint", config, rows)), Progress.SILENT).keySet())
                .containsExactly(Path.of("plots", "adjoint.png"));
        assertThat(AdjointSpec.CLAIM.plots(adjointConfig, List.of(result("adjoint-depth-needed", config, List.of())), Progress.SILENT))
                .isEmpty();
        assertThat(MemorySpec.CLAIM.plots(memoryConfig, List.of(result("memory", config, rows)), Progress.SILENT).keySet())
                .containsExactly(Path.of("plots", "memory.png"));
        assertThat(MemorySpec.CLAIM.plots(memoryConfig, List.of(result("distance", config, rows)), Progress.SILENT)).isEmpty();
        assertThat(FinetuneSpec.CLAIM.plots(FinetuneSpec.CLAIM.standard(true), List.of(), Progress.SILENT)).isEmpty();
    }

    /** Figure 2 at N = 2, 4 of a 2×2 run: PNG and SVG per depth and for every depth, as bytes, in plots/. */
    @Test
    void figureTwoIsRenderedToBytesInThePlotsDirectory() {
        RegularizationConfig base = new RegularizationConfig(2, "random:0.5", 1, new int[] {4, 8}, 0.25, 2, 4,
                RegularizationConfig.ZERO, 0.5, 1e-10);
        RegularizationSweep sweep = new RegularizationSweep(base, null, null, new int[] {2, 4}, org.resnetode.claim.Control.NONE);
        Map<Path, byte[]> plots = RegularizationSpec.CLAIM.plots(sweep, List.of(), Progress.SILENT);
        assertThat(plots.keySet()).containsExactly(Path.of("plots", "weights-N2.png"), Path.of("plots", "weights-N2.svg"),
                Path.of("plots", "weights-N4.png"), Path.of("plots", "weights-N4.svg"), Path.of("plots", "weights-depths.png"),
                Path.of("plots", "weights-depths.svg"));
        assertThat(Arrays.asList(plots.values().toArray(new byte[0][]))).allSatisfy(b -> assertThat(b).isNotEmpty());
    }
}
