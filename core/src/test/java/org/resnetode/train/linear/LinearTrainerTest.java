package org.resnetode.train.linear;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.resnetode.TestVectors;
import org.resnetode.linalg.Gemm;
import org.resnetode.model.DepthProfiles;
import org.resnetode.model.LinearFamily;

/** The trainer against independent routes: a naive product, the step formula A - η N ∂ℓ/∂A, hand-computed scalars. */
class LinearTrainerTest {

    /** P = (I + A_{N-1}/N) ... (I + A_0/N) by explicit triple loops, independent of the trainer's Gemm sweep. */
    private static double[] naiveProduct(double[] a, int d, int depth) {
        double[] p = new double[d * d];
        for (int i = 0; i < d; i++) {
            p[i * d + i] = 1;
        }
        for (int n = 0; n < depth; n++) {
            double[] next = new double[d * d];
            for (int i = 0; i < d; i++) {
                for (int j = 0; j < d; j++) {
                    double s = p[i * d + j];
                    for (int k = 0; k < d; k++) {
                        s += a[n * d * d + i * d + k] * p[k * d + j] / depth;
                    }
                    next[i * d + j] = s;
                }
            }
            p = next;
        }
        return p;
    }

    @Test
    void endToEndIsTheProductOfTheLayers() {
        SplittableRandom rng = new SplittableRandom(3);
        double[] a = TestVectors.gaussian(rng, 5 * 9, 1.0);
        double[] b = TestVectors.gaussian(rng, 9, 1.0);
        LinearTrainer t = new LinearTrainer(LinearLoss.matrix(b, 3), 5, a);
        double[] p = t.endToEnd();
        double[] expected = naiveProduct(a, 3, 5);
        double loss = 0;
        for (int i = 0; i < 9; i++) {
            assertThat(p[i]).isCloseTo(expected[i], within(1e-14));
            loss += 0.5 * (expected[i] - b[i]) * (expected[i] - b[i]);
        }
        assertThat(t.loss()).isCloseTo(loss, within(1e-13));
    }

    /** Scalar case d = 1, N = 2: P = (1 + a0/2)(1 + a1/2), ∂ℓ/∂a0 = (P - b)(1 + a1/2)/2. */
    @Test
    void scalarGradientByHand() {
        double a0 = 0.4;
        double a1 = -0.6;
        double b = 2;
        LinearTrainer t = new LinearTrainer(LinearLoss.matrix(new double[] {b}, 1), 2, new double[] {a0, a1});
        double[] g = new double[2];
        double loss = t.gradient(g);
        double p = (1 + a0 / 2) * (1 + a1 / 2);
        assertThat(loss).isCloseTo(0.5 * (p - b) * (p - b), within(1e-15));
        assertThat(g[0]).isCloseTo((p - b) * (1 + a1 / 2) / 2, within(1e-15));
        assertThat(g[1]).isCloseTo((p - b) * (1 + a0 / 2) / 2, within(1e-15));
    }

    @Test
    void stepIsTheDepthScaledGradientStep() {
        SplittableRandom rng = new SplittableRandom(4);
        int d = 3;
        int depth = 6;
        double[] a = TestVectors.gaussian(rng, depth * d * d, 0.5);
        LinearLoss loss = LinearLoss.matrix(TestVectors.gaussian(rng, d * d, 1.0), d);
        double[] g = new double[a.length];
        double before = new LinearTrainer(loss, depth, a).gradient(g);
        LinearTrainer t = new LinearTrainer(loss, depth, a);
        double eta = 0.3;
        assertThat(t.step(eta)).isEqualTo(before);
        for (int i = 0; i < a.length; i++) {
            assertThat(t.weights()[i]).isCloseTo(a[i] - eta * depth * g[i], within(1e-14));
        }
        assertThat(a[0]).as("the caller's initial weights are copied, not trained").isEqualTo(new LinearTrainer(loss, depth, a).weights()[0]);
    }

    /** Loss, end-to-end matrix, gradient and weights after one step (η = 0.01) of a fresh trainer on {@code threads} threads. */
    private record Run(double loss, double[] end, double[] gradient, double[] stepped) {
        static Run of(LinearLoss loss, int depth, double[] a, int threads) {
            LinearTrainer t = new LinearTrainer(loss, depth, a);
            double[] g = new double[a.length];
            org.resnetode.linalg.Parallelism p = org.resnetode.linalg.Parallelism.of(threads);
            double value = p.call(() -> t.gradient(g));
            double[] end = p.call(t::endToEnd);
            p.call(() -> t.step(0.01));
            return new Run(value, end, g, t.weights().clone());
        }
    }

    /**
     * Runs on 1..{@code maxThreads} threads: all bitwise the same; the gradient at {@code entries} against central
     * differences of the loss with step h, and the step against A - η N ∂ℓ/∂A.
     */
    private static void sameForEveryThreadCount(int d, int depth, long seed, int maxThreads, double h, double tolerance, int[] entries) {
        SplittableRandom rng = new SplittableRandom(seed);
        double[] a = TestVectors.gaussian(rng, depth * d * d, 0.3);
        LinearLoss loss = LinearLoss.matrix(TestVectors.gaussian(rng, d * d, 1.0), d);
        Run one = Run.of(loss, depth, a, 1);
        for (int threads = 2; threads <= maxThreads; threads++) {
            Run r = Run.of(loss, depth, a, threads);
            assertThat(r.loss()).as("%d threads", threads).isEqualTo(one.loss());
            assertThat(r.end()).as("%d threads", threads).containsExactly(one.end());
            assertThat(r.gradient()).as("%d threads", threads).containsExactly(one.gradient());
            assertThat(r.stepped()).as("%d threads", threads).containsExactly(one.stepped());
        }
        double[] expected = naiveProduct(a, d, depth);
        for (int i = 0; i < d * d; i++) {
            assertThat(one.end()[i]).isCloseTo(expected[i], within(1e-13));
        }
        for (int index : entries) {
            double[] plus = a.clone();
            double[] minus = a.clone();
            plus[index] += h;
            minus[index] -= h;
            double fd = (new LinearTrainer(loss, depth, plus).loss() - new LinearTrainer(loss, depth, minus).loss()) / (2 * h);
            assertThat(one.gradient()[index]).as("∂ℓ/∂A at %d", index).isCloseTo(fd, within(tolerance * Math.max(1, Math.abs(fd))));
            double stepped = a[index] - 0.01 * depth * one.gradient()[index];
            assertThat(one.stepped()[index]).isCloseTo(stepped, within(1e-12 * Math.max(1, Math.abs(stepped))));
        }
    }

    /**
     * The layer gradients run as a batch over the layers, one run of layers a thread (d = 40, N = 9: 576,000
     * multiply-adds, above Gemm's split threshold): bitwise identical with 1, 2 and 3 threads (3 does not divide 9
     * evenly into the runs 2 threads make).
     */
    @Test
    void layerGradientBatchIsTheSameForEveryThreadCount() {
        sameForEveryThreadCount(40, 9, 11, 3, 1e-6, 1e-6, new int[] {0, 5 * 40 * 40 + 7 * 40 + 3, 9 * 40 * 40 - 1});
    }

    /**
     * d = 52 (140 608 multiply-adds a product, above Gemm's split threshold): both sweeps are split into blocks, the
     * backward sweep's rows of M_nᵀ and the forward sweep's column panels of Q_n, 28 + 24 on 2 threads, 20 + 20 + 12 on 3
     * and 16 + 16 + 16 + 4 on 4; bitwise identical for every count. P is affine in any one entry of A, so ℓ is quadratic in it and the central difference is exact but for
     * round-off: a wide step h = 0.01 keeps that small (ε ℓ / h with ℓ in the thousands here).
     */
    @Test
    void sweepsSplitIntoRowBlocksGiveTheSameBitsForEveryThreadCount() {
        int block = 52 * 52;
        sameForEveryThreadCount(52, 5, 12, 4, 1e-2, 1e-8, new int[] {0, 2 * block + 30 * 52 + 17, 3 * block + 51 * 52 + 2, 5 * block - 1});
    }

    /**
     * The blocks of a sweep (rows of M_nᵀ, columns of Q_n): whole below 2^17 multiply-adds (d <= 50) or on one thread,
     * else multiples of 4.
     */
    @Test
    void rowBlocksOfASweepStep() {
        assertThat(Gemm.rowsPerTask(50, 50, 50, 2)).isEqualTo(50);
        assertThat(Gemm.rowsPerTask(51, 51, 51, 2)).isEqualTo(28);
        assertThat(Gemm.rowsPerTask(52, 52, 52, 1)).isEqualTo(52);
        assertThat(Gemm.rowsPerTask(52, 52, 52, 2)).isEqualTo(28);
        assertThat(Gemm.rowsPerTask(52, 52, 52, 3)).isEqualTo(20);
        assertThat(Gemm.rowsPerTask(52, 52, 52, 4)).isEqualTo(16);
        assertThat(Gemm.rowsPerTask(64, 64, 64, 2)).isEqualTo(32);
        assertThat(Gemm.rowsPerTask(128, 128, 128, 3)).isEqualTo(44);
    }

    /**
     * Depth 1, where the backward sweep has no step: P = I + A_0 and ∂ℓ/∂A_0 = P - B, entry by entry the same two
     * roundings (every product with I is exact), on one thread and on two (d = 52, split into row blocks).
     */
    @Test
    void depthOneGradientIsTheResidualExactly() {
        SplittableRandom rng = new SplittableRandom(13);
        int d = 52;
        double[] a = TestVectors.gaussian(rng, d * d, 0.3);
        double[] b = TestVectors.gaussian(rng, d * d, 1.0);
        for (int threads = 1; threads <= 2; threads++) {
            double[] g = new double[d * d];
            LinearTrainer t = new LinearTrainer(LinearLoss.matrix(b, d), 1, a);
            org.resnetode.linalg.Parallelism.of(threads).call(() -> t.gradient(g));
            for (int i = 0; i < d; i++) {
                for (int j = 0; j < d; j++) {
                    double p = (i == j ? 1 : 0) + a[i * d + j];
                    assertThat(g[i * d + j]).as("entry (%d, %d), %d threads", i, j, threads).isEqualTo(p - b[i * d + j]);
                }
            }
        }
    }

    @Test
    void trainingReachesTheTargetAndTracksEveryKSteps() {
        LinearTrainer t = new LinearTrainer(LinearLoss.matrix(Targets.random(0.3, 3, 9), 3), 8, new double[8 * 9]);
        TrainingHistory h = new TrainingHistory(true);
        double last = LinearTraining.run(t, LinearTraining.Settings.forTime(0.25, 25, 30), h);
        assertThat(h.size()).isEqualTo(5);
        assertThat(h.step(4)).isEqualTo(100);
        assertThat(h.time(1)).isEqualTo(7.5);
        assertThat(h.finalLoss()).isEqualTo(last).isLessThan(1e-12);
        assertThat(h.loss(0)).isGreaterThan(h.loss(1)).isGreaterThan(h.loss(2));
        assertThat(h.smoothness(0)).isZero();
        assertThat(h.supSmoothness()).isEqualTo(h.smoothness(4)).isEqualTo(Smoothness.of(t.weights(), 3, 8));
        assertThat(h.weights(4)).containsExactly(t.weights());
        LinearTrainer replay = new LinearTrainer(LinearLoss.matrix(Targets.random(0.3, 3, 9), 3), 8, new double[8 * 9]);
        for (int k = 0; k < 100; k++) {
            replay.step(0.25);
        }
        assertThat(t.weights()).as("exactly round(T/η) = 100 steps").containsExactly(replay.weights());
        assertThatThrownBy(() -> new TrainingHistory(false).weights(0)).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void divergenceNamesTheStepAndSuggestsASmallerRate() {
        LinearTrainer t = new LinearTrainer(LinearLoss.matrix(Targets.random(4, 3, 1), 3), 4, new double[4 * 9]);
        assertThatThrownBy(() -> LinearTraining.run(t, new LinearTraining.Settings(5, 100, 10), (s, time, l, sm, w) -> { }))
                .isInstanceOf(LinearTraining.Divergence.class)
                .hasMessageContaining("training diverged at step")
                .hasMessageContaining("use a smaller learning rate, e.g. 0.500")
                .satisfies(e -> assertThat(((LinearTraining.Divergence) e).step()).isBetween(1, 99));
    }

    /**
     * A finite blow-up: the first step whose loss exceeds 10⁶ × the initial loss, found by replaying the same steps by
     * hand, is the one reported (the loss there is finite, so only the growth test can catch it).
     */
    @Test
    void growthByAMillionIsDivergenceAtTheFirstSuchStep() {
        LinearLoss loss = LinearLoss.matrix(Targets.random(0.01, 2, 3), 2);
        double eta = 4;
        LinearTrainer replay = new LinearTrainer(loss, 4, new double[16]);
        double initial = replay.loss();
        int expected = -1;
        for (int k = 0; k < 50 && expected < 0; k++) {
            double l = replay.step(eta);
            if (l > 1e6 * initial) {
                assertThat(l).isFinite();
                expected = k;
            }
        }
        assertThat(expected).as("the replay blows up finitely").isPositive();
        int step = expected;
        assertThatThrownBy(() -> LinearTraining.run(new LinearTrainer(loss, 4, new double[16]), new LinearTraining.Settings(eta, 50, 1),
                (s, t, l, sm, w) -> { }))
                .isInstanceOf(LinearTraining.Divergence.class)
                .hasMessageStartingWith("training diverged at step " + step + " ")
                .hasMessageNotContaining("NaN").hasMessageNotContaining("Infinity");
    }

    /** The loss after the last step is checked too: a divergent last step is reported at step = steps. */
    @Test
    @org.junit.jupiter.api.Timeout(60) // the replay loop runs until the loss diverges
    void divergenceAfterTheLastStepIsReported() {
        LinearLoss loss = LinearLoss.matrix(Targets.random(0.01, 2, 3), 2);
        LinearTrainer replay = new LinearTrainer(loss, 4, new double[16]);
        double initial = replay.loss();
        int k = 0;
        while (replay.step(4) <= 1e6 * initial) {
            k++;
        }
        int steps = k;
        assertThatThrownBy(() -> LinearTraining.run(new LinearTrainer(loss, 4, new double[16]), new LinearTraining.Settings(4, steps, 1),
                (s, t, l, sm, w) -> { }))
                .isInstanceOf(LinearTraining.Divergence.class)
                .hasMessageStartingWith("training diverged at step " + steps + " ");
        assertThat(new LinearTraining.Settings(0.1, 0, 1).steps()).isZero();
        assertThat(LinearTraining.Settings.forTime(0.1, 0, 1).steps()).isZero();
    }

    @Test
    void initialWeightsFollowTheProfile() {
        var profile = DepthProfiles.create("polynomial", new LinearFamily(2), 5, 0.5, true);
        double[] a = LinearTrainer.initialWeights(profile, 2, 4);
        double[] layer = new double[4];
        profile.layer(3, 4, layer, 0);
        assertThat(java.util.Arrays.copyOfRange(a, 12, 16)).containsExactly(layer);
        assertThat(LinearTrainer.initialWeights(null, 2, 3)).containsOnly(0.0).hasSize(12);
        assertThatThrownBy(() -> LinearTrainer.initialWeights(profile, 3, 4)).hasMessageContaining("a 3×3 layer needs 9");
    }

    @Test
    void badShapesAndValuesAreOneLine() {
        LinearLoss loss = LinearLoss.matrix(new double[4], 2);
        assertThatThrownBy(() -> new LinearTrainer(loss, 0, new double[0])).hasMessage("depth must be at least 1, got 0");
        assertThatThrownBy(() -> new LinearTrainer(loss, 2, new double[7])).hasMessageContaining("expected 2 layers of 2×2 (8 values), got 7");
        assertThatThrownBy(() -> new LinearTrainer(loss, 1, new double[] {0, Double.NaN, 0, 0})).hasMessage("initial weight entry 1 is NaN");
        assertThatThrownBy(() -> new LinearTrainer(loss, 1, new double[4]).gradient(new double[3])).hasMessageContaining("gradient buffer has 3");
        assertThatThrownBy(() -> LinearLoss.matrix(new double[3], 2)).hasMessageContaining("expected a 2×2 matrix");
        assertThatThrownBy(() -> LinearLoss.dataSet(new double[4], new double[2], 2, 2)).hasMessageContaining("data set");
        assertThatThrownBy(() -> LinearLoss.dataSet(new double[] {1, Double.POSITIVE_INFINITY}, new double[2], 1, 2))
                .hasMessage("data set input entry 1 is Infinity");
        assertThatThrownBy(() -> new LinearTraining.Settings(0, 1, 1)).hasMessageContaining("learning rate");
        assertThatThrownBy(() -> new LinearTraining.Settings(0.1, -1, 1)).hasMessageContaining("steps");
        assertThatThrownBy(() -> new LinearTraining.Settings(0.1, 1, 0)).hasMessageContaining("tracking interval");
        assertThatThrownBy(() -> LinearTraining.Settings.forTime(0.1, Double.NaN, 1)).hasMessageContaining("training time");
        assertThat(LinearTraining.Settings.forTime(0.25, 40, 1).steps()).isEqualTo(160);
    }

    /**
     * The trainer skips the products with {@code Q_0 = I} (forward step 0, layer 0's gradient); every product it does
     * is one fused multiply-add chain per entry. Against the full route written out here, every product computed as
     * that chain, those with I included: P, the loss and every layer's gradient bit for bit, on weights with -0, +0 and
     * ±1 entries in A_0 (where a product with I could round differently from the value it skips to) and with a
     * target equal to P in one entry (a zero residual), and the weights after a step ({@code a_ij - η t_ji}, t the
     * layer's {@code Q_n M_{n+1}ᵀ}), on 1, 2 and 3 threads: d = 56, 61 and 128 split both sweeps into blocks (the
     * forward sweep's column panels 28 + 28, 32 + 29 and 64 + 64 on 2 threads, 20 + 20 + 16, 24 + 24 + 13 and
     * 44 + 44 + 40 on 3), the layer gradients summing Q_n's panels one after the other.
     */
    @Test
    void skippingTheProductsWithTheIdentityKeepsTheFullRouteBitForBit() {
        SplittableRandom rng = new SplittableRandom(31);
        for (int d : new int[] {5, 56, 61, 128}) {
            int depth = 4;
            int block = d * d;
            double[] a = TestVectors.gaussian(rng, depth * block, 0.7);
            for (int i = 0; i < block; i += 3) {
                a[i] = new double[] {-0.0, 0.0, 1, -1}[i % 4];
            }
            double inv = 1.0 / depth;
            double[][] q = new double[depth + 1][block];
            for (int i = 0; i < d; i++) {
                q[0][i * d + i] = 1;
            }
            for (int n = 0; n < depth; n++) {
                double[] aq = fmaChains(a, n * block, q[n], 0, d);
                for (int i = 0; i < block; i++) {
                    q[n + 1][i] = q[n][i] + inv * aq[i];
                }
            }
            double[] b = TestVectors.gaussian(rng, block, 1.0);
            b[1] = q[depth][1];
            double[] g = new double[block];
            double loss = LinearLoss.matrix(b, d).evaluate(q[depth], g);
            // M_Nᵀ = Gᵀ, M_nᵀ = M_{n+1}ᵀ + (1/N) M_{n+1}ᵀ A_n; ∂ℓ/∂A_n = (1/N) (Q_n M_{n+1}ᵀ)ᵀ
            double[][] mt = new double[depth + 1][];
            mt[depth] = transpose(g, d);
            for (int n = depth - 1; n >= 1; n--) {
                double[] ma = fmaChains(mt[n + 1], 0, a, n * block, d);
                mt[n] = new double[block];
                for (int i = 0; i < block; i++) {
                    mt[n][i] = mt[n + 1][i] + inv * ma[i];
                }
            }
            double eta = 0.01;
            double[] expected = new double[depth * block];
            double[] stepped = new double[depth * block];
            for (int n = 0; n < depth; n++) {
                double[] t = fmaChains(q[n], 0, mt[n + 1], 0, d);
                for (int i = 0; i < d; i++) {
                    for (int j = 0; j < d; j++) {
                        expected[n * block + i * d + j] = inv * t[j * d + i];
                        stepped[n * block + i * d + j] = a[n * block + i * d + j] + -eta * t[j * d + i];
                    }
                }
            }
            for (int threads = 1; threads <= 3; threads++) {
                LinearTrainer t = new LinearTrainer(LinearLoss.matrix(b, d), depth, a);
                double[] gradient = new double[depth * block];
                org.resnetode.linalg.Parallelism p = org.resnetode.linalg.Parallelism.of(threads);
                double value = p.call(() -> t.gradient(gradient));
                assertThat(value).as("d %d, %d threads", d, threads).isEqualTo(loss);
                assertThat(gradient).as("d %d, %d threads", d, threads).isEqualTo(expected);
                assertThat(p.call(t::endToEnd)).as("d %d, %d threads", d, threads).isEqualTo(q[depth]);
                assertThat(p.call(() -> t.step(eta))).as("d %d, %d threads", d, threads).isEqualTo(loss);
                assertThat(t.weights()).as("d %d, %d threads: stepped", d, threads).isEqualTo(stepped);
            }
        }
    }

    /** {@code c_ij = fma(x_i,d-1 y_d-1,j, ... fma(x_i0 y_0j, +0))}, x and y d×d at their offsets. */
    private static double[] fmaChains(double[] x, int xOff, double[] y, int yOff, int d) {
        double[] c = new double[d * d];
        for (int i = 0; i < d; i++) {
            for (int j = 0; j < d; j++) {
                double s = 0;
                for (int p = 0; p < d; p++) {
                    s = Math.fma(x[xOff + i * d + p], y[yOff + p * d + j], s);
                }
                c[i * d + j] = s;
            }
        }
        return c;
    }

    private static double[] transpose(double[] x, int d) {
        double[] t = new double[d * d];
        for (int i = 0; i < d; i++) {
            for (int j = 0; j < d; j++) {
                t[j * d + i] = x[i * d + j];
            }
        }
        return t;
    }

    /** The data-set loss equals ½ mean ||P x_i - y_i||² summed by hand. */
    @Test
    void dataSetLossByHand() {
        double[] x = {1, 0, 0.5, -1};
        double[] y = {0, 1, 2, 0};
        double[] p = {1, 2, 3, 4};
        double[] g = new double[4];
        double loss = LinearLoss.dataSet(x, y, 2, 2).evaluate(p, g);
        // P x_1 = (1, 3), r_1 = (1, 2); P x_2 = (-1.5, -2.5), r_2 = (-3.5, -2.5)
        assertThat(loss).isCloseTo(0.5 * (1 + 4 + 12.25 + 6.25) / 2, within(1e-15));
        // ∂ℓ/∂P = (1/m) Σ r_i x_iᵀ
        assertThat(g).containsExactly(new double[] {(1 - 1.75) / 2, 3.5 / 2, (2 - 1.25) / 2, 2.5 / 2}, within(1e-15));
    }
}
