package org.resnetode.cli;

import org.resnetode.checks.BadInputException;
import org.resnetode.linalg.Parallelism;
import picocli.CommandLine.Option;

/**
 * {@code --threads N}: how many cores the kernels and the sweeps use. Results are bitwise identical whatever N
 * (fixed reduction orders, results in configuration order), so it changes only the time taken.
 */
public final class ThreadOptions {
    @Option(names = "--threads", paramLabel = "N",
            description = "Threads for the kernels and the sweeps (results are identical for every N). Default: all cores (${DEFAULT-VALUE}).")
    int threads = Runtime.getRuntime().availableProcessors();

    /** Applies the option to the kernels' pool; a count outside 1..1024 is bad input. */
    void apply() {
        if (threads < 1 || threads > 1024) {
            throw new BadInputException("--threads must be in 1..1024, got " + threads);
        }
        Parallelism.setThreads(threads);
    }
}
