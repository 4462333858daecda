package org.resnetode.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.resnetode.checks.BadInputException;
import org.resnetode.linalg.Parallelism;

/** {@code train --threads N}: the same epochs, bit for bit, on one and two threads; a count outside 1..1024 is bad input. */
class TrainThreadsTest {

    @Test
    void oneAndTwoThreadsTrainTheSameNetwork() {
        // 128 training rows in batches of 128: two row blocks, run on the threads with --threads 2
        CliTest.Run one = train("1");
        CliTest.Run two = train("2");
        assertThat(one.code()).isZero();
        assertThat(two.code()).isZero();
        assertThat(withoutSeconds(two.out())).isEqualTo(withoutSeconds(one.out())).contains("\"epoch\": 2");
    }

    /** The option's judge (Main maps {@link BadInputException} to exit 2). */
    @Test
    void aThreadCountOutsideOneTo1024IsBadInput() {
        ThreadOptions options = new ThreadOptions();
        for (int n : new int[] {0, -3, 1025}) {
            options.threads = n;
            assertThatThrownBy(options::parallelism).as("--threads %d", n).isInstanceOf(BadInputException.class)
                    .hasMessage("--threads must be between 1 and 1024, got " + n);
        }
        options.threads = 1024;
        assertThat(options.parallelism().threads()).isEqualTo(1024);
        options.threads = 1;
        assertThat(options.parallelism()).isSameAs(Parallelism.SERIAL);
    }

    private static CliTest.Run train(String threads) {
        return CliTest.run("train", "--train-rows", "128", "--batch", "128", "--hidden", "4", "--depth", "3", "--epochs", "2", "-q",
                "--threads", threads);
    }

    private static String withoutSeconds(String jsonLines) {
        return jsonLines.replaceAll("\"seconds\": [0-9.eE+-]+", "\"seconds\": _");
    }
}
