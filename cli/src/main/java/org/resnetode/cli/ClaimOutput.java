package org.resnetode.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.resnetode.claim.ClaimResult;
import org.resnetode.claim.Progress;
import org.resnetode.claim.Verdict;
import org.resnetode.io.AtomicFiles;
import org.resnetode.checks.BadInputException;
import org.resnetode.report.Baseline;
import org.resnetode.report.ClaimOutcome;
import org.resnetode.report.ClaimFiles;
import org.resnetode.report.ClaimRun;
import org.resnetode.report.TableLayout;

/** The one output path of every claim command: runs the claim, prints its tables or JSON, writes its files under --out; returns the exit code. */
final class ClaimOutput {
    private ClaimOutput() {
    }

    /**
     * Runs {@code run} (progress on {@code err} unless --quiet), prints its results as tables or JSON on {@code out}, and
     * with --out writes its JSON, Markdown, LaTeX, CSV and plots as one set (all or none).
     */
    static int emit(ClaimRun<?> run, OutputOptions options, PrintWriter out, PrintWriter err) {
        // the baseline is read before anything is written, so --out and --baseline may name the same directory
        List<ClaimResult> baseline = options.baseline == null ? null : Baseline.read(options.baseline, List.of(run.claim().name()));
        Progress progress = options.progress(err);
        ClaimOutcome outcome = run.run(progress);
        emit(run.claim(), outcome.results(), options, out, err, dir -> outcome.files(dir, progress));
        return baseline == null ? exitCode(outcome.results(), err) : Baseline.exitCode(options.baseline, baseline, outcome.results(), err);
    }

    /** Results measured outside a claim plan (inspect, linear-train), with {@code extra} files (paths relative to --out, e.g. plots). */
    static int emit(TableLayout layout, List<ClaimResult> results, OutputOptions options, PrintWriter out, PrintWriter err,
                    Map<Path, byte[]> extra) {
        if (options.baseline != null) {
            throw new BadInputException("--baseline applies to the claim commands (report, distance, adjoint, memory, finetune, "
                    + "regularization, roughness), not to " + layout.name());
        }
        emit(layout, results, options, out, err, dir -> {
            Map<Path, byte[]> files = ClaimFiles.tables(layout, dir, results);
            extra.forEach((path, bytes) -> files.put(dir.resolve(path), bytes));
            return files;
        });
        return exitCode(results, err);
    }

    /** Prints the results and writes {@code files(--out)} as one set with --out. */
    private static void emit(TableLayout layout, List<ClaimResult> results, OutputOptions options, PrintWriter out, PrintWriter err,
                            Function<Path, Map<Path, byte[]>> files) {
        if (options.json) {
            out.println(ClaimFiles.json(results));
        } else {
            out.print(ClaimFiles.text(layout, results));
        }
        if (options.out != null) {
            AtomicFiles.writeAll(files.apply(options.out));
        }
        out.flush();
        if (out.checkError()) {
            // said here, before the verdict's exit line, so that a lost result is one line and exit 2
            throw new BadInputException(Main.OUTPUT_LOST);
        }
    }

    /** The worst verdict of the results (holds when there are none). */
    static Verdict verdict(List<ClaimResult> results) {
        return results.stream().map(ClaimResult::verdict).reduce(Verdict.HOLDS, Verdict::and);
    }

    /** The exit code of the worst verdict, saying on {@code err} which verdict a non-zero code stands for. */
    static int exitCode(List<ClaimResult> results, PrintWriter err) {
        Verdict v = verdict(results);
        if (v.exitCode() != 0) {
            long count = results.stream().filter(r -> r.verdict() == v).count();
            err.println("resnet-ode: " + count + " of " + results.size() + " results " + v.label()
                    + (v == Verdict.FAILS ? ": a stated quantity lies outside its band" : ": the claim could not be judged")
                    + " (exit 1; the notes say why)");
            err.flush();
        }
        return v.exitCode();
    }
}
