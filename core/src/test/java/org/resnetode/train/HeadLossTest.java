package org.resnetode.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.resnetode.TestVectors;
import org.resnetode.network.LinearHead;

/** The head + loss against finite differences and closed forms. */
class HeadLossTest {
    static final int D = 5;
    static final int C = 4;
    static final int B = 3;

    static LinearHead head(String loss, long seed) {
        return new LinearHead(loss, C, D, TestVectors.gaussian(new SplittableRandom(seed), C * D + C, 0.7));
    }

    static double loss(LinearHead h, double[] x, int[] labels, double[] targets) {
        HeadLoss l = new HeadLoss(h);
        if (labels != null) {
            l.labels(labels, 0);
        } else {
            l.targets(targets, 0);
        }
        return l.evaluate(x, B, new double[x.length]);
    }

    void checkGradients(String kind, int[] labels, double[] targets) {
        LinearHead h = head(kind, 3);
        double[] x = TestVectors.gaussian(new SplittableRandom(4), B * D, 1.3);
        HeadLoss l = new HeadLoss(h);
        if (labels != null) {
            l.labels(labels, 0);
        } else {
            l.targets(targets, 0);
        }
        double[] gx = new double[B * D];
        l.evaluate(x, B, gx);
        double[] fdX = TestVectors.centralDifference(v -> loss(h, v, labels, targets), x, 0, x.length, 1e-6);
        assertThat(TestVectors.relativeError(gx, 0, fdX)).isLessThan(1e-8);
        double[] fdHead = TestVectors.centralDifference(
                p -> loss(new LinearHead(kind, C, D, p), x, labels, targets), h.parameters(), 0, h.parameters().length, 1e-6);
        assertThat(TestVectors.relativeError(l.headGradient(), 0, fdHead)).isLessThan(1e-8);
    }

    @Test
    void crossEntropyGradientsMatchFiniteDifferences() {
        checkGradients(LinearHead.CROSS_ENTROPY, new int[] {0, 3, 1}, null);
    }

    @Test
    void squaredErrorGradientsMatchFiniteDifferences() {
        checkGradients(LinearHead.SQUARED_ERROR, null, TestVectors.gaussian(new SplittableRandom(9), B * C, 1));
    }

    @Test
    void inputGradientIsOverwrittenAndTargetsBindByOffset() {
        LinearHead h = head(LinearHead.SQUARED_ERROR, 3);
        double[] x = TestVectors.gaussian(new SplittableRandom(4), B * D, 1.3);
        double[] y = TestVectors.gaussian(new SplittableRandom(5), (B + 2) * C, 1);
        double[] clean = new double[B * D];
        double[] dirty = new double[B * D];
        java.util.Arrays.fill(dirty, 42);
        double l1 = new HeadLoss(h).targets(y, 2).evaluate(x, B, clean);
        double l2 = new HeadLoss(h).targets(y, 2).evaluate(x, B, dirty);
        assertThat(dirty).containsExactly(clean);
        assertThat(l2).isEqualTo(l1);
        // rows 2.. of y are the batch's targets: the same as a copy starting at row 0
        double[] shifted = java.util.Arrays.copyOfRange(y, 2 * C, (B + 2) * C);
        assertThat(new HeadLoss(h).targets(shifted, 0).evaluate(x, B, clean)).isEqualTo(l1);
    }

    @Test
    void headGradientIsOverwrittenNotAccumulated() {
        LinearHead h = head(LinearHead.CROSS_ENTROPY, 3);
        double[] x = TestVectors.gaussian(new SplittableRandom(4), B * D, 1.3);
        HeadLoss l = new HeadLoss(h).labels(new int[] {1, 1, 2}, 0);
        l.evaluate(x, B, new double[x.length]);
        double[] once = l.headGradient().clone();
        l.evaluate(x, B, new double[x.length]);
        assertThat(l.headGradient()).containsExactly(once);
    }

    @Test
    void equalLogitsGiveLogOfTheClassCountAndHugeLogitsStayFinite() {
        // W = 0, b = 0: z = 0, softmax uniform, loss = log C exactly; gradient wrt x is W^T δ = 0
        LinearHead zero = LinearHead.zero(LinearHead.CROSS_ENTROPY, C, D);
        double[] x = TestVectors.gaussian(new SplittableRandom(1), B * D, 1);
        assertThat(loss(zero, x, new int[] {0, 1, 2}, null)).isCloseTo(Math.log(C), org.assertj.core.data.Offset.offset(1e-15));
        // b = (1000, 0, 0, 0): sample labelled 0 has loss log(1 + 3 e^-1000) = 0, others 1000
        double[] p = new double[C * D + C];
        p[C * D] = 1000;
        LinearHead big = new LinearHead(LinearHead.CROSS_ENTROPY, C, D, p);
        assertThat(loss(big, x, new int[] {0, 1, 0}, null)).isCloseTo(1000.0 / 3, org.assertj.core.data.Offset.offset(1e-9));
    }

    @Test
    void countsCorrectPredictions() {
        double[] p = new double[C * D + C];
        p[C * D + 2] = 1; // bias favours class 2 whatever x
        HeadLoss l = new HeadLoss(new LinearHead(LinearHead.CROSS_ENTROPY, C, D, p)).labels(new int[] {9, 2, 2, 0, 2}, 1);
        l.evaluate(new double[B * D], B, new double[B * D]);
        assertThat(l.correct()).isEqualTo(2);
    }

    @Test
    void squaredErrorClosedForm() {
        // W = 0, b = (1, 2, 0, 0): L = ½ mean_i ||b - y_i||² with y_0 = 0, y_1 = b, y_2 = 2b → (5 + 0 + 5) / 6
        double[] p = new double[C * D + C];
        p[C * D] = 1;
        p[C * D + 1] = 2;
        double[] y = {0, 0, 0, 0, 1, 2, 0, 0, 2, 4, 0, 0};
        assertThat(loss(new LinearHead(LinearHead.SQUARED_ERROR, C, D, p), new double[B * D], null, y))
                .isCloseTo(10.0 / 6, org.assertj.core.data.Offset.offset(1e-15));
    }

    @Test
    void refusesWrongShapesAndUnboundLabels() {
        HeadLoss l = new HeadLoss(head(LinearHead.CROSS_ENTROPY, 1));
        assertThatThrownBy(() -> l.evaluate(new double[B * D], B, new double[B * D])).hasMessageContaining("no labels");
        assertThatThrownBy(() -> l.labels(new int[B], 0).evaluate(new double[B * D + 1], B, new double[B * D + 1]))
                .hasMessageContaining("the head reads 3 outputs of dimension 5");
        assertThatThrownBy(() -> new LinearHead("hinge", C, D, new double[C * D + C])).hasMessageContaining("unknown head loss");
        assertThatThrownBy(() -> new LinearHead(LinearHead.CROSS_ENTROPY, C, D, new double[C * D])).hasMessageContaining("has 24 parameters");
    }
}
