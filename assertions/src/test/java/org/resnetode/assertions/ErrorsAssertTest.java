package org.resnetode.assertions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;
import static org.resnetode.assertions.ConvergenceAssertions.assertThatErrors;

import org.junit.jupiter.api.Test;

/**
 * The assertions pass and fail where they should, and their messages carry the fit, its 95% interval and the
 * offending points. Expected numbers come from closed forms worked out here, not from the fit under test.
 */
class ErrorsAssertTest {
    static final int[] LADDER = {16, 32, 64, 128};

    static double[] firstOrder(int[] depths, double c) {
        double[] e = new double[depths.length];
        for (int i = 0; i < depths.length; i++) {
            e[i] = c / depths[i];
        }
        return e;
    }

    @Test
    void exactFirstOrderErrorsConvergeAtRateOne() {
        assertThatCode(() -> assertThatErrors(LADDER, firstOrder(LADDER, 0.7)).convergesAtRate(1.0, within(1e-9)))
                .doesNotThrowAnyException();
    }

    /**
     * Errors 1/N with one outlier 5/64: in units x = log N / log 2 = 4..7 (mean 5.5, Σ(x - x̄)² = 5), the slope moves by
     * log 5 (6 - 5.5) / (5 log 2), so the rate is 1 - log 5 / (10 log 2); the residuals of that line give the interval
     * with Student's t(0.975, 2 dof) = 4.302652729911275. Against rate 2 the line c N^-2 through the points has
     * log c = mean(log e + 2 log N), and N = 64 sits furthest from it.
     */
    @Test
    void aWrongRateReportsTheFitItsIntervalAndTheOffendingPoint() {
        double[] e = firstOrder(LADDER, 1);
        e[2] = 5.0 / 64;
        double ln2 = Math.log(2);
        double rate = 1 - Math.log(5) / (10 * ln2);
        double[] x = {4, 5, 6, 7};
        double intercept = 0;
        for (int i = 0; i < 4; i++) {
            intercept += Math.log(e[i]) + rate * x[i] * ln2;
        }
        intercept /= 4;
        double sse = 0;
        for (int i = 0; i < 4; i++) {
            double r = Math.log(e[i]) - (intercept - rate * x[i] * ln2);
            sse += r * r;
        }
        double half = 4.302652729911275 * Math.sqrt(sse / 2 / (5 * ln2 * ln2));
        double logC2 = 0;
        for (int i = 0; i < 4; i++) {
            logC2 += Math.log(e[i]) + 2 * Math.log(LADDER[i]);
        }
        double line64 = Math.exp(logC2 / 4) / (64.0 * 64.0);
        assertThatThrownBy(() -> assertThatErrors(LADDER, e).convergesAtRate(2.0, within(0.1)))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("Expecting errors to converge at rate 2.000 ± 0.1000,")
                .hasMessageContaining(String.format(java.util.Locale.ROOT, "but the fitted rate is %.4g (95%% interval [%.4g, %.4g]) "
                        + "over N = 16..128 (4 points), error ≈ %.4g N^-%.4g.", rate, rate - half, rate + half, Math.exp(intercept), rate))
                .hasMessageEndingWith(String.format(java.util.Locale.ROOT, "through them (measured / line):%n  N=64: error 0.07813, line %.4g (%.3g)%n"
                        + "  N=16: error 0.06250, line %.4g (%.3g)%n  N=32: error 0.03125, line %.4g (%.3g)", line64, (5.0 / 64) / line64,
                        line64 * 16, (1.0 / 16) / (line64 * 16), line64 * 4, (1.0 / 32) / (line64 * 4)));
    }

    /** The mutant "rate tolerance ignored" (always pass, or never pass) is killed by both sides of the tolerance. */
    @Test
    void theToleranceDecides() {
        double[] e = firstOrder(LADDER, 1);
        assertThatThrownBy(() -> assertThatErrors(LADDER, e).convergesAtRate(1.3, within(0.1))).isInstanceOf(AssertionError.class);
        assertThatCode(() -> assertThatErrors(LADDER, e).convergesAtRate(1.3, within(0.31)).convergesAtRate(1.0, within(0.01))
                .doesNotConverge()).isInstanceOf(AssertionError.class).hasMessageContaining("Expecting errors not to converge");
        assertThatCode(() -> assertThatErrors(LADDER, e).convergesAtRate(0.7, within(0.31))).doesNotThrowAnyException();
        assertThatThrownBy(() -> assertThatErrors(LADDER, e).convergesAtRate(0.7, within(0.29))).isInstanceOf(AssertionError.class);
    }

    @Test
    void roundOffAndPreAsymptoticDepthsAreLeftOutOnRequest() {
        double[] e = {0.5, 1.0 / 32, 1.0 / 64, 1e-17};
        assertThatThrownBy(() -> assertThatErrors(LADDER, e).convergesAtRate(1.0, within(0.1))).isInstanceOf(AssertionError.class);
        assertThatCode(() -> assertThatErrors(LADDER, e).aboveRoundOff(1e-15).fromDepth(32).convergesAtRate(1.0, within(1e-9)))
                .doesNotThrowAnyException();
        assertThatThrownBy(() -> assertThatErrors(LADDER, e).aboveRoundOff(1e-15).fromDepth(64).convergesAtRate(1.0, within(0.1)))
                .hasMessageContaining("Expecting errors [N=16: 0.5000, N=32: 0.03125, N=64: 0.01563, N=128: 1.000e-17] to admit a rate fit")
                .hasMessageContaining("fewer than 2 depths in [64, 2147483647] with a finite value above 1.0E-15");
        // the offending points are the fitted ones: from N = 32 on (included), above the floor (excluded)
        assertThatThrownBy(() -> assertThatErrors(LADDER, e).aboveRoundOff(1e-17).fromDepth(32).convergesAtRate(2.0, within(0.1)))
                .hasMessageContaining("over N = 32..64 (2 points)").hasMessageContaining("N=32: error").hasMessageContaining("N=64: error")
                .hasMessageNotContaining("N=128: error").hasMessageNotContaining("N=16: error");
    }

    @Test
    void boundsNameEveryPointAbove() {
        int[] n = {8, 16, 32};
        assertThatCode(() -> assertThatErrors(n, new double[] {0.1, 0.05, 0.03}).isBoundedBy(new double[] {0.1, 0.06, 0.04})
                .isBoundedBy(new double[] {0.1, 0.05, 0.03})).doesNotThrowAnyException();
        assertThatThrownBy(() -> assertThatErrors(n, new double[] {0.1, 0.05, 0.03}).isBoundedBy(new double[] {0.2, 0.04, 0.03}))
                .hasMessageContaining("but 1 of 3 exceed it:")
                .hasMessageContaining("N=16: error 0.05000 > bound 0.04000 (1.25 times it)")
                .hasMessageNotContaining("N=8:").hasMessageNotContaining("N=32:")
                .hasMessageContaining("(the fitted rate is 0.8685");
        assertThatThrownBy(() -> assertThatErrors(n, new double[] {0.1, Double.NaN, 0.03}).isBoundedBy(new double[] {1, 1, 1}))
                .hasMessageContaining("N=16: error NaN > bound 1.000");
        assertThatThrownBy(() -> assertThatErrors(n, new double[] {0.1, 0.05, 0.03}).isBoundedBy(new double[] {1, 1}))
                .hasMessageContaining("Expecting 3 bounds, one per depth, got 2");
    }

    @Test
    void stagnationIsTellingFromConvergence() {
        assertThatCode(() -> assertThatErrors(LADDER, new double[] {0.1, 0.11, 0.1, 0.105}).doesNotConverge().doesNotConverge())
                .doesNotThrowAnyException();
        assertThatThrownBy(() -> assertThatErrors(LADDER, firstOrder(LADDER, 2)).doesNotConverge())
                .hasMessageContaining("Expecting errors not to converge (rate below 0.1000),")
                .hasMessageContaining("but the fitted rate is 1.000 (95% interval [1.000, 1.000]) over N = 16..128 (4 points), error ≈ 2.000 N^-1.000.")
                .hasMessageContaining("Errors: [N=16: 0.1250, N=32: 0.06250, N=64: 0.03125, N=128: 0.01563]");
    }

    /** e = 3/N + 5/N²: N e = 3 + 5/N, so 2 (2N e(2N)) - N e(N) = 3 exactly on every pair. */
    @Test
    void richardsonRemovesTheNextOrder() {
        int[] n = {8, 16, 32};
        double[] e = new double[3];
        for (int i = 0; i < 3; i++) {
            e[i] = 3.0 / n[i] + 5.0 / ((double) n[i] * n[i]);
        }
        assertThatCode(() -> assertThatErrors(n, e).agreesWithRichardson(1, 3, within(1e-12)).agreesWithRichardson(1, 2.9, within(0.04)))
                .doesNotThrowAnyException();
        assertThatThrownBy(() -> assertThatErrors(n, e).agreesWithRichardson(1, 2.5, within(0.1)))
                .hasMessageContaining("on the finest pair N=16, 32 to be 2.500 within 0.1000 relative,")
                .hasMessageContaining("but it is 3.000 (0.200 relative off).")
                .hasMessageContaining("N=8, 16: c ≈ 3.00000").hasMessageContaining("N=16, 32: c ≈ 3.00000");
        assertThatThrownBy(() -> assertThatErrors(new int[] {8, 24}, new double[] {1, 0.3}).agreesWithRichardson(1, 3, within(0.1)))
                .hasMessageContaining("Expecting a pair of depths N, 2N for Richardson extrapolation");
    }

    @Test
    void mismatchedInputIsRefused() {
        assertThatThrownBy(() -> assertThatErrors(new int[] {8, 16}, new double[] {1})).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("depths and errors must be two arrays of the same length, got 2 depths and 1 errors");
        assertThatThrownBy(() -> assertThatErrors(new int[] {0, 16}, new double[] {1, 2})).hasMessage("depth 0 is 0, expected at least 1");
        Errors one = new Errors(new int[] {1}, new double[] {0.5});
        assertThat(one).isEqualTo(new Errors(new int[] {1}, new double[] {0.5})).hasSameHashCodeAs(new Errors(new int[] {1}, new double[] {0.5}))
                .isNotEqualTo(new Errors(new int[] {1}, new double[] {0.25})).isNotEqualTo(new Errors(new int[] {2}, new double[] {0.5}));
    }
}
