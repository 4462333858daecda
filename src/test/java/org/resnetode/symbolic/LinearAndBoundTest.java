package org.resnetode.symbolic;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.apache.commons.math3.fraction.BigFraction;
import org.junit.jupiter.api.Test;
import org.resnetode.scheme.ButcherTableau;

/** Closed-form linear trajectories, the commuting limit, exact rational ResNets and the Claim D bound, against hand results. */
class LinearAndBoundTest {
    private static BigFraction f(int n, int d) {
        return new BigFraction(n, d);
    }

    /** Rotation A = [[0,1],[-1,0]]: A² = -I, so Euler's leading constant ||A² e^A x_0||/2 = ||x_0||/2 = √5/4 for x_0 = (1, 1/2). */
    @Test
    void rotationWithEuler() {
        List<Derivation> ds = LinearTrajectory.derive(ButcherTableau.EULER, new BigFraction[][] {{f(0, 1), f(1, 1)}, {f(-1, 1), f(0, 1)}},
                new BigFraction[] {f(1, 1), f(1, 2)});
        assertThat(ds.get(0).expression()).isIn("{-I,I}", "{I,-I}");
        assertThat(SymbolicEngine.eval("Simplify(" + ds.get(1).expression() + " - {Cos(t)+Sin(t)/2, Cos(t)/2-Sin(t)})")).isEqualTo("{0,0}");
        assertThat(ds.get(3).value()).isCloseTo(Math.sqrt(5) / 4, within(1e-14));
    }

    /** A single eigenvalue (Jordan block): e^{tA} = e^t (I + t N), so x(t) = e^t (1 + t/2, 1/2) for x_0 = (1, 1/2). */
    @Test
    void jordanBlockWithRk4() {
        List<Derivation> ds = LinearTrajectory.derive(ButcherTableau.RK4, new BigFraction[][] {{f(1, 1), f(1, 1)}, {f(0, 1), f(1, 1)}},
                new BigFraction[] {f(1, 1), f(1, 2)});
        assertThat(SymbolicEngine.eval("Simplify(" + ds.get(1).expression() + " - {E^t*(1+t/2), E^t/2})")).isEqualTo("{0,0}");
        assertThat(ds.get(2).name()).contains("coefficient of h^4");
    }

    @Test
    void repeatedEigenvaluesAmongDistinctOnesAreAClearFailure() {
        BigFraction[][] a = {{f(1, 1), f(0, 1), f(0, 1)}, {f(0, 1), f(1, 1), f(0, 1)}, {f(0, 1), f(0, 1), f(2, 1)}};
        assertThatThrownBy(() -> LinearTrajectory.derive(ButcherTableau.EULER, a, new BigFraction[] {f(1, 1), f(1, 1), f(1, 1)}))
                .isInstanceOf(SymbolicFailure.class).hasMessageContaining("derivation 'x(t) = e^(tA) x_0'")
                .hasMessageContaining("not supported");
    }

    /** MATH.md 3b: N (b^{1/N} - 1) = log b + (log b)²/(2N) + (log b)³/(6N²) + .... */
    @Test
    void commutingLimitIsLogBPlusItsSquareOverTwoN() {
        Derivation d = LinearTrajectory.commutingLimit(new BigFraction[] {f(2, 1)}, 2);
        assertThat(SymbolicEngine.eval("Expand(" + d.expression() + " - {Log(2) + h*Log(2)^2/2 + h^2*Log(2)^3/6})")).isEqualTo("{0}");
        assertThatThrownBy(() -> LinearTrajectory.commutingLimit(new BigFraction[] {f(-1, 1)}, 2))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("must be positive");
    }

    /** Euler, d = 1, a = 1/2, N = 2: x_2 = (1 + 1/4)² = 25/16; Heun adds the h² a²/2 term: (1 + 1/4 + 1/32)² = 1681/1024. */
    @Test
    void exactResNetByHand() {
        BigFraction[][][] w2 = {{{f(1, 2)}}, {{f(1, 2)}}};
        BigFraction[][][] w3 = {{{f(1, 2)}}, {{f(1, 2)}}, {{f(1, 2)}}};
        assertThat(ExactResNet.forward(ButcherTableau.EULER, w2, new BigFraction[] {f(1, 1)}, 2)).containsExactly(f(25, 16));
        assertThat(ExactResNet.forward(ButcherTableau.HEUN, w3, new BigFraction[] {f(1, 1)}, 2)).containsExactly(f(1681, 1024));
        Derivation d = ExactResNet.derivation(ButcherTableau.HEUN, w3, new BigFraction[] {f(1, 1)}, 2);
        assertThat(d.expression()).isEqualTo("{1681/1024}");
        assertThat(d.value()).isEqualTo(1681 / 1024.0);
        // relative gap ||exact - numeric|| / ||exact||, the absolute gap when the exact output is 0
        assertThat(ExactResNet.relativeGap(new BigFraction[] {f(2, 1), f(0, 1)}, new double[] {2.2, 0})).isCloseTo(0.1, within(1e-15));
        assertThat(ExactResNet.relativeGap(new BigFraction[] {f(0, 1)}, new double[] {1e-3})).isEqualTo(1e-3);
        assertThatThrownBy(() -> ExactResNet.forward(ButcherTableau.HEUN, w2, new BigFraction[] {f(1, 1)}, 2))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("reads 3 weight matrices, got 2");
    }

    /** B = e^{Lx}/(2N) (Lx M + Lθ TV): bounded TV → 0; TV = s N → e^{Lx} Lθ s / 2 (= 3e for Lx = 1, Lθ = 2, s = 3). */
    @Test
    void boundLimits() {
        Derivation[] bounded = DistanceBound.atDepthAndLimit(1, 2, 0.5, 3, DistanceBound.Growth.BOUNDED, 10);
        assertThat(bounded[0].value()).isCloseTo(Math.E / 20 * (0.5 + 6), within(1e-14));
        assertThat(bounded[1].value()).isEqualTo(0.0);
        Derivation[] linear = DistanceBound.atDepthAndLimit(1, 2, 0.5, 3, DistanceBound.Growth.LINEAR, 10);
        assertThat(linear[1].value()).isCloseTo(3 * Math.E, within(1e-14));
        assertThat(SymbolicEngine.evalNumeric("ReplaceAll(" + DistanceBound.bound().expression() + ", {N->2, Lx->1, Lt->2, M->1/2, TV->3})"))
                .isCloseTo(Math.E / 4 * (0.5 + 6), within(1e-14));
        assertThatThrownBy(() -> DistanceBound.atDepthAndLimit(Double.NaN, 1, 1, 1, DistanceBound.Growth.BOUNDED, 4))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
