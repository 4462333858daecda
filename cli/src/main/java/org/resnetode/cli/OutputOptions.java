package org.resnetode.cli;

import java.nio.file.Path;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** How a claim command reports: a text table (default) or JSON on stdout, files under --out, progress on stderr. */
public final class OutputOptions {
    @Option(names = "--json", description = "Print the result as JSON (the shared result shape) instead of a table.")
    boolean json;

    @Option(names = "--out", paramLabel = "DIR",
            description = "Also write <command>.json, .md, .tex and .csv, and the command's plots in DIR/plots, into DIR as a set: "
                    + "all are written to temporary files first, then moved into place (none when one cannot be written). DIR is "
                    + "checked before any work.")
    Path out;

    @Option(names = "--baseline", paramLabel = "DIR",
            description = "Regression mode: compare every verdict, fitted rate and judged figure with DIR/<command>.json (e.g. "
                    + "proofs-data) and exit 1 naming each one that moved, else 0 (report/Baseline). Claim commands only.")
    Path baseline;

    @Mixin
    ProgressOptions progress;

    @Mixin
    ThreadOptions threads;

    /** Applies --threads and refuses an --out that cannot be written, before any computation. */
    void prepare() {
        threads.apply();
        if (out != null) {
            org.resnetode.io.AtomicFiles.requireWritableDirectory(out, "--out");
        }
    }

    /** Progress lines to {@code err} (safe from a sweep's threads), or none with --quiet. */
    org.resnetode.claim.Progress progress(java.io.PrintWriter err) {
        return progress.progress(err);
    }
}
