package org.resnetode.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Regression mode through the command line (issue 16's acceptance): the Heun adjoint with its reverse step's stage times
 * swapped keeps the verdict's exit code 0 without a baseline (its rate 2 is inside the paper's band) but its order drop
 * 3 -> 2 is named with --baseline, exit 1; the unchanged code exits 0 against the same baseline.
 */
class BaselineCliTest {
    private static final String[] HEUN = {"adjoint", "--scheme", "heun", "--profile", "fourier", "--depths", "8:1024", "-q"};

    private static CliTest.Run run(String... extra) {
        String[] args = java.util.Arrays.copyOf(HEUN, HEUN.length + extra.length);
        System.arraycopy(extra, 0, args, HEUN.length, extra.length);
        return CliTest.run(args);
    }

    @Test
    void anOrderDropFromThreeToTwoExitsOneAgainstABaselineAndTheUnchangedCodeZero(@TempDir Path dir) {
        assertThat(run("--out", dir.toString()).code()).isZero();
        CliTest.Run unchanged = run("--baseline", dir.toString());
        assertThat(unchanged.code()).as(unchanged.err()).isZero();
        assertThat(unchanged.err()).contains("2 results match the baseline");

        CliTest.Run swapped = run("--control", "swapped-stages");
        assertThat(swapped.code()).as("rate 2 lies in the paper's band: the verdict alone passes").isZero();
        assertThat(swapped.out()).contains("holds");

        CliTest.Run regression = run("--control", "swapped-stages", "--baseline", dir.toString());
        assertThat(regression.code()).isEqualTo(1);
        assertThat(regression.err()).contains("adjoint[mlp/fourier/heun]: verdict finding -> holds")
                .containsPattern("rate of gradientError 3\\.00\\d \\[[0-9.]+, [0-9.]+\\] -> (1\\.99\\d|2\\.0\\d\\d)")
                .containsPattern("rate of recoveryError (2\\.99\\d|3\\.00\\d) \\[[0-9.]+, [0-9.]+\\] -> (1\\.99\\d|2\\.0\\d\\d)");
    }

    @Test
    void theCommittedProofsDataAreABaseline() {
        CliTest.Run unchanged = run("--baseline", "proofs-data");
        assertThat(unchanged.code()).as(unchanged.err()).isZero();
        assertThat(run("--control", "swapped-stages", "--baseline", "proofs-data").code()).isEqualTo(1);
    }

    @Test
    void aMissingBaselineIsBadInput(@TempDir Path dir) {
        CliTest.Run r = run("--baseline", dir.resolve("none").toString());
        // a BadInputException: exit 2 once Main maps it (issue 15), an error exit in any case, never a verdict's 0 or 1
        assertThat(r.code()).isNotIn(0, 1);
        assertThat(r.err()).contains("--baseline").contains("not a directory");
    }
}
