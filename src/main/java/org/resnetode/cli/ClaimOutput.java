package org.resnetode.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.resnetode.claim.ClaimResult;
import org.resnetode.claim.Verdict;
import org.resnetode.io.AtomicFiles;
import org.resnetode.report.Baseline;
import org.resnetode.report.Column;
import org.resnetode.report.Csv;
import org.resnetode.report.Json;
import org.resnetode.report.Latex;
import org.resnetode.report.Tables;

/** Prints claim results as tables or JSON and writes them under --out; returns the command's exit code. */
final class ClaimOutput {
    private ClaimOutput() {
    }

    static int emit(String command, String heading, List<ClaimResult> results, OutputOptions options, PrintWriter out,
                    PrintWriter err, Function<ClaimResult, String> title, Function<ClaimResult, List<Column>> columns) {
        return emit(command, heading, results, options, out, err, title, columns, Map.of());
    }

    /** As above, with {@code extra} files (paths relative to --out, e.g. plots) written in the same set. */
    static int emit(String command, String heading, List<ClaimResult> results, OutputOptions options, PrintWriter out,
                    PrintWriter err, Function<ClaimResult, String> title, Function<ClaimResult, List<Column>> columns,
                    Map<Path, byte[]> extra) {
        List<ClaimResult> baseline = options.baseline == null ? null : Baseline.read(options.baseline, List.of(command));
        if (options.json) {
            out.println(json(results));
        } else {
            for (ClaimResult r : results) {
                out.println(Tables.text(title.apply(r), r, columns.apply(r)));
            }
        }
        if (options.out != null) {
            Map<Path, byte[]> files = new LinkedHashMap<>();
            render(files, options.out, command, heading, results, title, columns);
            extra.forEach((path, bytes) -> files.put(options.out.resolve(path), bytes));
            AtomicFiles.writeAll(files);
        }
        out.flush();
        return baseline == null ? exitCode(results, err) : Baseline.exitCode(options.baseline, baseline, results, err);
    }

    /** Adds {@code dir/command.json}, {@code .md}, {@code .tex} (booktabs tables) and {@code .csv} (every row) to {@code files}. */
    static void render(Map<Path, byte[]> files, Path dir, String command, String heading, List<ClaimResult> results,
                       Function<ClaimResult, String> title, Function<ClaimResult, List<Column>> columns) {
        StringBuilder md = new StringBuilder("## ").append(heading).append("\n\n");
        for (ClaimResult r : results) {
            md.append(Tables.markdown(title.apply(r), r, columns.apply(r))).append('\n');
        }
        StringBuilder tex = new StringBuilder();
        for (ClaimResult r : results) {
            tex.append(Latex.table(title.apply(r), r, columns.apply(r))).append('\n');
        }
        files.put(dir.resolve(command + ".json"), utf8(json(results) + "\n"));
        files.put(dir.resolve(command + ".md"), utf8(md.toString()));
        files.put(dir.resolve(command + ".tex"), utf8(tex.toString()));
        files.put(dir.resolve(command + ".csv"), utf8(Csv.rows(results)));
    }

    static byte[] utf8(String s) {
        return s.getBytes(java.nio.charset.StandardCharsets.UTF_8);
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

    private static String json(List<ClaimResult> results) {
        return results.size() == 1 ? Json.write(results.get(0)) : Json.writeAll(results);
    }
}
