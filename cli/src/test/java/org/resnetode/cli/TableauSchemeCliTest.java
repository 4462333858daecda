package org.resnetode.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.parallel.Isolated;

/** A tableau file given as {@code --scheme} to the numeric commands: the scheme it describes, or one line and exit 2. */
@Isolated("measures allocation per thread: code compiled or deoptimized for tests running beside it would add to the counts")
class TableauSchemeCliTest {

    /** Ralston's tableau written by hand measures exactly what the built-in {@code ralston} measures. */
    @Test
    void aFileRunsTheSchemeItDescribes(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("ralston.json");
        Files.writeString(file, "{\"name\": \"ralston\", \"A\": [[], [\"2/3\"]], \"b\": [\"1/4\", \"3/4\"], \"order\": 2}");
        for (String command : new String[] {"distance", "adjoint"}) {
            String[] common = {command, "--family", "tanh", "--profile", "fourier", "--depths", "16:128", "--fit-from", "16",
                    "--quiet", "--json"};
            CliTest.Run fromFile = CliTest.run(concat(common, "--scheme", file.toString()));
            CliTest.Run builtIn = CliTest.run(concat(common, "--scheme", "ralston"));
            assertThat(fromFile.code()).as(fromFile.err()).isZero();
            assertThat(builtIn.code()).as(builtIn.err()).isZero();
            assertThat(fromFile.out().replace(file.toString(), "ralston")).isEqualTo(builtIn.out());
        }
    }

    @Test
    void aMalformedFileIsOneLineAndExitTwo(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("implicit.json");
        Files.writeString(file, "{\"A\": [[\"1\"]], \"b\": [\"1\"]}");
        for (String command : new String[] {"distance", "adjoint", "memory"}) {
            CliTest.assertBadInput(CliTest.run(command, "--scheme", file.toString(), "--depths", "16:32"),
                    "tableau file " + file + ": tableau tableau is implicit");
        }
    }

    private static String[] concat(String[] a, String... b) {
        String[] out = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
