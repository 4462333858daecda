package org.resnetode.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;
import org.resnetode.checks.BadInputException;

class FbmProfileTest {
    private static final ResidualFunction LINEAR2 = Families.create("linear", 2, 0);
    private static final ResidualFunction THETA2 = Families.create("theta2", 1, 0);

    private static DepthProfile fbm(ResidualFunction f, long seed, double hurst, boolean zeroMean, int grid) {
        return DepthProfiles.create("fbm", f, seed, 0.7, zeroMean, OptionalDouble.of(hurst), grid);
    }

    @Test
    void everyDepthReadsTheSamePathSoDepthsAreCoupled() {
        DepthProfile p = fbm(LINEAR2, 5, 0.3, false, 64);
        double[] coarse = Weights.sample(p, 9, 8).data();
        double[] fine = Weights.sample(p, 65, 64).data();
        int q = LINEAR2.parameterCount();
        for (int n = 0; n <= 8; n++) {
            for (int j = 0; j < q; j++) {
                assertThat(coarse[n * q + j]).isEqualTo(fine[8 * n * q + j]);
            }
        }
        // θ(0) = θ̄ (B^H(0) = 0), θ(t) varies along the path
        double[] mean = Weights.sample(fbm(LINEAR2, 5, 0.3, false, 64), 1, 1).data();
        double[] constant = Weights.sample(DepthProfiles.create("constant", LINEAR2, 5, 0.7, false), 1, 1).data();
        assertThat(mean).containsExactly(constant);
        assertThat(fine[64 * q]).isNotEqualTo(fine[0]);
        assertThat(p.smoothness()).isEqualTo(DepthProfile.Smoothness.ROUGH);
        assertThat(p.name()).isEqualTo("fbm");
    }

    @Test
    void layerIsTheMeanPlusSigmaTimesTheStandardPath() {
        FbmProfile p = (FbmProfile) fbm(THETA2, 8, 0.4, false, 16);
        double mean = Weights.sample(DepthProfiles.create("constant", THETA2, 8, 0.7, false), 1, 1).data()[0];
        double[] path = p.path(0);
        double[] w = Weights.sample(p, 5, 4).data();
        for (int n = 0; n <= 4; n++) {
            assertThat(w[n]).isEqualTo(mean + 0.7 * path[4 * n]);
            assertThat(p.value(0, 4 * n)).isEqualTo(w[n]);
        }
        assertThat(path[0]).isZero();
        assertThat(path[16]).isNotZero();
    }

    @Test
    void reproducibleFromTheSeedAndDependsOnIt() {
        double[] a = Weights.sample(fbm(LINEAR2, 42, 0.7, true, 32), 33, 32).data();
        double[] b = Weights.sample(fbm(LINEAR2, 42, 0.7, true, 32), 33, 32).data();
        double[] c = Weights.sample(fbm(LINEAR2, 43, 0.7, true, 32), 33, 32).data();
        assertThat(b).containsExactly(a);
        assertThat(c).isNotEqualTo(a);
    }

    @Test
    void varianceAtTimeTIsSigmaSquaredTTimesTwoH() {
        // E θ(t)² = σ² t^{2H} around a zero mean; 4000 seeds, |z| < 5 with SE = σ² t^{2H} sqrt(2/M)
        double hurst = 0.25;
        int seeds = 4000;
        double sum = 0;
        for (long s = 0; s < seeds; s++) {
            double[] w = Weights.sample(fbm(THETA2, s, hurst, true, 16), 5, 4).data();
            sum += w[2] * w[2];
        }
        double expected = 0.49 * Math.pow(0.5, 2 * hurst);
        double se = expected * Math.sqrt(2.0 / seeds);
        assertThat(Math.abs(sum / seeds - expected) / se).isLessThan(5);
    }

    @Test
    void badInputIsRefusedWithOneLineNamingTheOption() {
        assertThatThrownBy(() -> fbm(THETA2, 1, 1.0, true, 8)).isInstanceOf(BadInputException.class).hasMessageContaining("--hurst");
        assertThatThrownBy(() -> fbm(THETA2, 1, 0.0, true, 8)).isInstanceOf(BadInputException.class).hasMessageContaining("--hurst");
        assertThatThrownBy(() -> DepthProfiles.create("iid", THETA2, 1, 1, true, OptionalDouble.of(0.5), 8))
                .isInstanceOf(BadInputException.class).hasMessageContaining("--hurst applies only to --profile fbm");
        DepthProfile p = fbm(THETA2, 1, 0.5, true, 8);
        assertThatThrownBy(() -> Weights.sample(p, 4, 3)).isInstanceOf(BadInputException.class).hasMessageContaining("--profile fbm");
        assertThatThrownBy(() -> Weights.sample(p, 17, 16)).isInstanceOf(BadInputException.class);
    }

    @Test
    void defaultsToBrownianMotionOnTheDefaultGrid() {
        FbmProfile p = (FbmProfile) DepthProfiles.create("fbm", THETA2, 3, 1, true);
        assertThat(p.hurst()).isEqualTo(DepthProfiles.DEFAULT_HURST);
        assertThat(p.grid()).isEqualTo(DepthProfiles.DEFAULT_FBM_GRID);
    }

    @Test
    void smoothEndIsTheLinearPathTZ() {
        FbmProfile p = FbmProfile.end(new double[] {0.5, -1}, 2, 1, 8, 9);
        for (int j = 0; j < 2; j++) {
            double[] b = p.path(j);
            for (int k = 0; k <= 8; k++) {
                assertThat(b[k]).isCloseTo(b[8] * k / 8.0, within(1e-15));
            }
            assertThat(p.endIntegral(j)).isEqualTo(b[8] / 2);
        }
        assertThat(p.value(1, 8)).isEqualTo(-1 + 2 * p.path(1)[8]);
        assertThat(p.smoothness()).isEqualTo(DepthProfile.Smoothness.SMOOTH);
        assertThat(p.path(0)[8]).isNotEqualTo(p.path(1)[8]);
    }

    /**
     * The i.i.d. end has the H → 0 limits of the covariances (closed form, docs/derivations/rough.md section 9): Var B(t) = 1,
     * Cov(B(s), B(t)) = 1/2 for s ≠ t > 0, Var ∫B = lim 1/(2H+2) = 1/2, Cov(∫B, B(t)) = 1/2; 2·10^4 samples, 5 standard errors.
     */
    @Test
    void iidEndHasTheLimitCovariances() {
        int samples = 20_000;
        double[] s = new double[5];
        for (int i = 0; i < samples; i++) {
            FbmProfile p = FbmProfile.end(new double[1], 1, 0, 4, i);
            double[] b = p.path(0);
            double integral = p.endIntegral(0);
            assertThat(b[0]).isZero();
            s[0] += b[1] * b[1];
            s[1] += b[1] * b[3];
            s[2] += integral * integral;
            s[3] += integral * b[2];
            s[4] += integral * b[4];
        }
        double[] expected = {1, 0.5, 0.5, 0.5, 0.5};
        for (int q = 0; q < 5; q++) {
            // each product of two unit-scale Gaussians has standard deviation at most sqrt(2)
            assertThat(Math.abs(s[q] / samples - expected[q])).as("moment %d", q).isLessThan(5 * Math.sqrt(2.0 / samples));
        }
        FbmProfile p = FbmProfile.end(new double[1], 1, 0, 4, 1);
        assertThat(p.smoothness()).isEqualTo(DepthProfile.Smoothness.ROUGH);
        assertThatThrownBy(() -> FbmProfile.end(new double[1], 1, 2, 4, 1)).isInstanceOf(IllegalArgumentException.class);
        FbmProfile interior = (FbmProfile) fbm(THETA2, 1, 0.5, true, 8);
        assertThatThrownBy(() -> interior.endIntegral(0)).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void fbmGridIsTheDefaultWhenTheDepthsDivideItElseTheirLeastCommonMultiple() {
        assertThat(DepthProfiles.fbmGrid(8, 64, 4096)).isEqualTo(DepthProfiles.DEFAULT_FBM_GRID);
        assertThat(DepthProfiles.fbmGrid(8192)).isEqualTo(8192);
        assertThat(DepthProfiles.fbmGrid(10, 20, 40)).isEqualTo(40);
        assertThat(DepthProfiles.fbmGrid(6, 4)).isEqualTo(12);
        assertThat(DepthProfiles.fbmGrid(1 << 22)).isEqualTo(1 << 22);
        assertThatThrownBy(() -> DepthProfiles.fbmGrid(1 << 22, 3)).isInstanceOf(BadInputException.class)
                .hasMessageContaining("least common multiple");
    }
}
