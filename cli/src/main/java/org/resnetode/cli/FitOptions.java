package org.resnetode.cli;

import picocli.CommandLine.Option;

/** {@code --fit-from}: where the rate fits of a claim over a depth ladder start. */
public final class FitOptions {
    @Option(names = "--fit-from", paramLabel = "N",
            description = "Smallest depth used in rate fits (smaller depths are shown, not fitted). Default: 64.")
    Integer fitFrom;
}
