package org.resnetode.properties;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.quicktheories.QuickTheory.qt;

import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;
import org.resnetode.gradient.Adjoint;
import org.resnetode.gradient.Backprop;
import org.resnetode.gradient.GradientReport;
import org.resnetode.model.ResidualFunction;
import org.resnetode.model.Weights;
import org.resnetode.properties.Generators.GradientCase;
import org.resnetode.scheme.ResNet;
import org.resnetode.scheme.Scheme;

/** Exact backpropagation, and the memory claim of the adjoint (MATH.md section 4). */
@Execution(ExecutionMode.CONCURRENT)
class GradientProperties {
    static final int FD_EXAMPLES = 100;
    static final int FD_REQUESTED = 300;
    static final int MEMORY_EXAMPLES = 50;
    static final int MEMORY_REQUESTED = 80;
    /** Central-difference step: truncation ~ step² ≈ 1e-12, round-off ~ 1e-16/step ≈ 1e-10, both far below 1e-6. */
    static final double FD_STEP = 1e-6;
    /** Depths at which the stored state is compared (below a scheme's minimum depth they are skipped). */
    static final int[] MEMORY_LADDER = {1, 2, 3, 7, 64, 500, 2048};

    /**
     * Exact backprop of every family and every scheme (euler, heun, heun-reference) equals the central finite
     * differences of {@code L = ½ mean ||x_N - y||²}, computed here from {@link ResNet#forward} on perturbed
     * copies of the weights: {@code ||g - g_fd|| < 1e-6 ||g_fd||}. Also the loss it reports is that L.
     */
    @Test
    void backpropMatchesFiniteDifferences() {
        AtomicInteger examples = new AtomicInteger();
        AtomicInteger zero = new AtomicInteger();
        double[] worst = {0};
        double[] smallest = {Double.POSITIVE_INFINITY};
        qt().withFixedSeed(4242L)
                .withExamples(FD_REQUESTED)
                .forAll(Generators.gradientCases(Generators.families(), Generators.schemes(),
                        Generators.dimensions(4), Generators.depths(1, 6), Generators.batchSizes(3)))
                .checkAssert(c -> {
                    examples.incrementAndGet();
                    ResidualFunction f = c.residualFunction();
                    ResNet net = c.network(f);
                    double[][][] batch = gaussianBatch(c.batch(), c.dim(), c.seed());
                    double[] g = new double[net.weights().data().length];
                    GradientReport report = new Backprop().compute(net, batch[0], batch[1], g);
                    double loss = loss(net, batch[0], batch[1]);
                    assertThat(report.loss()).as("loss").isCloseTo(loss, within(1e-14 * (1 + loss)));
                    double[] fd = finiteDifferences(f, c, net.weights(), batch[0], batch[1]);
                    double diff = 0;
                    double norm = 0;
                    for (int j = 0; j < g.length; j++) {
                        diff += (g[j] - fd[j]) * (g[j] - fd[j]);
                        norm += fd[j] * fd[j];
                    }
                    // ||g - g_fd|| < 1e-6 ||g_fd||, written without the division: a gradient that is exactly 0
                    // (theta2 with every θ_n = 0, which its ±1 draws can produce) must then come out exactly 0
                    assertThat(Math.sqrt(diff)).as("||g - g_fd|| against 1e-6 ||g_fd|| = %s", 1e-6 * Math.sqrt(norm))
                            .isLessThanOrEqualTo(1e-6 * Math.sqrt(norm));
                    if (norm > 0) {
                        worst[0] = Math.max(worst[0], Math.sqrt(diff / norm));
                        smallest[0] = Math.min(smallest[0], Math.sqrt(norm));
                    } else {
                        zero.incrementAndGet();
                    }
                });
        System.out.printf("backpropMatchesFiniteDifferences: %d examples, worst relative error %.3e, "
                + "smallest non-zero ||g_fd|| %.3e, %d with g_fd = 0%n", examples.get(), worst[0], smallest[0], zero.get());
        assertThat(examples.get()).isGreaterThanOrEqualTo(FD_EXAMPLES);
    }

    /**
     * The adjoint keeps a number of state doubles that does not depend on the depth (x~ and p: 2d, at
     * N = 1..2048), while exact backprop keeps the whole trajectory plus the adjoint: {@code (steps+1)·d + d}, and
     * for the MLP on a batch the activations {@code tanh(Y W1ᵀ)} of every stage of every step.
     */
    @Test
    void adjointStoredStateIsIndependentOfDepth() {
        AtomicInteger examples = new AtomicInteger();
        qt().withFixedSeed(777L)
                .withExamples(MEMORY_REQUESTED)
                .forAll(Generators.gradientCases(Generators.families(), Generators.schemes(),
                        Generators.dimensions(8), Generators.depths(1, 1), Generators.batchSizes(4)))
                .checkAssert(c -> {
                    examples.incrementAndGet();
                    ResidualFunction f = c.residualFunction();
                    double[][][] batch = gaussianBatch(c.batch(), c.dim(), c.seed());
                    Long first = null;
                    for (int depth : MEMORY_LADDER) {
                        if (c.scheme().equals(Scheme.HEUN_REFERENCE) && depth < 2) {
                            continue;
                        }
                        GradientCase atDepth = c.atDepth(depth);
                        ResNet net = atDepth.network(f);
                        double[] g = new double[net.weights().data().length];
                        long adjoint = new Adjoint().compute(net, batch[0], batch[1], g).storedStateDoubles();
                        long backprop = new Backprop().compute(net, batch[0], batch[1], g).storedStateDoubles();
                        if (first == null) {
                            first = adjoint;
                        }
                        assertThat(adjoint).as("adjoint stored state at N=%d", depth).isEqualTo(first)
                                .isEqualTo(2L * c.batch() * c.dim());
                        // on a batch, the MLP keeps each stage's tanh(Y W1ᵀ) (batch × hidden, hidden = d here) for its VJP
                        long activations = c.family().equals("mlp") && c.batch() > 1
                                ? (long) atDepth.steps() * c.scheme().tableau().stages() * c.batch() * c.dim() : 0;
                        assertThat(backprop).as("backprop stored state at N=%d", depth)
                                .isEqualTo((long) c.batch() * ((atDepth.steps() + 1) * c.dim() + c.dim()) + activations);
                    }
                });
        assertThat(examples.get()).isGreaterThanOrEqualTo(MEMORY_EXAMPLES);
    }

    /** Inputs and targets with i.i.d. N(0, 1) entries (the JDK's generator, not the toolkit's). */
    static double[][][] gaussianBatch(int size, int dim, long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        double[][] x = new double[size][dim];
        double[][] y = new double[size][dim];
        for (int i = 0; i < size; i++) {
            for (int k = 0; k < dim; k++) {
                x[i][k] = rng.nextGaussian();
                y[i][k] = rng.nextGaussian();
            }
        }
        return new double[][][] {x, y};
    }

    /** {@code ½ mean_i ||x_N(x_i) - y_i||²} through {@link ResNet#forward}. */
    static double loss(ResNet net, double[][] inputs, double[][] targets) {
        double[] out = new double[inputs[0].length];
        double sum = 0;
        for (int i = 0; i < inputs.length; i++) {
            net.forward(inputs[i], out);
            for (int k = 0; k < out.length; k++) {
                double r = out[k] - targets[i][k];
                sum += r * r;
            }
        }
        return 0.5 * sum / inputs.length;
    }

    /** {@code (L(θ + s e_j) - L(θ - s e_j)) / 2s} for every entry j of the flat weight array. */
    static double[] finiteDifferences(ResidualFunction f, GradientCase c, Weights w, double[][] inputs, double[][] targets) {
        double[] data = w.data();
        double[] fd = new double[data.length];
        for (int j = 0; j < data.length; j++) {
            double[] plus = data.clone();
            double[] minus = data.clone();
            plus[j] += FD_STEP;
            minus[j] -= FD_STEP;
            double step = plus[j] - minus[j]; // the step actually taken, after rounding of θ_j ± s
            double lp = loss(new ResNet(f, c.scheme(), new Weights(w.count(), w.size(), plus), c.depth()), inputs, targets);
            double lm = loss(new ResNet(f, c.scheme(), new Weights(w.count(), w.size(), minus), c.depth()), inputs, targets);
            fd[j] = (lp - lm) / step;
        }
        return fd;
    }
}
