package org.resnetode.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class RateFitTest {
    private static final int[] LADDER = {8, 16, 32, 64, 128, 256, 512, 1024, 2048, 4096};

    @Test
    void exactPowerLawsGiveTheirRateWithATinyInterval() {
        for (double r : new double[] {0.5, 1, 2, 3.7}) {
            double c = 3.0;
            double[] e = new double[LADDER.length];
            for (int i = 0; i < LADDER.length; i++) {
                e[i] = c * Math.pow(LADDER[i], -r);
            }
            RateFit fit = RateFit.fit("err", LADDER, e, 1, Integer.MAX_VALUE, 0);
            assertThat(fit.quantity()).isEqualTo("err");
            assertThat(fit.rate()).isCloseTo(r, within(1e-12));
            // the interval comes from SSE = Syy - Sxy²/Sxx, whose cancellation leaves ~eps Syy = eps r² Sxx:
            // half-width ~ t_{0.975,8} r sqrt(eps (n terms) / (n-2)) ≈ 4e-8 r, i.e. sqrt(eps), not eps, level
            double half = 1e-7 * Math.max(1, r);
            assertThat(fit.ci95Low()).isLessThanOrEqualTo(fit.rate()).isCloseTo(r, within(half));
            assertThat(fit.ci95High()).isGreaterThanOrEqualTo(fit.rate()).isCloseTo(r, within(half));
            assertThat(fit.logConstant()).isCloseTo(Math.log(c), within(1e-10));
            assertThat(fit.points()).isEqualTo(LADDER.length);
            assertThat(fit.depthLow()).isEqualTo(8);
            assertThat(fit.depthHigh()).isEqualTo(4096);
            assertThat(fit.rateWithin(r - 1e-9, r + 1e-9)).isTrue();
            assertThat(fit.rateWithin(r + 1e-6, r + 1)).isFalse();
        }
    }

    /** Dropped points carry errors that would wreck the fit if they were kept. */
    @Test
    void pointsAtOrBelowTheFloorAndOutsideTheDepthRangeAreDropped() {
        int[] depths = {4, 8, 16, 32, 64, 128, 256, 8192};
        double[] e = new double[depths.length];
        for (int i = 0; i < depths.length; i++) {
            e[i] = 2.0 / depths[i];
        }
        e[0] = 100;          // depth 4 < minDepth
        e[7] = 50;           // depth 8192 > maxDepth
        e[5] = 1e-3;         // exactly at the floor
        e[6] = 1e-7;         // below the floor
        RateFit fit = RateFit.fit("gap", depths, e, 8, 4096, 1e-3);
        assertThat(fit.points()).isEqualTo(4);
        assertThat(fit.depthLow()).isEqualTo(8);
        assertThat(fit.depthHigh()).isEqualTo(64);
        assertThat(fit.rate()).isCloseTo(1, within(1e-12));
        assertThat(fit.logConstant()).isCloseTo(Math.log(2), within(1e-12));
        // the range bounds are inclusive
        RateFit inclusive = RateFit.fit("gap", depths, e, 16, 32, 0);
        assertThat(inclusive.points()).isEqualTo(2);
        assertThat(inclusive.rate()).isCloseTo(1, within(1e-12));
    }

    @Test
    void aLadderEndingBelowTheFitStartSaysSoInOrder() {
        assertThatThrownBy(() -> RateFit.fit("error", new int[] {8, 16, 32}, new double[] {1, 0.5, 0.25}, 64, 32, 0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("rate of error: no depth of the ladder reaches N = 64 (it ends at N = 32)");
    }

    @Test
    void fewerThanTwoPointsIsAnError() {
        int[] depths = {8, 16, 32};
        double[] e = {1e-3, 1e-9, 1e-9};
        assertThatThrownBy(() -> RateFit.fit("adjoint gradient", depths, e, 1, 100, 1e-8))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("adjoint gradient");
        assertThatThrownBy(() -> RateFit.fit("x", depths, e, 64, 128, 0))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> RateFit.fit("x", new int[0], new double[0], 1, 100, 0))
                .isInstanceOf(IllegalArgumentException.class);
    }

    /**
     * Noisy data: slope and 95% interval by hand, {@code b = Sxy/Sxx},
     * {@code half = t_{0.975, n-2} sqrt(SSE/(n-2)/Sxx)} with t_{0.975,3} = 3.182446305284263.
     */
    @Test
    void confidenceIntervalIsTheStudentTIntervalOfTheSlope() {
        int[] depths = {16, 32, 64, 128, 256};
        double[] noise = {0.05, -0.08, 0.02, 0.07, -0.04};
        double[] e = new double[depths.length];
        double[] lx = new double[depths.length];
        double[] ly = new double[depths.length];
        for (int i = 0; i < depths.length; i++) {
            e[i] = 0.5 * Math.pow(depths[i], -1.2) * Math.exp(noise[i]);
            lx[i] = Math.log(depths[i]);
            ly[i] = Math.log(e[i]);
        }
        double mx = mean(lx);
        double my = mean(ly);
        double sxx = 0;
        double sxy = 0;
        for (int i = 0; i < lx.length; i++) {
            sxx += (lx[i] - mx) * (lx[i] - mx);
            sxy += (lx[i] - mx) * (ly[i] - my);
        }
        double slope = sxy / sxx;
        double sse = 0;
        for (int i = 0; i < lx.length; i++) {
            double res = ly[i] - (my + slope * (lx[i] - mx));
            sse += res * res;
        }
        double half = 3.182446305284263 * Math.sqrt(sse / 3 / sxx);
        RateFit fit = RateFit.fit("noisy", depths, e, 1, 1000, 0);
        assertThat(fit.rate()).isCloseTo(-slope, within(1e-12));
        assertThat(fit.ci95Low()).isCloseTo(-slope - half, within(1e-9));
        assertThat(fit.ci95High()).isCloseTo(-slope + half, within(1e-9));
        assertThat(fit.logConstant()).isCloseTo(my - slope * mx, within(1e-12));
        assertThat(fit.ci95Low()).isLessThan(1.2);
        assertThat(fit.ci95High()).isGreaterThan(1.2);
    }

    /** {@code e = c/N + d/N²}: {@code g(N) = N e = c + d/N}, so {@code 2 g(2N) - g(N) = c} exactly. */
    @Test
    void richardsonRecoversTheLeadingConstant() {
        double c = 1.7;
        double d = -4.2;
        for (int n : new int[] {4, 32, 1000}) {
            double eN = c / n + d / ((double) n * n);
            double e2N = c / (2.0 * n) + d / (4.0 * n * n);
            assertThat(Richardson.leadingConstant(n, eN, e2N, 1)).isCloseTo(c, within(1e-12));
            // rate 2: e = c/N² + d/N³
            double fN = c / Math.pow(n, 2) + d / Math.pow(n, 3);
            double f2N = c / Math.pow(2.0 * n, 2) + d / Math.pow(2.0 * n, 3);
            assertThat(Richardson.leadingConstant(n, fN, f2N, 2)).isCloseTo(c, within(1e-12));
            // a k/N³ term leaves 2k/(2N)² - k/N² = -k/(2N²)
            double k = 3.0;
            double gN = eN + k / Math.pow(n, 3);
            double g2N = e2N + k / Math.pow(2.0 * n, 3);
            assertThat(Richardson.leadingConstant(n, gN, g2N, 1)).isCloseTo(c - k / (2.0 * n * n), within(1e-12));
        }
    }

    private static double mean(double[] v) {
        double s = 0;
        for (double x : v) {
            s += x;
        }
        return s / v.length;
    }

    /** Both ends of the band are inside: a rate of exactly 1.5 is within [1.5, 2] and [1, 1.5], not within [1.6, 2] or [1, 1.4]. */
    @Test
    void rateWithinIncludesBothEndsOfTheBand() {
        RateFit fit = new RateFit("e", 1.5, 1.4, 1.6, 8, 64, 4, 0);
        assertThat(fit.rateWithin(1.5, 2)).isTrue();
        assertThat(fit.rateWithin(1, 1.5)).isTrue();
        assertThat(fit.rateWithin(1.6, 2)).isFalse();
        assertThat(fit.rateWithin(1, 1.4)).isFalse();
    }

    /** The depth range is inclusive at both ends: points exactly at minDepth and maxDepth with a different slope there change the fit. */
    @Test
    void depthsExactlyAtTheRangeEndsAreUsed() {
        int[] depths = {8, 16, 32, 64};
        double[] e = {1.0, 1.0 / 16, 1.0 / 32, 1.0};
        // only 16, 32 inside [16, 32]: rate 1 exactly; with 8 or 64 the rate would not be 1
        RateFit fit = RateFit.fit("e", depths, e, 16, 32, 0);
        assertThat(fit.points()).isEqualTo(2);
        assertThat(fit.depthLow()).isEqualTo(16);
        assertThat(fit.depthHigh()).isEqualTo(32);
        assertThat(fit.ci95Low()).isNaN();
        // three points e = 1/N on 16, 32, 64 of [16, 64]: the interval is finite (n - 2 = 1 degree of freedom)
        double[] f = {1.0, 1.0 / 16, 1.0 / 32, 1.0 / 64};
        RateFit three = RateFit.fit("e", depths, f, 16, 64, 0);
        assertThat(three.points()).isEqualTo(3);
        assertThat(three.rate()).isCloseTo(1, within(1e-12));
        assertThat(three.ci95Low()).isCloseTo(1, within(1e-6));
    }
}
