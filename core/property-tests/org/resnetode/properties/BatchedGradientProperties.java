package org.resnetode.properties;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;

import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.Generate;
import org.resnetode.gradient.Adjoint;
import org.resnetode.gradient.Backprop;
import org.resnetode.gradient.GradientMethod;
import org.resnetode.gradient.TerminalLoss;
import org.resnetode.linalg.Parallelism;
import org.resnetode.model.ResidualFunction;
import org.resnetode.model.Weights;
import org.resnetode.properties.Generators.GradientCase;
import org.resnetode.scheme.ButcherTableau;
import org.resnetode.scheme.ResNet;
import org.resnetode.scheme.RungeKuttaStep;
import org.resnetode.scheme.Scheme;

/**
 * The batched gradient engine (issue 6): Backprop and Adjoint on whole {@code B × d} blocks give the gradients
 * of a per-sample reference kept here (each sample stepped and differentiated alone, through the families'
 * matrix-vector methods, its gradients summed in sample order) to 1e-12 relative; they agree with central
 * finite differences at sizes where the vector kernels run; and 1 and 2 threads give the same bits.
 */
@Execution(ExecutionMode.CONCURRENT)
public class BatchedGradientProperties {
    static final int EXAMPLES = 60;
    static final double FD_STEP = 1e-6;
    /** Euler, Heun, the reference convention and RK4 (interpolated weights at c = 1/2): every tableau path. */
    static final Scheme RK4 = new Scheme("rk4", ButcherTableau.RK4, false);


    public static Gen<Scheme> allSchemes() {
        return Generate.pick(List.of(Scheme.EULER, Scheme.HEUN, Scheme.HEUN_REFERENCE, RK4));
    }

    public static ResNet network(GradientCase c, ResidualFunction f) {
        if (!c.scheme().equals(RK4)) {
            return c.network(f);
        }
        SplittableRandom rng = new SplittableRandom(c.seed());
        int count = RK4.weightCount(c.depth());
        double[] w = new double[count * f.parameterCount()];
        for (int n = 0; n < count; n++) {
            f.initialParameters(rng, w, n * f.parameterCount());
        }
        return new ResNet(f, RK4, new Weights(count, f.parameterCount(), w), c.depth());
    }

    public static double[] gaussian(int n, long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        double[] v = new double[n];
        for (int i = 0; i < n; i++) {
            v[i] = rng.nextGaussian();
        }
        return v;
    }

    /**
     * Per-sample reference of {@code ½ mean ||x_N - y||²}: sample i alone through {@code steps} forward steps,
     * then (backprop) the stored x_n, or (adjoint) x~_n recovered by the reverse step, and the step VJPs.
     */
    public static double[] perSample(ResNet net, double[] inputs, double[] targets, int batch, boolean adjoint) {
        int d = net.family().dim();
        int steps = net.steps();
        double h = net.stepSize();
        Weights w = net.weights();
        RungeKuttaStep forward = net.forwardStep();
        RungeKuttaStep reverse = net.reverseStep();
        double[] g = new double[w.data().length];
        for (int i = 0; i < batch; i++) {
            double[][] xs = new double[steps + 1][d];
            System.arraycopy(inputs, i * d, xs[0], 0, d);
            for (int n = 0; n < steps; n++) {
                forward.apply(w.data(), w.offset(n), w.offset(n + 1), h, xs[n], xs[n + 1]);
            }
            double[] p = new double[d];
            for (int k = 0; k < d; k++) {
                p[k] = (xs[steps][k] - targets[i * d + k]) / batch;
            }
            double[] x = xs[steps].clone();
            for (int n = steps - 1; n >= 0; n--) {
                if (adjoint) {
                    reverse.apply(w.data(), w.offset(n), w.offset(n + 1), h, x, x);
                }
                forward.vjp(w.data(), w.offset(n), w.offset(n + 1), h, adjoint ? x : xs[n], p, p, g, w.offset(n), w.offset(n + 1));
            }
        }
        return g;
    }

    public static double relativeDistance(double[] a, double[] b) {
        double diff = 0;
        double norm = 0;
        for (int j = 0; j < a.length; j++) {
            diff += (a[j] - b[j]) * (a[j] - b[j]);
            norm += b[j] * b[j];
        }
        return norm == 0 ? Math.sqrt(diff) : Math.sqrt(diff / norm);
    }

    @Test
    void batchedGradientsEqualThePerSampleOnes() {
        AtomicInteger examples = new AtomicInteger();
        double[] worst = {0};
        qt().withFixedSeed(6001L)
                .withExamples(EXAMPLES)
                .forAll(Generators.gradientCases(Generators.families(), allSchemes(), Generators.dimensions(20),
                        Generators.depths(1, 5), Generators.batchSizes(13)))
                .checkAssert(c -> {
                    examples.incrementAndGet();
                    ResNet net = network(c, c.residualFunction());
                    int size = c.batch() * c.dim();
                    double[] inputs = gaussian(size, c.seed());
                    double[] targets = gaussian(size, ~c.seed());
                    for (boolean adjoint : new boolean[] {false, true}) {
                        GradientMethod method = adjoint ? new Adjoint() : new Backprop();
                        double[] g = new double[net.weights().data().length];
                        method.compute(net, inputs, c.batch(), TerminalLoss.squaredError(targets), g);
                        double[] reference = perSample(net, inputs, targets, c.batch(), adjoint);
                        double error = relativeDistance(g, reference);
                        worst[0] = Math.max(worst[0], error);
                        assertThat(error).as("%s %s", method.name(), c).isLessThanOrEqualTo(1e-12);
                    }
                });
        System.out.printf("batchedGradientsEqualThePerSampleOnes: %d examples, worst relative distance %.2e%n",
                examples.get(), worst[0]);
        assertThat(examples.get()).as("distinct examples").isGreaterThanOrEqualTo(EXAMPLES - 10);
    }

    /** Backprop at d in [8, 12], batches up to 9 (vector kernels with remainders): ||g - g_fd|| <= 1e-6 ||g_fd||. */
    @Test
    void batchedBackpropMatchesFiniteDifferences() {
        AtomicInteger examples = new AtomicInteger();
        qt().withFixedSeed(6002L)
                .withExamples(12)
                .forAll(Generators.gradientCases(Generators.vectorFamilies(), allSchemes(),
                        Generate.range(8, 12), Generators.depths(1, 3), Generate.range(2, 9)))
                .checkAssert(c -> {
                    examples.incrementAndGet();
                    ResidualFunction f = c.residualFunction();
                    ResNet net = network(c, f);
                    int size = c.batch() * c.dim();
                    double[] inputs = gaussian(size, c.seed());
                    double[] targets = gaussian(size, ~c.seed());
                    double[] g = new double[net.weights().data().length];
                    new Backprop().compute(net, inputs, c.batch(), TerminalLoss.squaredError(targets), g);
                    Weights w = net.weights();
                    double[] fd = new double[g.length];
                    for (int j = 0; j < g.length; j++) {
                        double[] plus = w.data().clone();
                        double[] minus = w.data().clone();
                        plus[j] += FD_STEP;
                        minus[j] -= FD_STEP;
                        double lp = loss(new ResNet(f, c.scheme(), new Weights(w.count(), w.size(), plus), c.depth()), inputs, targets);
                        double lm = loss(new ResNet(f, c.scheme(), new Weights(w.count(), w.size(), minus), c.depth()), inputs, targets);
                        fd[j] = (lp - lm) / (plus[j] - minus[j]);
                    }
                    assertThat(relativeDistance(g, fd)).as("%s", c).isLessThanOrEqualTo(1e-6);
                });
        assertThat(examples.get()).as("distinct examples").isGreaterThanOrEqualTo(10);
    }

    /** {@code ½ mean ||x_N - y||²} sample by sample through {@link ResNet#forward}. */
    static double loss(ResNet net, double[] inputs, double[] targets) {
        int d = net.family().dim();
        int batch = inputs.length / d;
        double[] x = new double[d];
        double sum = 0;
        for (int i = 0; i < batch; i++) {
            System.arraycopy(inputs, i * d, x, 0, d);
            net.forward(x, x);
            for (int k = 0; k < d; k++) {
                double r = x[k] - targets[i * d + k];
                sum += r * r;
            }
        }
        return 0.5 * sum / batch;
    }

    /**
     * Sizes where products and tanh maps are split over threads (d in [48, 70], batches of 100 to 140): 1 and 2
     * threads give bitwise identical gradients and losses, for both methods.
     */
    @Test
    void oneAndTwoThreadsGiveTheSameBits() {
        AtomicInteger examples = new AtomicInteger();
        qt().withFixedSeed(6003L)
                .withExamples(10)
                .forAll(Generators.gradientCases(Generators.vectorFamilies(), allSchemes(),
                        Generate.range(48, 70), Generators.depths(1, 2), Generate.range(100, 140)))
                .checkAssert(c -> {
                    examples.incrementAndGet();
                    ResNet net = network(c, c.residualFunction());
                    int size = c.batch() * c.dim();
                    double[] inputs = gaussian(size, c.seed());
                    TerminalLoss loss = TerminalLoss.squaredError(gaussian(size, ~c.seed()));
                    for (boolean adjoint : new boolean[] {false, true}) {
                        GradientMethod method = adjoint ? new Adjoint(Parallelism.SERIAL) : new Backprop(Parallelism.SERIAL);
                        double[] one = new double[net.weights().data().length];
                        double[] two = new double[one.length];
                        double lossOne = method.compute(net, inputs, c.batch(), loss, one).loss();
                        // the calling work's two threads, taken up by the methods that carry none
                        GradientMethod onTwo = adjoint ? new Adjoint() : new Backprop();
                        double lossTwo = Parallelism.of(2).call(() -> onTwo.compute(net, inputs, c.batch(), loss, two).loss());
                        assertThat(two).as("%s %s", method.name(), c).isEqualTo(one);
                        assertThat(lossTwo).isEqualTo(lossOne);
                    }
                });
        assertThat(examples.get()).as("distinct examples").isGreaterThanOrEqualTo(8);
    }
}
