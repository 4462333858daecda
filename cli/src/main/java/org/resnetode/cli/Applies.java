package org.resnetode.cli;

import org.resnetode.checks.BadInputException;
import picocli.CommandLine;

/**
 * Refuses an option given on the command line that the chosen configuration would ignore: accepted without a word, it
 * would make the user believe a setting was used. The message names the option and the one it conflicts with.
 */
final class Applies {
    private Applies() {
    }

    /** Throws when {@code option} was given and {@code applies} is false: "{@code option} {@code why}". */
    static void require(CommandLine.Model.CommandSpec spec, String option, boolean applies, String why) {
        if (!applies && given(spec, option)) {
            throw new BadInputException(option + " " + why);
        }
    }

    /** Whether {@code option} appears on the command line (a default value does not count). */
    static boolean given(CommandLine.Model.CommandSpec spec, String option) {
        CommandLine.ParseResult parsed = spec.commandLine().getParseResult();
        return parsed != null && parsed.hasMatchedOption(option);
    }
}
