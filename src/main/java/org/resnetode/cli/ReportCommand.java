package org.resnetode.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.function.Function;
import java.util.function.Predicate;
import org.resnetode.claim.ClaimResult;
import org.resnetode.report.AdjointReport;
import org.resnetode.report.AtomicFiles;
import org.resnetode.report.ClaimResults;
import org.resnetode.report.Column;
import org.resnetode.report.DistanceReport;
import org.resnetode.report.MemoryReport;
import org.resnetode.report.Plots;
import org.resnetode.report.RegularizationReport;
import org.resnetode.stats.RateFit;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "report", mixinStandardHelpOptions = true,
        description = {"The full verification report at default scale: runs distance, adjoint and memory with their "
                + "defaults, writes each one's JSON and Markdown into --out, and a summary REPORT.md of every verdict.",
                "Takes about a minute on 2 cores (memory's million-layer backprop dominates); --quick shortens the ladders."})
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

    @Override
    public Integer call() {
        List<ClaimResult> all = new ArrayList<>();
        String claimDepths = quick ? "8:1024" : "8:4096";
        DistanceCommand distance = parse(new DistanceCommand(), "--depths", claimDepths);
        all.addAll(run("distance", "Claim D: ResNet to Neural ODE distance", distance.measure(),
                DistanceReport::title, r -> DistanceReport.COLUMNS));
        AdjointCommand adjoint = parse(new AdjointCommand(), "--depths", claimDepths);
        all.addAll(run("adjoint", "Claims A and H: adjoint gradients", adjoint.measure(),
                AdjointReport::title, AdjointReport::columns));
        MemoryCommand memory = parse(new MemoryCommand(), "--depths", quick ? "1000:64000" : "1000:1000000");
        all.addAll(run("memory", "Memory: backprop versus adjoint", memory.measure(),
                MemoryReport::title, r -> MemoryReport.COLUMNS));
        RegularizationCommand regularization = parse(new RegularizationCommand(), "--quick", "--out", out.toString());
        all.addAll(run("regularization", "Claim R: implicit regularization of linear ResNets", regularization.measure(),
                RegularizationReport::title, RegularizationReport::columns));
        plot(all);
        String summary = summary(all);
        AtomicFiles.write(out.resolve("REPORT.md"), summary);
        spec.commandLine().getOut().print(summary);
        spec.commandLine().getOut().flush();
        return ClaimOutput.exitCode(all);
    }

    /** PNG plots of the measured rates into {@code out/plots}. */
    private void plot(List<ClaimResult> all) {
        Path dir = out.resolve("plots");
        Predicate<ClaimResult> distance = r -> r.claim().equals("distance");
        Predicate<ClaimResult> rough = r -> "iid".equals(r.config().get("profile")) || "alternating".equals(r.config().get("profile"));
        Plots.logLog(dir.resolve("distance-smooth.png"), "Claim D: ResNet to Neural ODE distance, smooth weights",
                "||x_N - x(1)||", all, List.of("error"), distance.and(rough.negate()), 1);
        Plots.logLog(dir.resolve("distance-rough.png"), "Claim D: ResNet to Neural ODE distance, rough weights",
                "||x_N - x(1)||", all, List.of("error"), distance.and(rough), 0, 1);
        Plots.logLog(dir.resolve("adjoint.png"), "Claims A and H: adjoint gradient relative error",
                "relative error", all, List.of("gradientError"), r -> r.claim().equals("adjoint"), 1, 3);
        Plots.logLog(dir.resolve("memory.png"), "Memory: bytes allocated during one gradient", "bytes", all,
                List.of("backpropAllocatedBytes", "adjointAllocatedBytes"), r -> r.claim().equals("memory"), -1, 0);
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

    private List<ClaimResult> run(String command, String heading, List<ClaimResult> results,
                                  Function<ClaimResult, String> title, Function<ClaimResult, List<Column>> columns) {
        ClaimOutput.write(out, command, heading, results, title, columns);
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
        if (r.claim().equals("memory")) {
            return String.format(Locale.ROOT, "allocation grows like N^%.3f (backprop), N^%.3f (adjoint)",
                    -r.fit("backpropAllocatedBytes").rate(), -r.fit("adjointAllocatedBytes").rate());
        }
        RateFit f = r.fit(r.claim().equals("adjoint") ? "gradientError" : "error");
        return String.format(Locale.ROOT, "%s rate %.3f [%.3f, %.3f]", f.quantity(), f.rate(), f.ci95Low(), f.ci95High());
    }

    /** One line per claim run: what was run, its first fitted rate with interval, and its verdict. */
    static String summary(List<ClaimResult> results) {
        StringBuilder sb = new StringBuilder("# resnet-ode verification report\n\n")
                .append("Generated by `bin/resnet-ode report`; details and every measured row in distance.md, adjoint.md, "
                        + "memory.md (and their .json); log-log plots in plots/.\n\n")
                .append("| claim | family | profile | scheme | fitted rate [95% CI] | verdict |\n")
                .append("| --- | --- | --- | --- | --- | --- |\n");
        for (ClaimResult r : results) {
            if (r.fits().isEmpty()) {
                continue;
            }
            sb.append(String.format(Locale.ROOT, "| %s | %s | %s%s | %s | %s | %s |%n", r.claim(),
                    r.config().get("family"), r.config().get("profile"),
                    Boolean.TRUE.equals(r.config().get("zeroMean")) ? " (zero mean)" : "", r.config().get("scheme"),
                    headline(r), r.verdict().label()));
        }
        sb.append(tightness(results));
        sb.append("\nRates r are slopes of log(value) against log(N): value ≈ c N^-r. For memory the growth exponent -r is shown.\n");
        long fails = results.stream().filter(r -> r.verdict().label().equals("fails")).count();
        long findings = results.stream().filter(r -> r.verdict().label().equals("finding")).count();
        sb.append(String.format("%n%d runs: %d fail, %d findings (measured behaviour beyond the paper's statement, "
                + "explained in the notes).%n", results.size(), fails, findings));
        return sb.toString();
    }
}
