package org.resnetode.cli;

import java.io.PrintWriter;
import org.resnetode.claim.Progress;
import org.resnetode.claim.SweepRunner;
import picocli.CommandLine.Option;

/** {@code -q/--quiet}: progress lines of a long run on stderr, or none. */
public final class ProgressOptions {
    @Option(names = {"-q", "--quiet"}, description = "No progress lines on stderr.")
    boolean quiet;

    /** Progress lines to {@code err}, safe to call from a sweep's threads; none with --quiet. */
    Progress progress(PrintWriter err) {
        return quiet ? Progress.SILENT : SweepRunner.synchronizedProgress(err::println);
    }
}
