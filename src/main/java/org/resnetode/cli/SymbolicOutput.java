package org.resnetode.cli;

import java.io.PrintWriter;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;
import org.resnetode.symbolic.Derivation;
import org.resnetode.symbolic.SymbolicEngine;
import org.resnetode.symbolic.SymbolicFailure;
import picocli.CommandLine.Option;

/** Output options of the symbolic subcommands, and the one place that prints derivations or a failure. */
public final class SymbolicOutput {
    @Option(names = "--latex", description = "Print each derivation's LaTeX instead of its Symja expression.")
    boolean latex;

    @Option(names = "--json", description = "Print JSON: every derivation's name, exact expression, LaTeX, value (a double or null) and check.")
    boolean json;

    @Option(names = "--time-limit", paramLabel = "SECONDS", defaultValue = "60",
            description = "Time limit of each Symja evaluation, in seconds. Default: ${DEFAULT-VALUE}.")
    double timeLimit;

    /**
     * Runs the derivations and prints them; a {@link SymbolicFailure} is one line on {@code err} and exit code 3.
     */
    int emit(String command, Supplier<List<Derivation>> derivations, PrintWriter out, PrintWriter err) {
        if (!(timeLimit > 0) || timeLimit > 86_400) {
            throw new IllegalArgumentException("--time-limit must be in (0, 86400] seconds, got " + timeLimit);
        }
        SymbolicEngine.setTimeLimit(Duration.ofMillis(Math.max(1, (long) (timeLimit * 1000))));
        List<Derivation> results;
        try {
            results = derivations.get();
        } catch (SymbolicFailure e) {
            err.println("resnet-ode: symbolic " + command + ": " + e.getMessage().replace('\n', ' '));
            return SymbolicCommand.EXIT_DERIVATION_FAILED;
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
        return 0;
    }

    static String json(String command, List<Derivation> results) {
        StringBuilder sb = new StringBuilder("{\"command\": ");
        string(sb, "symbolic " + command);
        sb.append(", \"derivations\": [");
        for (int i = 0; i < results.size(); i++) {
            Derivation d = results.get(i);
            sb.append(i == 0 ? "\n  " : ",\n  ").append("{\"name\": ");
            string(sb, d.name());
            sb.append(", \"expression\": ");
            string(sb, d.expression());
            sb.append(", \"latex\": ");
            string(sb, d.latex());
            sb.append(", \"value\": ").append(d.hasValue() && Double.isFinite(d.value()) ? Double.toString(d.value()) : "null");
            sb.append(", \"check\": ");
            string(sb, d.check());
            sb.append('}');
        }
        return sb.append("]}").toString();
    }

    private static void string(StringBuilder sb, String s) {
        sb.append('"');
        for (char c : s.toCharArray()) {
            switch (c) {
                case '"' -> sb.append("\\\"");
                case '\\' -> sb.append("\\\\");
                case '\n' -> sb.append("\\n");
                case '\t' -> sb.append("\\t");
                default -> {
                    if (c < 0x20) {
                        sb.append(String.format("\\u%04x", (int) c));
                    } else {
                        sb.append(c);
                    }
                }
            }
        }
        sb.append('"');
    }
}
