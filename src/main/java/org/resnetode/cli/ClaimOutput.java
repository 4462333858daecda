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
        Progress progress = options.progress(err);
        ClaimOutcome outcome = run.run(progress);
        return emit(run.claim(), outcome.results(), options, out, err, dir -> outcome.files(dir, progress));
    }

    /** Results measured outside a claim plan (inspect, linear-train), with {@code extra} files (paths relative to --out, e.g. plots). */
    static int emit(TableLayout layout, List<ClaimResult> results, OutputOptions options, PrintWriter out, PrintWriter err,
                    Map<Path, byte[]> extra) {
        return emit(layout, results, options, out, err, dir -> {
            Map<Path, byte[]> files = ClaimFiles.tables(layout, dir, results);
            extra.forEach((path, bytes) -> files.put(dir.resolve(path), bytes));
            return files;
        });
    }

    /** Prints the results, writes {@code files(--out)} as one set with --out, and returns the exit code of their verdicts. */
    private static int emit(TableLayout layout, List<ClaimResult> results, OutputOptions options, PrintWriter out, PrintWriter err,
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
        return exitCode(results, err);
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
