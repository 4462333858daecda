package org.resnetode.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;
import org.resnetode.model.LinearFamily;
import org.resnetode.model.Weights;
import org.resnetode.scheme.ResNet;
import org.resnetode.scheme.Scheme;

/** Resampling in depth and the smoothness measure, against weights given in closed form. */
class DepthResamplingTest {

    /** θ_n = a + b t_n entrywise (linear in t, so linear interpolation is exact), t_n = n / N. */
    static ResNet affine(Scheme s, int depth, double a, double b) {
        LinearFamily f = new LinearFamily(2);
        int count = s.weightCount(depth);
        double[] w = new double[count * 4];
        for (int n = 0; n < count; n++) {
            for (int j = 0; j < 4; j++) {
                w[n * 4 + j] = (a + j) + b * n / depth;
            }
        }
        return new ResNet(f, s, new Weights(count, 4, w), depth);
    }

    @Test
    void heunWeightsLinearInDepthResampleExactly() {
        // Heun reads θ_0..θ_N, covering t in [0, 1]: resampling to any depth reproduces θ(t) = a + b t exactly
        for (int depth : new int[] {3, 7, 16, 50}) {
            ResNet r = DepthResampling.resample(affine(Scheme.HEUN, 5, 0.5, -2), depth);
            ResNet direct = affine(Scheme.HEUN, depth, 0.5, -2);
            assertThat(r.depth()).isEqualTo(depth);
            assertThat(r.weights().count()).isEqualTo(depth + 1);
            for (int i = 0; i < direct.weights().data().length; i++) {
                assertThat(r.weights().data()[i]).isCloseTo(direct.weights().data()[i], within(1e-13));
            }
        }
    }

    @Test
    void eulerHoldsTheLastSampleBeyondItsTime() {
        // Euler at N = 4 stores t = 0, 1/4, 2/4, 3/4; at N = 8 the sample at t = 7/8 is held at θ(3/4)
        ResNet r = DepthResampling.resample(affine(Scheme.EULER, 4, 0, 1), 8);
        assertThat(r.weights().count()).isEqualTo(8);
        assertThat(r.weights().data()[7 * 4]).isEqualTo(0.75);
        assertThat(r.weights().data()[6 * 4]).isCloseTo(0.75, within(1e-15));
        assertThat(r.weights().data()[5 * 4]).isCloseTo(0.625, within(1e-15));
        assertThat(r.weights().data()[1 * 4 + 3]).isCloseTo(3.125, within(1e-15));
    }

    @Test
    void downsamplingPicksTheStoredSamples() {
        ResNet r = DepthResampling.resample(affine(Scheme.EULER, 8, 1, 8), 2);
        // t = 0 and t = 1/2: θ = 1 + 8 t → 1 and 5 (first entry)
        assertThat(r.weights().data()[0]).isEqualTo(1.0);
        assertThat(r.weights().data()[4]).isEqualTo(5.0);
    }

    @Test
    void smoothnessIsDepthTimesTheLargestStep() {
        // θ_n = a + b n / N entrywise in 4 entries: ||θ_{n+1} - θ_n|| = 2 |b| / N, so N max = 2 |b|
        assertThat(DepthResampling.smoothness(affine(Scheme.EULER, 10, 0, 3))).isCloseTo(6, within(1e-12));
        assertThat(DepthResampling.smoothness(affine(Scheme.HEUN, 40, 0, -3))).isCloseTo(6, within(1e-12));
        assertThat(DepthResampling.smoothness(affine(Scheme.EULER, 1, 0, 3))).isEqualTo(0.0);
        // one jump of 1 in one entry at N = 5: N max = 5
        double[] w = new double[3];
        w[2] = 1;
        ResNet jump = new ResNet(new org.resnetode.model.ThetaSquaredFamily(), Scheme.HEUN, new Weights(3, 1, w), 2);
        assertThat(DepthResampling.smoothness(jump)).isEqualTo(2.0);
    }
}
