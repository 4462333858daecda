package org.resnetode.claim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;
import org.resnetode.stats.RateFit;

/** Claim D's acceptance figures (issue: foundation and Claim D), each measured over the full ladder 8..4096. */
class DistanceClaimTest {
    private static final int[] LADDER = {8, 16, 32, 64, 128, 256, 512, 1024, 2048, 4096};

    private static ClaimResult run(String family, String profile, boolean zeroMean) {
        int dim = family.equals("theta2") ? 1 : 8;
        return DistanceClaim.run(new SweepConfig(family, profile, "euler", dim, dim, LADDER, 1, 1.0, zeroMean, 64, 0),
                Progress.SILENT);
    }

    private static double error(ClaimResult r, int n) {
        return r.rows().stream().filter(row -> row.get("N").equals(n)).mapToDouble(row -> (Double) row.get("error"))
                .findFirst().orElseThrow();
    }

    @ParameterizedTest(name = "{0} on {1}: rate in [0.9, 1.1] over 64..4096")
    @CsvSource({"linear,fourier", "linear,polynomial", "tanh,fourier", "tanh,polynomial", "mlp,fourier",
            "mlp,polynomial", "theta2,fourier", "theta2,polynomial"})
    void smoothProfilesConvergeAtRateOne(String family, String profile) {
        ClaimResult r = run(family, profile, false);
        RateFit fit = r.fit("error");
        assertThat(fit.depthLow()).isEqualTo(64);
        assertThat(fit.depthHigh()).isEqualTo(4096);
        assertThat(fit.rate()).isBetween(0.9, 1.1);
        assertThat(r.verdict()).isEqualTo(Verdict.HOLDS);
    }

    @ParameterizedTest(name = "{0} on {1} around a non-zero mean: no decay")
    @CsvSource({"tanh,iid", "tanh,alternating", "mlp,iid", "mlp,alternating", "theta2,iid", "theta2,alternating"})
    void roughProfilesWithNonlinearThetaDoNotConverge(String family, String profile) {
        ClaimResult r = run(family, profile, false);
        assertThat(error(r, 4096)).isGreaterThanOrEqualTo(0.5 * error(r, 64));
    }

    /** Independent route: x_N = (1 + 1/N)^N exactly, x(1) = exp(∫θ²) = exp((N-1)/(3N) + 1/N). */
    @Test
    void thetaSquaredAlternationApproachesEMinusCubeRootOfE() {
        ClaimResult r = run("theta2", "alternating", true);
        for (Map<String, Object> row : r.rows()) {
            int n = (Integer) row.get("N");
            double exact = Math.exp(n * Math.log1p(1.0 / n)) - Math.exp((n + 2.0) / (3.0 * n));
            assertThat((Double) row.get("error")).as("N=%d", n).isCloseTo(exact, within(1e-9));
        }
        assertThat(error(r, 4096)).isCloseTo(Math.E - Math.exp(1 / 3.0), within(2e-3));
    }

    /**
     * Symbolic route: the two-term expansion ||e^A (P1(A) h + P2(A) h²) x0|| from Symja's P_k matches the
     * measured error up to the O(h³) term, and the claim's own Richardson check agrees.
     */
    @ParameterizedTest(name = "constant linear ResNet, d = {0}")
    @CsvSource({"1", "3", "8"})
    void constantLinearErrorFollowsTheSymbolicExpansion(int dim) {
        ClaimResult r = DistanceClaim.run(new SweepConfig("linear", "constant", "euler", dim, dim, LADDER, 1, 1.0, false, 64, 0),
                Progress.SILENT);
        assertThat(r.verdict()).isEqualTo(Verdict.HOLDS);
        assertThat(r.notes()).anyMatch(n -> n.startsWith("holds: symbolic: error = ||e^A"));
        for (Map<String, Object> row : r.rows()) {
            int n = (Integer) row.get("N");
            double measured = (Double) row.get("error");
            double predicted = (Double) row.get("predicted");
            if (n >= 512) {
                assertThat(Math.abs(measured - predicted) / measured).as("N=%d", n).isLessThan(1e-4);
            }
        }
    }

    @Test
    void zeroMeanAlternationCancelsForOddTanh() {
        ClaimResult r = run("tanh", "alternating", true);
        assertThat(error(r, 4096)).isLessThan(0.05 * error(r, 64));
        assertThat(r.fit("error").rate()).isBetween(0.9, 1.1);
    }

    @Test
    void boundHoldsOnEveryRowOfTheDefaultProfiles() {
        for (String family : List.of("linear", "tanh", "mlp", "theta2")) {
            for (String profile : List.of("kinked", "iid")) {
                ClaimResult r = run(family, profile, false);
                for (Map<String, Object> row : r.rows()) {
                    assertThat((Boolean) row.get("referenceAccepted")).isTrue();
                    assertThat((Double) row.get("tightness")).as("%s %s N=%s", family, profile, row.get("N"))
                            .isGreaterThan(0).isLessThanOrEqualTo(1);
                }
            }
        }
    }
}
