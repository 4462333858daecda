package org.resnetode.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.function.Function;
import java.util.function.Predicate;
import org.resnetode.claim.ClaimPlan;
import org.resnetode.claim.ClaimResult;
import org.resnetode.claim.Verdict;
import org.resnetode.report.AdjointReport;
import org.resnetode.report.Baseline;
import org.resnetode.io.AtomicFiles;
import org.resnetode.report.ClaimResults;
import org.resnetode.report.Column;
import org.resnetode.report.DistanceReport;
import org.resnetode.report.FinetuneReport;
import org.resnetode.report.Judged;
import org.resnetode.report.MemoryReport;
import org.resnetode.report.Plots;
import org.resnetode.report.RegularizationReport;
import org.resnetode.stats.RateFit;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "report", mixinStandardHelpOptions = true, versionProvider = Version.class,
        description = {"The full verification report at default scale: runs distance, adjoint, memory, finetune and regularization with their "
                + "defaults, writes each one's JSON, Markdown, LaTeX and CSV, the plots, and a summary REPORT.md counting "
                + "holds, findings, fails and inconclusive into --out, as a set (all files or none).",
                "Takes about 35 s on 2 cores (about 60 s with --threads 1; memory's million-layer gradients dominate); --quick shortens the ladders."})
public final class ReportCommand implements Callable<Integer> {
    @Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--out", paramLabel = "DIR", defaultValue = "proofs-data",
            description = "Directory for the outputs. Default: ${DEFAULT-VALUE}.")
    Path out;

    @Option(names = "--quick", description = "Shorter ladders (distance and adjoint 8:1024, memory 1000:64000), for a smoke run.")
    boolean quick;

    @Option(names = {"-q", "--quiet"}, description = "No progress lines on stderr.")
    boolean quiet;

    @Option(names = "--baseline", paramLabel = "DIR", arity = "0..1", fallbackValue = "proofs-data",
            description = "Regression mode: compare every verdict, fitted rate and judged figure with the results in DIR "
                    + "(default when given without a value: proofs-data), read before anything is written; exit 1 naming each "
                    + "one that moved, else 0.")
    Path baseline;

    @picocli.CommandLine.Mixin
    ThreadOptions threads;

    @Override
    public Integer call() {
        threads.apply();
        AtomicFiles.requireWritableDirectory(out, "--out");
        List<ClaimResult> base = baseline == null ? null
                : Baseline.read(baseline, List.of("distance", "adjoint", "memory", "finetune", "regularization"));
        Map<Path, byte[]> files = new LinkedHashMap<>();
        String claimDepths = quick ? "8:1024" : "8:4096";
        DistanceCommand distance = parse(new DistanceCommand(), "--depths", claimDepths);
        AdjointCommand adjoint = parse(new AdjointCommand(), "--depths", claimDepths);
        MemoryCommand memory = parse(new MemoryCommand(), "--depths", quick ? "1000:64000" : "1000:1000000");
        FinetuneCommand finetune = parse(new FinetuneCommand());
        RegularizationCommand regularization = parse(new RegularizationCommand(), "--quick", "--out", out.toString());
        // every claim's tasks in one sweep, the long ones first (memory's deepest gradients; distance, whose zero-mean
        // alternating tanh configuration takes some 4 s; finetune's trainings), the short adjoint tasks last to fill the
        // cores (measured: with distance last, that one configuration ran alone at the end); written in a fixed order
        List<List<ClaimResult>> measured = ClaimPlan.runAll(List.of(memory.plan(), distance.plan(), finetune.plan(),
                regularization.plan(), adjoint.plan()));
        List<ClaimResult> all = new ArrayList<>();
        all.addAll(run(files, "distance", "Claim D: ResNet to Neural ODE distance", measured.get(1),
                DistanceReport::title, r -> DistanceReport.COLUMNS));
        all.addAll(run(files, "adjoint", "Claims A and H: adjoint gradients", measured.get(4),
                AdjointReport::title, AdjointReport::columns));
        all.addAll(run(files, "memory", "Memory: backprop versus adjoint", measured.get(0),
                MemoryReport::title, r -> MemoryReport.COLUMNS));
        all.addAll(run(files, "finetune", "Training: the adjoint trains deep ResNets", measured.get(2),
                FinetuneReport::title, FinetuneReport::columns));
        all.addAll(run(files, "regularization", "Claim R: implicit regularization of linear ResNets", measured.get(3),
                RegularizationReport::title, RegularizationReport::columns));
        plot(files, all);
        String summary = summary(all);
        files.put(out.resolve("REPORT.md"), ClaimOutput.utf8(summary));
        AtomicFiles.writeAll(files);
        spec.commandLine().getOut().print(summary);
        spec.commandLine().getOut().flush();
        return base == null ? ClaimOutput.exitCode(all, spec.commandLine().getErr())
                : Baseline.exitCode(baseline, base, all, spec.commandLine().getErr());
    }

    /** PNG plots of the measured rates, as {@code out/plots/*.png}. */
    private void plot(Map<Path, byte[]> files, List<ClaimResult> all) {
        Path dir = out.resolve("plots");
        Predicate<ClaimResult> distance = r -> r.claim().equals("distance");
        Predicate<ClaimResult> rough = r -> "iid".equals(r.config().get("profile")) || "alternating".equals(r.config().get("profile"));
        files.put(dir.resolve("distance-smooth.png"), Plots.logLog("distance-smooth.png", "Claim D: ResNet to Neural ODE distance, smooth weights",
                "||x_N - x(1)||", all, List.of("error"), distance.and(rough.negate()), 1));
        files.put(dir.resolve("distance-rough.png"), Plots.logLog("distance-rough.png", "Claim D: ResNet to Neural ODE distance, rough weights",
                "||x_N - x(1)||", all, List.of("error"), distance.and(rough), 0, 1));
        files.put(dir.resolve("adjoint.png"), Plots.logLog("adjoint.png", "Claims A and H: adjoint gradient relative error",
                "relative error", all, List.of("gradientError"), r -> r.claim().equals("adjoint"), 1, 3));
        files.put(dir.resolve("memory.png"), Plots.logLog("memory.png", "Memory: bytes allocated during one gradient", "bytes", all,
                List.of("backpropAllocatedBytes", "adjointAllocatedBytes"), r -> r.claim().equals("memory"), -1, 0));
    }

    private <T> T parse(T command, String... args) {
        CommandLine cl = new CommandLine(command);
        cl.setOut(spec.commandLine().getOut());
        cl.setErr(spec.commandLine().getErr());
        List<String> a = new ArrayList<>(List.of(args));
        if (quiet) {
            a.add("--quiet");
        }
        cl.parseArgs(a.toArray(String[]::new));
        return command;
    }

    private List<ClaimResult> run(Map<Path, byte[]> files, String command, String heading, List<ClaimResult> results,
                                  Function<ClaimResult, String> title, Function<ClaimResult, List<Column>> columns) {
        ClaimOutput.render(files, out, command, heading, results, title, columns);
        return results;
    }

    /** Claim D's bound tightness (error / bound) per family and profile: its range over the ladder, and the rows above 1. */
    static String tightness(List<ClaimResult> results) {
        StringBuilder sb = new StringBuilder("\n## Tightness of the Euler bound e^{L_x} (1/(2N)) (L_x M + L_θ TV)\n\n")
                .append("| family | profile | smallest tightness | largest tightness | rows above 1 |\n")
                .append("| --- | --- | --- | --- | --- |\n");
        for (ClaimResult r : results) {
            if (!r.claim().equals("distance") || !"euler".equals(r.config().get("scheme"))) {
                continue;
            }
            double[] t = r.rows().stream().mapToDouble(row -> ClaimResults.num(row.get("tightness")))
                    .filter(Double::isFinite).toArray();
            sb.append(String.format(Locale.ROOT, "| %s | %s%s | %.3e | %.3e | %d |%n", r.config().get("family"),
                    r.config().get("profile"), Boolean.TRUE.equals(r.config().get("zeroMean")) ? " (zero mean)" : "",
                    java.util.Arrays.stream(t).min().orElse(Double.NaN), java.util.Arrays.stream(t).max().orElse(Double.NaN),
                    java.util.Arrays.stream(t).filter(x -> x > 1).count()));
        }
        return sb.toString();
    }

    /** The fitted rates that state the claim: the error's (distance), the gradient error's (adjoint), the growth of allocation (memory). */
    private static String headline(ClaimResult r) {
        if (r.claim().startsWith("regularization")) {
            return RegularizationReport.headline(r);
        }
        if (r.claim().startsWith("finetune")) {
            return FinetuneReport.headline(r);
        }
        if (r.claim().equals("memory")) {
            return rate(r, "backpropAllocatedBytes") + "; " + rate(r, "adjointAllocatedBytes");
        }
        return rate(r, r.claim().equals("adjoint") ? "gradientError" : "error");
    }

    /** {@code quantity rate r [lo, hi]}, or that no rate was fitted. */
    private static String rate(ClaimResult r, String quantity) {
        RateFit f = r.fits().stream().filter(x -> x.quantity().equals(quantity)).findFirst().orElse(null);
        return f == null ? quantity + ": no rate fitted"
                : String.format(Locale.ROOT, "%s rate %.3f [%.3f, %.3f]", quantity, f.rate(), f.ci95Low(), f.ci95High());
    }

    /** One line per claim run: what was run, its first fitted rate with interval, and its verdict. */
    static String summary(List<ClaimResult> results) {
        StringBuilder sb = new StringBuilder("# resnet-ode verification report\n\n")
                .append("Generated by `bin/resnet-ode report`; details and every measured row in distance.md, adjoint.md, "
                        + "memory.md, finetune.md, regularization.md (and their .json, .tex, .csv); plots in plots/.\n\n")
                .append("| claim | family | profile | scheme | fitted rate [95% CI] | verdict | verdict rests on |\n")
                .append("| --- | --- | --- | --- | --- | --- | --- |\n");
        List<ClaimResult> claims = results.stream().filter(r -> !r.claim().equals("adjoint-depth-needed")).toList();
        for (ClaimResult r : claims) {
            sb.append(String.format(Locale.ROOT, "| %s | %s | %s%s | %s | %s | %s | %s |%n", r.claim(),
                    r.config().getOrDefault("family", "—"), r.config().getOrDefault("profile", "—"),
                    Boolean.TRUE.equals(r.config().get("zeroMean")) ? " (zero mean)" : "", r.config().getOrDefault("scheme", "—"),
                    headline(r).replace("|", "\\|"), r.verdict().label(), Judged.summary(r).replace("|", "\\|")));
        }
        sb.append(tightness(results));
        sb.append("\nRates r are slopes of log(value) against log(N): value ≈ c N^-r, so memory growing like N^k has rate -k.\n");
        java.util.Map<Verdict, Long> count = new java.util.EnumMap<>(Verdict.class);
        for (Verdict v : Verdict.values()) {
            count.put(v, claims.stream().filter(r -> r.verdict() == v).count());
        }
        sb.append(String.format(Locale.ROOT, "%n%d claim runs: %d holds, %d findings (measured behaviour beyond the paper's "
                        + "statement, explained by an independent prediction in the notes), %d fails, %d inconclusive.%n",
                claims.size(), count.get(Verdict.HOLDS), count.get(Verdict.FINDING), count.get(Verdict.FAILS),
                count.get(Verdict.INCONCLUSIVE)));
        return sb.toString();
    }
}
