package org.resnetode.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.resnetode.network.NetworkArchiveTest;

/** {@code inspect} from the command line: sections, outputs under --out, exit codes and one-line errors. */
class InspectCommandTest {

    @Test
    void inspectsAnExportedArchive(@TempDir Path dir) throws IOException {
        Path file = NetworkArchiveTest.exported(dir);
        Path out = dir.resolve("out");
        CliTest.Run r = CliTest.run("inspect", "--network", file.toString(), "--gradient-tolerance", "0.05", "-q",
                "--out", out.toString());
        assertThat(r.err()).isEmpty();
        assertThat(r.code()).isZero();
        assertThat(r.out()).contains("Weights along depth", "Distance to the Neural ODE of the weights",
                "Memory-free adjoint against backprop", "The network resampled to other depths");
        for (String ext : new String[] {"json", "md", "tex", "csv"}) {
            assertThat(out.resolve("inspect." + ext)).isNotEmptyFile();
        }
        assertThat(out.resolve("plots").resolve("inspect-smoothness.png")).isNotEmptyFile();
    }

    @Test
    void aStricterGradientToleranceFailsWithExitOne(@TempDir Path dir) throws IOException {
        CliTest.Run r = CliTest.run("inspect", "--network", NetworkArchiveTest.exported(dir).toString(), "-q",
                "--gradient-tolerance", "1e-4");
        assertThat(r.code()).isEqualTo(1);
        assertThat(r.out()).contains("verdict: fails");
    }

    @Test
    void badInputEndsInOneLineAndExitTwo(@TempDir Path dir) throws IOException {
        Path garbage = dir.resolve("garbage.npz");
        Files.writeString(garbage, "not a zip");
        Path json = dir.resolve("bad.json");
        Files.writeString(json, "{\"format\": 3");
        Path exported = NetworkArchiveTest.exported(dir);
        String[][] cases = {
                {"inspect", "--network", dir.resolve("missing.npz").toString()},
                {"inspect", "--network", garbage.toString()},
                {"inspect", "--network", json.toString()},
                {"inspect", "--network", json.toString(), "--scheme", "heun"},
                {"inspect", "--network", exported.toString(), "--scheme", "rk9"},
                {"inspect", "--network", exported.toString(), "--batch", "0"},
                {"inspect", "--network", exported.toString(), "--gradient-tolerance", "NaN"},
                {"inspect"}};
        for (String[] args : cases) {
            CliTest.Run r = CliTest.run(args);
            assertThat(r.code()).as(String.join(" ", args)).isEqualTo(2);
            assertThat(r.err().strip().lines().count()).as(r.err()).isEqualTo(1);
            assertThat(r.out()).isEmpty();
        }
    }
}
