package org.resnetode.symbolic;

import org.resnetode.checks.BadInputException;
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

    /**
     * A = [[10^-5]], x_0 = 1: Euler's leading coefficient a² e^a / 2 = 5e-11 lies below what Richardson on doubles resolves to
     * 1e-6 (it ended in an internal error); the derivation is returned, its check saying it could not be made, while
     * A = [[1]] (coefficient e/2) is still checked to 1e-6.
     */
    @Test
    void aCoefficientBelowRoundOffIsReportedUncheckedNotAnError() {
        List<Derivation> tiny = LinearTrajectory.derive(ButcherTableau.EULER, new BigFraction[][] {{f(1, 100000)}},
                new BigFraction[] {f(1, 1)});
        Derivation constant = tiny.get(tiny.size() - 1);
        assertThat(constant.value()).isCloseTo(1e-10 / 2 * Math.exp(1e-5), within(1e-22));
        assertThat(constant.check()).contains("cannot check the leading term").contains("round-off");
        List<Derivation> one = LinearTrajectory.derive(ButcherTableau.EULER, new BigFraction[][] {{f(1, 1)}}, new BigFraction[] {f(1, 1)});
        Derivation e = one.get(one.size() - 1);
        assertThat(e.value()).isCloseTo(Math.E / 2, within(1e-14));
        assertThat(e.check()).contains("agrees component by component").doesNotContain("round-off only");
    }

    /** A single eigenvalue (Jordan block): e^{tA} = e^t (I + t N), so x(t) = e^t (1 + t/2, 1/2) for x_0 = (1, 1/2). */
    @Test
    void jordanBlockWithRk4() {
        List<Derivation> ds = LinearTrajectory.derive(ButcherTableau.RK4, new BigFraction[][] {{f(1, 1), f(1, 1)}, {f(0, 1), f(1, 1)}},
                new BigFraction[] {f(1, 1), f(1, 2)});
        assertThat(SymbolicEngine.eval("Simplify(" + ds.get(1).expression() + " - {E^t*(1+t/2), E^t/2})")).isEqualTo("{0,0}");
        assertThat(ds.get(2).name()).contains("coefficient of h^4");
    }

    private static BigFraction[][] matrix(int[][] entries) {
        BigFraction[][] a = new BigFraction[entries.length][entries.length];
        for (int i = 0; i < a.length; i++) {
            for (int j = 0; j < a.length; j++) {
                a[i][j] = f(entries[i][j], 1);
            }
        }
        return a;
    }

    /** x_0 = (1/2, 1, 3/2, ...). */
    private static BigFraction[] halves(int d) {
        BigFraction[] x = new BigFraction[d];
        for (int i = 0; i < d; i++) {
            x[i] = f(i + 1, 2);
        }
        return x;
    }

    private static void assertFlow(Derivation flow, String expected) {
        assertThat(SymbolicEngine.eval("Simplify(" + flow.expression() + " - " + expected + ")")).matches("\\{0(,0)*\\}");
    }

    /** diag(1, 1, 2), a repeated eigenvalue among distinct ones (Putzer's formula): x(t) = (e^t, e^t, e^{2t}) for x_0 = 1. */
    @Test
    void repeatedEigenvaluesAmongDistinctOnes() {
        List<Derivation> ds = LinearTrajectory.derive(ButcherTableau.EULER, matrix(new int[][] {{1, 0, 0}, {0, 1, 0}, {0, 0, 2}}),
                new BigFraction[] {f(1, 1), f(1, 1), f(1, 1)});
        assertThat(ds.get(0).expression()).isEqualTo("{1,1,2}");
        assertFlow(ds.get(1), "{E^t, E^t, E^(2*t)}");
    }

    /**
     * d = 4, block diagonal with rational eigenvalues 1, 3, 3, 5: on [[2,1],[1,2]], (1/2, 1) = (3/4)(1,1) - (1/4)(1,-1);
     * on [[3,0],[1,5]], y1 = (3/2) e^{3t}, y2' = y1 + 5 y2, y2(0) = 2: y2 = (11/4) e^{5t} - (3/4) e^{3t}.
     */
    @Test
    void fourByFourBlockDiagonal() {
        List<Derivation> ds = LinearTrajectory.derive(ButcherTableau.RK4, matrix(new int[][] {{2, 1, 0, 0}, {1, 2, 0, 0}, {0, 0, 3, 0},
                {0, 0, 1, 5}}), halves(4));
        assertThat(SymbolicEngine.eval("Sort(" + ds.get(0).expression() + ")")).isEqualTo("{1,3,3,5}");
        assertFlow(ds.get(1), "{3/4*E^(3*t) - E^t/4, 3/4*E^(3*t) + E^t/4, 3/2*E^(3*t), 11/4*E^(5*t) - 3/4*E^(3*t)}");
        assertThat(ds.get(2).check()).contains("agrees component by component");
    }

    /** Two rotation blocks (eigenvalues ±i, ±2i): x = x0 cos + y0 sin per block, with the block's frequency. */
    @Test
    void fourByFourRotations() {
        List<Derivation> ds = LinearTrajectory.derive(ButcherTableau.EULER, matrix(new int[][] {{0, 1, 0, 0}, {-1, 0, 0, 0}, {0, 0, 0, 2},
                {0, 0, -2, 0}}), halves(4));
        assertFlow(ds.get(1), "{Cos(t)/2 + Sin(t), Cos(t) - Sin(t)/2, 3/2*Cos(2*t) + 2*Sin(2*t), 2*Cos(2*t) - 3/2*Sin(2*t)}");
    }

    /** A Jordan block next to a rotation (Putzer's formula with complex eigenvalues). */
    @Test
    void jordanBlockNextToARotation() {
        List<Derivation> ds = LinearTrajectory.derive(ButcherTableau.RK4, matrix(new int[][] {{1, 1, 0, 0}, {0, 1, 0, 0}, {0, 0, 0, 1},
                {0, 0, -1, 0}}), halves(4));
        assertFlow(ds.get(1), "{E^t*(1/2 + t), E^t, 3/2*Cos(t) + 2*Sin(t), 2*Cos(t) - 3/2*Sin(t)}");
    }

    /**
     * The shift matrix (nilpotent, A^4 = 0): x(t) = Σ_k t^k A^k x_0 / k!; RK4's R(A/N) is the exponential's Taylor
     * polynomial of degree 4, exact for this A, so its leading term vanishes and the ResNet is exact to round-off.
     */
    @Test
    void nilpotentShift() {
        BigFraction[][] shift = matrix(new int[][] {{0, 1, 0, 0}, {0, 0, 1, 0}, {0, 0, 0, 1}, {0, 0, 0, 0}});
        List<Derivation> euler = LinearTrajectory.derive(ButcherTableau.EULER, shift, halves(4));
        assertThat(euler.get(0).expression()).isEqualTo("{0,0,0,0}");
        assertFlow(euler.get(1), "{1/2 + t + 3/4*t^2 + t^3/3, 1 + 3/2*t + t^2, 3/2 + 2*t, 2}");
        List<Derivation> rk4 = LinearTrajectory.derive(ButcherTableau.RK4, shift, halves(4));
        assertThat(rk4.get(3).value()).isZero();
        assertThat(rk4.get(3).check()).contains("the coefficient of h^4 is the zero vector").contains("(round-off)")
                .doesNotContain("to 0.00e+00");
    }

    /** Irrational eigenvalues (5 ± √33)/2 from a quadratic factor. */
    @Test
    void quadraticFactorsGiveSquareRoots() {
        List<Derivation> ds = LinearTrajectory.derive(ButcherTableau.EULER, matrix(new int[][] {{1, 2, 0, 0}, {3, 4, 0, 0}, {0, 0, 1, 1},
                {0, 0, -2, 4}}), halves(4));
        assertThat(SymbolicEngine.eval("Simplify(Sort(" + ds.get(0).expression() + ") - Sort({2, 3, (5 - Sqrt(33))/2, (5 + Sqrt(33))/2}))"))
                .isEqualTo("{0,0,0,0}");
    }

    /** x^4 - 6x^3 - 5x^2 + 10x + 24 is irreducible over the rationals: no closed form here, a failure naming the derivation. */
    @Test
    void anIrreducibleQuarticIsAClearFailure() {
        assertThat(MatrixSpectrum.characteristicPolynomial(matrix(new int[][] {{1, 2, 3, 4}, {0, 1, 5, 2}, {1, 1, 1, 1}, {2, 0, 1, 3}})))
                .containsExactly(f(24, 1), f(10, 1), f(-5, 1), f(-6, 1), f(1, 1));
        assertThatThrownBy(() -> LinearTrajectory.derive(ButcherTableau.EULER, matrix(new int[][] {{1, 2, 3, 4}, {0, 1, 5, 2}, {1, 1, 1, 1},
                {2, 0, 1, 3}}), halves(4)))
                .isInstanceOf(SymbolicFailure.class).hasMessageStartingWith("derivation 'eigenvalues of A'")
                .hasMessageContaining("of degree 4 over the rationals");
        // det(xI - A) for A = [[0,1],[-1,0]]: x^2 + 1
        assertThat(MatrixSpectrum.characteristicPolynomial(matrix(new int[][] {{0, 1}, {-1, 0}}))).containsExactly(f(1, 1), f(0, 1), f(1, 1));
        assertThatThrownBy(() -> LinearTrajectory.derive(ButcherTableau.EULER, new BigFraction[7][7], halves(7)))
                .isInstanceOf(BadInputException.class).hasMessageContaining("1 <= d <= 6");
    }

    /** Confluent divided differences of e^{tλ}: equal points give t^m e^{tλ}/m!, distinct ones the difference quotient. */
    @Test
    void dividedDifferences() {
        assertThat(SymbolicEngine.eval("Simplify(" + MatrixSpectrum.dividedDifference(new String[] {"2", "2", "2"}, 0, 2) + " - t^2*E^(2*t)/2)"))
                .isEqualTo("0");
        assertThat(SymbolicEngine.eval("Simplify(" + MatrixSpectrum.dividedDifference(new String[] {"1", "3"}, 0, 1)
                + " - (E^(3*t) - E^t)/2)")).isEqualTo("0");
    }

    /** MATH.md 3b: N (b^{1/N} - 1) = log b + (log b)²/(2N) + (log b)³/(6N²) + .... */
    @Test
    void commutingLimitIsLogBPlusItsSquareOverTwoN() {
        Derivation d = LinearTrajectory.commutingLimit(new BigFraction[] {f(2, 1)}, 2);
        assertThat(SymbolicEngine.eval("Expand(" + d.expression() + " - {Log(2) + h*Log(2)^2/2 + h^2*Log(2)^3/6})")).isEqualTo("{0}");
        assertThatThrownBy(() -> LinearTrajectory.commutingLimit(new BigFraction[] {f(-1, 1)}, 2))
                .isInstanceOf(BadInputException.class).hasMessageContaining("must be positive");
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
                .isInstanceOf(BadInputException.class);
    }
}
