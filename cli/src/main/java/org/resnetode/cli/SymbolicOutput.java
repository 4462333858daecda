package org.resnetode.cli;

import java.io.PrintWriter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Locale;
import java.util.function.Supplier;
import org.resnetode.claim.ClaimResult;
import org.resnetode.claim.Verdict;
import org.resnetode.report.Json;
import org.resnetode.checks.BadInputException;
import org.resnetode.symbolic.Derivation;
import org.resnetode.symbolic.NumericOverflow;
import org.resnetode.symbolic.SymbolicEngine;
import org.resnetode.symbolic.SymbolicFailure;
import org.resnetode.symbolic.TimeLimitExceeded;
import picocli.CommandLine.Option;

/** Output options of the symbolic subcommands, and the one place that prints derivations or a failure. */
public final class SymbolicOutput {
    @Option(names = "--latex", description = "Print each derivation's LaTeX instead of its Symja expression.")
    boolean latex;

    @Option(names = "--json", description = "Print JSON (the shared result shape): one row per derivation with its name, exact "
            + "expression, LaTeX, value (a double or null) and check.")
    boolean json;

    @Option(names = "--time-limit", paramLabel = "SECONDS", defaultValue = "60",
            description = "Time limit of each Symja evaluation, in seconds. Default: ${DEFAULT-VALUE}.")
    double timeLimit;

    /**
     * Runs the derivations and prints them, exit code 1 when a check line fails (begins with "fails": a claim checked,
     * such as {@code symbolic certified}'s bound, came out false, as any claim's {@code fails}); a
     * {@link SymbolicFailure} is one line on {@code err} and exit code 3, except a
     * derivation stopped by --time-limit and numbers beyond a double, which are bad input (exit 2).
     */
    int emit(String command, Supplier<List<Derivation>> derivations, PrintWriter out, PrintWriter err) {
        if (!(timeLimit > 0) || timeLimit > 86_400) {
            throw new BadInputException("--time-limit must be in (0, 86400] seconds, got " + timeLimit);
        }
        Duration before = SymbolicEngine.timeLimit();
        SymbolicEngine.setTimeLimit(Duration.ofMillis(Math.max(1, (long) (timeLimit * 1000))));
        List<Derivation> results;
        try {
            results = derivations.get();
        } catch (SymbolicFailure e) {
            if (e.getCause() instanceof NumericOverflow overflow) {
                throw new BadInputException("symbolic " + command + ": " + overflow.getMessage() + " in '" + e.derivation()
                        + "': the input's numbers are too large for the numeric cross-check", e);
            }
            if (e.getCause() instanceof TimeLimitExceeded) {
                throw new BadInputException("symbolic " + command + ": derivation '" + e.derivation() + "' ran past --time-limit "
                        + String.format(Locale.ROOT, "%.3g", timeLimit) + " s in one Symja evaluation: allow more time with a larger "
                        + "--time-limit, or ask for less work (a lower --order, a tableau with fewer stages, a simpler weight)", e);
            }
            err.println("resnet-ode: symbolic " + command + ": " + e.getMessage().replace('\n', ' '));
            return SymbolicCommand.EXIT_DERIVATION_FAILED;
        } finally {
            SymbolicEngine.setTimeLimit(before);
        }
        if (json) {
            out.println(json(command, results));
        } else {
            for (Derivation d : results) {
                out.println(d.name() + ":");
                out.println("  " + (latex ? d.latex() : d.expression()));
                if (d.hasValue()) {
                    out.println(String.format(Locale.ROOT, "  = %.17g", d.value()));
                }
                out.println("  check: " + d.check());
            }
        }
        return failed(results) ? Main.EXIT_FAILED_CLAIM : 0;
    }

    /** True when a derivation's check line states that it fails (a claim checked, not a cross-check of the derivation). */
    static boolean failed(List<Derivation> results) {
        return results.stream().anyMatch(d -> d.check().startsWith(FAILS));
    }

    /** How a check line that fails begins. */
    static final String FAILS = Verdict.FAILS.label();

    /**
     * The shared result shape ({@code report.Json}): claim "symbolic COMMAND", one row per derivation with
     * name, expression, latex, value (null without one) and check; verdict "holds", or "fails" when a check line fails.
     */
    static String json(String command, List<Derivation> results) {
        List<Map<String, Object>> rows = new ArrayList<>();
        for (Derivation d : results) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("name", d.name());
            row.put("expression", d.expression());
            row.put("latex", d.latex());
            row.put("value", d.value());
            row.put("check", d.check());
            rows.add(row);
        }
        boolean failed = failed(results);
        return Json.write(new ClaimResult("symbolic " + command, Map.of(), rows, List.of(), failed ? Verdict.FAILS : Verdict.HOLDS,
                List.of(failed ? "a check line fails (its column check begins with 'fails')"
                        : "every derivation passed the numeric cross-check in its column check")));
    }
}
