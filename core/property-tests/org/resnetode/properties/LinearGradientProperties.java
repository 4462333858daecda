package org.resnetode.properties;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;
import org.resnetode.TestVectors;
import org.resnetode.gradient.Backprop;
import org.resnetode.gradient.TerminalLoss;
import org.resnetode.model.LinearFamily;
import org.resnetode.model.Weights;
import org.resnetode.scheme.ResNet;
import org.resnetode.scheme.Scheme;
import org.resnetode.train.linear.LinearLoss;
import org.resnetode.train.linear.LinearTrainer;

/**
 * The prefix/suffix gradient {@code ∂ℓ/∂A_n = (1/N) S_{n+1}ᵀ (P - B) Q_nᵀ} of MATH.md section 3 against two
 * independent routes: central finite differences of the loss, and plain backprop through the product (the
 * toolkit's {@link Backprop} on the Euler ResNet {@code x_{n+1} = x_n + (1/N) A_n x_n} fed the columns of the identity,
 * whose outputs are the columns of P).
 */
@Execution(ExecutionMode.CONCURRENT)
class LinearGradientProperties {
    static final int EXAMPLES = 60;

    @Test
    void prefixSuffixGradientEqualsFiniteDifferencesAndBackprop() {
        qt().withFixedSeed(7007L).withExamples(EXAMPLES)
                .forAll(Generators.dimensions(4), Generators.depths(1, 8), Generators.seeds())
                .checkAssert((d, depth, seed) -> {
                    SplittableRandom rng = new SplittableRandom(seed);
                    double[] a = TestVectors.gaussian(rng, depth * d * d, 1.0);
                    double[] b = TestVectors.gaussian(rng, d * d, 1.0);
                    LinearLoss loss = LinearLoss.matrix(b, d);
                    double[] gradient = new double[a.length];
                    double value = new LinearTrainer(loss, depth, a).gradient(gradient);

                    double[] fd = TestVectors.centralDifference(w -> new LinearTrainer(loss, depth, w).loss(), a, 0, a.length, 1e-6);
                    assertThat(TestVectors.relativeError(gradient, 0, fd)).as("against finite differences, d=%d N=%d", d, depth)
                            .isLessThan(1e-7);

                    double[] backprop = new double[a.length];
                    double backpropLoss = backprop(a, b, d, depth, backprop);
                    assertThat(TestVectors.relativeError(gradient, 0, backprop)).as("against backprop, d=%d N=%d", d, depth)
                            .isLessThan(1e-12);
                    assertThat(value).isCloseTo(backpropLoss, org.assertj.core.data.Offset.offset(1e-12 * (1 + backpropLoss)));
                });
    }

    @Test
    void dataSetGradientEqualsFiniteDifferences() {
        qt().withFixedSeed(7008L).withExamples(EXAMPLES)
                .forAll(Generators.dimensions(4), Generators.depths(1, 6), Generators.batchSizes(5), Generators.seeds())
                .checkAssert((d, depth, samples, seed) -> {
                    SplittableRandom rng = new SplittableRandom(seed);
                    double[] a = TestVectors.gaussian(rng, depth * d * d, 1.0);
                    double[] x = TestVectors.gaussian(rng, samples * d, 1.0);
                    double[] y = TestVectors.gaussian(rng, samples * d, 1.0);
                    LinearLoss loss = LinearLoss.dataSet(x, y, samples, d);
                    double[] gradient = new double[a.length];
                    new LinearTrainer(loss, depth, a).gradient(gradient);
                    double[] fd = TestVectors.centralDifference(w -> new LinearTrainer(loss, depth, w).loss(), a, 0, a.length, 1e-6);
                    assertThat(TestVectors.relativeError(gradient, 0, fd)).as("data-set loss, d=%d N=%d m=%d", d, depth, samples)
                            .isLessThan(1e-7);
                });
    }

    /** ½ ||P - B||_F² = ½ Σ_j ||P e_j - B e_j||²: backprop on the batch of identity columns with a summed squared error. */
    private static double backprop(double[] a, double[] b, int d, int depth, double[] gradient) {
        double[] inputs = new double[d * d];
        double[] targets = new double[d * d];
        for (int j = 0; j < d; j++) {
            inputs[j * d + j] = 1;
            for (int i = 0; i < d; i++) {
                targets[j * d + i] = b[i * d + j];
            }
        }
        TerminalLoss summed = (outputs, batch, g) -> {
            double l = 0;
            for (int k = 0; k < outputs.length; k++) {
                g[k] = outputs[k] - targets[k];
                l += g[k] * g[k];
            }
            return 0.5 * l;
        };
        ResNet net = new ResNet(new LinearFamily(d), Scheme.EULER, new Weights(depth, d * d, a.clone()), depth);
        return new Backprop().compute(net, inputs, d, summed, gradient).loss();
    }
}
