package org.resnetode.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.parallel.Isolated;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The command-line contract of issues 9 and 10, as a new user tries it (the one-line bad-input cases are in {@link CliTest}): each case ends with one line and the exit
 * code the README promises, and each claim's negative control exits 1 with {@code fails}.
 */
@Isolated("measures allocation per thread: code compiled or deoptimized for tests running beside it would add to the counts")
class CliContractTest {
    private static final String[] QUICK_TANH = {"--family", "tanh", "--profile", "fourier", "-q"};

    private static CliTest.Run run(String... args) {
        return CliTest.run(args);
    }

    @Test
    void anEmptyOutIsRejected() {
        CliTest.Run r = run("distance", "--family", "tanh", "--out", "");
        assertThat(r.code()).isEqualTo(Main.EXIT_BAD_INPUT);
        assertThat(r.err()).contains("--out is empty");
    }

    @Test
    void anOutNamingAFileIsRejectedBeforeAnyComputation(@TempDir Path dir) throws Exception {
        Path file = Files.writeString(dir.resolve("taken"), "x");
        CliTest.Run r = run("distance", "--family", "tanh", "--profile", "fourier", "--out", file.toString());
        assertThat(r.code()).isEqualTo(Main.EXIT_BAD_INPUT);
        assertThat(r.err().strip()).isEqualTo("resnet-ode: --out " + file + " is a file, not a directory");
    }

    @Test
    void outputFilesAreWrittenAsASet(@TempDir Path dir) throws Exception {
        // distance.csv is taken by a non-empty directory: no file of the set may appear
        Files.createDirectories(dir.resolve("distance.csv").resolve("inside"));
        CliTest.Run r = run("distance", "--family", "tanh", "--profile", "fourier", "--depths", "64:256", "-q",
                "--out", dir.toString());
        assertThat(r.code()).isEqualTo(Main.EXIT_BAD_INPUT);
        assertThat(r.err()).contains("cannot write " + dir.resolve("distance.csv"));
        try (var files = Files.list(dir)) {
            assertThat(files.map(p -> p.getFileName().toString()).toList()).containsExactly("distance.csv");
        }
    }

    @Test
    void theDefaultFitStartWithAShortLadderIsInconclusiveAndSaysWhy() {
        CliTest.Run r = run("distance", "--family", "tanh", "--profile", "fourier", "--depths", "8:32", "-q");
        assertThat(r.code()).isEqualTo(1);
        assertThat(r.out()).contains("verdict: inconclusive")
                .contains("no depth of the ladder reaches N = 64 (it ends at N = 32)");
        assertThat(r.err()).contains("inconclusive: the claim could not be judged (exit 1");
    }

    @Test
    void aBatchSizeDifferentFromTheBatchFileIsAnError(@TempDir Path dir) throws Exception {
        Path csv = Files.writeString(dir.resolve("b.csv"), "0.1,0.2,0.3,0.4\n0.5,0.6,0.7,0.8\n0.9,1.0,1.1,1.2\n");
        CliTest.Run r = run("adjoint", "--family", "tanh", "--dim", "2", "--batch", "7", "--batch-file", csv.toString());
        assertThat(r.code()).isEqualTo(Main.EXIT_BAD_INPUT);
        assertThat(r.err()).contains("--batch 7 but the batch file " + csv + " holds 3 samples");
    }

    @Test
    void nanGradientErrorsFromAnOverflowingBatchAreInconclusive(@TempDir Path dir) throws Exception {
        Path csv = Files.writeString(dir.resolve("big.csv"), "1e308,1e308,1e308,1e308\n1e308,-1e308,1e308,1e308\n");
        CliTest.Run r = run("adjoint", "--family", "tanh", "--dim", "2", "--profile", "fourier", "--scheme", "euler",
                "--depths", "8:64", "--fit-from", "8", "--batch-file", csv.toString(), "-q");
        assertThat(r.code()).isEqualTo(1);
        assertThat(r.out()).contains("verdict: inconclusive").doesNotContain("verdict: finding");
    }

    @Test
    void subcommandsPrintTheVersion() {
        for (String command : List.of("distance", "adjoint", "memory", "report")) {
            CliTest.Run r = run(command, "--version");
            assertThat(r.code()).isZero();
            assertThat(r.out().strip()).isEqualTo(Version.TEXT);
        }
    }

    @Test
    void helpTextsStateTheExitCodesAndControls() {
        assertThat(run("--help").out()).contains("1 a claim fails or is inconclusive (stderr says which)")
                .contains("3 internal error");
        assertThat(run("distance", "--help").out()).contains("broken-tableau").contains("rough-weights")
                .contains("fbm-weights");
        assertThat(run("adjoint", "--help").out()).contains("wrong-reverse");
        assertThat(run("memory", "--help").out()).contains("storing-adjoint");
    }

    @ParameterizedTest(name = "negative control: {0}")
    @CsvSource(delimiter = '|', value = {
            "distance --depths 64:1024 --control broken-tableau",
            "distance --depths 64:1024 --control rough-weights",
            "distance --dim 4 --depths 8:512 --control fbm-weights",
            "adjoint --scheme euler --depths 64:1024 --control wrong-reverse",
            "adjoint --scheme heun --depths 64:1024 --control rough-weights"})
    void negativeControlsFailWithExitOne(String args) {
        String[] all = (args + " " + String.join(" ", QUICK_TANH)).split(" ");
        CliTest.Run r = run(all);
        assertThat(r.code()).isEqualTo(1);
        assertThat(r.out()).contains("verdict: fails");
        assertThat(r.err()).contains("fails: a stated quantity lies outside its band");
    }

    @Test
    void theMemoryControlFailsOnMeasuredAllocation() {
        CliTest.Run r = run("memory", "--dim", "8", "--depths", "1000:16000", "--control", "storing-adjoint", "-q");
        assertThat(r.code()).isEqualTo(1);
        assertThat(r.out()).contains("verdict: fails").contains("fails: rate of measured adjoint allocation");
    }
}
