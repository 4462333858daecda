package org.resnetode.rough;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.resnetode.model.Gaussian;

/** The closed-form quadrature error against direct sampling (the 2% acceptance at M = 10^4). */
class QuadratureSamplingTest {
    private static final double[] EULER_B = {1};
    private static final double[] EULER_C = {0};
    private static final double[] HEUN_B = {0.5, 0.5};
    private static final double[] HEUN_C = {0, 1};

    @Test
    void exactPredictionAgreesWithTenThousandSampledPathsToTwoPercent() {
        // independent route: the integral from the trapezoid rule on a 2^12 grid of the same path (its own error is
        // (2^12/16)^{-(H+1/2)} ≈ 1e-3 of the measured one)
        double hurst = 0.3;
        int n = 16;
        int fine = 4096;
        int paths = 10_000;
        DaviesHarte dh = new DaviesHarte(hurst, fine);
        SplittableRandom rng = new SplittableRandom(2026);
        double[] z = new double[dh.gaussianCount()];
        double[] re = new double[dh.bufferLength()];
        double[] im = new double[dh.bufferLength()];
        double[] b = new double[fine + 1];
        double euler = 0;
        double trapezoid = 0;
        for (int p = 0; p < paths; p++) {
            for (int i = 0; i < z.length; i++) {
                z[i] = Gaussian.next(rng);
            }
            dh.path(z, re, im, b);
            double integral = 0;
            for (int k = 0; k < fine; k++) {
                integral += (b[k] + b[k + 1]) / (2.0 * fine);
            }
            double left = 0;
            int stride = fine / n;
            for (int k = 0; k < n; k++) {
                left += b[k * stride] / n;
            }
            double trap = left + (b[fine] - b[0]) / (2.0 * n);
            euler += (left - integral) * (left - integral);
            trapezoid += (trap - integral) * (trap - integral);
        }
        double predictedEuler = Math.sqrt(QuadratureError.meanSquare(hurst, QuadratureError.tableauWeights(EULER_B, EULER_C, n)));
        double predictedHeun = Math.sqrt(QuadratureError.meanSquare(hurst, QuadratureError.tableauWeights(HEUN_B, HEUN_C, n)));
        assertThat(Math.sqrt(euler / paths)).isCloseTo(predictedEuler, within(0.02 * predictedEuler));
        assertThat(Math.sqrt(trapezoid / paths)).isCloseTo(predictedHeun, within(0.02 * predictedHeun));
    }

}
