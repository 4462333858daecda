package org.resnetode.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code sweep} on the command line: a malformed grid or option is one line, exit 2, before any work or any file. */
class SweepCommandTest {
    private static final String GRID = "{\"claim\": \"distance\", \"axes\": {\"family\": [\"linear\"], \"dim\": [2], "
            + "\"depths\": [\"8:32\"], \"fitFrom\": [8], \"seed\": [1, 2]}}";

    @Test
    void aSmallSweepRunsAndSaysWhereItsRowsAre(@TempDir Path dir) throws Exception {
        Path grid = Files.writeString(dir.resolve("g.json"), GRID);
        CliTest.Run r = CliTest.run("sweep", "--grid", grid.toString(), "--out", dir.resolve("s").toString(), "-q",
                "--group-by", "family,seed");
        assertThat(r.code()).isZero();
        assertThat(r.out()).contains("2 configurations (2 measured now, 0 resumed)");
        assertThat(Files.readString(dir.resolve("s/summary.md"))).contains("| family | seed | configurations |");
        CliTest.Run again = CliTest.run("sweep", "--grid", grid.toString(), "--resume", dir.resolve("s").toString(), "-q");
        assertThat(again.code()).isZero();
        assertThat(again.out()).contains("(0 measured now, 2 resumed)");
    }

    @Test
    void theHelpNamesEveryClaimAndEveryAxisOfIt() {
        CliTest.Run help = CliTest.run("sweep", "--help");
        assertThat(help.code()).isZero();
        String text = help.out().replaceAll("\\s+", " ");
        for (String claim : org.resnetode.sweep.Grid.CLAIMS) {
            assertThat(text).contains(claim);
            for (org.resnetode.sweep.Axis a : org.resnetode.sweep.Measurement.of(claim).axes()) {
                assertThat(text).as(claim + " " + a.key()).contains(" " + a.key() + " (");
            }
        }
    }

    @Test
    void badGridsAndOptionsAreOneLineBeforeAnyWork(@TempDir Path dir) throws Exception {
        Path out = dir.resolve("never");
        String o = out.toString();
        assertBad(dir, "{\"claim\": \"distance\", \"axes\": {\"colour\": [1]}}", "unknown axis 'colour'", "--out", o);
        assertBad(dir, "{\"claim\": \"distance\", \"axes\": {\"dim\": []}}", "axis 'dim' lists no value", "--out", o);
        assertBad(dir, "{\"claim\": \"distance\", \"axes\": {\"family\": [\"cubic\"]}}", "unknown family 'cubic'", "--out", o);
        assertBad(dir, "{\"claim\": \"distance\", \"axes\": {\"seed\": {\"from\": 1, \"to\": 11}}}",
                "more than --max-configs 10", "--out", o, "--max-configs", "10");
        assertBad(dir, "{\"claim\": \"distance\", \"axes\": {\"seed\": [1, 2}}", "grid file", "--out", o);
        assertBad(dir, GRID, "--runner spark: the Spark runner is not on the class path", "--out", o, "--runner", "spark");
        assertBad(dir, GRID, "unknown runner 'dask'", "--out", o, "--runner", "dask");
        assertBad(dir, GRID, "--master applies to --runner spark only", "--out", o, "--master", "local[2]");
        assertBad(dir, GRID, "--out and --resume both given", "--out", o, "--resume", o);
        assertBad(dir, GRID, "name the sweep's directory");
        assertBad(dir, GRID, "--max-configs must be at least 1", "--out", o, "--max-configs", "0");
        assertBad(dir, GRID, "unknown axis 'colour'", "--out", o, "--group-by", "colour");
        assertBad(dir, GRID, "--group-by names axis 'dim' twice", "--out", o, "--group-by", "dim,dim");
        assertBad(dir, GRID, "no sweep there", "--resume", o);
        assertThat(out).doesNotExist();
        CliTest.Run missing = CliTest.run("sweep", "--grid", dir.resolve("absent.json").toString(), "--out", o);
        CliTest.assertBadInput(missing, "cannot read grid file");
    }

    private static void assertBad(Path dir, String grid, String message, String... options) throws Exception {
        Path file = Files.writeString(dir.resolve("grid.json"), grid);
        String[] args = new String[options.length + 3];
        args[0] = "sweep";
        args[1] = "--grid";
        args[2] = file.toString();
        System.arraycopy(options, 0, args, 3, options.length);
        CliTest.assertBadInput(CliTest.run(args), message);
    }
}
