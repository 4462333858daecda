package org.resnetode.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** {@code --hurst H} wherever a profile is (distance, adjoint, memory, train --init fbm): judged by the config records. */
class HurstOptionTest {

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
            "distance --profile fbm --hurst 1.5|Hurst index H (--hurst) must lie strictly between",
            "distance --profile fbm --hurst 0|Hurst index H (--hurst) must lie strictly between",
            "distance --profile fbm --hurst 1|Hurst index H (--hurst) must lie strictly between",
            "distance --profile fourier --hurst 0.3|--hurst applies only to --profile fbm, not to profile 'fourier'",
            "distance --hurst 0.3|--hurst applies only to --profile fbm",
            "distance --profile fbm --depths 4001,4003|would exceed 4194304 steps",
            "adjoint --profile fbm --hurst -0.2|Hurst index H (--hurst) must lie strictly between",
            "adjoint --profile iid --hurst 0.3|--hurst applies only to --profile fbm, not to profile 'iid'",
            "adjoint --hurst 0.7|--hurst applies only to --profile fbm",
            "memory --profile kinked --hurst 0.7|--hurst applies only to --profile fbm",
            "train --hurst 0.3|--hurst applies only to --init fbm, not to --init smooth",
            "train --init iid --hurst 0.3|--hurst applies only to --init fbm, not to --init iid",
            "train --init fbm --hurst 1|Hurst index H (--hurst) must lie strictly between",
            "train --init fbm --hurst 0|Hurst index H (--hurst) must lie strictly between"})
    void badHurstIsOneLineAndExitTwo(String args, String message) {
        CliTest.assertBadInput(CliTest.run(args.split(" ")), message);
    }

    @Test
    void distanceReadsTheFbmPathAtTheGivenHurstIndex() {
        CliTest.Run quarter = CliTest.run("distance", "--family", "linear", "--profile", "fbm", "--hurst", "0.25", "--dim", "2",
                "--depths", "16:128", "--json");
        CliTest.Run half = CliTest.run("distance", "--family", "linear", "--profile", "fbm", "--dim", "2",
                "--depths", "16:128", "--json");
        assertThat(quarter.code()).as(quarter.err()).isIn(0, 1);
        assertThat(quarter.out()).contains("\"hurst\": 0.25");
        assertThat(half.out()).contains("\"hurst\": 0.5");
        // another H is another path: the measured distances differ
        assertThat(quarter.out().replace("0.25", "0.5")).isNotEqualTo(half.out());
    }

    @Test
    void adjointAcceptsHurstWithTheFbmProfile() {
        CliTest.Run r = CliTest.run("adjoint", "--family", "linear", "--profile", "fbm", "--hurst", "0.75", "--scheme", "euler",
                "--dim", "2", "--depths", "16:128", "--fit-from", "16", "--json");
        assertThat(r.code()).isIn(0, 1);
        assertThat(r.out()).contains("\"profile\": \"fbm\"", "\"hurst\": 0.75");
    }

    @Test
    void trainStartsFromAnFbmInitialisation() {
        CliTest.Run r = CliTest.run("train", "--init", "fbm", "--hurst", "0.25", "--amplitude", "0.1", "--depth", "32",
                "--epochs", "1", "--train-rows", "64", "--hidden", "8", "-q");
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).contains("\"epoch\": 1");
        // 1024 weight entries, each an fBm path of H = 1/4 read at 33 layers: the variogram's exponent is near 1/4
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("\"smoothnessExponentAtStart\": ([0-9.eE-]+)").matcher(r.out());
        assertThat(m.find()).isTrue();
        assertThat(Double.parseDouble(m.group(1))).isCloseTo(0.25, org.assertj.core.api.Assertions.within(0.05));
        assertThat(r.out()).contains("\"smoothnessExponent\": ", "\"changeSmoothnessExponent\": ");
    }
}
