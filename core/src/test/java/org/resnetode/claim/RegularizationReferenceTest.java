package org.resnetode.claim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.resnetode.train.linear.TrainingHistory;

/**
 * The limit against a deep reference (docs/derivations/claims.md section 3): on layers that follow the expansion
 * {@code A^K_n = a(t_n) + c(t_n)/K + e/K²} exactly, every figure has a closed form; a deep run that disagrees with the
 * ladder's limit fails; a real training follows the leading-order prediction.
 */
@org.junit.jupiter.api.Timeout(value = 5, unit = java.util.concurrent.TimeUnit.MINUTES) // a training loop
class RegularizationReferenceTest {
    private static final double E = 0.8;
    private static final double FLOOR = RegularizationClaim.ROUND_OFF_FLOOR;

    /** Scalar layers: at the first tracked time zero at every depth, at the second the expansion (plus {@code shift} at depth 128). */
    private static Map<Integer, TrainingHistory> expansion(double shift) {
        Map<Integer, TrainingHistory> h = new TreeMap<>();
        for (int k : new int[] {16, 32, 64, 128}) {
            double[] w = new double[k];
            for (int n = 0; n < k; n++) {
                double t = n / (double) k;
                w[n] = Math.sin(3 * t) + (1 + t) / k + E / ((double) k * k) + (k == 128 ? shift : 0);
            }
            TrainingHistory history = new TrainingHistory(true);
            history.tracked(0, 0, 1, 0, new double[k]);
            history.tracked(1, 1, 0, 0, w);
            h.put(k, history);
        }
        return h;
    }

    @Test
    void anExactExpansionGivesTheClosedForms() {
        RegularizationReference.Check c = RegularizationReference.of(new int[] {16, 32, 64}, expansion(0), 1, FLOOR);
        // only N = 16 has a reference 4N deep (M = 64, read with 2M = 128)
        assertThat(c.depths()).containsExactly(16);
        assertThat(c.reference()).isEqualTo(64);
        int n = 16;
        int m = 64;
        double eta = E / (2.0 * n * n);
        // R - A^ref = -e/(2N²) + e/(2M²); E - D = e/(2N²) - e/(2M²) at the last layer, where c = 1 + t is largest
        double gap = E / 2 * (1.0 / (n * n) - 1.0 / (m * m));
        assertThat(c.limitRatio()).isCloseTo(gap / (2 * eta + FLOOR), within(1e-9));
        assertThat(c.distanceRatio()).isCloseTo(gap / (2 * eta + FLOOR), within(1e-9));
        assertThat(c.limitRatio()).isCloseTo((1 - 1.0 / 16) / 2, within(1e-9));
        // sup_t D: at the last layer, t = 15/16
        double d = (1 + 15.0 / 16) / n + E / (n * n) + E / (2.0 * m * m);
        assertThat(c.referenceDistance(16)).isCloseTo(d, within(1e-12));
        assertThat(c.referenceDistance(32)).isNaN();
        assertThat(RegularizationReference.eta(new double[] {1 + 0.5 + 1.0 / 4}, new double[] {1 + 0.25 + 1.0 / 16},
                new double[] {1 + 0.125 + 1.0 / 64}, 1)).isCloseTo(1.0 / 8, within(1e-15));
    }

    /** The deepest run off the ladder's limit by 0.01: the reference moves by 0.02, twelve times the band 2η = 3.1e-3 away. */
    @Test
    void aDeepRunOffTheLaddersLimitFails() {
        RegularizationReference.Check c = RegularizationReference.of(new int[] {16, 32, 64}, expansion(0.01), 1, FLOOR);
        double band = 2 * E / (2.0 * 16 * 16) + FLOOR;
        assertThat(c.limitRatio()).isCloseTo((0.02 + E / 2 * (1.0 / 256 - 1.0 / 4096)) / band, within(1e-9));
        assertThat(c.limitRatio()).isGreaterThan(1);
        ClaimResult r = judge(c);
        assertThat(r.verdict()).isEqualTo(Verdict.FAILS);
        assertThat(r.notes()).anyMatch(x -> x.startsWith("fails: Richardson limit 2 A^{2N}_{2n} - A^N_n against the deep reference"))
                .anyMatch(x -> x.startsWith("fails: limit distance 2 max_n ||A^N_n - A^{2N}_{2n}|| against the distance to the deep"));
        assertThat(judge(RegularizationReference.of(new int[] {16, 32, 64}, expansion(0), 1, FLOOR)).verdict()).isEqualTo(Verdict.HOLDS);
    }

    /** A ladder reaching less than 4 N_min has no depth to judge: inconclusive, with the reason. */
    @Test
    void aLadderWithoutADeepReferenceIsInconclusive() {
        RegularizationReference.Check c = RegularizationReference.of(new int[] {16, 32}, expansion(0), 1, FLOOR);
        assertThat(c.depths()).isEmpty();
        ClaimResult r = judge(c);
        assertThat(r.verdict()).isEqualTo(Verdict.INCONCLUSIVE);
        assertThat(r.notes()).contains("inconclusive: the limit against a deep reference needs a ladder reaching 4 N_min (with 4 N_min "
                + "trained); depths 16..64 have none");
        // 48 is not a multiple of 16 and 64 = 4 × 16 is not trained (no 32 in the ladder): none judged
        Map<Integer, TrainingHistory> h = expansion(0);
        assertThat(RegularizationReference.of(new int[] {16, 48}, h, 1, FLOOR).depths()).isEmpty();
        h.remove(64);
        assertThat(RegularizationReference.of(new int[] {16, 64}, h, 1, FLOOR).depths()).isEmpty();
    }

    /**
     * A real training (d = 8, random:0.5, zero initialisation, ladder 16..64) follows the leading order: at N = 16 with
     * M = 64, max_n ||R_n - A^ref_n|| / (2 η) = (1 - N²/M²)/2 = 0.46875, up to the O(1/N) relative next order.
     */
    @Test
    void aTrainedLadderFollowsTheLeadingOrder() {
        RegularizationConfig cfg = RegularizationClaimTest.config(8, "random:0.5", 1, new int[] {16, 32, 64}, RegularizationConfig.ZERO);
        Map<Integer, TrainingHistory> h = RegularizationClaim.train(cfg, List.of(16, 32, 64, 128), Progress.SILENT);
        RegularizationReference.Check c = RegularizationReference.of(cfg.depths(), h, 8, FLOOR);
        assertThat(c.limitRatio()).isCloseTo(0.46875, within(0.46875 / 16));
        assertThat(c.distanceRatio()).isLessThanOrEqualTo(c.limitRatio());
    }

    /** Every other statement inside its band (losses 1e-20, distances exactly 1/N, S flat), the reference judged as given. */
    private static ClaimResult judge(RegularizationReference.Check c) {
        int[] depths = {16, 32, 64};
        RegularizationConfig cfg = RegularizationClaimTest.config(1, "random:0.5", 1, depths, RegularizationConfig.ZERO);
        double[] inverse = {1.0 / 16, 1.0 / 32, 1.0 / 64};
        return RegularizationClaim.verdict(cfg, List.of(), depths, inverse, inverse, new double[] {0.5, 0.5, 0.5},
                new double[] {1e-20, 1e-20, 1e-20}, new double[0][], new TrainingHistory(false), c);
    }
}
