package org.resnetode.scheme;

import static org.assertj.core.api.Assertions.assertThat;

import org.apache.commons.math3.fraction.BigFraction;
import org.junit.jupiter.api.Test;
import org.resnetode.model.Weights;

/**
 * θ(t) through samples chosen so that every expected value is exact in binary (dyadic weights and positions): the
 * piecewise-linear interpolation between samples, the constant tail after the last, the stage positions forward and
 * reverse of MATH.md section 1, and the transpose that splits a stage's gradient.
 */
class WeightPathTest {
    /** Two parameters per sample: θ_n = (n², -n), samples n = 0..3 at t_n = n/2. */
    private static final Weights SAMPLES = new Weights(4, 2, new double[] {0, 0, 1, -1, 4, -2, 9, -3});
    private static final WeightPath PATH = new WeightPath(SAMPLES, 0.5);

    @Test
    void knotsSitAtMultiplesOfTheSpacing() {
        assertThat(PATH.lastKnot()).isEqualTo(3);
        assertThat(PATH.knotTime(0)).isEqualTo(0.0);
        assertThat(PATH.knotTime(3)).isEqualTo(1.5);
    }

    @Test
    void betweenTwoSamplesThetaIsTheirLinearInterpolation() {
        double[] theta = new double[2];
        PATH.at(1, 0.75, theta);
        assertThat(theta).containsExactly(2.5, -1.5);
        PATH.at(2, 1.125, theta);
        assertThat(theta).containsExactly(5.25, -2.25);
        PATH.at(0, 0.0, theta);
        assertThat(theta).containsExactly(0.0, 0.0);
        PATH.at(0, 0.5, theta);
        assertThat(theta).containsExactly(1.0, -1.0);
    }

    @Test
    void afterTheLastSampleThetaStaysThere() {
        double[] theta = new double[2];
        PATH.at(3, 1.75, theta);
        assertThat(theta).containsExactly(9.0, -3.0);
        PATH.at(5, 2.5, theta);
        assertThat(theta).containsExactly(9.0, -3.0);
    }

    @Test
    void atAPositionOfTheGridThetaIsTheSameInterpolation() {
        double[] out = new double[6];
        PATH.atPosition(1.5, out, 0);
        PATH.atPosition(2.25, out, 2);
        PATH.atPosition(0, out, 4);
        assertThat(out).containsExactly(2.5, -1.5, 5.25, -2.25, 0, 0);
        PATH.atPosition(3, out, 0);
        PATH.atPosition(4.5, out, 2);
        PATH.atPosition(2.999755859375, out, 4);
        assertThat(out).containsExactly(9, -3, 9, -3, 4 + 5 * 0.999755859375, -2 - 0.999755859375);
    }

    @Test
    void interpolationReadsTheGivenOffsetsAndWritesOnlyItsSlots() {
        double[] w = {7, 1, 2, 7, 5, 6, 7};
        double[] out = {-1, -1, -1, -1};
        WeightPath.interpolate(w, 1, 4, 0.75, out, 1, 2);
        assertThat(out).containsExactly(-1, 4.0, 5.0, -1);
        WeightPath.interpolate(w, 1, 4, 0, out, 0, 2);
        assertThat(out).containsExactly(1, 2, 5.0, -1);
        WeightPath.interpolate(w, 1, 4, 1, out, 2, 2);
        assertThat(out).containsExactly(1, 2, 5, 6);
    }

    /** ⟨interpolate(θ, s), ḡ⟩ = ⟨θ, distribute(s, ḡ)⟩: the split is the transpose of the interpolation. */
    @Test
    void distributeIsTheTransposeOfTheInterpolation() {
        double[] w = {3, -1, 0.5, 2, 4, -8};
        double[] gBar = {1.5, -2, 0.25};
        double s = 0.375;
        double[] theta = new double[3];
        WeightPath.interpolate(w, 0, 3, s, theta, 0, 3);
        double left = 0;
        for (int j = 0; j < 3; j++) {
            left += theta[j] * gBar[j];
        }
        double[] g = {10, 20, 30, 40, 50, 60};
        WeightPath.distribute(s, gBar, g, 0, 3, 3);
        double right = 0;
        double[] before = {10, 20, 30, 40, 50, 60};
        for (int j = 0; j < 6; j++) {
            right += w[j] * (g[j] - before[j]);
        }
        assertThat(right).isEqualTo(left);
        assertThat(g).containsExactly(10 + 0.625 * 1.5, 20 - 0.625 * 2, 30 + 0.625 * 0.25, 40 + 0.375 * 1.5, 50 - 0.375 * 2,
                60 + 0.375 * 0.25);
    }

    @Test
    void stagesReadThetaAtTheirTimesForwardAndMirroredInReverse() {
        assertThat(positions(ButcherTableau.HEUN, false)).containsExactly(0, 1);
        assertThat(positions(ButcherTableau.HEUN, true)).containsExactly(1, 0);
        assertThat(positions(ButcherTableau.RK4, false)).containsExactly(0, 0.5, 0.5, 1);
        assertThat(positions(ButcherTableau.RK4, true)).containsExactly(1, 0.5, 0.5, 0);
        assertThat(positions(ButcherTableau.MIDPOINT, true)).containsExactly(1, 0.5);
        // Euler reads θ_n forward and reverse: x~_n = x~_{n+1} - h f(x~_{n+1}, θ_n)
        assertThat(positions(ButcherTableau.EULER, false)).containsExactly(0);
        assertThat(positions(ButcherTableau.EULER, true)).containsExactly(0);
    }

    @Test
    void exactPositionsAreTheRationalOnes() {
        ButcherTableau t = ButcherTableau.RK38;
        BigFraction third = new BigFraction(1, 3);
        assertThat(WeightPath.exactStagePosition(t, 1, false)).isEqualTo(third);
        assertThat(WeightPath.exactStagePosition(t, 1, true)).isEqualTo(new BigFraction(2, 3));
        assertThat(WeightPath.exactStagePosition(t, 3, true)).isEqualTo(BigFraction.ZERO);
        assertThat(WeightPath.exactStagePosition(ButcherTableau.EULER, 0, true)).isEqualTo(BigFraction.ZERO);
        assertThat(WeightPath.exactStagePosition(ButcherTableau.EULER, 0, false)).isEqualTo(BigFraction.ZERO);
        for (int i = 0; i < t.stages(); i++) {
            for (boolean reverse : new boolean[] {false, true}) {
                double exact = WeightPath.exactStagePosition(t, i, reverse).doubleValue();
                assertThat(WeightPath.stagePosition(t, i, reverse)).isCloseTo(exact, org.assertj.core.api.Assertions.within(1.2e-16));
            }
        }
        assertThat(WeightPath.interpolate(new BigFraction(3), new BigFraction(6), third)).isEqualTo(new BigFraction(4));
        assertThat(WeightPath.interpolate(new BigFraction(3), new BigFraction(6), BigFraction.ZERO)).isEqualTo(new BigFraction(3));
    }

    @Test
    void aNetworksPathRunsThroughItsWeightsAtItsKnots() {
        ResNet net = new ResNet(new org.resnetode.model.LinearFamily(1), Scheme.HEUN, new Weights(5, 1, new double[] {0, 4, 8, 4, 0}), 4);
        WeightPath path = net.weightPath();
        double[] theta = new double[1];
        path.at(1, 0.375, theta);
        assertThat(theta).containsExactly(6.0);
        assertThat(path.knotTime(2)).isEqualTo(0.5);
        assertThat(path.lastKnot()).isEqualTo(4);
    }

    @Test
    void aTableauHandsOutCopies() {
        ButcherTableau t = ButcherTableau.RK4;
        t.a()[1][0] = 99;
        t.b()[0] = 99;
        t.c()[1] = 99;
        assertThat(t.a(1, 0)).isEqualTo(0.5);
        assertThat(t.b(0)).isEqualTo(1.0 / 6);
        assertThat(t.c(1)).isEqualTo(0.5);
        assertThat(t.a()[1]).containsExactly(0.5);
        assertThat(t.b()).containsExactly(1.0 / 6, 1.0 / 3, 1.0 / 3, 1.0 / 6);
        assertThat(t.c()).containsExactly(0, 0.5, 0.5, 1);
    }

    private static double[] positions(ButcherTableau t, boolean reverse) {
        double[] s = new double[t.stages()];
        for (int i = 0; i < s.length; i++) {
            s[i] = WeightPath.stagePosition(t, i, reverse);
        }
        return s;
    }
}
