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
            "linear-bench --workloads 8:x:3|malformed workload '8:x:3'",
            "linear-bench --anchor /no/such/anchor.py|NumPy anchor /no/such/anchor.py not found"})
    void badInputGetsOneLineAndExitCodeTwo(String args, String message) {
        CliTest.assertBadInput(CliTest.run(args.split(" ")), message);
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
                "--loss", "data", "--samples", "32", "--json", "-q");
        assertThat(r.code()).isZero();
        assertThat(r.out()).contains("\"claim\": \"linear-train\"").contains("\"limitDistance\"").contains("\"odeDistance\"")
                .contains("\"step\": 40");
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
