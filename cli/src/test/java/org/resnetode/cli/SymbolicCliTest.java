package org.resnetode.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.resnetode.io.JsonReader;

/** The symbolic command: bad input is one line and exit 2, a failed derivation one line and exit 3, results as text, LaTeX, JSON. */
class SymbolicCliTest {

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
            "symbolic expansion --tableau rk7|unknown scheme 'rk7'",
            "symbolic expansion --tableau rk4 --order 11|order must be in 1..10, got 11",
            "symbolic time-varying --weight 1+exp(t)|weight expression '1+exp(t)': unknown name 'exp'",
            "symbolic time-varying --weight 1/t|division by an expression in t",
            "symbolic time-varying --weight t --reference exact|unknown reference 'exact'",
            "symbolic linear --matrix [[0,1],[1]]|--matrix: row 1 is not a list of 2 rationals",
            "symbolic linear --matrix [[0,1],[-1,x]]|--matrix: unexpected 'x' at character 12",
            "symbolic linear --matrix [[1]] --input [1,2]|--input has 2 entries, --matrix is 1×1",
            "symbolic linear|give --matrix, --commuting or both",
            "symbolic linear --matrix [[1,0,0,0,0,0,0],[0,1,0,0,0,0,0],[0,0,1,0,0,0,0],[0,0,0,1,0,0,0],[0,0,0,0,1,0,0],[0,0,0,0,0,1,0],[0,0,0,0,0,0,1]]|--matrix is 7×7, at most 6×6 is handled symbolically",
            "symbolic linear --commuting [2,-1]|must be positive, got -1",
            "symbolic exact --matrix [[1/0]] --input [1]|--matrix: '1/0' has a zero denominator",
            "symbolic exact --matrix [[1]] --input [1] --depth 0|depth must be in 1..4096",
            "symbolic bound --growth quadratic|unknown growth 'quadratic'",
            "symbolic bound --lx NaN|Invalid value for option '--lx': 'NaN' is not a decimal number",
            "symbolic expansion --time-limit 0|--time-limit must be in (0, 86400] seconds",
            "symbolic|missing subcommand",
            "symbolic expansion --tableau missing.json|tableau file missing.json: cannot be read"})
    void badInputGetsOneLineAndExitTwo(String args, String message) {
        CliTest.assertBadInput(CliTest.run(args.split(" ")), message);
    }

    @Test
    void malformedAndImplicitTableauFilesAreBadInput(@TempDir Path dir) throws Exception {
        Path broken = dir.resolve("broken.json");
        Files.writeString(broken, "{\"A\": [[], [\"1/2\"]], \"b\": [\"1/2\", oops]}");
        CliTest.Run r = CliTest.run("symbolic", "expansion", "--tableau", broken.toString());
        assertThat(r.code()).isEqualTo(Main.EXIT_BAD_INPUT);
        assertThat(r.err()).contains("tableau file " + broken + ": malformed JSON");
        Path implicit = dir.resolve("implicit.json");
        Files.writeString(implicit, "{\"name\": \"trapezoid\", \"A\": [[\"0\", \"0\"], [\"1/2\", \"1/2\"]], \"b\": [\"1/2\", \"1/2\"]}");
        r = CliTest.run("symbolic", "roundtrip", "--tableau", implicit.toString());
        assertThat(r.code()).isEqualTo(Main.EXIT_BAD_INPUT);
        assertThat(r.err().strip()).isEqualTo("resnet-ode: tableau file " + implicit
                + ": tableau trapezoid is implicit: a[1][1] = 1/2 (only explicit tableaux, a_ij = 0 for j >= i, are supported)");
    }

    /** A tableau file runs like a built-in: Ralston's method from JSON gives Ralston's order and R(z). */
    @Test
    void tableauFileExpansionAsJson(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("ralston.json");
        Files.writeString(file, "{\"name\": \"my-ralston\", \"A\": [[], [\"2/3\"]], \"b\": [\"1/4\", \"3/4\"], \"order\": 2}");
        CliTest.Run r = CliTest.run("symbolic", "expansion", "--tableau", file.toString(), "--order", "2", "--json");
        assertThat(r.code()).as(r.err()).isZero();
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> ds = (List<Map<String, Object>>) ((Map<String, Object>) JsonReader.parse(r.out())).get("rows");
        assertThat(ds.get(0).get("expression")).isEqualTo("1+z+z^2/2");
        assertThat(ds.get(1).get("value")).isEqualTo(2.0);
        assertThat(ds.get(3).get("expression")).isEqualTo("-a^3/6");
        assertThat((String) ds.get(3).get("check")).contains("Richardson");
        assertThat((String) ds.get(3).get("latex")).contains("\\frac");
    }

    @Test
    void exactEvaluationAsTextAndLatex() {
        CliTest.Run r = CliTest.run("symbolic", "exact", "--tableau", "heun", "--matrix", "[[1/2]]", "--input", "[1]", "--depth", "2");
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).contains("{1681/1024}").contains("= 1.6416015625");
        r = CliTest.run("symbolic", "exact", "--tableau", "heun", "--matrix", "[[1/2]]", "--input", "[1]", "--depth", "2", "--latex");
        assertThat(r.out()).contains("\\frac{1681}{1024}");
    }

    /** d = 4 with rational eigenvalues works; an irreducible quartic characteristic polynomial is one line and exit 3. */
    @Test
    void fourByFourMatrices() {
        CliTest.Run r = CliTest.run("symbolic", "linear", "--matrix", "[[2,1,0,0],[1,2,0,0],[0,0,3,0],[0,0,1,5]]", "--input", "[1,0,0,1]");
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).contains("eigenvalues of A:").contains("E^(5*t)");
        r = CliTest.run("symbolic", "linear", "--matrix", "[[1,2,3,4],[0,1,5,2],[1,1,1,1],[2,0,1,3]]", "--input", "[1,0,0,1]");
        assertThat(r.code()).isEqualTo(SymbolicCommand.EXIT_DERIVATION_FAILED);
        assertThat(r.err()).startsWith("resnet-ode: symbolic linear: derivation 'eigenvalues of A'").contains("of degree 4");
        assertThat(r.err().strip().lines().count()).isEqualTo(1);
        assertThat(r.out()).isEmpty();
    }

    @Test
    void aDerivationPastItsTimeLimitExitsTwoNamingItAndTheOption() {
        // integrating a trigonometric weight's Euler-Maclaurin terms takes Symja far more than 10 ms
        CliTest.Run r = CliTest.run("symbolic", "time-varying", "--tableau", "heun", "--weight", "1 + sin(2*pi*t)/2 + cos(4*pi*t)/3",
                "--time-limit", "0.01");
        // the user's time limit, not a failed derivation (exit 3 is a bug): bad input naming the option
        assertThat(r.code()).isEqualTo(Main.EXIT_BAD_INPUT);
        assertThat(r.err()).startsWith("resnet-ode: symbolic time-varying: derivation 'leading coefficient of x_N - x(1) for heun")
                .contains("ran past --time-limit 0.0100 s").contains("larger --time-limit");
        assertThat(r.err().strip().lines().count()).isEqualTo(1);
        assertThat(r.out()).isEmpty();
        r = CliTest.run("symbolic", "bound", "--growth", "linear", "--lx", "1", "--ltheta", "2", "--tv", "3");
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).contains("= 8.1548454853771");
    }
}
