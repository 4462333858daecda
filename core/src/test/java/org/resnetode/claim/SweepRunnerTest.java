package org.resnetode.claim;

import org.resnetode.checks.BadInputException;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.resnetode.linalg.Parallelism;
import org.resnetode.report.Json;

/** Sweeps on the calling work's threads or on given ones: same results, in the order of the configurations, whatever the thread count. */
class SweepRunnerTest {

    @Test
    void resultsComeInTheOrderOfTheConfigurations() {
        List<Integer> configs = IntStream.range(0, 50).boxed().toList();
        assertThat(SweepRunner.map(Parallelism.of(2), configs, c -> c * c)).isEqualTo(IntStream.range(0, 50).map(c -> c * c).boxed().toList());
    }

    @Test
    void theFirstFailingConfigurationsExceptionIsRethrown() {
        assertThatThrownBy(() -> SweepRunner.map(Parallelism.of(2), List.of(1, 2, 3, 4), c -> {
            if (c >= 2) {
                throw new BadInputException("config " + c);
            }
            return c;
        })).isInstanceOf(BadInputException.class).hasMessage("config 2");
    }

    @Test
    void claimSweepsAreIdenticalOnOneAndTwoThreads() {
        int[] ladder = {8, 16, 32, 64, 128};
        List<SweepConfig> configs = List.of(
                new SweepConfig("tanh", "fourier", "euler", 4, 4, ladder, 3, 1.0, false, 16, 0),
                new SweepConfig("mlp", "kinked", "euler", 4, 3, ladder, 4, 1.0, false, 16, 0),
                new SweepConfig("linear", "iid", "euler", 3, 3, ladder, 5, 1.0, false, 16, 0));
        List<String> one = Parallelism.SERIAL.call(() -> SweepRunner.map(configs, c -> Json.write(DistanceClaim.run(c, Progress.SILENT))));
        List<String> two = Parallelism.of(2).call(() -> SweepRunner.map(configs, c -> Json.write(DistanceClaim.run(c, Progress.SILENT))));
        assertThat(two).isEqualTo(one);
    }
}
