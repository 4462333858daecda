package org.resnetode.claim;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Acceptance figures of Claims A and H, over depths 8..4096 with rates fitted over 64..4096. */
class AdjointClaimTest {
    private static final int[] LADDER = {8, 16, 32, 64, 128, 256, 512, 1024, 2048, 4096};

    private static ClaimResult run(String family, String profile, String scheme) {
        return AdjointClaim.run(new SweepConfig(family, profile, scheme, 8, 8, LADDER, 1, 1.0, false, 64, 4),
                Progress.SILENT);
    }

    @ParameterizedTest(name = "euler adjoint, {0} on {1}: rate in [0.9, 1.1]")
    @CsvSource({"mlp,fourier", "mlp,iid", "tanh,fourier", "tanh,iid", "linear,fourier", "linear,iid"})
    void eulerAdjointErrorIsFirstOrderWhateverTheSmoothness(String family, String profile) {
        ClaimResult r = run(family, profile, "euler");
        assertThat(r.fit("gradientError").rate()).isBetween(0.9, 1.1);
        assertThat(r.fit("recoveryError").rate()).isBetween(0.9, 1.1);
        assertThat(r.verdict()).isEqualTo(Verdict.HOLDS);
    }

    @ParameterizedTest(name = "heun adjoint, {0} on fourier: rate at least 1.9")
    @CsvSource({"mlp", "tanh", "linear"})
    void heunAdjointGainsOnSmoothWeights(String family) {
        ClaimResult r = run(family, "fourier", "heun");
        assertThat(r.fit("gradientError").rate()).isGreaterThanOrEqualTo(1.9);
    }

    @ParameterizedTest(name = "heun adjoint, {0} on iid: rate in [0.7, 1.3]")
    @CsvSource({"mlp", "tanh", "linear"})
    void heunAdjointDoesNotGainOnRoughWeights(String family) {
        ClaimResult r = run(family, "iid", "heun");
        assertThat(r.fit("gradientError").rate()).isBetween(0.7, 1.3);
    }
}
