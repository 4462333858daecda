package org.resnetode.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.resnetode.network.NetworkArchiveTest;
import picocli.CommandLine;

/**
 * Every numeric option of every command (found in the picocli model, so a new option is covered without editing this
 * test) driven to the values just past its documented range, -1 and 0 for whole numbers, -1 and -1e308 for decimals,
 * and a number in Java's own syntax: no value may end in an internal error (exit 3). Each run ends 0, 1 or 2, and an
 * exit 2 is one line. The commands whose base run is long (report, finetune, regularization, linear-bench) are driven
 * through their options validated before any work only (--threads); a value accepted there would start the full run.
 */
class OptionLimitsTest {
    private static final List<String> LONG_COMMANDS = List.of("report", "finetune", "regularization", "linear-bench");

    private static Map<String, String> base(String command, Path network) {
        Map<String, String> b = new LinkedHashMap<>();
        switch (command) {
            case "distance", "adjoint", "memory" -> b.put("--depths", "8:16");
            case "train" -> {
                b.put("--epochs", "1");
                b.put("--train-rows", "64");
                b.put("--depth", "2");
            }
            case "linear-train" -> {
                b.put("--depth", "4");
                b.put("--time", "1");
            }
            case "inspect" -> b.put("--network", network.toString());
            default -> {
            }
        }
        return b;
    }

    @Test
    void noNumericValueEndsInAnInternalError(@TempDir Path dir) throws IOException {
        Path network = NetworkArchiveTest.exported(dir);
        List<List<String>> lines = new ArrayList<>();
        collect(Main.tree(), new ArrayList<>(), network, lines);
        assertThat(lines).hasSizeGreaterThan(150);
        List<String> internal = new ArrayList<>();
        for (List<String> line : lines) {
            CliTest.Run r = CliTest.run(line.toArray(String[]::new));
            String shown = String.join(" ", line);
            if (r.code() == Main.EXIT_INTERNAL_ERROR) {
                internal.add(shown + " -> " + r.err().strip());
            }
            assertThat(r.code()).as(shown + "\n" + r.err()).isIn(0, 1, Main.EXIT_BAD_INPUT, Main.EXIT_INTERNAL_ERROR);
            if (r.code() == Main.EXIT_BAD_INPUT) {
                assertThat(r.err().strip().lines().count()).as(shown + "\n" + r.err()).isEqualTo(1);
            }
        }
        assertThat(internal).as("command lines ending in an internal error").isEmpty();
    }

    private static void collect(CommandLine cl, List<String> path, Path network, List<List<String>> lines) {
        if (!path.isEmpty()) {
            String command = path.get(0);
            for (CommandLine.Model.OptionSpec o : cl.getCommandSpec().options()) {
                List<String> values = values(o.type());
                boolean early = o.longestName().equals("--threads");
                if (values.isEmpty() || LONG_COMMANDS.contains(command) && !early) {
                    continue;
                }
                for (String v : values) {
                    List<String> line = new ArrayList<>(path);
                    line.add(o.longestName());
                    line.add(v);
                    base(command, network).forEach((k, bv) -> {
                        if (!k.equals(o.longestName())) {
                            line.add(k);
                            line.add(bv);
                        }
                    });
                    line.add("-q");
                    if (cl.getCommandSpec().findOption("-q") == null) {
                        line.remove(line.size() - 1);
                    }
                    lines.add(line);
                }
            }
        }
        cl.getSubcommands().forEach((name, sub) -> {
            if (!name.equals("help")) {
                List<String> next = new ArrayList<>(path);
                next.add(name);
                collect(sub, next, network, lines);
            }
        });
    }

    private static List<String> values(Class<?> type) {
        if (type == int.class || type == Integer.class) {
            return List.of("-1", "0", "-2147483648", "2147483648", "1f");
        }
        if (type == double.class || type == Double.class) {
            return List.of("-1", "-1e308", "1e999", "0x1p0");
        }
        if (type == long.class || type == Long.class) {
            return List.of("9223372036854775808", "1L");
        }
        return List.of();
    }
}
