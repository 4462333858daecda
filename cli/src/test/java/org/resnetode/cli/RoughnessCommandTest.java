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
            "roughness --scheme heun-reference|standard convention",
            "roughness --adjoint --family theta2|family (--family)",
            "roughness --adjoint --scheme rk4|scheme (--scheme)",
            "roughness --adjoint --control decoupled|(expected wrong-reverse)",
            "roughness --control wrong-reverse|(expected decoupled)"})
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

    @Test
    void adjointWrongReverseControlFailsWithExitOne() {
        CliTest.Run r = CliTest.run("roughness", "--adjoint", "--family", "linear", "--scheme", "euler", "--hurst", "0.5",
                "--depths", "16:64", "--paths", "20", "--control", "wrong-reverse", "-q", "--threads", "1");
        assertThat(r.out()).contains("Roughness: the adjoint on fBm weights (linear, euler, 20 paths, control wrong-reverse)",
                "verdict: fails");
        assertThat(r.code()).isEqualTo(1);
    }

    @Test
    void limitsAreMeasuredBesideTheForwardMap() {
        CliTest.Run r = CliTest.run("roughness", "--family", "linear", "--scheme", "euler", "--hurst", "0.5", "--limits",
                "--paths", "50", "--depths", "32:128", "-q", "--threads", "1");
        assertThat(r.out()).contains("Roughness: the paper's two ends (smooth H = 1, i.i.d. H = 0)", "smooth (H = 1, B = t Z)",
                "i.i.d. (H = 0)");
    }
}
