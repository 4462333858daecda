package org.resnetode.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.resnetode.claim.UserImplementationsAccess;
import org.resnetode.gradient.Backprop;
import org.resnetode.gradient.GradientMethod;
import org.resnetode.network.LinearHead;
import org.resnetode.network.NetworkArchive;
import org.resnetode.network.NetworkFile;
import org.resnetode.train.HeadLoss;
import java.util.LinkedHashMap;
import java.util.Map;

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

    @Test
    void crossEntropyReadsTheHeadAndLabelsOfTheArchive(@TempDir Path dir) {
        int layers = 6;
        Path net = UserImplementationsAccess.network(dir, layers);
        NetworkFile file = NetworkArchive.read(net, "euler");
        double[] head = {0.5, -0.3, 0.8, -0.2, 0.4, 0.1, 0.05, -0.05};
        int[] labels = {1, 0};
        double[] gradient = new double[file.layers().length];
        new Backprop().compute(file.network(), GradientMethod.flatten(file.inputs()), 2,
                new HeadLoss(new LinearHead(LinearHead.CROSS_ENTROPY, 2, 3, head)).labels(labels, 0), gradient);
        Map<String, Object> network = new LinkedHashMap<>();
        network.put("W", UserImplementationsAccess.layers(file.layers(), layers, 3));
        network.put("inputs", file.inputs());
        network.put("head_weight", new double[][] {{0.5, -0.3, 0.8}, {-0.2, 0.4, 0.1}});
        network.put("head_bias", new double[] {0.05, -0.05});
        network.put("labels", new double[] {1, 0});
        Path withHead = UserImplementationsAccess.archive(dir.resolve("head.npz"), network);
        Path g = UserImplementationsAccess.archive(dir.resolve("g.npz"), Map.of("W", UserImplementationsAccess.layers(gradient, layers, 3)));
        CliTest.Run r = CliTest.run("inspect", "--network", withHead.toString(), "--gradients", g.toString(), "--loss",
                "cross-entropy", "-q");
        assertThat(r.code()).as(r.out() + r.err()).isZero();
        assertThat(r.out()).contains("holds: the gradients are euler's exact gradient to round-off");
        CliTest.Run mse = CliTest.run("inspect", "--network", withHead.toString(), "--gradients", g.toString(), "-q");
        assertThat(mse.code()).isNotZero();
        assertThat(mse.err()).contains("--loss mse:", "needs targets of width 3");
    }

    @Test
    void theGradientsAt2NAnd4NGiveTheGapsRate(@TempDir Path dir) {
        Path net = UserImplementationsAccess.network(dir, 9);
        String method = "EULER_ADJOINT_HALF_STEPS";
        Path n = UserImplementationsAccess.gradients(dir.resolve("n.npz"), 9, method);
        Path n2 = UserImplementationsAccess.gradients(dir.resolve("n2.npz"), 9, 2, 18, method);
        Path n4 = UserImplementationsAccess.gradients(dir.resolve("n4.npz"), 9, 4, 36, method);
        CliTest.Run r = CliTest.run("inspect", "--network", net.toString(), "--gradients", n.toString(), "--gradients-2n", n2.toString(),
                "--gradients-4n", n4.toString(), "-q");
        assertThat(r.err()).isEmpty();
        assertThat(r.code()).isZero();
        assertThat(r.out()).contains("Across depth: the user's gradients at N, 2N, 4N (convention euler)", "user's gap to backprop",
                "verdict: finding", "the gap to euler's exact gradient shrinks at rate");
        CliTest.Run alone = CliTest.run("inspect", "--network", net.toString(), "--gradients-2n", n2.toString(), "-q");
        assertThat(alone.code()).isEqualTo(2);
        assertThat(alone.err().strip()).isEqualTo("resnet-ode: --gradients-2n applies to --gradients only (the same code's gradients at depth N)");
        CliTest.Run half = CliTest.run("inspect", "--network", net.toString(), "--gradients", n.toString(), "--gradients-4n", n4.toString(), "-q");
        assertThat(half.code()).isEqualTo(2);
        assertThat(half.err()).contains("--gradients-4n needs --gradients-2n").doesNotContain("\tat ");
    }
}
