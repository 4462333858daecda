package org.resnetode.claim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.resnetode.checks.BadInputException;

class RoughnessClaimTest {
    private static final int[] DEPTHS = {32, 64, 128, 256};

    private static RoughnessConfig config(String family, List<String> schemes, double h, int paths, boolean decoupled) {
        return new RoughnessConfig(family, schemes, h, DEPTHS, paths, 4096, 0, 1, 7, decoupled);
    }

    @Test
    void affineReferenceIsExactForPiecewiseLinearWeights() {
        // θ(t) = t: X(t) = t - 1 + (x0 + 1) e^{-t}; the exponential integrator is exact on linear pieces
        int n = 16;
        double[] theta = new double[n + 1];
        for (int k = 0; k <= n; k++) {
            theta[k] = k / (double) n;
        }
        double[] x = RoughnessPaths.affineSolution(theta, 1, 0.3);
        for (int k = 0; k <= n; k++) {
            double t = k / (double) n;
            assertThat(x[k]).isCloseTo(t - 1 + 1.3 * Math.exp(-t), within(1e-14));
        }
        double[] half = RoughnessPaths.affineSolution(theta, 2, 0.3);
        assertThat(half[n / 2]).isCloseTo(x[n], within(1e-14));
    }

    @Test
    void trapezoidOfSquaresHasTheTrapezoidErrorOfTheSquare() {
        // θ(t) = t on 8 steps: trapezoid of t² is 1/3 + h²/6
        double[] theta = new double[9];
        for (int k = 0; k <= 8; k++) {
            theta[k] = k / 8.0;
        }
        assertThat(RoughnessPaths.trapezoidOfSquares(theta, 1)).isCloseTo(1 / 3.0 + 1 / 384.0, within(1e-15));
        assertThat(RoughnessPaths.trapezoidOfSquares(theta, 2)).isCloseTo(1 / 3.0 + 1 / 96.0, within(1e-15));
    }

    @Test
    void linearHeunRateMatchesHPlusOneHalfAndTheDecoupledControlFails() {
        List<ClaimResult> results = RoughnessClaim.plan(new RoughnessSweep(List.of(
                config("linear", List.of("euler", "heun"), 0.75, 200, false),
                config("linear", List.of("euler"), 0.75, 50, true)), false, 7), Progress.SILENT).run();
        assertThat(results).hasSize(3);
        ClaimResult heun = results.get(1);
        assertThat(heun.config()).containsEntry("scheme", "heun");
        double rate = (double) heun.rows().get(0).get("rate");
        // H + 1/2 = 1.25 for the trapezoid; Euler's one-sided sum caps at 1
        assertThat(rate).isCloseTo(1.25, within(0.05));
        assertThat(heun.verdict()).isEqualTo(Verdict.HOLDS);
        assertThat((double) results.get(0).rows().get(0).get("rate")).isCloseTo(1.0, within(0.05));
        assertThat((double) heun.rows().get(0).get("exactPredictionRate")).isCloseTo(1.25, within(0.03));
        ClaimResult control = results.get(2);
        assertThat(control.config()).containsEntry("control", "decoupled");
        assertThat(control.verdict()).isEqualTo(Verdict.FAILS);
        assertThat((double) control.rows().get(0).get("rate")).isLessThan(0.3);
    }

    @Test
    void theta2AgreementIsAFindingAndAffineRowsCarryKloedenRosasTable() {
        List<ClaimResult> results = RoughnessClaim.plan(new RoughnessSweep(List.of(
                new RoughnessConfig("affine", List.of("euler"), 0.5, new int[] {16, 32, 64}, 100, 1 << 12, 0, 1, 3, false)),
                false, 3), Progress.SILENT).run();
        var row = results.get(0).rows().get(0);
        assertThat(row).containsEntry("paperRate", 1.00777).containsKey("overlapsPaper");
        assertThat((double) row.get("referenceRatio")).isLessThan(0.1);
    }

    @Test
    void tanhIsJudgedAsAConjectureAgainstAFineHeunReferenceWithItsErrorEstimated() {
        List<ClaimResult> results = RoughnessClaim.plan(new RoughnessSweep(List.of(
                new RoughnessConfig("tanh", List.of("euler"), 0.5, new int[] {16, 32, 64}, 100, 1 << 12, 0, 1, 5, false)),
                false, 5), Progress.SILENT).run();
        var row = results.get(0).rows().get(0);
        // reference on 4096 steps: its estimated error is far below the error at N = 64
        assertThat((double) row.get("referenceRatio")).isGreaterThan(0).isLessThan(0.1);
        // f nonlinear in θ: agreement with min(1, H + 1/2) is at best a finding, never holds
        assertThat(results.get(0).verdict()).isNotEqualTo(Verdict.HOLDS);
        assertThat((double) row.get("rate")).isBetween(0.7, 1.3);
    }

    @Test
    void badInputIsRefused() {
        assertThatThrownBy(() -> config("linear", List.of("euler"), 1.0, 10, false))
                .isInstanceOf(BadInputException.class).hasMessageContaining("--hurst");
        assertThatThrownBy(() -> config("linear", List.of("euler"), 0.5, 1, false))
                .isInstanceOf(BadInputException.class).hasMessageContaining("--paths");
        assertThatThrownBy(() -> config("resnet", List.of("euler"), 0.5, 10, false)).isInstanceOf(BadInputException.class);
        assertThatThrownBy(() -> config("linear", List.of("heun-reference"), 0.5, 10, false)).isInstanceOf(BadInputException.class);
        assertThatThrownBy(() -> new RoughnessConfig("linear", List.of("euler"), 0.5, new int[] {24, 48}, 10, 4096, 0, 1, 1, false))
                .isInstanceOf(BadInputException.class).hasMessageContaining("power of two");
        assertThatThrownBy(() -> new RoughnessConfig("theta2", List.of("euler"), 0.5, DEPTHS, 10, 512, 0, 1, 1, false))
                .isInstanceOf(BadInputException.class).hasMessageContaining("--reference-grid");
    }

    @Test
    void mlpIsJudgedAsAConjectureAndItsDecoupledControlFails() {
        List<ClaimResult> results = RoughnessClaim.plan(new RoughnessSweep(List.of(
                new RoughnessConfig("mlp", List.of("euler"), 0.5, new int[] {16, 32, 64}, 60, 1 << 12, 0, 1, 5, false),
                new RoughnessConfig("mlp", List.of("euler"), 0.5, new int[] {16, 32, 64}, 30, 1 << 12, 0, 1, 5, true)),
                false, 5), Progress.SILENT).run();
        var row = results.get(0).rows().get(0);
        assertThat((double) row.get("referenceRatio")).isGreaterThan(0).isLessThan(0.1);
        assertThat((double) row.get("predicted")).isEqualTo(1.0);
        // f nonlinear in θ: agreement with the conjectured min(1, H + 1/2) is a finding, never holds
        assertThat(results.get(0).verdict()).as("%s", results.get(0).rows()).isEqualTo(Verdict.FINDING);
        assertThat(results.get(1).verdict()).isEqualTo(Verdict.FAILS);
    }

    @Test
    void fineHeunIsHeunOnTheGridNodes() {
        // the smooth end B = t Z with σ = 1, f = θ x, x0 = 1: Heun on x' = Z t x over 4 and 2 steps, by hand
        org.resnetode.model.FbmProfile p = org.resnetode.model.FbmProfile.end(new double[1], 1, 1, 4, 3);
        double z = p.path(0)[4];
        assertThat(RoughnessPaths.fineHeun(new org.resnetode.model.LinearFamily(1), p, 1, 1)).isCloseTo(handHeun(z, 4), within(1e-15));
        assertThat(RoughnessPaths.fineHeun(new org.resnetode.model.LinearFamily(1), p, 2, 1)).isCloseTo(handHeun(z, 2), within(1e-15));
    }

    /** Heun on x' = z t x, x(0) = 1, over {@code steps} equal steps: k1 = a x, k2 = b (x + δ k1), x += δ/2 (k1 + k2). */
    private static double handHeun(double z, int steps) {
        double delta = 1.0 / steps;
        double x = 1;
        for (int k = 0; k < steps; k++) {
            double k1 = z * k * delta * x;
            double k2 = z * (k + 1) * delta * (x + delta * k1);
            x += delta / 2 * (k1 + k2);
        }
        return x;
    }
}
