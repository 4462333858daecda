package org.resnetode.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.resnetode.TestVectors;
import org.resnetode.gradient.Adjoint;
import org.resnetode.gradient.Backprop;
import org.resnetode.gradient.GradientMethod;
import org.resnetode.model.Families;
import org.resnetode.model.ResidualFunction;
import org.resnetode.network.LinearHead;
import org.resnetode.scheme.ResNet;
import org.resnetode.scheme.Scheme;

/** Minibatch training on small synthetic data: determinism, the gradient it steps on, learning, divergence. */
@org.junit.jupiter.api.Timeout(value = 5, unit = java.util.concurrent.TimeUnit.MINUTES) // training loops
class TrainerTest {
    static final int D = 3;

    /** Two Gaussian blobs at ±(1, 1, 1) (label 0 / 1): linearly separable. */
    static Dataset blobs(int rows, long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        double[] x = new double[rows * D];
        int[] y = new int[rows];
        for (int i = 0; i < rows; i++) {
            y[i] = i % 2;
            for (int k = 0; k < D; k++) {
                x[i * D + k] = (y[i] == 0 ? -1 : 1) + 0.3 * org.resnetode.model.Gaussian.next(rng);
            }
        }
        return new Dataset("blobs", rows, D, x, y, null, 2);
    }

    static ResNet net(String scheme, int depth, long seed) {
        ResidualFunction f = Families.create("mlp", D, 4);
        Scheme s = Scheme.byName(scheme);
        return new ResNet(f, s, Initialisation.weights("smooth", "fourier", 0.5, f, s, depth, seed), depth);
    }

    static final Trainer.Listener QUIET = new Trainer.Listener() {
    };

    static List<Trainer.Epoch> train(ResNet net, LinearHead head, GradientMethod m, double lr, int epochs) {
        return new Trainer(net, head, blobs(50, 1), blobs(20, 2), m, null, Optimiser.sgd(lr, 0.9), 8, 5).run(1, epochs, QUIET);
    }

    @Test
    void shuffleIsAPermutationFixedByItsSeed() {
        int[] a = new int[100];
        int[] b = new int[100];
        Trainer.shuffle(a, new SplittableRandom(3));
        Trainer.shuffle(b, new SplittableRandom(3));
        assertThat(a).containsExactly(b);
        int[] sorted = a.clone();
        Arrays.sort(sorted);
        for (int i = 0; i < 100; i++) {
            assertThat(sorted[i]).isEqualTo(i);
        }
        int[] c = new int[100];
        Trainer.shuffle(c, new SplittableRandom(4));
        assertThat(c).isNotEqualTo(a);
        // every position is moved by some seed (not the identity)
        assertThat(Arrays.equals(a, sorted)).isFalse();
    }

    @Test
    void learnsSeparableDataAndIsReproducible() {
        ResNet a = net("euler", 6, 1);
        ResNet b = net("euler", 6, 1);
        List<Trainer.Epoch> ra = train(a, Initialisation.head(LinearHead.CROSS_ENTROPY, 2, D, 1), new Backprop(), 0.1, 4);
        List<Trainer.Epoch> rb = train(b, Initialisation.head(LinearHead.CROSS_ENTROPY, 2, D, 1), new Backprop(), 0.1, 4);
        assertThat(a.weights().data()).containsExactly(b.weights().data());
        assertThat(ra.get(3).loss()).isEqualTo(rb.get(3).loss());
        assertThat(ra.get(3).loss()).isLessThan(ra.get(0).loss());
        assertThat(ra.get(3).testAccuracy()).isEqualTo(1.0);
        assertThat(ra.get(3).trainAccuracy()).isEqualTo(1.0);
        // batches of 8: X_0..X_6 and P (8 × D each), and each step's tanh(X W1ᵀ) (8 × 4, hidden width 4)
        assertThat(ra.get(0).storedStateDoubles()).isEqualTo(8L * 7 * D + 8L * D + 6L * 8 * 4);
        assertThat(ra.get(0).gradientError()).isNaN();
        assertThat(ra.get(3).smoothness()).isEqualTo(DepthResampling.smoothness(a));
    }

    @Test
    void oneStepMovesEveryParameterAgainstTheFiniteDifferenceGradient() {
        // one batch holding every row, plain SGD: Δθ = -η ∂L/∂θ and Δ(W, b) = -η ∂L/∂(W, b), L the loss of the whole model
        Dataset data = blobs(6, 3);
        ResNet net = net("heun", 3, 2);
        LinearHead head = Initialisation.head(LinearHead.CROSS_ENTROPY, 2, D, 2);
        double[] theta0 = net.weights().data().clone();
        double[] head0 = head.parameters().clone();
        double eta = 1e-3;
        new Trainer(net, head, data, data, new Backprop(), null, Optimiser.sgd(eta, 0), 6, 1).run(1, 1, QUIET);
        double[] stepTheta = new double[theta0.length];
        for (int i = 0; i < theta0.length; i++) {
            stepTheta[i] = (theta0[i] - net.weights().data()[i]) / eta;
        }
        double[] fd = TestVectors.centralDifference(t -> modelLoss(data, t, head0), theta0, 0, theta0.length, 1e-6);
        assertThat(TestVectors.relativeError(stepTheta, 0, fd)).isLessThan(1e-6);
        double[] stepHead = new double[head0.length];
        for (int i = 0; i < head0.length; i++) {
            stepHead[i] = (head0[i] - head.parameters()[i]) / eta;
        }
        double[] fdHead = TestVectors.centralDifference(h -> modelLoss(data, theta0, h), head0, 0, head0.length, 1e-6);
        assertThat(TestVectors.relativeError(stepHead, 0, fdHead)).isLessThan(1e-6);
    }

    /** Mean cross-entropy of the whole model with the given weights, by forward passes only. */
    static double modelLoss(Dataset data, double[] theta, double[] headParams) {
        ResNet base = net("heun", 3, 2);
        ResNet net = new ResNet(base.family(), base.scheme(),
                new org.resnetode.model.Weights(base.weights().count(), base.weights().size(), theta), 3);
        Trainer t = new Trainer(net, new LinearHead(LinearHead.CROSS_ENTROPY, 2, D, headParams), data, data, new Backprop(), null,
                Optimiser.sgd(1, 0), 1, 1);
        return t.evaluate(data).loss();
    }

    @Test
    void referenceGradientErrorIsMeasuredAlongTheRun() {
        ResNet net = net("euler", 4, 1);
        List<Trainer.Epoch> r = new Trainer(net, Initialisation.head(LinearHead.CROSS_ENTROPY, 2, D, 1), blobs(16, 1), blobs(4, 2),
                new Adjoint(), new Backprop(), Optimiser.sgd(0.1, 0), 8, 1).run(1, 2, QUIET);
        // Euler's adjoint at N = 4 is measurably off, but not wildly
        assertThat(r.get(0).gradientError()).isBetween(1e-6, 0.5);
        List<Trainer.Epoch> same = new Trainer(net("euler", 4, 1), Initialisation.head(LinearHead.CROSS_ENTROPY, 2, D, 1),
                blobs(16, 1), blobs(4, 2), new Backprop(), new Backprop(), Optimiser.sgd(0.1, 0), 8, 1).run(1, 2, QUIET);
        assertThat(same.get(1).gradientError()).isEqualTo(0.0);
    }

    @Test
    void divergenceStopsWithTheStepAndLoss() {
        ResNet net = net("euler", 4, 1);
        List<Integer> steps = new ArrayList<>();
        // squared error with a step 10 times too large: the head's error grows geometrically
        Dataset x = blobs(64, 1);
        Dataset data = new Dataset("lin", 64, D, x.inputs(), null, x.inputs().clone(), D);
        Trainer t = new Trainer(net, Initialisation.head(LinearHead.SQUARED_ERROR, D, D, 1), data, data,
                new Backprop(), null, Optimiser.sgd(10, 0.9), 8, 1);
        assertThatThrownBy(() -> t.run(1, 3, new Trainer.Listener() {
            @Override
            public void step(int epoch, int step, int steps1, double loss) {
                steps.add(step);
            }
        })).isInstanceOf(Trainer.DivergedException.class).hasMessageContaining("training diverged at epoch 1, step ")
                .satisfies(e -> {
                    Trainer.DivergedException d = (Trainer.DivergedException) e;
                    assertThat(d.step).isEqualTo(steps.size() + 1);
                    assertThat(!Double.isFinite(d.loss) || d.loss > 1e6 * d.firstLoss).isTrue();
                });
    }

    @Test
    void squaredErrorRegressionLearnsALinearMap() {
        // y = x_1 + 2 x_2 - x_3: the head alone can fit it
        Dataset x = blobs(40, 4);
        double[] y = new double[40];
        for (int i = 0; i < 40; i++) {
            y[i] = x.inputs()[3 * i] + 2 * x.inputs()[3 * i + 1] - x.inputs()[3 * i + 2];
        }
        Dataset data = new Dataset("lin", 40, D, x.inputs(), null, y, 1);
        ResNet net = net("euler", 4, 1);
        List<Trainer.Epoch> r = new Trainer(net, Initialisation.head(LinearHead.SQUARED_ERROR, 1, D, 1), data, data, new Backprop(),
                null, Optimiser.adam(0.05), 8, 1).run(1, 30, QUIET);
        assertThat(r.get(29).testLoss()).isLessThan(0.05 * r.get(0).testLoss());
        assertThat(r.get(29).testAccuracy()).isNaN();
    }

    @Test
    void refusesMismatchedShapes() {
        ResNet net = net("euler", 4, 1);
        LinearHead head = Initialisation.head(LinearHead.CROSS_ENTROPY, 2, D, 1);
        assertThatThrownBy(() -> new Trainer(net, head, blobs(4, 1), blobs(4, 1), new Backprop(), null, Optimiser.sgd(1, 0), 0, 1))
                .hasMessageContaining("batch size must be at least 1, got 0");
        Dataset wide = new Dataset("w", 1, 2, new double[2], new int[1], null, 2);
        assertThatThrownBy(() -> new Trainer(net, head, wide, wide, new Backprop(), null, Optimiser.sgd(1, 0), 1, 1))
                .hasMessageContaining("the data have 2 features, the network dimension 3");
        LinearHead three = Initialisation.head(LinearHead.CROSS_ENTROPY, 3, D, 1);
        assertThatThrownBy(() -> new Trainer(net, three, blobs(4, 1), blobs(4, 1), new Backprop(), null, Optimiser.sgd(1, 0), 1, 1))
                .hasMessageContaining("the head maps dimension 3 to 3 outputs; the data need 2");
    }

    @Test
    void initialisations() {
        ResidualFunction f = Families.create("mlp", D, 4);
        double[] smooth = Initialisation.weights("smooth", "constant", 1, f, Scheme.EULER, 5, 1).data();
        for (int n = 1; n < 5; n++) {
            assertThat(Arrays.copyOfRange(smooth, n * 24, n * 24 + 24)).containsExactly(Arrays.copyOfRange(smooth, 0, 24));
        }
        double[] iid = Initialisation.weights("iid", "constant", 1, f, Scheme.HEUN, 5, 1).data();
        assertThat(iid).hasSize(6 * 24);
        assertThat(Arrays.copyOfRange(iid, 24, 48)).isNotEqualTo(Arrays.copyOfRange(iid, 0, 24));
        assertThat(Initialisation.weights("zero", "constant", 1, f, Scheme.EULER, 5, 1).data()).containsOnly(0.0);
        assertThatThrownBy(() -> Initialisation.weights("smooth", "iid", 1, f, Scheme.EULER, 5, 1))
                .hasMessageContaining("--init smooth needs a smooth profile");
        assertThatThrownBy(() -> Initialisation.weights("he", "constant", 1, f, Scheme.EULER, 5, 1))
                .hasMessageContaining("unknown initialisation 'he'");
        LinearHead h = Initialisation.head(LinearHead.CROSS_ENTROPY, 2, 400, 1);
        double sum = 0;
        for (int i = 0; i < 800; i++) {
            sum += h.parameters()[i] * h.parameters()[i];
        }
        // W entries N(0, 1/d): mean square 1/400 within sampling error (800 draws: ± 5%·2)
        assertThat(sum / 800 * 400).isBetween(0.85, 1.15);
        assertThat(h.parameters()[800]).isEqualTo(0.0);
    }

    /** A gradient method that records the rows of every batch, returns loss 1 + (batch number) and a zero gradient. */
    static final class Spy implements GradientMethod {
        final List<double[]> batches = new ArrayList<>();

        @Override
        public String name() {
            return "spy";
        }

        @Override
        public org.resnetode.gradient.GradientReport compute(ResNet net, double[] inputs, int batch,
                                                             org.resnetode.gradient.TerminalLoss loss, double[] gradient) {
            batches.add(inputs.clone());
            java.util.Arrays.fill(gradient, 0.0);
            loss.evaluate(inputs, batch, new double[inputs.length]);
            return new org.resnetode.gradient.GradientReport(batches.size(), 7);
        }
    }

    @Test
    void everyEpochVisitsEveryRowOnceInSeededBatches() {
        // inputs: row i is (i, i, i); real targets 2 i: the spy sees which rows each batch holds
        int rows = 21;
        double[] x = new double[rows * D];
        double[] y = new double[rows];
        for (int i = 0; i < rows; i++) {
            java.util.Arrays.fill(x, i * D, i * D + D, i);
            y[i] = 2 * i;
        }
        Dataset data = new Dataset("rows", rows, D, x, null, y, 1);
        Spy spy = new Spy();
        List<Integer> steps = new ArrayList<>();
        ResidualFunction f = Families.create("linear", D, 1);
        ResNet zero = new ResNet(f, Scheme.EULER, Initialisation.weights("zero", "constant", 1, f, Scheme.EULER, 2, 1), 2);
        List<Trainer.Epoch> r = new Trainer(zero, LinearHead.zero(LinearHead.SQUARED_ERROR, 1, D), data, data, spy, null,
                Optimiser.sgd(1e-18, 0), 8, 11).run(4, 2, new Trainer.Listener() {
                    @Override
                    public void step(int epoch, int step, int steps1, double loss) {
                        steps.add(step);
                        assertThat(steps1).isEqualTo(3);
                    }
                });
        assertThat(steps).containsExactly(1, 2, 3, 1, 2, 3);
        assertThat(spy.batches).extracting(b -> b.length).containsExactly(24, 24, 15, 24, 24, 15);
        int[] expectedOrder = new int[rows];
        for (int epoch = 4; epoch <= 5; epoch++) {
            Trainer.shuffle(expectedOrder, new SplittableRandom(11 * 0x9E3779B97F4A7C15L + epoch));
            int[] seen = new int[rows];
            for (int k = 0; k < rows; k++) {
                double[] b = spy.batches.get(3 * (epoch - 4) + k / 8);
                seen[k] = (int) b[(k % 8) * D];
            }
            assertThat(seen).containsExactly(expectedOrder);
        }
        // epoch loss: batch losses 1, 2, 3 (then 4, 5, 6) weighted by batch sizes 8, 8, 5 over 21 rows
        assertThat(r.get(0).loss()).isEqualTo((1 * 8 + 2 * 8 + 3 * 5) / 21.0);
        assertThat(r.get(1).loss()).isEqualTo((4 * 8 + 5 * 8 + 6 * 5) / 21.0);
        assertThat(r.get(1).epoch()).isEqualTo(5);
        assertThat(r.get(0).storedStateDoubles()).isEqualTo(7);
        assertThat(r.get(0).seconds()).isBetween(0.0, 3600.0);
        // the zero network and zero head predict 0: test loss ½ mean (2 i)² = 2 mean i²
        double meanSquare = 0;
        for (int i = 0; i < rows; i++) {
            meanSquare += (double) i * i / rows;
        }
        assertThat(r.get(1).testLoss()).isCloseTo(2 * meanSquare, org.assertj.core.data.Offset.offset(1e-9));
    }

    @Test
    void targetsAreGatheredWithTheirRows() {
        // batches of two rows, targets (y, 2y) with y the first feature: a zero network and head lose
        // ½ ||(y, 2y)||² = 2.5 y² per row, so step k's loss is the mean of 2.5 y² over the rows the shuffle put in it
        int rows = 6;
        Dataset x = blobs(rows, 6);
        double[] y = new double[2 * rows];
        for (int i = 0; i < rows; i++) {
            y[2 * i] = x.inputs()[3 * i];
            y[2 * i + 1] = 2 * x.inputs()[3 * i];
        }
        Dataset data = new Dataset("lin", rows, D, x.inputs(), null, y, 2);
        List<Double> losses = new ArrayList<>();
        ResidualFunction f = Families.create("linear", D, 1);
        ResNet zero = new ResNet(f, Scheme.EULER, Initialisation.weights("zero", "constant", 1, f, Scheme.EULER, 2, 1), 2);
        LinearHead head = LinearHead.zero(LinearHead.SQUARED_ERROR, 2, D);
        new Trainer(zero, head, data, data, new Backprop(), null, Optimiser.sgd(1e-30, 0), 2, 3).run(1, 1, new Trainer.Listener() {
            @Override
            public void step(int epoch, int step, int steps, double loss) {
                losses.add(loss);
            }
        });
        int[] order = new int[rows];
        Trainer.shuffle(order, new SplittableRandom(3 * 0x9E3779B97F4A7C15L + 1));
        for (int k = 0; k < 3; k++) {
            double a = y[2 * order[2 * k]];
            double b = y[2 * order[2 * k + 1]];
            assertThat(losses.get(k)).isCloseTo(2.5 * (a * a + b * b) / 2, org.assertj.core.data.Offset.offset(1e-12));
        }
    }

    /** Returns the scripted losses in turn and a gradient with every entry {@code value}. */
    static GradientMethod scripted(double value, double... losses) {
        int[] k = {0};
        return new GradientMethod() {
            @Override
            public String name() {
                return "scripted";
            }

            @Override
            public org.resnetode.gradient.GradientReport compute(ResNet net, double[] inputs, int batch,
                                                                 org.resnetode.gradient.TerminalLoss loss, double[] gradient) {
                java.util.Arrays.fill(gradient, value);
                loss.evaluate(inputs, batch, new double[inputs.length]);
                return new org.resnetode.gradient.GradientReport(losses[k[0]++ % losses.length], 1);
            }
        };
    }

    static Trainer scriptedTrainer(GradientMethod method, GradientMethod reference) {
        return new Trainer(net("euler", 2, 1), LinearHead.zero(LinearHead.CROSS_ENTROPY, 2, D), blobs(4, 1), blobs(2, 2), method,
                reference, Optimiser.sgd(1e-30, 0), 1, 1);
    }

    @Test
    void divergenceIsALossGrownByMoreThanTheFactor() {
        // first loss 10; exactly 1e6 times it is not yet divergence, 2e6 times is, at step 3
        assertThatThrownBy(() -> scriptedTrainer(scripted(0, 10, 1e7, 2e7, 1), null).run(1, 1, QUIET))
                .isInstanceOf(Trainer.DivergedException.class)
                .hasMessage("training diverged at epoch 1, step 3: loss 2.0E7 (first batch loss 10.0000)");
        assertThatThrownBy(() -> scriptedTrainer(scripted(0, 10, 1, Double.NaN, 1), null).run(1, 1, QUIET))
                .hasMessageContaining("step 3: loss NaN");
        assertThat(scriptedTrainer(scripted(0, 10, 1e7, 1e7, 5), null).run(1, 1, QUIET).get(0).loss())
                .isEqualTo((10 + 1e7 + 1e7 + 5) / 4);
    }

    @Test
    void aStepThatOverflowsTheWeightsIsDivergenceThoughTheLossBeforeItWasFinite() {
        // one batch of 4 rows, gradient 1e300 everywhere, lr 1e300: θ - 1e300 · 1e300 = -∞ after the first step, whose own
        // loss (1, scripted) was finite: the old check, on losses only, let the epoch end with NaN weights
        Trainer t = new Trainer(net("euler", 2, 1), LinearHead.zero(LinearHead.CROSS_ENTROPY, 2, D), blobs(4, 1), blobs(2, 2),
                scripted(1e300, 1), null, Optimiser.sgd(1e300, 0), 4, 1);
        assertThatThrownBy(() -> t.run(1, 1, QUIET)).isInstanceOf(Trainer.DivergedException.class)
                .hasMessage("training diverged at epoch 1, step 1: the step made the ResNet's weights NaN or infinite "
                        + "(loss before it 1.00000, first batch loss 1.00000)");
    }

    @Test
    void aHeadThatOverflowsIsDivergenceToo() {
        // a zero gradient leaves θ finite; the zero head's cross-entropy gradient mean_i (softmax_i - e_{y_i}) x_i^T is about
        // -5 per weight on blobs at ±10 (the scripted method evaluates the loss at the inputs): 1e308 · 5 overflows
        Dataset small = blobs(4, 1);
        double[] x = small.inputs().clone();
        for (int i = 0; i < x.length; i++) {
            x[i] *= 10;
        }
        Dataset far = new Dataset("far", 4, D, x, small.labels(), null, 2);
        Trainer t = new Trainer(net("euler", 2, 1), LinearHead.zero(LinearHead.CROSS_ENTROPY, 2, D), far, far,
                scripted(0, 1), null, Optimiser.sgd(1e308, 0), 4, 1);
        assertThatThrownBy(() -> t.run(1, 3, QUIET)).isInstanceOf(Trainer.DivergedException.class)
                .hasMessageContaining("training diverged at epoch 1, step 1: the step made the head's weights NaN or infinite");
    }

    @Test
    void aTrainingLossThatOverflowsAfterTheLastStepIsDivergence() {
        // the step leaves finite weights θ_0 + 1e308 (gradient -1, lr 1e308), whose forward pass overflows: tanh(W1 x)
        // saturates at ±1 in every hidden unit alike, and W2 sums four of them, 4e308 = ∞; the head's step stays finite
        // (|gradient| < 1). The epoch's evaluation over the training rows, not a batch loss, sees it
        Trainer t = new Trainer(net("euler", 2, 1), LinearHead.zero(LinearHead.CROSS_ENTROPY, 2, D), blobs(4, 1), blobs(2, 2),
                scripted(-1, 1), null, Optimiser.sgd(1e308, 0), 4, 1);
        assertThatThrownBy(() -> t.run(1, 1, QUIET)).isInstanceOf(Trainer.DivergedException.class)
                .hasMessageContaining("training diverged at epoch 1, step 1: loss ").hasMessageContaining("over the training rows");
    }

    @Test
    void gradientErrorIsRelativeToTheReference() {
        // g = 3 everywhere against g_ref = 1 everywhere: ||g - g_ref|| / ||g_ref|| = 2 whatever the length
        assertThat(scriptedTrainer(scripted(3, 1), scripted(1, 1)).run(1, 1, QUIET).get(0).gradientError()).isEqualTo(2.0);
        // a zero reference: the error is ||g|| = 0.5 √p
        ResNet n = net("euler", 2, 1);
        double p = n.weights().data().length;
        assertThat(scriptedTrainer(scripted(0.5, 1), scripted(0, 1)).run(1, 1, QUIET).get(0).gradientError())
                .isCloseTo(0.5 * Math.sqrt(p), org.assertj.core.data.Offset.offset(1e-12));
    }
}
