package org.resnetode.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.SplittableRandom;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class HolderExponentTest {

    /** 64 independent fBm entries of Hurst index H read at depth 256: the variogram's exponent is H. */
    @ParameterizedTest
    @ValueSource(doubles = {0.25, 0.5, 0.75})
    void recoversTheHurstIndexOfExactFbmPaths(double hurst) {
        FbmProfile p = new FbmProfile(new double[64], 0.3, hurst, 256, 11);
        assertThat(HolderExponent.of(Weights.sample(p, 257, 256))).isCloseTo(hurst, within(0.03));
    }

    @Test
    void aLinearPathHasExponentOneAndIidLayersZero() {
        // θ_n = a + b n/N: V(k) = b² (k/N)², slope exactly 2
        double[] linear = new double[2 * 65];
        for (int n = 0; n <= 64; n++) {
            linear[2 * n] = 0.3 + 1.7 * n / 64.0;
            linear[2 * n + 1] = -2 + 0.5 * n / 64.0;
        }
        assertThat(HolderExponent.of(new Weights(65, 2, linear))).isCloseTo(1.0, within(1e-12));
        // 8 layers hold exactly the 2 lags k = 1, 2 (4 k <= 8): still a slope; θ_n = n² gives V(k) over both lags
        assertThat(HolderExponent.of(new Weights(8, 2, java.util.Arrays.copyOf(linear, 16)))).isCloseTo(1.0, within(1e-12));
        double[] square = new double[8];
        double v1 = 0;
        double v2 = 0;
        for (int n = 0; n < 8; n++) {
            square[n] = n * n;
        }
        for (int n = 0; n + 1 < 8; n++) {
            v1 += Math.pow(square[n + 1] - square[n], 2) / 7;
        }
        for (int n = 0; n + 2 < 8; n++) {
            v2 += Math.pow(square[n + 2] - square[n], 2) / 6;
        }
        assertThat(HolderExponent.of(new Weights(8, 1, square))).isCloseTo(Math.log(v2 / v1) / Math.log(2) / 2, within(1e-12));
        // i.i.d. layers: V(k) = 2 Var for every k, slope 0 up to sampling error
        SplittableRandom rng = new SplittableRandom(3);
        double[] iid = new double[16 * 513];
        for (int i = 0; i < iid.length; i++) {
            iid[i] = Gaussian.next(rng);
        }
        assertThat(HolderExponent.of(new Weights(513, 16, iid))).isCloseTo(0.0, within(0.02));
    }

    @Test
    void undefinedForConstantWeightsOrTooFewLayers() {
        assertThat(HolderExponent.of(new Weights(33, 2, new double[66]))).isNaN();
        // 7 layers: only the lag 1 fits (4 k <= 7), one lag is no slope
        assertThat(HolderExponent.of(new Weights(7, 1, new double[] {0, 1, 0, 1, 0, 1, 0}))).isNaN();
        // 8 layers: lags 1 and 2, V(1) = 1, V(2) = 0 (period 2): log 0, undefined
        assertThat(HolderExponent.of(new Weights(8, 1, new double[] {0, 1, 0, 1, 0, 1, 0, 1}))).isNaN();
        assertThat(HolderExponent.of(Weights.tied(64, new double[] {1, 2}))).isNaN();
    }

    @Test
    void exponentOfTheChangeSubtractsTheStart() {
        FbmProfile rough = new FbmProfile(new double[8], 1, 0.2, 64, 5);
        Weights start = Weights.sample(rough, 65, 64);
        double[] now = start.data().clone();
        for (int n = 0; n <= 64; n++) {
            for (int j = 0; j < 8; j++) {
                now[8 * n + j] += 0.01 * (j + 1) * n / 64.0;
            }
        }
        Weights trained = new Weights(65, 8, now);
        assertThat(HolderExponent.of(trained)).isLessThan(0.3);
        assertThat(HolderExponent.ofChange(trained, start)).isCloseTo(1.0, within(1e-9));
        assertThatThrownBy(() -> HolderExponent.ofChange(trained, Weights.sample(rough, 33, 32)))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
