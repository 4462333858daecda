package org.resnetode.gradient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.resnetode.properties.BatchedGradientProperties.allSchemes;
import static org.resnetode.properties.BatchedGradientProperties.gaussian;
import static org.resnetode.properties.BatchedGradientProperties.network;
import static org.resnetode.properties.BatchedGradientProperties.perSample;
import static org.resnetode.properties.BatchedGradientProperties.relativeDistance;

import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;
import org.quicktheories.generators.Generate;
import org.resnetode.linalg.Parallelism;
import org.resnetode.model.Families;
import org.resnetode.model.ResidualFunction;
import org.resnetode.model.Weights;
import org.resnetode.properties.Generators;
import org.resnetode.scheme.ResNet;
import org.resnetode.scheme.Scheme;

/**
 * The batch split into row blocks ({@link RowBlocks}): with 2 to 6 blocks and the θ-gradient summed chunk by chunk
 * (chunks of 1 to 4 layers, forced by a small partial budget), both methods still give the per-sample reference's
 * gradient (each sample alone through the families' matrix-vector VJPs), and 1 and 2 threads give the same bits,
 * whatever the gradient array held before (it is overwritten, not accumulated into).
 */
@Execution(ExecutionMode.CONCURRENT)
class RowBlockProperties {


    @Test
    void blockedAndChunkedGradientsEqualThePerSampleOnesWithTheSameBitsOnOneAndTwoThreads() {
        AtomicInteger examples = new AtomicInteger();
        double[] worst = {0};
        qt().withFixedSeed(6101L)
                .withExamples(25)
                .forAll(Generators.gradientCases(Generators.families(), allSchemes(), Generate.range(1, 6),
                        Generators.depths(1, 12), Generate.range(64, 200)), Generate.range(1, 4))
                .checkAssert((c, layersPerChunk) -> {
                    examples.incrementAndGet();
                    ResNet net = network(c, c.residualFunction());
                    int budget = (layersPerChunk + 1) * net.weights().size();
                    int size = c.batch() * c.dim();
                    double[] inputs = gaussian(size, c.seed());
                    double[] targets = gaussian(size, ~c.seed());
                    TerminalLoss loss = TerminalLoss.squaredError(targets);
                    for (boolean adjoint : new boolean[] {false, true}) {
                        GradientMethod method = method(adjoint, Parallelism.SERIAL, budget);
                        double[] one = new double[net.weights().data().length];
                        double[] two = new double[one.length];
                        // a gradient array holding garbage: every entry must be overwritten, none accumulated into
                        java.util.Arrays.fill(two, Double.NaN);
                        GradientReport r1 = method.compute(net, inputs, c.batch(), loss, one);
                        GradientReport r2 = method(adjoint, Parallelism.of(2), budget).compute(net, inputs, c.batch(), loss, two);
                        assertThat(two).as("%s %s, chunks of %d", method.name(), c, layersPerChunk).isEqualTo(one);
                        assertThat(r2.loss()).isEqualTo(r1.loss());
                        double error = relativeDistance(one, perSample(net, inputs, targets, c.batch(), adjoint));
                        worst[0] = Math.max(worst[0], error);
                        assertThat(error).as("%s %s, chunks of %d", method.name(), c, layersPerChunk).isLessThanOrEqualTo(1e-12);
                    }
                });
        System.out.printf("row blocks: %d examples, worst relative distance to the per-sample reference %.2e%n",
                examples.get(), worst[0]);
        assertThat(examples.get()).as("distinct examples").isGreaterThanOrEqualTo(20);
    }

    /** Tied weights: every step's θ-gradient lands in the one shared slot, from every block and every chunk. */
    @Test
    void tiedWeightsCollectEveryBlockAndChunk() {
        ResidualFunction f = Families.create("tanh", 3, 3);
        double[] theta = gaussian(f.parameterCount(), 7);
        for (Scheme scheme : new Scheme[] {Scheme.EULER, Scheme.HEUN}) {
            ResNet net = new ResNet(f, scheme, Weights.tied(scheme.weightCount(9), theta), 9);
            double[] inputs = gaussian(100 * 3, 8);
            double[] targets = gaussian(100 * 3, 9);
            for (boolean adjoint : new boolean[] {false, true}) {
                GradientMethod method = method(adjoint, Parallelism.of(2), 2 * f.parameterCount());
                double[] g = new double[theta.length];
                java.util.Arrays.fill(g, Double.NaN);
                method.compute(net, inputs, 100, TerminalLoss.squaredError(targets), g);
                assertThat(relativeDistance(g, perSample(net, inputs, targets, 100, adjoint)))
                        .as("%s %s", scheme.name(), method.name()).isLessThanOrEqualTo(1e-12);
            }
        }
    }

    /** A gradient array holding garbage gives the gradient of a fresh one, with one block (accumulated into) and several. */
    @Test
    void theGradientArrayIsOverwrittenWhateverItHeld() {
        ResidualFunction f = Families.create("tanh", 2, 2);
        for (Scheme scheme : new Scheme[] {Scheme.EULER, Scheme.HEUN}) {
            ResNet net = new ResNet(f, scheme, new Weights(scheme.weightCount(5), f.parameterCount(),
                    gaussian(scheme.weightCount(5) * f.parameterCount(), 5)), 5);
            for (int batch : new int[] {3, 70}) {
                double[] inputs = gaussian(batch * 2, 6);
                TerminalLoss loss = TerminalLoss.squaredError(gaussian(batch * 2, 7));
                for (GradientMethod m : new GradientMethod[] {new Backprop(), new Adjoint()}) {
                    double[] fresh = new double[net.weights().data().length];
                    double[] used = new double[fresh.length];
                    java.util.Arrays.fill(used, 1e300);
                    m.compute(net, inputs, batch, loss, fresh);
                    m.compute(net, inputs, batch, loss, used);
                    assertThat(used).as("%s %s, batch %d", scheme.name(), m.name(), batch).isEqualTo(fresh);
                }
            }
        }
    }

    /** The loss a method returns is the loss of the network's outputs, with one block and with several. */
    @Test
    void theReturnedLossIsTheOutputsLoss() {
        ResidualFunction f = Families.create("tanh", 2, 2);
        ResNet net = new ResNet(f, Scheme.EULER, new Weights(4, f.parameterCount(), gaussian(4 * f.parameterCount(), 5)), 4);
        for (int batch : new int[] {3, 70}) {
            double[] inputs = gaussian(batch * 2, 6);
            double[] targets = gaussian(batch * 2, 7);
            double[] outputs = inputs.clone();
            net.forwardBatch(outputs, batch, outputs);
            double expected = 0;
            for (int k = 0; k < outputs.length; k++) {
                expected += 0.5 * (outputs[k] - targets[k]) * (outputs[k] - targets[k]) / batch;
            }
            for (GradientMethod m : new GradientMethod[] {new Backprop(), new Adjoint()}) {
                double loss = m.compute(net, inputs, batch, TerminalLoss.squaredError(targets), new double[net.weights().data().length]).loss();
                assertThat(loss).as("%s, batch %d", m.name(), batch).isCloseTo(expected, org.assertj.core.data.Offset.offset(1e-14 * expected));
            }
        }
    }

    /** Heun's chunks cover as many steps as the budget allows ((L + 1) weight slots), all of them with one block. */
    @Test
    void chunksFillTheBudget() {
        ResidualFunction f = Families.create("tanh", 3, 3);
        int size = f.parameterCount();
        ResNet net = new ResNet(f, Scheme.HEUN, new Weights(41, size, gaussian(41 * size, 1)), 40);
        double[] g = new double[41 * size];
        RowBlocks blocked = RowBlocks.start(net, gaussian(64 * 3, 2), 64, g, 6 * size, Parallelism.SERIAL);
        assertThat(blocked.layersPerChunk()).isEqualTo(5);
        assertThat(blocked.partialSize()).isEqualTo(6 * size);
        assertThat(RowBlocks.start(net, gaussian(64 * 3, 2), 64, g, 100 * size, Parallelism.SERIAL).layersPerChunk()).isEqualTo(40);
        assertThat(RowBlocks.start(net, gaussian(64 * 3, 2), 64, g, size, Parallelism.SERIAL).layersPerChunk()).isEqualTo(1);
        RowBlocks one = RowBlocks.start(net, gaussian(63 * 3, 2), 63, g, 6 * size, Parallelism.SERIAL);
        assertThat(one.layersPerChunk()).isEqualTo(40);
        assertThat(one.partialSize()).isZero();
        ResNet tied = new ResNet(f, Scheme.HEUN, Weights.tied(41, gaussian(size, 3)), 40);
        assertThat(RowBlocks.start(tied, gaussian(64 * 3, 2), 64, new double[size], 6 * size, Parallelism.SERIAL).partialSize()).isEqualTo(size);
    }

    /** Euler's step n reads θ_n alone: a chunk of L steps needs L slots, not L + 1. */
    @Test
    void eulerChunksNeedNoNextSlot() {
        ResidualFunction f = Families.create("tanh", 3, 3);
        int size = f.parameterCount();
        ResNet net = new ResNet(f, Scheme.EULER, new Weights(40, size, gaussian(40 * size, 1)), 40);
        RowBlocks blocked = RowBlocks.start(net, gaussian(64 * 3, 2), 64, new double[40 * size], 6 * size, Parallelism.SERIAL);
        assertThat(blocked.layersPerChunk()).isEqualTo(6);
        assertThat(blocked.partialSize()).isEqualTo(6 * size);
    }

    /** Partials larger than one piece of the parallel sum (16384 entries): several pieces, each entry summed once. */
    @Test
    void partialsSpanningSeveralPiecesOfTheSum() {
        ResidualFunction f = Families.create("tanh", 40, 40);
        int size = f.parameterCount();
        ResNet net = new ResNet(f, Scheme.EULER, new Weights(30, size, gaussian(30 * size, 4)), 30);
        double[] inputs = gaussian(96 * 40, 5);
        double[] targets = gaussian(96 * 40, 6);
        for (boolean adjoint : new boolean[] {false, true}) {
            GradientMethod method = method(adjoint, Parallelism.of(2), 25 * size);
            double[] g = new double[30 * size];
            method.compute(net, inputs, 96, TerminalLoss.squaredError(targets), g);
            assertThat(relativeDistance(g, perSample(net, inputs, targets, 96, adjoint))).as(method.name()).isLessThanOrEqualTo(1e-12);
        }
    }

    /**
     * Blocks depend on the batch and d alone: 32 rows at least (64 when d > 64), 8 blocks at most; several blocks add the
     * joined outputs to the stored state.
     */
    @Test
    void blockCountAndStoredState() {
        ResidualFunction f = Families.create("tanh", 2, 2);
        ResNet net = new ResNet(f, Scheme.EULER, new Weights(4, f.parameterCount(), gaussian(4 * f.parameterCount(), 1)), 4);
        int[][] expected = {{1, 1}, {63, 1}, {64, 2}, {95, 2}, {96, 3}, {255, 7}, {256, 8}, {5000, 8}};
        for (int[] e : expected) {
            int batch = e[0];
            double[] inputs = gaussian(batch * 2, batch);
            double[] g = new double[net.weights().data().length];
            RowBlocks blocks = RowBlocks.start(net, inputs, batch, g, RowBlocks.PARTIAL_BUDGET, Parallelism.SERIAL);
            assertThat(blocks.count).as("blocks of a batch of %d", batch).isEqualTo(e[1]);
            int rows = 0;
            for (int k = 0; k < blocks.count; k++) {
                assertThat(blocks.firstRow(k)).isEqualTo(rows);
                assertThat(blocks.rows(k)).isGreaterThanOrEqualTo(Math.min(batch, RowBlocks.minRows(2)));
                rows += blocks.rows(k);
            }
            assertThat(rows).isEqualTo(batch);
            TerminalLoss loss = TerminalLoss.squaredError(gaussian(batch * 2, -batch));
            long joined = e[1] == 1 ? 0 : 2L * batch * 2;
            assertThat(new Adjoint().compute(net, inputs, batch, loss, g).storedStateDoubles()).isEqualTo(2L * batch * 2 + joined);
            assertThat(new Backprop().compute(net, inputs, batch, loss, g).storedStateDoubles()).isEqualTo(6L * batch * 2 + joined);
        }
        assertThat(RowBlocks.minRows(64)).isEqualTo(32);
        assertThat(RowBlocks.minRows(65)).isEqualTo(64);
        ResidualFunction wide = Families.create("tanh", 65, 65);
        ResNet wideNet = new ResNet(wide, Scheme.EULER, new Weights(1, wide.parameterCount(), gaussian(wide.parameterCount(), 1)), 1);
        for (int[] e : new int[][] {{127, 1}, {128, 2}, {511, 7}, {512, 8}}) {
            assertThat(RowBlocks.start(wideNet, gaussian(e[0] * 65, 2), e[0], new double[wide.parameterCount()], RowBlocks.PARTIAL_BUDGET, Parallelism.SERIAL).count)
                    .as("blocks of a batch of %d at d = 65", e[0]).isEqualTo(e[1]);
        }
    }

    /** A listener sees every sample at every layer once, under its index in the batch, and changes no bit of the gradient. */
    @Test
    void aListenerSeesEverySampleOnceWithTheSameGradient() {
        ResidualFunction f = Families.create("mlp", 3, 4);
        ResNet net = new ResNet(f, Scheme.HEUN, new Weights(6, f.parameterCount(), gaussian(6 * f.parameterCount(), 2)), 5);
        int batch = 100;
        double[] inputs = gaussian(batch * 3, 3);
        TerminalLoss loss = TerminalLoss.squaredError(gaussian(batch * 3, 4));
        int[][] seen = new int[batch][5];
        double[][][] recovered = new double[batch][5][];
        Thread caller = Thread.currentThread();
        double[] withListener = new double[net.weights().data().length];
        double[] without = new double[withListener.length];
        Parallelism.of(2).call(() -> new Adjoint((i, n, x) -> {
            assertThat(Thread.currentThread()).as("the listener runs on the caller's thread").isSameAs(caller);
            seen[i][n]++;
            recovered[i][n] = x.clone();
        }).compute(net, inputs, batch, loss, withListener));
        new Adjoint(Parallelism.of(2)).compute(net, inputs, batch, loss, without);
        for (int[] sample : seen) {
            assertThat(sample).containsOnly(1);
        }
        assertThat(withListener).isEqualTo(without);
        // each sample's recovered activations, against the sample run alone (one row: the matrix-vector path)
        for (int i = 0; i < batch; i += 17) {
            double[][] alone = new double[5][];
            int sample = i;
            new Adjoint((s, n, x) -> alone[n] = x.clone()).compute(net, java.util.Arrays.copyOfRange(inputs, 3 * i, 3 * i + 3), 1,
                    (outputs, b, gradient) -> 0, new double[withListener.length]);
            for (int n = 0; n < 5; n++) {
                assertThat(relativeDistance(recovered[sample][n], alone[n])).as("sample %d, layer %d", sample, n).isLessThanOrEqualTo(1e-13);
            }
        }
    }

    /** The adjoint or backprop on {@code parallelism}'s threads, with partial buffers of at most {@code budget} doubles. */
    private static GradientMethod method(boolean adjoint, Parallelism parallelism, int budget) {
        return adjoint ? new Adjoint(null, parallelism, budget) : new Backprop(parallelism, budget);
    }
}
