package org.resnetode.claim;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.resnetode.model.DepthProfile;
import org.resnetode.model.DepthProfiles;
import org.resnetode.model.Families;
import org.resnetode.model.ResidualFunction;
import org.resnetode.model.ThetaSquaredFamily;
import org.resnetode.model.Weights;
import org.resnetode.scheme.ResNet;
import org.resnetode.scheme.Scheme;

/** The adjoint claim's finite-difference statement (docs/derivations/claims.md section 6). */
class FiniteDifferenceCheckTest {
    private static final int[] LADDER = {8, 16, 32};

    /**
     * θ² x with Euler, one sample: x_N = x_0 ∏ (1 + h θ_n²), so along θ_k the loss ½ u², u = c (1 + h θ_k²) - y, is a quartic:
     * L' = u u', L''' = 3 u' u'' with u' = 2 c h θ_k, u'' = 2 c h, and the central difference's error is exactly
     * (h²/6) L''' (the quartic has no fifth derivative).
     */
    @Test
    void onAQuarticLossTheDifferenceErrorIsTheTruncationTheBandDerives() {
        int depth = 8;
        double h = 1.0 / depth;
        double[] theta = new double[Scheme.EULER.weightCount(depth)];
        for (int n = 0; n < theta.length; n++) {
            theta[n] = 1 + 0.5 * Math.sin(n);
        }
        double x0 = 0.8;
        double y = -0.3;
        ResNet net = new ResNet(new ThetaSquaredFamily(), Scheme.EULER, new Weights(theta.length, 1, theta.clone()), depth);
        FiniteDifferenceCheck fd = FiniteDifferenceCheck.measure(net, new double[][] {{x0}}, new double[][] {{y}}, 3);
        assertThat(fd.agrees()).isTrue();
        for (int k = 0; k < fd.entries().length; k++) {
            int j = fd.entries()[k];
            double c = x0;
            for (int n = 0; n < depth; n++) {
                c *= n == j ? 1 : 1 + h * theta[n] * theta[n];
            }
            double u = c * (1 + h * theta[j] * theta[j]) - y;
            double du = 2 * c * h * theta[j];
            double exact = j < depth ? u * du : 0;
            double third = j < depth ? 3 * du * (2 * c * h) : 0;
            double step = FiniteDifferenceCheck.STEP * Math.max(1, Math.abs(theta[j]));
            assertThat(fd.backprop()[k]).isCloseTo(exact, org.assertj.core.api.Assertions.within(1e-14));
            // the difference's error is the predicted truncation, to round-off
            assertThat(fd.central()[k] - exact).isCloseTo(step * step / 6 * third, org.assertj.core.api.Assertions.within(1e-11));
            // and the band covers it, without being wider than the truncation's bound plus round-off allows
            assertThat(Math.abs(fd.central()[k] - exact)).isLessThanOrEqualTo(fd.band()[k]);
            assertThat(fd.band()[k]).isLessThan(2.5 * step * step / 6 * Math.abs(third) + 1e-10);
        }
    }

    /**
     * The band of section 6 evaluated by hand on the same quartic: n = N s (2p + 4d) + 3Bd = 8 (2 + 4) + 3 = 51 operations,
     * γ = 51 u, δ = γ ½ (|x_N| + |y|)², and the five-point third difference is exact on a quartic, so M3 = 2 (|L'''| + 3δ/H³).
     */
    @Test
    void theBandIsTheDerivedTruncationPlusRoundOffTerms() {
        int depth = 8;
        double h = 1.0 / depth;
        double[] theta = new double[Scheme.EULER.weightCount(depth)];
        for (int n = 0; n < theta.length; n++) {
            theta[n] = 1.25 + 0.125 * n;
        }
        double x0 = 0.8;
        double y = -0.3;
        ResNet net = new ResNet(new ThetaSquaredFamily(), Scheme.EULER, new Weights(theta.length, 1, theta.clone()), depth);
        FiniteDifferenceCheck fd = FiniteDifferenceCheck.measure(net, new double[][] {{x0}}, new double[][] {{y}}, 5);
        double xN = x0;
        for (int n = 0; n < depth; n++) {
            xN *= 1 + h * theta[n] * theta[n];
        }
        double gamma = 51 * 0x1p-53;
        double delta = gamma * 0.5 * (Math.abs(xN) + Math.abs(y)) * (Math.abs(xN) + Math.abs(y));
        for (int k = 0; k < fd.entries().length; k++) {
            int j = fd.entries()[k];
            double c = xN / (j < depth ? 1 + h * theta[j] * theta[j] : 1);
            double du = j < depth ? 2 * c * h * theta[j] : 0;
            double third = 3 * du * (j < depth ? 2 * c * h : 0);
            double scale = Math.max(1, Math.abs(theta[j]));
            double step = FiniteDifferenceCheck.STEP * scale;
            double big = FiniteDifferenceCheck.THIRD_STEP * scale;
            double m3 = 2 * (Math.abs(third) + 3 * delta / (big * big * big));
            double expected = step * step / 6 * m3 + delta / step + gamma * Math.abs(fd.backprop()[k]);
            assertThat(fd.band()[k]).isCloseTo(expected, org.assertj.core.api.Assertions.withinPercentage(1e-3));
        }
    }

    @Test
    void theOperationCountIsStepsTimesStagesTimesTheStageWorkPlusTheLoss() {
        // mlp d = 3, hidden 4: p = 2 · 3 · 4 = 24; Heun (2 stages) at N = 5 takes 5 steps; 2 samples
        ResidualFunction f = Families.create("mlp", 3, 4);
        ResNet net = new ResNet(f, Scheme.HEUN, Weights.sample(DepthProfiles.create("fourier", f, 1, 1.0, false),
                Scheme.HEUN.weightCount(5), 5), 5);
        assertThat(f.parameterCount()).isEqualTo(24);
        assertThat(FiniteDifferenceCheck.operations(net, 2)).isEqualTo(5 * 2 * (2 * 24 + 4 * 3) + 3 * 2 * 3);
    }

    @ParameterizedTest(name = "{0} with {1}: backprop agrees with central differences")
    @CsvSource({"linear,euler", "linear,heun", "tanh,euler", "tanh,heun", "mlp,euler", "mlp,heun", "mlp,rk4"})
    void unbrokenGradientsAgree(String family, String scheme) {
        ResidualFunction f = Families.create(family, 4, 4);
        DepthProfile profile = DepthProfiles.create("fourier", f, 1, 1.0, false);
        Scheme s = Scheme.byName(scheme);
        double[][][] batch = AdjointMeasurement.batch(3, 4, 1);
        FiniteDifferenceCheck fd = FiniteDifferenceCheck.measure(new ResNet(f, s, Weights.sample(profile, s.weightCount(8), 8), 8),
                batch[0], batch[1], 1);
        assertThat(fd.agrees()).isTrue();
        assertThat(fd.relativeDisagreement()).isLessThan(1e-6);
        assertThat(fd.relativeBand()).isLessThan(1e-5);
    }

    @ParameterizedTest(name = "{0} with {1}: a doubled parameter VJP fails the statement")
    @CsvSource({"linear,euler", "tanh,heun", "mlp,euler", "theta2,heun"})
    void theWrongVjpControlFailsTheClaim(String family, String scheme) {
        int dim = family.equals("theta2") ? 1 : 4;
        ClaimResult r = AdjointClaim.run(new SweepConfig(family, "fourier", scheme, dim, 4, LADDER, 1, 1.0, false, 8, 3),
                AdjointMeasurement.batch(3, dim, 1), Control.WRONG_VJP, Progress.SILENT);
        assertThat(r.verdict()).isEqualTo(Verdict.FAILS);
        assertThat(r.notes()).anyMatch(n -> n.startsWith("fails: backprop's gradient g against central differences"));
        // backprop and the adjoint share the doubled VJP: the adjoint's own statements cannot see it
        assertThat(r.notes()).noneMatch(n -> n.startsWith("fails:") && n.contains("gradient error"));
    }

    @Test
    void anUnbrokenRunStatesTheFiniteDifferenceCheckAsHolding() {
        ClaimResult r = AdjointClaim.run(new SweepConfig("tanh", "fourier", "euler", 4, 4, new int[] {16, 32, 64}, 1, 1.0, false,
                16, 3), AdjointMeasurement.batch(3, 4, 1), Control.NONE, Progress.SILENT);
        assertThat(r.notes()).anyMatch(n -> n.startsWith("holds: backprop's gradient g against central differences D of the loss (h = 1e-04, N = 8"));
    }

    @Test
    void everyEntryMustLieWithinItsOwnBand() {
        int[] entries = {0, 1};
        assertThat(new FiniteDifferenceCheck(8, entries, new double[] {1, 2}, new double[] {1.5, 2}, new double[] {0.5, 0}).agrees())
                .isTrue();
        assertThat(new FiniteDifferenceCheck(8, entries, new double[] {1, 2}, new double[] {1.5, 2}, new double[] {0.4999, 1})
                .agrees()).isFalse();
        assertThat(new FiniteDifferenceCheck(8, entries, new double[] {1, 2}, new double[] {1, 2.5}, new double[] {1, 0.4999})
                .agrees()).isFalse();
        assertThat(new FiniteDifferenceCheck(8, entries, new double[] {1, 2}, new double[] {1, Double.NaN}, new double[] {1, 1})
                .agrees()).isFalse();
        FiniteDifferenceCheck c = new FiniteDifferenceCheck(8, entries, new double[] {-4, 2}, new double[] {-3, 2.5},
                new double[] {0.1, 0.2});
        assertThat(c.relativeDisagreement()).isEqualTo(0.25);
        assertThat(c.relativeBand()).isEqualTo(0.05);
    }

    @Test
    void entriesAreDistinctSortedAndDrawnFromTheSeed() {
        int[] e = FiniteDifferenceCheck.entries(1000, 7);
        assertThat(e).hasSize(FiniteDifferenceCheck.ENTRIES).isSorted().doesNotHaveDuplicates();
        assertThat(java.util.Arrays.stream(e).allMatch(j -> j >= 0 && j < 1000)).isTrue();
        assertThat(FiniteDifferenceCheck.entries(1000, 7)).isEqualTo(e);
        assertThat(FiniteDifferenceCheck.entries(1000, 8)).isNotEqualTo(e);
        assertThat(FiniteDifferenceCheck.entries(3, 7)).containsExactly(0, 1, 2);
    }
}
