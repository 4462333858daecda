package org.resnetode.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** linear-train, regularization and linear-bench on the command line: outputs, exit codes, one-line errors. */
class LinearCliTest {

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
            "linear-train --target random:abc|random target scale 'abc' is not a number",
            "linear-train --dim 2 --target diagonal:1,2,3|diagonal target has 3 entries, the dimension is 2",
            "linear-train --target diagonal:1,NaN --dim 2|diagonal entry 2 is NaN",
            "linear-train --target /no/such/target|cannot be read as a file",
            "linear-train --depth 0|depth must be at least 1, got 0",
            "linear-train --lr -1|learning rate must be greater than 0, got -1.0",
            "linear-train --loss hinge|unknown loss 'hinge' (expected matrix or data)",
            "linear-train --loss data --samples 0|--samples must be at least 1, got 0",
            "linear-train --init wiggly|unknown profile 'wiggly'",
            "regularization --depths 0,16|malformed depth ladder '0,16'",
            "regularization --commuting-target random:0.5|--commuting-target must be diagonal:b1,b2,...",
            "linear-bench --workloads 8:x:3|--workloads '8:x:3': 'x' is not a whole number",
            "linear-bench --workloads 8:3|--workloads '8:3': expected D:N:STEPS",
            "linear-bench --workloads \u0668:4:3|'\\u0668' is not a whole number",
            "linear-bench --workloads 8:0:3|--workloads '8:0:3': N must be at least 1",
            "linear-bench --workloads 100000:100000:1|more than the 2147483639 a Java array holds",
            "linear-bench --anchor /no/such/anchor.py|NumPy anchor /no/such/anchor.py not found"})
    void badInputGetsOneLineAndExitCodeTwo(String args, String message) {
        CliTest.assertBadInput(CliTest.run(args.split(" ")), message);
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
            "linear-train --init zero --init-amplitude 2|--init-amplitude does not apply with --init zero",
            "linear-train --time 5 --steps 3|--time does not apply with --steps 3 (both set the number of steps",
            "linear-train --loss-target 1e-3|--loss-target does not apply to linear-train",
            "regularization --no-scan --scan-dims 2|--scan-dims does not apply with --no-scan",
            "regularization --no-scan --scan-scales 1|--scan-scales does not apply with --no-scan",
            "regularization --no-scan --scan-depths 16:32|--scan-depths does not apply with --no-scan",
            "regularization --no-scan --claimed-scale 1|--claimed-scale does not apply with --no-scan",
            "regularization --no-commuting --commuting-target diagonal:1,2|--commuting-target does not apply with --no-commuting",
            "regularization --no-commuting --commuting-depths 16:32|--commuting-depths does not apply with --no-commuting",
            "regularization --figure-depths 16|--figure-depths applies to --out only",
            "regularization --init zero --init-amplitude 1|--init-amplitude does not apply with --init zero",
            "regularization --quick --depths 16,32 --no-scan --no-commuting|--quick does not apply: --depths",
            "roughness --quick --paths 8|--paths does not apply with --quick",
            "roughness --quick --control decoupled|--control does not apply with --quick",
            "roughness --quick --kloeden-rosa|--kloeden-rosa does not apply with --quick",
            "roughness --quick --adjoint|--adjoint does not apply with --quick",
            "roughness --full --hurst 0.3|--hurst does not apply with --full",
            "roughness --full --adjoint|--adjoint does not apply with --full",
            "roughness --kloeden-rosa --hurst 0.3|--hurst does not apply with --kloeden-rosa",
            "roughness --kloeden-rosa --family linear|--family does not apply with --kloeden-rosa",
            "regularization --scan-dims 0|--scan-dims must be at least 1, got 0",
            "regularization --scan-scales -1|random target scale must be finite and >= 0, got -1.0",
            "regularization --scan-scales 1e308|target random:1.0E308: ||I - B||_F^2 overflows a double",
            "regularization --commuting-target diagonal:1e308|target diagonal:1e308: ||I - B||_F^2 overflows a double",
            "regularization --commuting-target diagonal:|diagonal"})
    void optionsThatWouldBeIgnoredAreRefusedNamingBoth(String args, String message) {
        // before: each ran, the first option silently ignored (the scan's and commuting case's values were judged only
        // when they ran, minutes after the ladder)
        CliTest.assertBadInput(CliTest.run(args.split(" ")), message);
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
            "0|--figure-depths: depth 0 is below 1",
            "16,16|--figure-depths: depth 16 appears twice",
            "2147483000|--figure-depths: depth 2147483000 at dimension 8 needs"})
    void figureDepthsAreJudgedWithOrWithoutOut(String depths, String message, @TempDir Path dir) {
        // before: judged only when --out drew the figure, after the minutes of the claim
        CliTest.assertBadInput(CliTest.run("regularization", "--figure-depths", depths, "--out", dir.toString()), message);
        assertThat(dir.resolve("regularization.json")).doesNotExist();
        CliTest.assertBadInput(CliTest.run("regularization", "--figure-depths", depths), "--figure-depths");
    }

    @Test
    void anAnchorThatPrintsNoSecondsIsNamedWithWhatItPrinted(@TempDir Path dir) throws Exception {
        // before: "the NumPy baseline failed (exit 0): " and nothing after the colon, the table's header already on stdout
        Path silent = Files.writeString(dir.resolve("silent.py"), "");
        CliTest.assertBadInput(CliTest.run("linear-bench", "--workloads", "2:4:1", "--repeats", "1", "--anchor", silent.toString()),
                "the NumPy anchor " + silent + " printed no \"seconds\" value (is it numpy_linear_training.py?); it printed nothing");
        Path failing = Files.writeString(dir.resolve("failing.py"), "import sys\nprint('bad input')\nsys.exit(4)\n");
        CliTest.assertBadInput(CliTest.run("linear-bench", "--workloads", "2:4:1", "--repeats", "1", "--anchor", failing.toString()),
                "the NumPy anchor " + failing + " failed (exit 4); its last line: bad input");
    }

    @Test
    void malformedTargetFileIsOneLine(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("b.txt");
        Files.writeString(f, "1 0\n0 Infinity\n");
        CliTest.Run r = CliTest.run("linear-train", "--dim", "2", "--target", f.toString());
        assertThat(r.code()).isEqualTo(Main.EXIT_BAD_INPUT);
        assertThat(r.err().strip()).contains("line 2 entry 2 is Infinity").doesNotContain("\n");
    }

    @Test
    void divergenceNamesTheStepAndExitsOne() {
        CliTest.Run r = CliTest.run("linear-train", "--dim", "3", "--depth", "8", "--target", "random:4", "--lr", "5", "-q");
        assertThat(r.code()).isEqualTo(Main.EXIT_FAILED_CLAIM);
        assertThat(r.err().strip()).startsWith("resnet-ode: training diverged at step").contains("use a smaller learning rate")
                .doesNotContain("\n");
    }

    @Test
    void linearTrainTracksLossSmoothnessAndDistances() {
        CliTest.Run r = CliTest.run("linear-train", "--dim", "3", "--depth", "16", "--steps", "40", "--track-every", "20",
                "--loss", "data", "--samples", "32", "--limit", "--ode", "--json", "-q");
        assertThat(r.code()).isZero();
        assertThat(r.out()).contains("\"claim\": \"linear-train\"").contains("\"limitDistance\"").contains("\"odeDistance\"")
                .contains("\"step\": 40");
    }

    @Test
    void linearTrainByDefaultTrainsAndTracksOnlyTheLossAndSmoothness() {
        // before: every run also trained the 2N network and measured the ODE distance, 8 times the training's own time
        CliTest.Run r = CliTest.run("linear-train", "--dim", "3", "--depth", "16", "--steps", "40", "--track-every", "20", "-q");
        assertThat(r.code()).isZero();
        assertThat(r.out()).contains("loss").contains("S(t)").doesNotContain("A^N_n").doesNotContain("x(1)");
        CliTest.Run limitOnly = CliTest.run("linear-train", "--dim", "3", "--depth", "16", "--steps", "40", "--limit", "--json", "-q");
        assertThat(limitOnly.out()).contains("\"limitDistance\"").doesNotContain("\"odeDistance\"");
        CliTest.Run odeOnly = CliTest.run("linear-train", "--dim", "3", "--depth", "16", "--steps", "40", "--ode", "--json", "-q");
        assertThat(odeOnly.out()).contains("\"odeDistance\"").doesNotContain("\"limitDistance\"");
    }

    @Test
    void regularizationWritesTablesAndFigureTwo(@TempDir Path dir) throws Exception {
        CliTest.Run r = CliTest.run("regularization", "--dim", "3", "--depths", "16:64", "--no-scan", "--commuting-depths", "16",
                "--figure-depths", "16,32", "--out", dir.toString(), "-q");
        assertThat(r.code()).as(r.out()).isZero();
        assertThat(r.out()).contains("verdict: holds").contains("Claim R, commuting case");
        for (String f : new String[] {"regularization.json", "regularization.md", "plots/weights-N16.png", "plots/weights-N32.svg",
                "plots/weights-depths.png", "plots/weights-depths.svg"}) {
            assertThat(dir.resolve(f)).isNotEmptyFile();
        }
        assertThat(Files.readString(dir.resolve("plots/weights-depths.svg"))).contains("<svg");
        byte[] png = Files.readAllBytes(dir.resolve("plots/weights-N16.png"));
        assertThat(png[1]).isEqualTo((byte) 'P');
    }

    @Test
    void roughInitialisationFailsWithExitOne() {
        CliTest.Run r = CliTest.run("regularization", "--dim", "3", "--depths", "16:64", "--no-scan", "--no-commuting", "--init", "iid",
                "-q");
        assertThat(r.code()).isEqualTo(Main.EXIT_FAILED_CLAIM);
        assertThat(r.out()).contains("verdict: fails");
    }
}
