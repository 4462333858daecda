package org.resnetode.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.resnetode.network.NetworkArchiveTest;
import picocli.CommandLine;

/**
 * The promises of issue 15, one test per kind of broken promise: hostile nesting, sizes beyond an array, numbers beyond a
 * double, lost output, Java's own number syntax, --version everywhere, --out made only after the input is judged, a
 * killed run's temporary files, the exact zero of zero weights, and one visible line per error.
 */
class JudgeCliTest {
    private static CliTest.Run run(String... args) {
        return CliTest.run(args);
    }

    /** Exit 2, one line on stderr holding {@code message}, no control character in it, no Java class name. */
    private static void assertOneLine(CliTest.Run r, String message) {
        CliTest.assertBadInput(r, message);
        String line = r.err().strip();
        assertThat(line.chars().filter(c -> c < 0x20 || c == 0x7f || c == 0x200b)).isEmpty();
        assertThat(line).doesNotContain("Exception").doesNotContain("java.");
    }

    @Test
    void deeplyNestedInputIsBadInputNotAStackOverflow(@TempDir Path dir) throws IOException {
        Path tableau = Files.writeString(dir.resolve("deep.json"), "[".repeat(100_000) + "]".repeat(100_000));
        assertOneLine(run("distance", "--scheme", tableau.toString(), "-q"), "nested deeper than 64 levels");
        assertOneLine(run("symbolic", "time-varying", "--weight", "(".repeat(100_000) + "t" + ")".repeat(100_000)),
                "nested deeper than 100 levels");
        assertOneLine(run("symbolic", "time-varying", "--weight", "-".repeat(100_000) + "t"), "nested deeper than 100 levels");
        assertOneLine(run("symbolic", "linear", "--matrix", "[".repeat(100_000) + "1" + "]".repeat(100_000)),
                "nested deeper than 2 levels");
    }

    @Test
    void aDepthBeyondOneArrayIsRefusedWithItsReason() {
        assertOneLine(run("linear-train", "--depth", "2147483647"), "more than the 2147483639 a Java array holds");
    }

    @ParameterizedTest
    @ValueSource(strings = {"symbolic time-varying --weight 1000000*t", "symbolic linear --matrix [[1000]]",
            "symbolic bound --lx 800"})
    void numbersBeyondADoubleAreBadInputNamingTheOverflow(String line) {
        assertOneLine(run(line.split(" ")), "overflows the range of a double");
    }

    @ParameterizedTest
    @ValueSource(strings = {"1f", "2d", "0x1p0", "\u0661", "NaN", "Infinity", " 1", "1_000", "+-1", "1e999"})
    void numbersInJavaSyntaxAreRefused(String number) {
        assertOneLine(run("distance", "--amplitude", number), "Invalid value for option '--amplitude'");
        assertOneLine(run("linear-train", "--dim", number), "Invalid value for option '--dim'");
    }

    @Test
    void plainDecimalNumbersAreStillRead() {
        CliTest.Run r = run("symbolic", "bound", "--lx", "1e-1", "--ltheta", ".5", "--m", "+2");
        assertThat(r.code()).as(r.err()).isZero();
    }

    @Test
    void everyCommandPrintsItsVersion() {
        List<List<String>> paths = new ArrayList<>();
        collect(Main.tree(), new ArrayList<>(), paths);
        assertThat(paths).hasSizeGreaterThan(15);
        for (List<String> path : paths) {
            List<String> args = new ArrayList<>(path);
            args.add("--version");
            CliTest.Run r = run(args.toArray(String[]::new));
            assertThat(r.code()).as(String.join(" ", args)).isZero();
            assertThat(r.out().strip()).as(String.join(" ", args)).isEqualTo(Version.TEXT);
        }
    }

    private static void collect(CommandLine cl, List<String> path, List<List<String>> paths) {
        paths.add(path);
        cl.getSubcommands().forEach((name, sub) -> {
            if (!name.equals("help")) {
                List<String> next = new ArrayList<>(path);
                next.add(name);
                collect(sub, next, paths);
            }
        });
    }

    /** A stdout that refuses every byte, as a closed descriptor or a full device does. */
    private static final class LostOutput extends OutputStream {
        @Override
        public void write(int b) throws IOException {
            throw new IOException("No space left on device");
        }
    }

    private static CliTest.Run runLosingOutput(String... args) {
        StringWriter err = new StringWriter();
        int code = Main.run(args, new PrintWriter(new LostOutput(), true), new PrintWriter(err, true));
        return new CliTest.Run(code, "", err.toString());
    }

    @Test
    void inspectRefusesALossWithoutGradientsToAudit(@TempDir Path dir) throws IOException {
        CliTest.assertBadInput(CliTest.run("inspect", "--network", NetworkArchiveTest.exported(dir).toString(), "--loss",
                "cross-entropy", "-q"), "--loss applies to --gradients only");
    }

    @Test
    void lostStandardOutputIsExitTwo(@TempDir Path dir) throws IOException {
        String[][] lines = {
                {"distance", "--family", "tanh", "--profile", "fourier", "--depths", "8:16", "--json", "-q"},
                {"symbolic", "bound", "--json"},
                {"train", "--train-rows", "64", "--hidden", "4", "--epochs", "1", "--depth", "2", "-q"},
                {"inspect", "--network", NetworkArchiveTest.exported(dir).toString(), "-q"}};
        for (String[] line : lines) {
            CliTest.Run r = runLosingOutput(line);
            assertThat(r.code()).as(String.join(" ", line)).isEqualTo(Main.EXIT_BAD_INPUT);
            assertThat(r.err()).contains("cannot write standard output");
            assertThat(r.err().strip().lines()).as("one line, not the verdict's exit-1 line first").hasSize(1);
        }
    }

    @Test
    void aFullDeviceOnTheRealStdoutIsExitTwo() throws Exception {
        Path full = Path.of("/dev/full");
        org.junit.jupiter.api.Assumptions.assumeTrue(Files.isWritable(full), "no /dev/full on this system");
        Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp",
                System.getProperty("java.class.path"), Main.class.getName(), "symbolic", "bound", "--json")
                .redirectOutput(full.toFile()).redirectError(ProcessBuilder.Redirect.PIPE).start();
        String err = new String(p.getErrorStream().readAllBytes());
        assertThat(p.waitFor()).as(err).isEqualTo(Main.EXIT_BAD_INPUT);
        assertThat(err.strip()).startsWith("resnet-ode: cannot write standard output");
    }

    @Test
    void outIsNotCreatedBeforeTheInputIsJudged(@TempDir Path dir) {
        Path out = dir.resolve("new").resolve("sub");
        assertOneLine(run("distance", "--family", "foo", "--out", out.toString()), "unknown family 'foo'");
        assertThat(dir.resolve("new")).doesNotExist();
    }

    @Test
    void aKilledRunsTemporaryFilesAreRemovedByTheNextRun(@TempDir Path dir) throws IOException {
        // pid 999999999 is beyond any Linux pid_max (at most 2^22): that process has ended
        Path stale = Files.writeString(dir.resolve(".distance.csv.999999999.42.tmp"), "half");
        Path live = Files.writeString(dir.resolve(".distance.csv." + ProcessHandle.current().pid() + ".43.tmp"), "busy");
        Path other = Files.writeString(dir.resolve(".notes.tmp"), "mine");
        CliTest.Run r = run("distance", "--family", "tanh", "--profile", "fourier", "--depths", "8:16", "-q",
                "--out", dir.toString());
        assertThat(r.code()).as(r.err()).isIn(0, 1);
        assertThat(stale).doesNotExist();
        assertThat(live).exists();
        assertThat(other).exists();
        assertThat(dir.resolve("distance.csv")).isNotEmptyFile();
    }

    @ParameterizedTest
    @ValueSource(strings = {"0", "t-t", "0*sin(t)"})
    void identicallyZeroWeightsGiveTheExactZero(String weight) {
        CliTest.Run r = run("symbolic", "time-varying", "--weight", weight, "--json");
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).contains("\"expression\": \"0\"").contains("\"value\": 0.0").doesNotContain("\"value\": null");
    }

    @Test
    void aSixteenStageTableauExpands(@TempDir Path dir) throws IOException {
        // 16 Euler substeps of h/16: R(z) = (1 + z/16)^16, whose error constant is -a^2/32 (by hand: (1/16) of Euler's -a^2/2)
        Path file = sixteenEulerSubsteps(dir);
        CliTest.Run r = run("symbolic", "expansion", "--tableau", file.toString(), "--order", "2");
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).contains("-a^2/32");
    }

    @Test
    void aRoundTripPastTheTimeLimitIsOneLineNamingTheOption(@TempDir Path dir) throws IOException {
        // the 16-stage round trip's products take Symja more than 2 s (20 s were not enough either): before, the run went
        // on past a minute whatever --time-limit said and then ended as an internal error
        CliTest.Run r = run("symbolic", "roundtrip", "--tableau", sixteenEulerSubsteps(dir).toString(), "--time-limit", "2");
        assertOneLine(r, "ran past --time-limit 2.00 s");
        assertThat(r.err()).startsWith("resnet-ode: symbolic roundtrip: derivation '");
    }

    @ParameterizedTest
    @org.junit.jupiter.params.provider.CsvSource(delimiter = '|', value = {
            "symbolic time-varying --weight 1/0|weight expression '1/0': division by zero at character 3",
            "symbolic time-varying --weight t/(1-1)|division by zero",
            "symbolic time-varying --weight 1/(0.1+0.2-0.3)|division by zero (the divisor",
            "symbolic time-varying --weight 1/sin(pi)|division by zero (the divisor Sin(Pi) is exactly 0)",
            "symbolic time-varying --weight ((10^20)^20)^10|a(0.0) overflows the range of a double",
            "symbolic time-varying --weight sin(t^2)|sin takes an argument linear in t (w*t + f: a trigonometric polynomial), not 't^2'",
            "symbolic time-varying --weight 1+cos(sin(t))|cos takes an argument linear in t",
            "symbolic time-varying --weight sin((t-1/2)^3)|sin takes an argument linear in t",
            "symbolic linear --matrix [[1e999]]|--matrix: the entry '1e999' is beyond the range of a double",
            "symbolic linear --matrix [[1]] --input [-1e400]|--input: the entry '-1e400' is beyond the range of a double",
            "symbolic linear --matrix [[1e-999]]|--matrix: the entry '1e-999' is beyond the range of a double (about 2.2e-308",
            "symbolic linear --matrix [[-1000]]|--matrix: ||A||_inf = 1000.0 is above 700",
            "symbolic exact --matrix [[1e999]] --input [1]|--matrix: the entry '1e999' is beyond the range of a double",
            "symbolic exact --matrix [[1/2]] --input [1e999]|--input: the entry '1e999' is beyond the range of a double",
            "symbolic roundtrip --tableau heun-reference|--tableau heun-reference is a depth convention of the numeric commands",
            "symbolic linear --commuting [2] --tableau rk4|--tableau applies to --matrix only",
            "symbolic exact --matrix [[1]] --next-matrix [[1e309]] --input [1]|--next-matrix: the entry '1e309'"})
    void divisionByZeroAndEntriesBeyondADoubleAreBadInput(String line, String message) {
        // before: exit 3 (Symja's 'maximal count exceeded', or its parser refusing the 1000-digit integer it printed)
        assertOneLine(run(line.split(" ")), message);
    }

    private static Path sixteenEulerSubsteps(Path dir) throws IOException {
        StringBuilder a = new StringBuilder("[");
        for (int i = 0; i < 16; i++) {
            a.append(i == 0 ? "" : ",").append("[");
            for (int j = 0; j < i; j++) {
                a.append(j == 0 ? "" : ",").append("\"1/16\"");
            }
            a.append("]");
        }
        String b = String.join(",", java.util.Collections.nCopies(16, "\"1/16\""));
        return Files.writeString(dir.resolve("euler16.json"), "{\"name\": \"euler16\", \"A\": " + a + "], \"b\": [" + b + "]}");
    }

    @Test
    void anInfiniteLossBeforeTrainingIsBadInputNotDivergence() {
        CliTest.Run r = run("linear-train", "--dim", "2", "--target", "diagonal:1e200,1", "--depth", "4");
        assertOneLine(r, "before any training step");
        assertThat(r.err()).doesNotContain("diverged").doesNotContain("learning rate");
    }

    @ParameterizedTest
    @org.junit.jupiter.params.provider.CsvSource(delimiter = '|', value = {
            "train --classes 3|--classes applies to a CSV file given by --data, not to --data digits",
            "train --targets 2|--targets applies to a CSV file given by --data, not to --data digits",
            "train --family tanh --hidden 4|--hidden applies to --family mlp only, not to tanh",
            "train --amplitude 2|--amplitude applies to --init smooth with --profile polynomial or fourier",
            "train --init iid --profile fourier|--profile applies to --init smooth only, not to --init iid",
            "train --optimiser adam --momentum 0.5|--momentum applies to --optimiser sgd, not to --optimiser adam",
            "train --train-rows 5000|--train-rows 5000 is more than the 1437 training rows of --data digits",
            "linear-train --samples 5|--samples applies to --loss data only, not to --loss matrix",
            "symbolic linear --matrix [[1]] --order 2|--order applies to --commuting only",
            "symbolic linear --commuting [2] --input [1]|--input applies to --matrix only"})
    void optionsTheConfigurationWouldIgnoreAreRefusedNamingBoth(String line, String message) {
        assertOneLine(run(line.split(" ")), message);
    }

    @Test
    void inspectRefusesABatchForANetworkThatHoldsItsInputs(@TempDir Path dir) throws IOException {
        Path file = NetworkArchiveTest.exported(dir);
        assertOneLine(run("inspect", "--network", file.toString(), "--batch", "8"), "--batch does not apply: " + file
                + " holds its own inputs");
    }

    @Test
    void repeatedDepthsInALadderAreRefused() {
        assertOneLine(run("distance", "--depths", "8,16,16"), "depth 16 appears twice");
    }

    @Test
    void controlAndInvisibleCharactersAreEscaped() {
        CliTest.Run r = run("distance", "--family", "foo\u001b[31m\nbar\u200b\u202e");
        assertOneLine(r, "unknown family 'foo\\x1b[31m\\x0abar\\u200b\\u202e'");
    }

    @Test
    void anArchiveWithInputsUnderAnotherNameIsRefused(@TempDir Path dir) throws IOException {
        Path archive = dir.resolve("x.npz");
        try (var zip = new java.util.zip.ZipOutputStream(Files.newOutputStream(archive))) {
            zip.putNextEntry(new java.util.zip.ZipEntry("W.npy"));
            zip.write(NetworkArchiveTest.npy(0.1, 4, 2, 2));
            zip.putNextEntry(new java.util.zip.ZipEntry("x.npy"));
            zip.write(NetworkArchiveTest.npy(0.5, 3, 2));
        }
        assertOneLine(run("inspect", "--network", archive.toString(), "-q"), archive + ": array 'x' of shape [3, 2] looks like");
    }

    @Test
    void anInternalErrorIsThreeInWordsWithoutAJavaClassName() {
        StringWriter err = new StringWriter();
        int code = Main.report(new NegativeArraySizeException("-64"), new PrintWriter(err, true));
        assertThat(code).isEqualTo(Main.EXIT_INTERNAL_ERROR);
        assertThat(err.toString().strip()).startsWith("resnet-ode: internal error (a bug, not your input): negative array size")
                .contains(": -64").doesNotContain("Exception").doesNotContain("java.");
        StringWriter err2 = new StringWriter();
        assertThat(Main.report(new IllegalArgumentException("inside the numerics"), new PrintWriter(err2, true)))
                .isEqualTo(Main.EXIT_INTERNAL_ERROR);
        assertThat(Main.report(new StackOverflowError(), new PrintWriter(new StringWriter(), true)))
                .isEqualTo(Main.EXIT_INTERNAL_ERROR);
    }

    @Test
    void outOfMemoryNamesTheHeapOptionAndNotTheLadder() {
        StringWriter err = new StringWriter();
        assertThat(Main.report(new OutOfMemoryError("Java heap space"), new PrintWriter(err, true))).isEqualTo(Main.EXIT_BAD_INPUT);
        assertThat(err.toString()).contains("-Xmx").contains("RESNET_ODE_JAVA_OPTS").doesNotContain("ladder");
    }
}
