package org.resnetode.scheme;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.apache.commons.math3.fraction.BigFraction;
import org.junit.jupiter.api.Test;

/**
 * The depth convention of MATH.md section 1, entry by entry: N steps of h = 1/N on [0, 1] reading θ_0..θ_{N-1}
 * (Euler) or θ_0..θ_N (a stage at c > 0); the reference convention N - 1 steps of 1/N over N weights, ending at (N-1)/N.
 */
class DepthGridTest {

    @Test
    void eulerTakesNStepsOverNWeights() {
        DepthGrid g = Scheme.EULER.grid(5);
        assertThat(g).isEqualTo(new DepthGrid(5, 5, 5));
        assertThat(g.stepSize()).isCloseTo(0.2, within(1e-17));
        assertThat(g.exactStepSize()).isEqualTo(new BigFraction(1, 5));
        assertThat(g.finalTime()).isCloseTo(1.0, within(1e-15));
        assertThat(g.lastKnot()).isEqualTo(4);
    }

    @Test
    void aStageAtTheEndOfTheStepReadsOneMoreWeight() {
        for (ButcherTableau t : new ButcherTableau[] {ButcherTableau.HEUN, ButcherTableau.MIDPOINT, ButcherTableau.RALSTON,
                ButcherTableau.RK4, ButcherTableau.RK38}) {
            DepthGrid g = Scheme.of(t).grid(7);
            assertThat(g).as(t.name()).isEqualTo(new DepthGrid(7, 7, 8));
            assertThat(g.lastKnot()).isEqualTo(7);
        }
    }

    @Test
    void theReferenceConventionTakesOneStepLessAndEndsBeforeOne() {
        DepthGrid g = Scheme.HEUN_REFERENCE.grid(5);
        assertThat(g).isEqualTo(new DepthGrid(5, 4, 5));
        assertThat(g.stepSize()).isCloseTo(0.2, within(1e-17));
        assertThat(g.finalTime()).isCloseTo(0.8, within(1e-15));
        assertThat(Scheme.HEUN_REFERENCE.grid(2)).isEqualTo(new DepthGrid(2, 1, 2));
        assertThat(Scheme.HEUN_REFERENCE.minimumDepth()).isEqualTo(2);
        assertThat(Scheme.HEUN.minimumDepth()).isEqualTo(1);
    }

    @Test
    void theSchemesAnswersAreTheGrids() {
        for (Scheme s : new Scheme[] {Scheme.EULER, Scheme.HEUN, Scheme.HEUN_REFERENCE}) {
            for (int n = s.minimumDepth(); n < 12; n++) {
                DepthGrid g = s.grid(n);
                assertThat(s.steps(n)).isEqualTo(g.steps());
                assertThat(s.weightCount(n)).isEqualTo(g.weightCount());
                assertThat(s.stepSize(n)).isEqualTo(g.stepSize()).isCloseTo(1.0 / n, within(0.0));
                assertThat(s.finalTime(n)).isEqualTo(g.finalTime());
            }
        }
    }

    @Test
    void depthsBelowTheConventionsMinimumAreRefused() {
        assertThatThrownBy(() -> Scheme.HEUN_REFERENCE.grid(1)).isInstanceOf(org.resnetode.checks.BadInputException.class)
                .hasMessage("depth must be at least 2 for scheme heun-reference, got 1");
        assertThatThrownBy(() -> Scheme.EULER.grid(0)).isInstanceOf(org.resnetode.checks.BadInputException.class)
                .hasMessage("depth must be at least 1 for scheme euler, got 0");
        assertThat(Scheme.EULER.grid(1)).isEqualTo(new DepthGrid(1, 1, 1));
    }

    @Test
    void aNetworkCarriesItsGrid() {
        org.resnetode.model.ResidualFunction f = new org.resnetode.model.LinearFamily(1);
        ResNet net = new ResNet(f, Scheme.HEUN_REFERENCE, new org.resnetode.model.Weights(4, 1, new double[] {1, 2, 3, 4}), 4);
        assertThat(net.grid()).isEqualTo(new DepthGrid(4, 3, 4));
        assertThat(net.depth()).isEqualTo(4);
        assertThat(net.steps()).isEqualTo(3);
        assertThat(net.finalTime()).isCloseTo(0.75, within(1e-16));
    }
}
