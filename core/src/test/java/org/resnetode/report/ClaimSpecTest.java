package org.resnetode.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.resnetode.claim.ClaimPlan;
import org.resnetode.claim.ClaimResult;
import org.resnetode.claim.Progress;
import org.resnetode.claim.Verdict;
import org.resnetode.stats.RateFit;

/** The claim contract's plumbing, on stub claims whose tasks and results are known: order, types, files, summary. */
class ClaimSpecTest {

    /** A claim whose config is a label; its plan returns one result per task, named after the label, and records when it was planned. */
    private record Stub(String name, int priority, List<String> planned) implements ClaimSpec<String> {
        @Override
        public String heading() {
            return "Stub " + name;
        }

        @Override
        public Class<String> configType() {
            return String.class;
        }

        @Override
        public String standard(boolean quick) {
            return quick ? name + "-quick" : name;
        }

        @Override
        public ClaimPlan plan(String config, Progress progress) {
            planned.add(config);
            List<Supplier<ClaimResult>> tasks = new ArrayList<>();
            for (int i = 0; i < 3; i++) {
                int k = i;
                tasks.add(() -> result(config + "#" + k, Verdict.HOLDS, null));
            }
            return ClaimPlan.of(tasks, results -> results);
        }

        @Override
        public String title(ClaimResult result) {
            return "title of " + result.claim();
        }

        @Override
        public List<Column> columns(ClaimResult result) {
            return List.of(new Column("N", "N", "%d"));
        }

        @Override
        public String headline(ClaimResult result) {
            return "headline " + result.claim();
        }

        @Override
        public int sweepPriority() {
            return priority;
        }
    }

    private static ClaimResult result(String claim, Verdict v, RateFit fit) {
        Map<String, Object> config = new LinkedHashMap<>();
        config.put("family", "tanh");
        config.put("profile", "fourier");
        config.put("scheme", "euler");
        return new ClaimResult(claim, config,
                List.of(Map.of("N", 8), Map.of("N", 16)), fit == null ? List.of() : List.of(fit), v, List.of());
    }

    @Test
    void runAllPlansByPriorityAndReturnsOutcomesInTheListsOrder() {
        List<String> planned = Collections.synchronizedList(new ArrayList<>());
        List<ClaimRun<?>> runs = List.of(ClaimRun.standard(new Stub("a", 2, planned), false),
                ClaimRun.standard(new Stub("b", 0, planned), false), ClaimRun.standard(new Stub("c", 1, planned), true),
                ClaimRun.standard(new Stub("d", 1, planned), false));
        List<ClaimOutcome> outcomes = ClaimRun.runAll(runs, Progress.SILENT);
        assertThat(planned).containsExactly("b", "c-quick", "d", "a");
        assertThat(outcomes).extracting(o -> o.claim().name()).containsExactly("a", "b", "c", "d");
        assertThat(outcomes.get(2).results()).extracting(ClaimResult::claim).containsExactly("c-quick#0", "c-quick#1", "c-quick#2");
        assertThat(outcomes.get(0).results()).extracting(ClaimResult::claim).containsExactly("a#0", "a#1", "a#2");
        assertThat(outcomes.get(1).run()).isSameAs(runs.get(1));
        ClaimOutcome alone = ClaimRun.standard(new Stub("e", 0, planned), true).run(Progress.SILENT);
        assertThat(alone.results()).extracting(ClaimResult::claim).containsExactly("e-quick#0", "e-quick#1", "e-quick#2");
    }

    @Test
    void aRunRefusesAConfigurationOfAnotherType() {
        @SuppressWarnings({"unchecked", "rawtypes"})
        ClaimSpec<Object> raw = (ClaimSpec) new Stub("a", 0, new ArrayList<>());
        assertThatThrownBy(() -> new ClaimRun<>(raw, 42)).isInstanceOf(IllegalStateException.class)
                .hasMessage("claim a takes a String configuration, not Integer");
        assertThatThrownBy(() -> new ClaimRun<>(raw, null)).hasMessage("claim a takes a String configuration, not null");
        assertThat(new ClaimRun<>(raw, "x").config()).isEqualTo("x");
    }

    @Test
    void theDefaultsOfTheContract() {
        ClaimSpec<String> minimal = new ClaimSpec<>() {
            @Override
            public String name() {
                return "m";
            }

            @Override
            public String heading() {
                return "M";
            }

            @Override
            public Class<String> configType() {
                return String.class;
            }

            @Override
            public String standard(boolean quick) {
                return "";
            }

            @Override
            public ClaimPlan plan(String config, Progress progress) {
                return ClaimPlan.of(List.<Supplier<ClaimResult>>of(), r -> r);
            }

            @Override
            public String title(ClaimResult result) {
                return "";
            }

            @Override
            public List<Column> columns(ClaimResult result) {
                return List.of();
            }

            @Override
            public String headline(ClaimResult result) {
                return "";
            }
        };
        ClaimResult r = result("m", Verdict.HOLDS, null);
        assertThat(minimal.plots("", List.of(r), Progress.SILENT)).isEmpty();
        assertThat(minimal.summarised(r)).isTrue();
        assertThat(minimal.summarySections(List.of(r))).isEmpty();
        assertThat(minimal.sweepPriority()).isEqualTo(ClaimSpec.LAST).isEqualTo(Integer.MAX_VALUE);
    }

    @Test
    void filesAreTheFourTablesThenThePlotsUnderTheDirectory() {
        ClaimRun<String> run = new ClaimRun<>(new PlottedStub(), "cfg");
        List<ClaimResult> results = List.of(result("p", Verdict.HOLDS, null));
        Map<Path, byte[]> files = run.files(Path.of("out"), results, Progress.SILENT);
        assertThat(files.keySet()).containsExactly(Path.of("out", "p.json"), Path.of("out", "p.md"), Path.of("out", "p.tex"),
                Path.of("out", "p.csv"), Path.of("out", "plots", "p.png"));
        assertThat(new String(files.get(Path.of("out", "plots", "p.png")), StandardCharsets.UTF_8)).isEqualTo("cfg:1");
        assertThat(new String(files.get(Path.of("out", "p.md")), StandardCharsets.UTF_8))
                .startsWith("## Plotted stub\n\n### title p\n\n`family=tanh, profile=fourier, scheme=euler`\n\n| N |\n| ---: |\n| 8 |\n| 16 |\n");
        assertThat(new String(files.get(Path.of("out", "p.json")), StandardCharsets.UTF_8)).startsWith("{").endsWith("}\n");
        assertThat(new String(files.get(Path.of("out", "p.csv")), StandardCharsets.UTF_8)).startsWith("claim,family,profile,scheme,N,verdict\n");
        assertThat(new String(files.get(Path.of("out", "p.tex")), StandardCharsets.UTF_8)).contains("\\toprule");
        assertThat(new ClaimOutcome(run, results).files(Path.of("x"), Progress.SILENT)).containsKey(Path.of("x", "plots", "p.png"));
    }

    /** A claim with one plot whose bytes say which configuration and how many results drew it. */
    private static final class PlottedStub extends AbstractClaimSpec<String> {
        PlottedStub() {
            super("p", "Plotted stub", String.class, 0);
        }

        @Override
        public String standard(boolean quick) {
            return "cfg";
        }

        @Override
        public ClaimPlan plan(String config, Progress progress) {
            return ClaimPlan.of(List.<Supplier<ClaimResult>>of(), r -> r);
        }

        @Override
        public String title(ClaimResult result) {
            return "title " + result.claim();
        }

        @Override
        public List<Column> columns(ClaimResult result) {
            return List.of(new Column("N", "N", "%d"));
        }

        @Override
        public Map<Path, byte[]> plots(String config, List<ClaimResult> results, Progress progress) {
            Map<Path, byte[]> plots = new LinkedHashMap<>();
            plots.put(Path.of("plots", "p.png"), (config + ":" + results.size()).getBytes(StandardCharsets.UTF_8));
            return plots;
        }

        @Override
        public String headline(ClaimResult result) {
            return "";
        }
    }

    @Test
    void oneResultIsWrittenAsAnObjectSeveralAsAnArray() {
        ClaimResult r = result("p", Verdict.HOLDS, null);
        assertThat(ClaimFiles.json(List.of(r))).startsWith("{");
        assertThat(ClaimFiles.json(List.of(r, r))).startsWith("[");
        assertThat(ClaimFiles.text(TableLayout.of("p", "P", x -> "T", x -> List.of(new Column("N", "N", "%d"))), List.of(r, r)))
                .isEqualTo(("T\nfamily=tanh, profile=fourier, scheme=euler\n N\n--\n 8\n16\nverdict: holds\n\n").repeat(2));
    }

    @Test
    void aLayoutFromItsParts() {
        TableLayout layout = TableLayout.of("n", "H", r -> "t:" + r.claim(), r -> List.of(new Column("k", "K", "%s")));
        ClaimResult r = result("c", Verdict.HOLDS, null);
        assertThat(layout.name()).isEqualTo("n");
        assertThat(layout.heading()).isEqualTo("H");
        assertThat(layout.title(r)).isEqualTo("t:c");
        assertThat(layout.columns(r)).containsExactly(new Column("k", "K", "%s"));
    }

    @Test
    void theSummaryCountsEveryVerdictOfTheSummarisedRunsAndNamesEveryClaimsFile() {
        RateFit fit = new RateFit("error", 1, 0.9, 1.1, 64, 512, 4, 0);
        ClaimRun<?> distance = ClaimRun.standard(DistanceSpec.CLAIM, true);
        ClaimRun<?> adjoint = ClaimRun.standard(AdjointSpec.CLAIM, true);
        List<ClaimOutcome> outcomes = List.of(
                new ClaimOutcome(distance, List.of(result("distance", Verdict.HOLDS, fit), result("distance", Verdict.FINDING, fit),
                        result("distance", Verdict.FAILS, fit), result("distance", Verdict.INCONCLUSIVE, null),
                        result("distance", Verdict.INCONCLUSIVE, null))),
                new ClaimOutcome(adjoint, List.of(new ClaimResult("adjoint-depth-needed", Map.of(), List.of(), List.of(), Verdict.FAILS,
                        List.of()))));
        String summary = Summary.of(outcomes);
        assertThat(summary).startsWith("# resnet-ode verification report\n\nGenerated by `bin/resnet-ode report`; details and every "
                + "measured row in distance.md, adjoint.md (and their .json, .tex, .csv); plots in plots/.\n\n");
        assertThat(summary).contains("5 claim runs: 1 holds, 1 findings").contains("1 fails, 2 inconclusive")
                .contains("| distance | tanh | fourier | euler | error rate 1.000 [0.900, 1.100] | holds |")
                .contains("| distance | tanh | fourier | euler | error: no rate fitted | inconclusive |")
                .doesNotContain("adjoint-depth-needed")
                .contains("## Tightness of the Euler bound");
        assertThat(summary.indexOf("## Tightness")).isGreaterThan(summary.indexOf("| inconclusive |"));
        assertThat(summary).endsWith("1 fails, 2 inconclusive.\n");
    }

    @Test
    void aHeadlineWithABarIsEscapedInTheSummaryTable() {
        ClaimOutcome o = new ClaimOutcome(new ClaimRun<>(new Stub("s", 0, new ArrayList<>()), "s"),
                List.of(new ClaimResult("a|b", Map.of(), List.of(), List.of(), Verdict.HOLDS, List.of())));
        assertThat(Summary.of(List.of(o))).contains("| a|b | — | — | — | headline a\\|b | holds |")
                .contains("1 claim runs: 1 holds, 0 findings");
    }

    @Test
    void zeroMeanRunsAreMarkedInTheSummary() {
        ClaimOutcome o = new ClaimOutcome(new ClaimRun<>(new Stub("s", 0, new ArrayList<>()), "s"),
                List.of(new ClaimResult("z", Map.of("family", "tanh", "profile", "alternating", "zeroMean", true), List.of(),
                        List.of(), Verdict.HOLDS, List.of())));
        assertThat(Summary.of(List.of(o))).contains("| z | tanh | alternating (zero mean) | — | headline z | holds |");
    }

    @Test
    void aRateIsItsFitWithInterval() {
        ClaimResult r = new ClaimResult("x", Map.of(), List.of(), List.of(new RateFit("a", 2.0004, 1.5, 2.5, 8, 64, 4, 0),
                new RateFit("b", -1, -1.25, -0.75, 8, 64, 4, 0)), Verdict.HOLDS, List.of());
        assertThat(Summary.rate(r, "b")).isEqualTo("b rate -1.000 [-1.250, -0.750]");
        assertThat(Summary.rate(r, "a")).isEqualTo("a rate 2.000 [1.500, 2.500]");
        assertThat(Summary.rate(r, "c")).isEqualTo("c: no rate fitted");
    }
}
