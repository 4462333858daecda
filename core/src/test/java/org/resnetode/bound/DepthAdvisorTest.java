package org.resnetode.bound;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.resnetode.model.DepthProfile;
import org.resnetode.model.DepthProfiles;
import org.resnetode.model.LinearFamily;
import org.resnetode.model.ThetaSquaredFamily;
import org.resnetode.scheme.Scheme;

/**
 * The depth advisor on {@code x' = θ² x} with θ constant, where the Euler error has the closed form
 * {@code |(1 + θ²/N)^N - e^{θ²}|}: the advised depth meets the tolerance in closed form, the depth below it does not come
 * close, and every candidate tried is listed; and the expanding weights of the negative control shift every block.
 */
class DepthAdvisorTest {

    private static double eulerError(double a, int n) {
        return Math.abs(Math.exp(n * Math.log1p(a / n)) - Math.exp(a));
    }

    /** θ = 1.25 on every layer. */
    private static DepthProfile constant() {
        return DepthProfiles.create("constant", new ThetaSquaredFamily(), 1, 1.0, false)
                .changed((n, depth, out, off) -> out[off] = 1.25);
    }

    @Test
    void advisedDepthIsTheSmallestMeetingTheToleranceInClosedForm() {
        double a = 1.25 * 1.25;
        for (double tolerance : new double[] {1e-1, 1e-2, 3e-3}) {
            DepthAdvisor.Advice advice = DepthAdvisor.advise(new ThetaSquaredFamily(), constant(), Scheme.EULER, new double[] {1},
                    tolerance, 1 << 12);
            int n = advice.depth();
            assertThat(n).as("advised depth for %s", tolerance).isPositive();
            assertThat(advice.bound()).isLessThanOrEqualTo(tolerance).isGreaterThanOrEqualTo(eulerError(a, n));
            assertThat(eulerError(a, n)).isLessThanOrEqualTo(tolerance);
            // the bound is tight (> 0.9 of the error), so one depth less misses the tolerance by less than 10% at most
            assertThat(eulerError(a, n - 1)).as("N - 1 = %d", n - 1).isGreaterThan(0.9 * tolerance);
            assertThat(advice.candidates()).extracting(DepthAdvisor.Candidate::depth).contains(n, n - 1);
            assertThat(advice.describe()).startsWith("depth advisor: N = " + n + " is the smallest depth found");
        }
    }

    @Test
    void anUnreachableToleranceIsReportedWithEveryDepthTried() {
        DepthAdvisor.Advice advice = DepthAdvisor.advise(new ThetaSquaredFamily(), constant(), Scheme.EULER, new double[] {1},
                1e-9, 64);
        assertThat(advice.depth()).isEqualTo(-1);
        assertThat(advice.bound()).isNaN();
        assertThat(advice.candidates()).extracting(DepthAdvisor.Candidate::depth).containsExactly(1, 2, 4, 8, 16, 32, 64);
        assertThat(advice.describe()).startsWith("depth advisor: no depth up to 64 has a certified bound <= 1.00e-09");
    }

    @Test
    void expandingWeightsShiftEveryBlockByFourBeyondItsFrobeniusNorm() {
        double[] linear = {3, 0, 0, 4};
        ExpandingWeights.shift("linear", 2, 4, linear, 0);
        assertThat(linear).containsExactly(3 + 9, 0, 0, 4 + 9);
        double[] mlp = {0, 3, 4, 0, 0, 0};
        // d = 1, hidden 3: W1 = (0, 3, 4)^T (Frobenius 5), W2 = (0, 0, 0) (0): W1_00 += 9, W2_00 += 4
        ExpandingWeights.shift("mlp", 1, 6, mlp, 0);
        assertThat(mlp).containsExactly(9, 3, 4, 4, 0, 0);
        // d = 2, hidden 3: W1 (3 × 2) = [[0, 0], [3, 0], [0, 4]] (Frobenius 5), W2 (2 × 3) = [[1, 0, 0], [0, 0, 0]] (1):
        // W1_00, W1_11 += 9; W2_00, W2_11 += 5
        double[] wide = {0, 0, 3, 0, 0, 4, 1, 0, 0, 0, 0, 0};
        ExpandingWeights.shift("mlp", 2, 12, wide, 0);
        assertThat(wide).containsExactly(9, 0, 3, 9, 0, 4, 6, 0, 0, 0, 5, 0);
        double[] theta = {-0.5};
        ExpandingWeights.shift("theta2", 1, 1, theta, 0);
        assertThat(theta).containsExactly(2.5);
        double[] out = new double[4];
        ExpandingWeights.of(DepthProfiles.create("constant", new LinearFamily(2), 3, 1.0, false), new LinearFamily(2))
                .layer(0, 8, out, 0);
        double[] plain = new double[4];
        DepthProfiles.create("constant", new LinearFamily(2), 3, 1.0, false).layer(0, 8, plain, 0);
        double shift = 4 + Math.sqrt(plain[0] * plain[0] + plain[1] * plain[1] + plain[2] * plain[2] + plain[3] * plain[3]);
        assertThat(out[0]).isCloseTo(plain[0] + shift, org.assertj.core.data.Offset.offset(1e-12));
        assertThat(out[1]).isEqualTo(plain[1]);
        assertThat(out[3]).isCloseTo(plain[3] + shift, org.assertj.core.data.Offset.offset(1e-12));
    }

    /** The notes line lists every candidate as N:bound in the order tried; with none tried the depth reached is 0. */
    @Test
    void theNotesLineListsTheCandidatesTried() {
        var tried = java.util.List.of(new DepthAdvisor.Candidate(1, 0.5), new DepthAdvisor.Candidate(2, 0.25));
        assertThat(new DepthAdvisor.Advice(0.3, 2, 0.25, tried).describe()).isEqualTo(
                "depth advisor: N = 2 is the smallest depth found whose certified bound 0.2500 <= tolerance 0.300 "
                        + "(bisection, every candidate certified; tried N:bound [1:0.500, 2:0.250])");
        assertThat(new DepthAdvisor.Advice(0.1, -1, Double.NaN, java.util.List.of()).describe()).isEqualTo(
                "depth advisor: no depth up to 0 has a certified bound <= 0.100 (tried N:bound [])");
    }

    /**
     * The advisor asks for a bound "at most" the tolerance: a tolerance equal to the advised depth's own certified bound
     * is met by that depth (the certify is deterministic for the same weights), both when the depth is found by doubling
     * and when it is found by bisection; the depth below still fails (its bound exceeded the larger tolerance).
     */
    @Test
    void aBoundEqualToTheToleranceMeetsIt() {
        for (double tolerance : new double[] {1e-1, 1e-2, 3e-3}) {
            DepthAdvisor.Advice first = DepthAdvisor.advise(new ThetaSquaredFamily(), constant(), Scheme.EULER,
                    new double[] {1}, tolerance, 1 << 12);
            DepthAdvisor.Advice again = DepthAdvisor.advise(new ThetaSquaredFamily(), constant(), Scheme.EULER,
                    new double[] {1}, first.bound(), 1 << 12);
            assertThat(again.depth()).as("tolerance %s", tolerance).isEqualTo(first.depth());
            assertThat(again.bound()).isEqualTo(first.bound());
        }
    }

    /**
     * Doubling stops at the first depth whose bound is at most the tolerance, and bisection only searches below it: with
     * the tolerance set to exactly the bound of a depth the doubling tries (1, 2, 4, ...), the advised depth is at most
     * that depth, and the doubling tries no depth beyond it.
     */
    @Test
    void aDoublingCandidateWhoseBoundEqualsTheToleranceEndsTheDoubling() {
        DepthAdvisor.Advice first = DepthAdvisor.advise(new ThetaSquaredFamily(), constant(), Scheme.EULER,
                new double[] {1}, 1e-9, 64);
        for (DepthAdvisor.Candidate c : first.candidates()) {
            DepthAdvisor.Advice again = DepthAdvisor.advise(new ThetaSquaredFamily(), constant(), Scheme.EULER,
                    new double[] {1}, c.bound(), 1 << 12);
            assertThat(again.depth()).as("tolerance = bound at N = %d", c.depth()).isBetween(1, c.depth());
            assertThat(again.bound()).isLessThanOrEqualTo(c.bound());
            assertThat(again.candidates()).extracting(DepthAdvisor.Candidate::depth).allMatch(n -> n <= c.depth());
        }
    }

    /** Depth 0 is a found depth (only -1 means none): its notes line states it as found. */
    @Test
    void aFoundDepthOfZeroIsDescribedAsFound() {
        DepthAdvisor.Advice advice = new DepthAdvisor.Advice(0.5, 0, 0.25,
                java.util.List.of(new DepthAdvisor.Candidate(0, 0.25)));
        assertThat(advice.describe()).startsWith("depth advisor: N = 0 is the smallest depth found");
    }
}
