package org.resnetode.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class RoughnessCommandTest {

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
            "roughness --hurst 1.2|Hurst index H (--hurst) must lie strictly between",
            "roughness --hurst 0|Hurst index H (--hurst) must lie strictly between",
            "roughness --paths 1|--paths",
            "roughness --family resnet|family (--family)",
            "roughness --depths 24,48|power of two",
            "roughness --control shifted|--control: unknown control 'shifted'",
            "roughness --scheme heun-reference|standard convention"})
    void badInputIsOneLineAndExitTwo(String args, String message) {
        CliTest.assertBadInput(CliTest.run(args.split(" ")), message);
    }

    @Test
    void helpNamesTheOptions() {
        CliTest.Run r = CliTest.run("roughness", "--help");
        assertThat(r.code()).isZero();
        assertThat(r.out()).contains("--hurst", "--paths", "--kloeden-rosa", "--quick", "--control", "--json");
    }

    @Test
    void smallLinearRunPrintsTheMapAndThePredictionCheck() {
        CliTest.Run r = CliTest.run("roughness", "--family", "linear", "--scheme", "heun", "--hurst", "0.75",
                "--paths", "400", "--depths", "32:256", "-q", "--threads", "1");
        assertThat(r.out()).contains("Roughness: rate against H (linear, heun, 400 paths)", "exact mean-square quadrature error");
        // the exit code is the worst verdict's: 0 for holds or finding, 1 for fails or inconclusive
        boolean judgedBad = r.out().contains("verdict: fails") || r.out().contains("verdict: inconclusive");
        assertThat(r.code()).isEqualTo(judgedBad ? 1 : 0);
    }
}
