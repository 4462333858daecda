package org.resnetode.claim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.resnetode.assertions.ConvergenceAssertions.assertThatErrors;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.resnetode.model.DepthProfile;
import org.resnetode.scheme.Scheme;

/**
 * The reverse step's stage i reads the weights at time {@code t_{n+1} - c_i h} (position {@code 1 - c_i} of the step).
 * By hand, midpoint (c = 0, 1/2): forward factor {@code 1 + h m + h² m a_n/2}, m = (a_n + a_{n+1})/2; reverse factor
 * {@code 1 - h m + h² m a_{n+1}/2}; product {@code 1 + h³ m² (a_{n+1} - a_n)/2 + h⁴ m² a_n a_{n+1}/4}, O(h⁴) per step
 * when a_{n+1} - a_n = δ = O(h): N steps recover the activations at order 3. Ralston (c = 0, 2/3, b = 1/4, 3/4): with
 * α = a_n + 2δ/3 (forward stage 2) and β = a_n + δ/3 (reverse stage 2, position 1/3), both steps' h terms are ±h m and
 * the product is {@code 1 - h² δ²/12 + h³ m (β a_{n+1} - α a_n)/2 + O(h⁴)}, O(h⁴) per step again: order 3. (The old
 * reverse positions {@code c_max - c_i} leave an O(h³) defect, order 1: measured 1.010 and 1.008.)
 */
class ReverseStageTimeTest {
    private static final int[] LADDER = {16, 32, 64, 128, 256};

    @ParameterizedTest(name = "{0} adjoint on smooth weights recovers at order 3")
    @CsvSource({"midpoint", "ralston"})
    void secondOrderTableauxWithInteriorLastStageRecoverAtOrderThree(String scheme) {
        int byHand = 3;
        int predicted = AdjointClaim.roundTripRate(Scheme.byName(scheme), DepthProfile.Smoothness.SMOOTH);
        assertThat(predicted).isEqualTo(byHand);
        ClaimResult r = AdjointClaim.run(new SweepConfig("linear", "fourier", scheme, 1, 1, LADDER, 1, 1.0, false, 16, 1),
                Progress.SILENT);
        int[] depths = r.rows().stream().mapToInt(row -> (int) row.get("N")).toArray();
        double[] recovery = r.rows().stream().mapToDouble(row -> (double) row.get("recoveryError")).toArray();
        assertThatErrors(depths, recovery).aboveRoundOff(AdjointClaim.ROUND_OFF_FLOOR).convergesAtRate(predicted, within(0.15));
    }
}
