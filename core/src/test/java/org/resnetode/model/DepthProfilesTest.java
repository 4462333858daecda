package org.resnetode.model;

import org.resnetode.checks.BadInputException;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class DepthProfilesTest {
    private static final ResidualFunction LINEAR4 = Families.create("linear", 4, 0);
    private static final ResidualFunction MLP = Families.create("mlp", 3, 4);

    @ParameterizedTest
    @ValueSource(strings = {"constant", "polynomial", "fourier", "kinked", "iid", "alternating"})
    void profilesAreReproducibleFromTheSeedAndDependOnIt(String name) {
        double[] a = Weights.sample(DepthProfiles.create(name, MLP, 42, 0.5, false), 33, 32).data();
        double[] b = Weights.sample(DepthProfiles.create(name, MLP, 42, 0.5, false), 33, 32).data();
        double[] c = Weights.sample(DepthProfiles.create(name, MLP, 43, 0.5, false), 33, 32).data();
        assertThat(b).containsExactly(a);
        assertThat(c).isNotEqualTo(a);
        DepthProfile p = DepthProfiles.create(name.toUpperCase(java.util.Locale.ROOT), MLP, 42, 0.5, false);
        assertThat(p.name()).isEqualTo(name);
        assertThat(p.parameterCount()).isEqualTo(MLP.parameterCount());
    }

    @Test
    void smoothnessClassesFollowMathMd() {
        assertThat(smoothness("constant")).isEqualTo(DepthProfile.Smoothness.SMOOTH);
        assertThat(smoothness("polynomial")).isEqualTo(DepthProfile.Smoothness.SMOOTH);
        assertThat(smoothness("fourier")).isEqualTo(DepthProfile.Smoothness.SMOOTH);
        assertThat(smoothness("kinked")).isEqualTo(DepthProfile.Smoothness.LIPSCHITZ);
        assertThat(smoothness("iid")).isEqualTo(DepthProfile.Smoothness.ROUGH);
        assertThat(smoothness("alternating")).isEqualTo(DepthProfile.Smoothness.ROUGH);
    }

    @Test
    void constantIsConstantAndEqualsTheMeanOfEveryOtherSmoothProfileAtTimeZero() {
        Weights w = Weights.sample(DepthProfiles.create("constant", MLP, 5, 0.7, false), 17, 16);
        double[] d = w.data();
        int p = w.size();
        for (int n = 1; n < w.count(); n++) {
            for (int j = 0; j < p; j++) {
                assertThat(d[n * p + j]).isEqualTo(d[j]);
            }
        }
        assertThat(Norms.euclidean(d, 0, p)).isGreaterThan(0.1);
        // the polynomial is θ̄ + Σ_{k>=1} c_k t^k, so θ(0) = θ̄
        double[] poly = Weights.sample(DepthProfiles.create("polynomial", MLP, 5, 0.7, false), 1, 16).data();
        assertThat(poly).containsExactly(java.util.Arrays.copyOf(d, p));
        double[] zero = Weights.sample(DepthProfiles.create("constant", MLP, 5, 0.7, true), 4, 3).data();
        assertThat(zero).containsOnly(0.0);
    }

    @Test
    void alternatingAroundZeroOnThetaSquaredIsPlusMinusOne() {
        ResidualFunction f = Families.create("theta2", 1, 0);
        for (long seed = 0; seed < 6; seed++) {
            double[] t = Weights.sample(DepthProfiles.create("alternating", f, seed, 1, true), 11, 10).data();
            for (int n = 0; n < t.length; n++) {
                assertThat(Math.abs(t[n])).isEqualTo(1.0);
                if (n > 0) {
                    assertThat(t[n]).isEqualTo(-t[n - 1]);
                }
            }
        }
    }

    @Test
    void alternatingHasPeriodTwoAndTotalVariationLinearInDepth() {
        for (int depth : new int[] {2, 9, 64}) {
            Weights w = Weights.sample(DepthProfiles.create("alternating", LINEAR4, 3, 0.5, false), depth + 1, depth);
            double jump = Norms.distance(w.data(), w.offset(1), w.data(), w.offset(0), w.size());
            assertThat(jump).isGreaterThan(0.1);
            for (int n = 2; n < w.count(); n++) {
                assertThat(Norms.distance(w.data(), w.offset(n), w.data(), w.offset(n - 2), w.size())).isZero();
            }
            assertThat(w.totalVariation()).isCloseTo(depth * jump, within(1e-12 * depth * jump));
        }
    }

    @Test
    void iidLayerDoesNotDependOnDepthAndHasTheRequestedMoments() {
        DepthProfile iid = DepthProfiles.create("iid", LINEAR4, 9, 0.5, false);
        double[] a = new double[16];
        double[] b = new double[16];
        double[] c = new double[16];
        for (int n = 0; n < 10; n++) {
            iid.layer(n, 10, a, 0);
            iid.layer(n, 1000, b, 0);
            iid.layer(n + 1, 1000, c, 0);
            assertThat(b).containsExactly(a);
            assertThat(c).isNotEqualTo(a);
        }
        // θ_n = 0 + σ ξ_n, ξ_n ~ N(0, 1/d) entrywise for the linear family (d = 1 here): mean 0, sd σ
        ResidualFunction scalar = Families.create("linear", 1, 0);
        DepthProfile noise = DepthProfiles.create("iid", scalar, 4, 2.0, true);
        int count = 20000;
        double[] t = Weights.sample(noise, count, count).data();
        double mean = java.util.Arrays.stream(t).average().orElseThrow();
        double var = java.util.Arrays.stream(t).map(v -> (v - mean) * (v - mean)).sum() / (count - 1);
        double lag1 = 0;
        for (int n = 0; n + 1 < count; n++) {
            lag1 += (t[n] - mean) * (t[n + 1] - mean);
        }
        lag1 /= (count - 1) * var;
        // 5 standard errors: sd(mean) = 2/√20000 = 0.014, sd(var)/var ≈ √(2/20000) = 0.01, sd(lag1) ≈ 0.007
        assertThat(mean).isCloseTo(0, within(0.071));
        assertThat(Math.sqrt(var)).isCloseTo(2.0, within(2.0 * 0.025));
        assertThat(lag1).isCloseTo(0, within(0.035));
    }

    /**
     * Piecewise linear with pieces of length >= 0.08: on a grid of 1000 or more points every piece holds a
     * full grid interval, so N max_n ||θ_{n+1} - θ_n|| equals the largest slope at every such N (continuity
     * and Lipschitz), and second differences vanish except next to the few kinks.
     */
    @Test
    void kinkedIsContinuousLipschitzAndPiecewiseLinear() {
        for (long seed = 1; seed <= 3; seed++) {
            DepthProfile k = DepthProfiles.create("kinked", LINEAR4, seed, 1.0, false);
            double slope1000 = maxDifferenceQuotient(k, 1000);
            assertThat(slope1000).isGreaterThan(0.1);
            for (int depth : new int[] {8000, 64000}) {
                assertThat(maxDifferenceQuotient(k, depth)).isCloseTo(slope1000, within(1e-8 * slope1000));
            }
            for (int depth : new int[] {1000, 8000}) {
                Weights w = Weights.sample(k, depth + 1, depth);
                int kinks = 0;
                for (int n = 1; n < depth; n++) {
                    double s = 0;
                    for (int j = 0; j < w.size(); j++) {
                        double dd = w.data()[w.offset(n + 1) + j] - 2 * w.data()[w.offset(n) + j] + w.data()[w.offset(n - 1) + j];
                        s += dd * dd;
                    }
                    if (Math.sqrt(s) > 1e-10) {
                        kinks++;
                    }
                }
                assertThat(kinks).as("non-zero second differences at N=%d", depth).isBetween(1, 10);
            }
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"polynomial", "fourier", "kinked"})
    void smoothAndLipschitzProfilesHaveBoundedTotalVariation(String name) {
        DepthProfile profile = DepthProfiles.create(name, LINEAR4, 21, 1.0, false);
        double tv64 = Weights.sample(profile, 65, 64).totalVariation();
        double tv512 = Weights.sample(profile, 513, 512).totalVariation();
        double tv4096 = Weights.sample(profile, 4097, 4096).totalVariation();
        // nested grids: the inscribed polygon's length increases towards the arc length
        assertThat(tv64).isGreaterThan(0.1);
        assertThat(tv512).isGreaterThanOrEqualTo(tv64 * (1 - 1e-12)).isLessThan(1.1 * tv64);
        assertThat(tv4096).isGreaterThanOrEqualTo(tv512 * (1 - 1e-12)).isLessThan(1.01 * tv512);
    }

    @ParameterizedTest
    @ValueSource(strings = {"iid", "alternating"})
    void roughProfilesHaveTotalVariationLinearInDepth(String name) {
        DepthProfile profile = DepthProfiles.create(name, LINEAR4, 21, 1.0, false);
        double tv512 = Weights.sample(profile, 513, 512).totalVariation();
        double tv4096 = Weights.sample(profile, 4097, 4096).totalVariation();
        assertThat(tv4096 / tv512).isCloseTo(8.0, within(0.3));
        assertThat(tv512 / 512).isGreaterThan(0.5);
    }

    @Test
    void fourierIsPeriodicOnTheUnitInterval() {
        DepthProfile f = DepthProfiles.create("fourier", MLP, 2, 1.0, false);
        double[] a = new double[MLP.parameterCount()];
        double[] b = new double[MLP.parameterCount()];
        f.layer(0, 37, a, 0);
        f.layer(37, 37, b, 0);
        assertThat(Norms.distance(a, 0, b, 0, a.length)).isLessThan(1e-13);
    }

    @ParameterizedTest
    @ValueSource(strings = {"constant", "polynomial", "fourier", "kinked", "iid", "alternating"})
    void zeroAmplitudeGivesTheConstantMean(String name) {
        double[] w = Weights.sample(DepthProfiles.create(name, MLP, 8, 0.0, false), 20, 19).data();
        double[] mean = Weights.sample(DepthProfiles.create("constant", MLP, 8, 0.0, false), 20, 19).data();
        // kinked interpolates (1-λ) θ̄ + λ θ̄, equal to θ̄ up to an ulp or two
        assertThat(w).containsExactly(mean, within(1e-15));
    }

    @Test
    void badArgumentsAreRejectedWithAClearMessage() {
        assertThatThrownBy(() -> DepthProfiles.create("wiggly", LINEAR4, 1, 1, false))
                .isInstanceOf(BadInputException.class).hasMessageContaining("wiggly");
        assertThatThrownBy(() -> DepthProfiles.create("iid", LINEAR4, 1, Double.NaN, false))
                .isInstanceOf(BadInputException.class).hasMessageContaining("amplitude");
    }

    private static DepthProfile.Smoothness smoothness(String name) {
        return DepthProfiles.create(name, LINEAR4, 1, 1, false).smoothness();
    }

    private static double maxDifferenceQuotient(DepthProfile profile, int depth) {
        Weights w = Weights.sample(profile, depth + 1, depth);
        double max = 0;
        for (int n = 0; n < depth; n++) {
            max = Math.max(max, Norms.distance(w.data(), w.offset(n + 1), w.data(), w.offset(n), w.size()));
        }
        return max * depth;
    }
}
