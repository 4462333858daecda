package org.resnetode.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.resnetode.claim.ClaimResult;
import org.resnetode.claim.Progress;
import org.resnetode.io.AtomicFiles;
import org.resnetode.report.AdjointSpec;
import org.resnetode.report.Baseline;
import org.resnetode.report.ClaimFiles;
import org.resnetode.report.ClaimOutcome;
import org.resnetode.report.ClaimRun;
import org.resnetode.report.ClaimSpec;
import org.resnetode.report.DistanceSpec;
import org.resnetode.report.FinetuneSpec;
import org.resnetode.report.MemorySpec;
import org.resnetode.report.RegularizationSpec;
import org.resnetode.report.RoughnessSpec;
import org.resnetode.report.Summary;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "report", mixinStandardHelpOptions = true, versionProvider = Version.class,
        description = {"The full verification report at default scale: runs distance, adjoint, memory, finetune and regularization with their "
                + "defaults, writes each one's JSON, Markdown, LaTeX and CSV, the plots, and a summary REPORT.md counting "
                + "holds, findings, fails and inconclusive into --out, as a set (all files or none).",
                "Takes about 35 s on 2 cores (about 60 s with --threads 1; memory's million-layer gradients dominate); --quick shortens the ladders."})
public final class ReportCommand implements Callable<Integer> {
    /** The claims of the report, in the order they are written and summarised; a new claim is one more line. */
    static final List<ClaimSpec<?>> CLAIMS = List.of(
            DistanceSpec.CLAIM,
            AdjointSpec.CLAIM,
            MemorySpec.CLAIM,
            FinetuneSpec.CLAIM,
            RegularizationSpec.CLAIM,
            RoughnessSpec.CLAIM);

    private final List<ClaimSpec<?>> claims;

    @Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--out", paramLabel = "DIR", defaultValue = "proofs-data",
            description = "Directory for the outputs. Default: ${DEFAULT-VALUE}.")
    Path out;

    @Option(names = "--quick", description = "Shorter ladders (distance and adjoint 8:1024, memory 1000:64000), for a smoke run.")
    boolean quick;

    @Option(names = "--baseline", paramLabel = "DIR", arity = "0..1", fallbackValue = "proofs-data",
            description = "Regression mode: compare every verdict, fitted rate and judged figure with the results in DIR "
                    + "(default when given without a value: proofs-data), read before anything is written; exit 1 naming each "
                    + "one that moved, else 0.")
    Path baseline;

    @Mixin
    ProgressOptions progress;

    @Mixin
    ThreadOptions threads;

    /** The report of {@link #CLAIMS}. */
    public ReportCommand() {
        this(CLAIMS);
    }

    /** The report of other claims (tests run it on small configurations). */
    ReportCommand(List<ClaimSpec<?>> claims) {
        this.claims = List.copyOf(claims);
    }

    @Override
    public Integer call() {
        threads.apply();
        AtomicFiles.requireWritableDirectory(out, "--out");
        // the baseline is read before anything is written, so --out and --baseline may name the same directory
        List<ClaimResult> base = baseline == null ? null
                : Baseline.read(baseline, claims.stream().map(ClaimSpec::name).toList());
        Progress lines = progress.progress(spec.commandLine().getErr());
        // every claim's tasks in one sweep (the longest first, ClaimSpec.sweepPriority), the results in the list's order
        List<ClaimOutcome> outcomes = ClaimRun.runAll(runs(claims, quick), lines);
        List<ClaimResult> all = write(outcomes, lines);
        return base == null ? ClaimOutput.exitCode(all, spec.commandLine().getErr())
                : Baseline.exitCode(baseline, base, all, spec.commandLine().getErr());
    }

    /** Every claim with the configuration the report runs. */
    static List<ClaimRun<?>> runs(List<ClaimSpec<?>> claims, boolean quick) {
        List<ClaimRun<?>> runs = new ArrayList<>();
        for (ClaimSpec<?> claim : claims) {
            runs.add(ClaimRun.standard(claim, quick));
        }
        return runs;
    }

    /** Writes every claim's files, its plots and REPORT.md into --out as one set, prints the summary; every result. */
    private List<ClaimResult> write(List<ClaimOutcome> outcomes, Progress lines) {
        Map<Path, byte[]> files = new LinkedHashMap<>();
        List<ClaimResult> all = new ArrayList<>();
        for (ClaimOutcome o : outcomes) {
            files.putAll(o.files(out, lines));
            all.addAll(o.results());
        }
        String summary = Summary.of(outcomes);
        files.put(out.resolve("REPORT.md"), ClaimFiles.utf8(summary));
        AtomicFiles.writeAll(files);
        spec.commandLine().getOut().print(summary);
        spec.commandLine().getOut().flush();
        return all;
    }
}
