package org.resnetode.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/** Optimiser steps against hand-computed values. */
class OptimiserTest {

    @Test
    void sgdWithMomentumFollowsTheHeavyBallRecursion() {
        // v1 = g1 = 2, θ1 = 1 - 0.5·2 = 0; v2 = 0.9·2 + 1 = 2.8, θ2 = 0 - 0.5·2.8 = -1.4
        Optimiser o = Optimiser.sgd(0.5, 0.9);
        double[] theta = {1};
        o.step(0, theta, new double[] {2});
        assertThat(theta[0]).isEqualTo(0.0);
        o.step(0, theta, new double[] {1});
        assertThat(theta[0]).isCloseTo(-1.4, within(1e-15));
    }

    @Test
    void blocksKeepSeparateVelocities() {
        Optimiser o = Optimiser.sgd(1, 0.5);
        double[] a = {0};
        double[] b = {0};
        o.step(0, a, new double[] {1});
        o.step(1, b, new double[] {1});
        o.step(1, b, new double[] {1});
        // a: v = 1 → -1; b: v = 1, then 1.5 → -2.5
        assertThat(a[0]).isEqualTo(-1.0);
        assertThat(b[0]).isEqualTo(-2.5);
    }

    @Test
    void plainSgdWithoutMomentum() {
        Optimiser o = Optimiser.sgd(0.25, 0);
        double[] theta = {1, 2};
        o.step(0, theta, new double[] {4, -4});
        o.step(0, theta, new double[] {4, -4});
        assertThat(theta).containsExactly(-1, 4);
    }

    @Test
    void adamStepsAreLearningRateTimesSignAtFirstAndBiasCorrectedLater() {
        // step 1: m̂ = g, v̂ = g², so Δ = -η g / (|g| + ε)
        Optimiser o = Optimiser.adam(0.01);
        double[] theta = {0, 0};
        o.step(0, theta, new double[] {3, -0.5});
        assertThat(theta[0]).isCloseTo(-0.01 * 3 / (3 + 1e-8), within(1e-15));
        assertThat(theta[1]).isCloseTo(0.01 * 0.5 / (0.5 + 1e-8), within(1e-15));
        // step 2 with g = 1 after g = 3: m = 0.09·... computed by hand
        double m = 0.9 * (0.1 * 3) + 0.1 * 1;
        double v = 0.999 * (0.001 * 9) + 0.001 * 1;
        double expected = theta[0] - 0.01 * (m / (1 - 0.81)) / (Math.sqrt(v / (1 - 0.999 * 0.999)) + 1e-8);
        o.step(0, theta, new double[] {1, 0});
        assertThat(theta[0]).isCloseTo(expected, within(1e-15));
    }

    @Test
    void refusesBadHyperParametersAndShapes() {
        assertThatThrownBy(() -> Optimiser.sgd(0, 0.9)).hasMessageContaining("learning rate must be a positive finite number");
        assertThatThrownBy(() -> Optimiser.sgd(Double.NaN, 0.9)).hasMessageContaining("learning rate");
        assertThatThrownBy(() -> Optimiser.adam(Double.POSITIVE_INFINITY)).hasMessageContaining("learning rate");
        assertThatThrownBy(() -> Optimiser.sgd(0.1, 1)).hasMessageContaining("momentum must be in [0, 1)");
        assertThatThrownBy(() -> Optimiser.sgd(0.1, -0.1)).hasMessageContaining("momentum");
        assertThatThrownBy(() -> Optimiser.sgd(0.1, 0).step(0, new double[2], new double[3]))
                .hasMessageContaining("block 0 has 2 parameters and 3 gradient entries");
        assertThat(Optimiser.sgd(0.1, 0.9).describe()).isEqualTo("sgd lr=0.1 momentum=0.9");
        assertThat(Optimiser.adam(0.1).describe()).isEqualTo("adam lr=0.1");
    }
}
