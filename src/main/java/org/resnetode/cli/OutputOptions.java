package org.resnetode.cli;

import java.nio.file.Path;
import picocli.CommandLine.Option;

/** How a claim command reports: a text table (default) or JSON on stdout, files under --out, progress on stderr. */
public final class OutputOptions {
    @Option(names = "--json", description = "Print the result as JSON (the shared result shape) instead of a table.")
    boolean json;

    @Option(names = "--out", paramLabel = "DIR",
            description = "Also write <command>.json and <command>.md into DIR (each written to a temporary file, then moved into place).")
    Path out;

    @Option(names = {"-q", "--quiet"}, description = "No progress lines on stderr.")
    boolean quiet;

    /** Progress lines to {@code err}, or none with --quiet. */
    org.resnetode.claim.Progress progress(java.io.PrintWriter err) {
        return quiet ? org.resnetode.claim.Progress.SILENT : err::println;
    }
}
