package org.resnetode.cli;

import org.resnetode.checks.Checks;
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

    /** The parallelism the option asks for; a count outside 1..1024 is bad input. */
    Parallelism parallelism() {
        return Parallelism.of(Checks.inRange("--threads", threads, 1, Parallelism.MAX_THREADS));
    }

    /** Makes {@link #parallelism()} the one of the work this command runs on its thread (a command owns its thread). */
    void apply() {
        parallelism().adoptForThisThread();
    }
}
