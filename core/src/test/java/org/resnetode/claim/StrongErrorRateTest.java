package org.resnetode.claim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.SplittableRandom;
import org.apache.commons.math3.distribution.NormalDistribution;
import org.junit.jupiter.api.Test;
import org.resnetode.model.Gaussian;

class StrongErrorRateTest {
    private static final int[] DEPTHS = {64, 128, 256, 512};

    /** errors[i][p][0] = |ξ_p| c N_i^{-r}: every path scales exactly as N^{-r}. */
    private static double[][][] powerLaw(double rate, int paths, long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        double[] xi = new double[paths];
        for (int p = 0; p < paths; p++) {
            xi[p] = Math.abs(Gaussian.next(rng));
        }
        double[][][] e = new double[DEPTHS.length][paths][1];
        for (int i = 0; i < DEPTHS.length; i++) {
            for (int p = 0; p < paths; p++) {
                e[i][p][0] = 3 * xi[p] * Math.pow(DEPTHS[i], -rate);
            }
        }
        return e;
    }

    @Test
    void exactPowerLawGivesItsRateAndADegenerateBootstrapInterval() {
        StrongErrorRate.Interval r = StrongErrorRate.bootstrap(DEPTHS, powerLaw(0.7, 50, 1), 200, 5);
        assertThat(r.rate()).isCloseTo(0.7, within(1e-12));
        // every resample scales by the same N^{-0.7}: the interval collapses onto the rate
        assertThat(r.low()).isCloseTo(0.7, within(1e-12));
        assertThat(r.high()).isCloseTo(0.7, within(1e-12));
    }

    @Test
    void bootstrapIntervalWidensWithIndependentNoiseAcrossDepthsAndContainsTheTrueRate() {
        // per-path errors c_p N^{-r} with an independent factor per depth: the mean still scales as N^{-r}
        SplittableRandom rng = new SplittableRandom(9);
        int paths = 400;
        double[][][] e = new double[DEPTHS.length][paths][1];
        for (int i = 0; i < DEPTHS.length; i++) {
            for (int p = 0; p < paths; p++) {
                e[i][p][0] = Math.abs(Gaussian.next(rng)) * Math.pow(DEPTHS[i], -0.6);
            }
        }
        StrongErrorRate.Interval r = StrongErrorRate.bootstrap(DEPTHS, e, 1000, 3);
        assertThat(r.low()).isLessThan(0.6);
        assertThat(r.high()).isGreaterThan(0.6);
        assertThat(r.high() - r.low()).isBetween(0.01, 0.2);
    }

    @Test
    void strongErrorIsTheWorstTimeOfTheMeanOverPathsAndRmsTheRootMeanSquare() {
        double[][] e = {{1, 4}, {3, 0}};
        assertThat(StrongErrorRate.strongError(e, null)).isEqualTo(2.0);
        assertThat(StrongErrorRate.strongError(e, new int[] {1, 1})).isEqualTo(3.0);
        assertThat(StrongErrorRate.rmsError(e)).isCloseTo(Math.sqrt(8), within(1e-15));
    }

    @Test
    void kloedenRosaIntervalIsTheRangeOfSlopesThroughTheBonferroniEnds() {
        // two depths, three paths, one time: means 2 and 0.2, sample standard deviations 0.1 and 0.01
        int[] depths = {10, 100};
        double[][][] e = {{{1.9}, {2.0}, {2.1}}, {{0.19}, {0.2}, {0.21}}};
        double z = new NormalDistribution().inverseCumulativeProbability(1 - 0.05 / 4);
        double se0 = 0.1 / Math.sqrt(3);
        double se1 = 0.01 / Math.sqrt(3);
        double dx = Math.log(100) - Math.log(10);
        StrongErrorRate.Interval r = StrongErrorRate.kloedenRosa(depths, e);
        assertThat(r.rate()).isCloseTo(1.0, within(1e-12));
        // steepest: upper end at N = 10, lower end at N = 100; flattest the other way round
        assertThat(r.high()).isCloseTo((Math.log(2 + z * se0) - Math.log(0.2 - z * se1)) / dx, within(1e-12));
        assertThat(r.low()).isCloseTo((Math.log(2 - z * se0) - Math.log(0.2 + z * se1)) / dx, within(1e-12));
    }
}
