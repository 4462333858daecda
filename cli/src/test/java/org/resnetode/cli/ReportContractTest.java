package org.resnetode.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.parallel.Isolated;
import org.resnetode.claim.AdjointMeasurement;
import org.resnetode.claim.AdjointSweep;
import org.resnetode.claim.ClaimPlan;
import org.resnetode.claim.ClaimResult;
import org.resnetode.claim.Control;
import org.resnetode.claim.DistanceSweep;
import org.resnetode.claim.FinetuneConfig;
import org.resnetode.claim.MemorySweep;
import org.resnetode.claim.Progress;
import org.resnetode.claim.RegularizationConfig;
import org.resnetode.claim.RegularizationSweep;
import org.resnetode.claim.SweepConfig;
import org.resnetode.report.AdjointSpec;
import org.resnetode.report.ClaimSpec;
import org.resnetode.report.Column;
import org.resnetode.report.DistanceSpec;
import org.resnetode.report.FinetuneSpec;
import org.resnetode.report.MemorySpec;
import org.resnetode.report.RegularizationSpec;
import org.resnetode.report.RoughnessSpec;
import picocli.CommandLine;

/**
 * {@code report} over the claim contract: the five claims in their order, each command's defaults equal to the
 * configuration report runs, and the report of every claim at a small scale written as one set, or not at all.
 */
@Isolated("measures allocation per thread: code compiled or deoptimized for tests running beside it would add to the counts")
class ReportContractTest {
    private static final int[] SHORT = {8, 16, 32};

    /** A claim at a given configuration: every part of the contract delegated, the configuration report runs replaced. */
    private record Sized<C>(ClaimSpec<C> claim, C config) implements ClaimSpec<C> {
        @Override
        public String name() {
            return claim.name();
        }

        @Override
        public String heading() {
            return claim.heading();
        }

        @Override
        public Class<C> configType() {
            return claim.configType();
        }

        @Override
        public C standard(boolean quick) {
            return config;
        }

        @Override
        public ClaimPlan plan(C c, Progress progress) {
            return claim.plan(c, progress);
        }

        @Override
        public String title(ClaimResult result) {
            return claim.title(result);
        }

        @Override
        public List<Column> columns(ClaimResult result) {
            return claim.columns(result);
        }

        @Override
        public Map<Path, byte[]> plots(C c, List<ClaimResult> results, Progress progress) {
            return claim.plots(c, results, progress);
        }

        @Override
        public String headline(ClaimResult result) {
            return claim.headline(result);
        }

        @Override
        public boolean summarised(ClaimResult result) {
            return claim.summarised(result);
        }

        @Override
        public String summarySections(List<ClaimResult> results) {
            return claim.summarySections(results);
        }

        @Override
        public int sweepPriority() {
            return claim.sweepPriority();
        }
    }

    /** Every claim of the report at a scale of seconds. */
    private static List<ClaimSpec<?>> small() {
        SweepConfig tanh = new SweepConfig("tanh", "fourier", "euler", 2, 2, SHORT, 1, 1.0, false, 8, 0);
        SweepConfig rough = new SweepConfig("tanh", "iid", "euler", 2, 2, SHORT, 1, 1.0, false, 8, 0);
        SweepConfig adjoint = new SweepConfig("tanh", "fourier", "euler", 2, 2, SHORT, 1, 1.0, false, 8, 2);
        SweepConfig memory = new SweepConfig("tanh", "fourier", "euler", 2, 2, new int[] {100, 200}, 1, 1.0, false, 1, 1);
        FinetuneConfig finetune = new FinetuneConfig(32, 4, 16, 0.1, 0.9, 1, 1, 2, 2, new int[] {2, 4}, 1, new int[] {2, 4}, 1,
                new int[] {2, 4});
        RegularizationConfig base = new RegularizationConfig(2, "random:0.5", 1, new int[] {4, 8}, 0.25, 2, 4,
                RegularizationConfig.ZERO, 0.5, 1e-10);
        return List.of(
                new Sized<>(DistanceSpec.CLAIM, new DistanceSweep(List.of(tanh, rough), Control.NONE)),
                new Sized<>(AdjointSpec.CLAIM, new AdjointSweep(List.of(adjoint), AdjointMeasurement.batch(2, 2, 1), Control.NONE)),
                new Sized<>(MemorySpec.CLAIM, new MemorySweep(memory, Control.NONE)),
                new Sized<>(FinetuneSpec.CLAIM, new org.resnetode.claim.FinetuneSweep(finetune, Control.NONE)),
                new Sized<>(RegularizationSpec.CLAIM, new RegularizationSweep(base, null, null, new int[] {2, 4}, Control.NONE)));
    }

    private record Run(int code, String out, String err) {
    }

    private static Run report(List<ClaimSpec<?>> claims, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        ReportCommand command = new ReportCommand(claims);
        CommandLine cl = new CommandLine(command);
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        cl.parseArgs(args);
        int code = command.call();
        return new Run(code, out.toString(), err.toString());
    }

    private static List<String> regularFiles(Path dir) throws IOException {
        try (Stream<Path> s = Files.walk(dir)) {
            return s.filter(Files::isRegularFile).map(p -> dir.relativize(p).toString()).sorted().toList();
        }
    }

    @Test
    void theReportListsTheSixClaimsInOrder() {
        assertThat(ReportCommand.CLAIMS).extracting(ClaimSpec::name).containsExactly("distance", "adjoint", "memory", "finetune",
                "regularization", "roughness");
        assertThat(ReportCommand.runs(ReportCommand.CLAIMS, true)).extracting(r -> r.claim().name())
                .containsExactly("distance", "adjoint", "memory", "finetune", "regularization", "roughness");
    }

    @Test
    void everyClaimOfTheReportIsWrittenWithItsPlotsAndTheSummaryAsOneSet(@TempDir Path out) throws IOException {
        Run r = report(small(), "--out", out.toString(), "-q");
        assertThat(r.code()).isIn(0, 1);
        List<String> expected = new java.util.ArrayList<>(List.of("REPORT.md", "plots/adjoint.png", "plots/distance-rough.png",
                "plots/distance-smooth.png", "plots/memory.png", "plots/weights-N2.png", "plots/weights-N2.svg", "plots/weights-N4.png",
                "plots/weights-N4.svg", "plots/weights-depths.png", "plots/weights-depths.svg"));
        for (String claim : List.of("distance", "adjoint", "memory", "finetune", "regularization")) {
            for (String ext : List.of("csv", "json", "md", "tex")) {
                expected.add(claim + "." + ext);
            }
        }
        assertThat(regularFiles(out)).containsExactlyInAnyOrderElementsOf(expected);
        String summary = Files.readString(out.resolve("REPORT.md"));
        assertThat(r.out()).isEqualTo(summary);
        assertThat(summary).contains("distance.md, adjoint.md, memory.md, finetune.md, regularization.md")
                .contains("| distance | tanh | fourier | euler |").contains("| distance | tanh | iid | euler |")
                .contains("| adjoint | tanh | fourier | euler |").contains("| memory | tanh | fourier | euler |")
                .contains("| finetune-curves |").contains("| regularization | linear | zero | euler |")
                .doesNotContain("| adjoint-depth-needed")
                .contains("9 claim runs:");
        assertThat(Files.readString(out.resolve("adjoint.md"))).startsWith("## Claims A and H: adjoint gradients\n\n")
                .contains("Depth the adjoint needs");
        assertThat(r.err().lines()).as("quiet: no progress lines, only the exit line").allMatch(l -> l.startsWith("resnet-ode: "));
    }

    /** REPORT.md comes last in the set: when it cannot be written, no claim file and no plot (Figure 2 included) is written. */
    @Test
    void anUnwritableReportMdLeavesNoFileOfTheSet(@TempDir Path out) throws IOException {
        Files.createDirectories(out.resolve("REPORT.md"));
        assertThatThrownBy(() -> report(small(), "--out", out.toString(), "-q")).isInstanceOf(org.resnetode.checks.BadInputException.class)
                .hasMessageContaining("REPORT.md");
        assertThat(regularFiles(out)).isEmpty();
        try (Stream<Path> s = Files.list(out)) {
            assertThat(s.map(p -> p.getFileName().toString())).as("no plots directory left either").containsExactly("REPORT.md");
        }
    }

    /** What each command runs with no option (but report's ladder) is the configuration report runs for its claim. */
    @Test
    void everyCommandsDefaultsAreTheReportsConfiguration() {
        DistanceSweep distance = parse(new DistanceCommand(), "--depths", "8:4096").sweep();
        assertThat(describe(distance.configs())).isEqualTo(describe(DistanceSpec.CLAIM.standard(false).configs()));
        assertThat(distance.control()).isEqualTo(Control.NONE);
        AdjointSweep adjoint = parse(new AdjointCommand(), "--depths", "8:1024").sweep();
        AdjointSweep adjointStandard = AdjointSpec.CLAIM.standard(true);
        assertThat(describe(adjoint.configs())).isEqualTo(describe(adjointStandard.configs()));
        assertThat(adjoint.batch()).isDeepEqualTo(adjointStandard.batch());
        assertThat(adjoint.control()).isEqualTo(Control.NONE);
        MemorySweep memory = parse(new MemoryCommand()).sweep();
        assertThat(memory.config().describe()).isEqualTo(MemorySpec.CLAIM.standard(false).config().describe());
        assertThat(memory.control()).isEqualTo(Control.NONE);
        assertThat(parse(new FinetuneCommand()).sweep()).usingRecursiveComparison().isEqualTo(FinetuneSpec.CLAIM.standard(false));
        assertThat(parse(new RegularizationCommand(), "--quick").sweep()).usingRecursiveComparison()
                .isEqualTo(RegularizationSpec.CLAIM.standard(false));
        assertThat(parse(new RegularizationCommand()).sweep()).usingRecursiveComparison().isEqualTo(RegularizationSweep.standard(false));
        assertThat(parse(new RoughnessCommand(), "--quick").sweep()).usingRecursiveComparison()
                .isEqualTo(RoughnessSpec.CLAIM.standard(true));
    }

    @Test
    void theCommandsChooseTheirControlsAndSkips() {
        assertThat(parse(new DistanceCommand(), "--family", "tanh", "--control", "rough-weights").sweep().control())
                .isEqualTo(Control.ROUGH_WEIGHTS);
        assertThat(parse(new AdjointCommand(), "--control", "wrong-reverse").sweep().control()).isEqualTo(Control.WRONG_REVERSE);
        assertThat(parse(new MemoryCommand(), "--control", "storing-adjoint").sweep().control()).isEqualTo(Control.STORING_ADJOINT);
        RegularizationSweep none = parse(new RegularizationCommand(), "--quick", "--no-scan", "--no-commuting").sweep();
        assertThat(none.scan()).isNull();
        assertThat(none.commuting()).isNull();
        assertThat(parse(new FinetuneCommand(), "--full", "--seed", "3").sweep().config()).usingRecursiveComparison()
                .isEqualTo(FinetuneConfig.full(3));
    }

    private static List<Map<String, Object>> describe(List<SweepConfig> configs) {
        return configs.stream().map(SweepConfig::describe).toList();
    }

    private static <T> T parse(T command, String... args) {
        new CommandLine(command).parseArgs(args);
        return command;
    }
}
