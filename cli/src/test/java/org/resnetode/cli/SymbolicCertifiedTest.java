package org.resnetode.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.resnetode.io.JsonReader;

/** {@code symbolic certified}: the four rows, the check line, the negative control's exit 1, JSON and bad input. */
class SymbolicCertifiedTest {

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
            "symbolic certified --control none-at-all|unknown --control 'none-at-all' (expected none or no-propagation)",
            "symbolic certified --depth 0|--depth must be in 1..65536, got 0",
            "symbolic certified --depth 65537|--depth must be in 1..65536, got 65537",
            "symbolic certified --weight 1/t|division by an expression in t",
            "symbolic certified --weight 30|max |a(t)| on [0, 1] is 30.00, above 22.6",
            "symbolic certified --tableau heun-reference|--tableau heun-reference is a depth convention",
            "symbolic certified --time-limit -1|--time-limit must be in (0, 86400] seconds"})
    void badInputGetsOneLineAndExitTwo(String args, String message) {
        CliTest.assertBadInput(CliTest.run(args.split(" ")), message);
    }

    @Test
    void eulerOnAConstantWeightHoldsAndPrintsFourRows() {
        CliTest.Run r = CliTest.run("symbolic", "certified", "--weight", "1", "--depth", "16");
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).contains("exact distance x_N - x(1) at N = 16 (euler, a(t) = 1):", "  -E+(1+1/N)^N",
                "  (-E/2)/N^1 + (11/24*E)/N^2", "certified bound (bound.CertifiedBound)", "  check: holds: ", "a-priori bound");
        // (17/16)^16 - e, exact fractions: -0.0803533310924453...
        assertThat(r.out()).contains("  = -0.080353331092445");
        assertThat(r.out().lines().filter(l -> l.startsWith("  check: ")).count()).isEqualTo(4);
    }

    @Test
    void theNegativeControlFailsWithExitThreeAndItsRowsPrinted() {
        CliTest.Run r = CliTest.run("symbolic", "certified", "--weight", "1", "--depth", "16", "--control", "no-propagation");
        assertThat(r.code()).isEqualTo(Main.EXIT_FAILED_CLAIM);
        assertThat(r.out()).contains("negative control: local errors summed without growth factors", "  check: fails (bound violated): ");
        r = CliTest.run("symbolic", "certified", "--weight", "1", "--depth", "16", "--control", "no-propagation", "--json");
        assertThat(r.code()).isEqualTo(Main.EXIT_FAILED_CLAIM);
        @SuppressWarnings("unchecked")
        Map<String, Object> json = (Map<String, Object>) JsonReader.parse(r.out());
        assertThat(json.get("verdict")).isEqualTo("fails");
    }

    @Test
    void jsonAndLatexOfAHigherOrderTableau() {
        CliTest.Run r = CliTest.run("symbolic", "certified", "--tableau", "rk4", "--weight", "sin(t)", "--depth", "16", "--json");
        assertThat(r.code()).as(r.err()).isZero();
        @SuppressWarnings("unchecked")
        Map<String, Object> json = (Map<String, Object>) JsonReader.parse(r.out());
        assertThat(json.get("verdict")).isEqualTo("holds");
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> rows = (List<Map<String, Object>>) json.get("rows");
        assertThat(rows).hasSize(4);
        assertThat((String) rows.get(2).get("check")).startsWith("holds: ");
        assertThat(rows.get(3).get("value")).isNull();
        assertThat((String) rows.get(0).get("expression")).contains("Product(").contains("Sin(");
        r = CliTest.run("symbolic", "certified", "--weight", "-2", "--depth", "16", "--latex");
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).contains("\\frac");
    }
}
