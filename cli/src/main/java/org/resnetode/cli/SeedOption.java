package org.resnetode.cli;

import picocli.CommandLine.Option;

/** {@code --seed}: the one seed of a run's random draws, the same option in every command that draws. */
public final class SeedOption {
    @Option(names = "--seed", defaultValue = "1",
            description = "Seed of the run's random draws (weights, inputs, targets, shuffling): the same seed, the same run. "
                    + "Default: ${DEFAULT-VALUE}.")
    long value;
}
