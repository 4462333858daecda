package org.resnetode.claim;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.resnetode.model.DepthProfile.Smoothness;
import org.resnetode.scheme.Scheme;

/** Negative controls of Claims A and H: made-up measurements through {@link AdjointClaim#summarise}. */
class AdjointVerdictTest {
    private static final int[] LADDER = {8, 16, 32, 64, 128, 256, 512, 1024};
    private static final SweepConfig CFG = new SweepConfig("tanh", "fourier", "euler", 2, 2, LADDER, 1, 1.0, false, 64, 2);

    /** Recovery error {@code N^{-recoveryRate}}, gradient error {@code N^{-gradientRate}}. */
    private static List<AdjointMeasurement> power(double recoveryRate, double gradientRate) {
        List<AdjointMeasurement> ms = new ArrayList<>();
        for (int n : LADDER) {
            ms.add(new AdjointMeasurement(n, Math.pow(n, -recoveryRate), Math.pow(n, -gradientRate), 1, 1, 10L * n, 4));
        }
        return ms;
    }

    private static Verdict judge(Scheme scheme, Smoothness smoothness, List<AdjointMeasurement> ms) {
        return AdjointClaim.summarise(CFG, smoothness, scheme, ms).verdict();
    }

    @Test
    void firstOrderEulerHolds() {
        assertThat(judge(Scheme.EULER, Smoothness.SMOOTH, power(1, 1))).isEqualTo(Verdict.HOLDS);
    }

    @Test
    void nanGradientErrorsAreInconclusive() {
        List<AdjointMeasurement> all = new ArrayList<>();
        for (int n : LADDER) {
            all.add(new AdjointMeasurement(n, Double.NaN, Double.NaN, Double.NaN, Double.NaN, 10L * n, 4));
        }
        assertThat(judge(Scheme.EULER, Smoothness.SMOOTH, all)).isEqualTo(Verdict.INCONCLUSIVE);
        List<AdjointMeasurement> one = power(1, 1);
        one.set(2, new AdjointMeasurement(32, 1.0 / 32, Double.NaN, 0, 1, 320, 4));
        assertThat(judge(Scheme.EULER, Smoothness.SMOOTH, one)).isEqualTo(Verdict.INCONCLUSIVE);
    }

    @Test
    void anEulerRateOfFiveIsNotExplainedAndFails() {
        assertThat(judge(Scheme.EULER, Smoothness.SMOOTH, power(1, 5))).isEqualTo(Verdict.FAILS);
    }

    @Test
    void heunRateThreeIsAFindingOnlyWhereTheRoundTripPredictsIt() {
        assertThat(judge(Scheme.HEUN, Smoothness.SMOOTH, power(3, 3))).isEqualTo(Verdict.FINDING);
        assertThat(judge(Scheme.HEUN, Smoothness.ROUGH, power(3, 3))).isEqualTo(Verdict.FAILS);
    }

    @Test
    void theRecoveryErrorRateIsJudgedToo() {
        assertThat(judge(Scheme.EULER, Smoothness.SMOOTH, power(0, 1))).isEqualTo(Verdict.FAILS);
        assertThat(judge(Scheme.EULER, Smoothness.ROUGH, power(1, 0.5))).isEqualTo(Verdict.FAILS);
    }

    @Test
    void twoDepthsInTheFitRangeAreInconclusive() {
        SweepConfig late = new SweepConfig("tanh", "fourier", "euler", 2, 2, LADDER, 1, 1.0, false, 512, 2);
        assertThat(AdjointClaim.summarise(late, Smoothness.SMOOTH, Scheme.EULER, power(1, 1)).verdict())
                .isEqualTo(Verdict.INCONCLUSIVE);
    }
}
