package org.resnetode.gradient;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.resnetode.linalg.Parallelism;
import org.resnetode.model.Families;
import org.resnetode.model.ResidualFunction;
import org.resnetode.model.Weights;
import org.resnetode.scheme.ResNet;
import org.resnetode.scheme.Scheme;

/**
 * Threads travel with the work: the same gradient computed at the same time in one JVM by a one-thread and a two-thread
 * method gives the bits of the one-thread method computed alone, and each computation sees its own parallelism while the
 * other runs. Workloads: several row blocks on the threads (batch 128, d = 16), and one block whose products are split
 * over the threads (batch 32, d = 96: 32·96·96 multiply-adds, above {@code Gemm.PARALLEL_WORK}).
 */
class ConcurrentThreadCountsTest {
    private static final int ROUNDS = 4;

    @Test
    void oneAndTwoThreadsAtTheSameTimeGiveTheOneThreadBits() throws Exception {
        for (int[] workload : new int[][] {{16, 128, 12}, {96, 32, 6}}) {
            for (String scheme : new String[] {"euler", "rk4"}) {
                for (boolean adjoint : new boolean[] {false, true}) {
                    check(workload[0], workload[1], workload[2], Scheme.byName(scheme), adjoint);
                }
            }
        }
    }

    private static void check(int d, int batch, int depth, Scheme scheme, boolean adjoint) throws Exception {
        ResidualFunction f = Families.create("mlp", d, d);
        SplittableRandom rng = new SplittableRandom(d * 31L + depth);
        int count = scheme.weightCount(depth);
        double[] theta = new double[count * f.parameterCount()];
        for (int n = 0; n < count; n++) {
            f.initialParameters(rng, theta, n * f.parameterCount());
        }
        ResNet net = new ResNet(f, scheme, new Weights(count, f.parameterCount(), theta), depth);
        double[] inputs = rng.doubles(batch * d).map(x -> 2 * x - 1).toArray();
        double[] targets = rng.doubles(batch * d).map(x -> 2 * x - 1).toArray();
        Parallelism two = Parallelism.of(2);
        double[] alone = new double[theta.length];
        double lossAlone = method(adjoint, Parallelism.SERIAL).compute(net, inputs, batch, TerminalLoss.squaredError(targets), alone).loss();
        String what = String.format("d %d batch %d %s %s", d, batch, scheme.name(), adjoint ? "adjoint" : "backprop");
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            for (int round = 0; round < ROUNDS; round++) {
                CyclicBarrier start = new CyclicBarrier(2);
                Future<double[]> one = pool.submit(() -> run(method(adjoint, Parallelism.SERIAL), Parallelism.SERIAL, net, inputs, targets, batch, start));
                Future<double[]> both = pool.submit(() -> run(method(adjoint, two), two, net, inputs, targets, batch, start));
                double[] g1 = one.get(60, TimeUnit.SECONDS);
                double[] g2 = both.get(60, TimeUnit.SECONDS);
                assertThat(g1).as("%s, one thread beside a two-thread run, round %d", what, round).isEqualTo(alone);
                assertThat(g2).as("%s, two threads beside a one-thread run, round %d", what, round).isEqualTo(alone);
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(lossAlone).isFinite();
    }

    private static GradientMethod method(boolean adjoint, Parallelism parallelism) {
        return adjoint ? new Adjoint(parallelism) : new Backprop(parallelism);
    }

    /**
     * The gradient, started together with the other computation; the loss (evaluated on the calling thread, between the
     * forward and the backward pass, while the other runs) checks that this computation's work has its own parallelism.
     */
    private static double[] run(GradientMethod method, Parallelism expected, ResNet net, double[] inputs, double[] targets,
                                int batch, CyclicBarrier start) throws Exception {
        TerminalLoss squared = TerminalLoss.squaredError(targets);
        Parallelism[] seen = new Parallelism[1];
        TerminalLoss loss = (outputs, rows, gradient) -> {
            seen[0] = Parallelism.current();
            return squared.evaluate(outputs, rows, gradient);
        };
        double[] g = new double[net.weights().data().length];
        start.await(30, TimeUnit.SECONDS);
        method.compute(net, inputs, batch, loss, g);
        assertThat(seen[0]).as("the parallelism of the work while the other runs").isSameAs(expected);
        return g;
    }
}
