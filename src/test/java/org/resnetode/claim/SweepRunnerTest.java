package org.resnetode.claim;

import org.resnetode.checks.BadInputException;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.ResourceLock;
import org.resnetode.linalg.Parallelism;
import org.resnetode.report.Json;

/** Sweeps on every core: same results, in the order of the configurations, whatever the thread count. */
@ResourceLock("org.resnetode.linalg.Parallelism")
class SweepRunnerTest {
    private final int threads = Parallelism.threads();

    @AfterEach
    void restore() {
        Parallelism.setThreads(threads);
    }

    @Test
    void resultsComeInTheOrderOfTheConfigurations() {
        Parallelism.setThreads(2);
        List<Integer> configs = IntStream.range(0, 50).boxed().toList();
        assertThat(SweepRunner.map(configs, c -> c * c)).isEqualTo(IntStream.range(0, 50).map(c -> c * c).boxed().toList());
    }

    @Test
    void theFirstFailingConfigurationsExceptionIsRethrown() {
        Parallelism.setThreads(2);
        assertThatThrownBy(() -> SweepRunner.map(List.of(1, 2, 3, 4), c -> {
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
        Parallelism.setThreads(1);
        List<String> one = SweepRunner.map(configs, c -> Json.write(DistanceClaim.run(c, Progress.SILENT)));
        Parallelism.setThreads(2);
        List<String> two = SweepRunner.map(configs, c -> Json.write(DistanceClaim.run(c, Progress.SILENT)));
        assertThat(two).isEqualTo(one);
    }
}
