package org.resnetode.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.resnetode.claim.UserImplementationsAccess;

/** {@code inspect --gradients} from the command line: the two tables, the verdict's exit code, the loss option. */
class InspectAuditTest {

    @Test
    void anExactGradientHoldsAndAnOffByOneFails(@TempDir Path dir) {
        Path net = UserImplementationsAccess.network(dir, 9);
        Path good = UserImplementationsAccess.gradients(dir.resolve("good.npz"), 9, "HEUN_BACKPROP");
        CliTest.Run r = CliTest.run("inspect", "--network", net.toString(), "--gradients", good.toString(), "-q");
        assertThat(r.err()).isEmpty();
        assertThat(r.code()).isZero();
        assertThat(r.out()).contains("Gradient audit: the user's gradients against every convention",
                "Gradients per layer and weight kind (closest convention: heun)", "verdict: holds");
        Path bad = UserImplementationsAccess.gradients(dir.resolve("bad.npz"), 9, "EULER_OFF_BY_ONE");
        CliTest.Run f = CliTest.run("inspect", "--network", net.toString(), "--gradients", bad.toString(), "-q");
        assertThat(f.code()).isEqualTo(1);
        assertThat(f.out()).contains("verdict: fails", "off by one layer: layer n receives layer n+1's gradient",
                "closest convention: euler").containsPattern("\\n +0 +W( +\\S+){3} +next\\n");
    }
}
