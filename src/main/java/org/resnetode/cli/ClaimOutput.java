package org.resnetode.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Function;
import org.resnetode.claim.ClaimResult;
import org.resnetode.claim.Verdict;
import org.resnetode.report.AtomicFiles;
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
                    Function<ClaimResult, String> title, Function<ClaimResult, List<Column>> columns) {
        if (options.json) {
            out.println(json(results));
        } else {
            for (ClaimResult r : results) {
                out.println(Tables.text(title.apply(r), r, columns.apply(r)));
            }
        }
        if (options.out != null) {
            write(options.out, command, heading, results, title, columns);
        }
        out.flush();
        return exitCode(results);
    }

    /** Writes {@code dir/command.json}, {@code .md}, {@code .tex} (booktabs tables) and {@code .csv} (every row), each atomically. */
    static void write(Path dir, String command, String heading, List<ClaimResult> results,
                      Function<ClaimResult, String> title, Function<ClaimResult, List<Column>> columns) {
        StringBuilder md = new StringBuilder("## ").append(heading).append("\n\n");
        for (ClaimResult r : results) {
            md.append(Tables.markdown(title.apply(r), r, columns.apply(r))).append('\n');
        }
        StringBuilder tex = new StringBuilder();
        for (ClaimResult r : results) {
            tex.append(Latex.table(title.apply(r), r, columns.apply(r))).append('\n');
        }
        AtomicFiles.write(dir.resolve(command + ".json"), json(results) + "\n");
        AtomicFiles.write(dir.resolve(command + ".md"), md.toString());
        AtomicFiles.write(dir.resolve(command + ".tex"), tex.toString());
        AtomicFiles.write(dir.resolve(command + ".csv"), Csv.rows(results));
    }

    static int exitCode(List<ClaimResult> results) {
        return results.stream().map(ClaimResult::verdict).reduce(Verdict.HOLDS, Verdict::and).exitCode();
    }

    private static String json(List<ClaimResult> results) {
        return results.size() == 1 ? Json.write(results.get(0)) : Json.writeAll(results);
    }
}
