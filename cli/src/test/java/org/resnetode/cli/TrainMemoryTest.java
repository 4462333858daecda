package org.resnetode.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The memory claim in training, in a child JVM with a 64 MB heap: at depth 2048 (d = 64, hidden 4, batch 64) backprop's
 * activations need 64 × 2049 × 64 doubles ≈ 67 MB and run out of memory, while the adjoint (2 × 64 × 64 doubles of
 * state, plus 2 × 2048 × 512 doubles of weights and gradient ≈ 17 MB) trains. The -Xmx1g version of the same
 * demonstration is documented in NOTES-train.md (depth 32768).
 */
class TrainMemoryTest {

    record Child(int code, String out, String err) {
    }

    static Child train(String gradient) throws IOException, InterruptedException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> cmd = new ArrayList<>(List.of(java, "-Xmx64m", "-cp", System.getProperty("java.class.path"),
                "org.resnetode.cli.Main", "train", "--train-rows", "64", "--depth", "2048", "--hidden", "4", "--momentum", "0",
                "--epochs", "1", "--batch", "64", "-q", "--gradient", gradient));
        Process p = new ProcessBuilder(cmd).start();
        p.getOutputStream().close();
        byte[] out = p.getInputStream().readAllBytes();
        byte[] err = p.getErrorStream().readAllBytes();
        assertThat(p.waitFor(5, TimeUnit.MINUTES)).isTrue();
        return new Child(p.exitValue(), new String(out, StandardCharsets.UTF_8), new String(err, StandardCharsets.UTF_8));
    }

    @Test
    void adjointTrainsWhereBackpropRunsOutOfHeap() throws Exception {
        Child backprop = train("backprop");
        assertThat(backprop.code()).as(backprop.err()).isEqualTo(Main.EXIT_BAD_INPUT);
        assertThat(backprop.err()).contains("out of memory");
        assertThat(backprop.out()).isEmpty();
        Child adjoint = train("adjoint");
        assertThat(adjoint.code()).as(adjoint.err()).isZero();
        assertThat(adjoint.out()).startsWith("{\"epoch\": 1,").contains("\"depth\": 2048", "\"storedStateDoubles\": 16384");
    }
}
