package org.resnetode.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The adjoint claim's finite-difference statement fails on its negative control through the real command (exit 1). */
class FiniteDifferenceControlTest {
    @Test
    void aDoubledParameterVjpFailsTheAdjointClaimWithExitOne() {
        CliTest.Run r = CliTest.run("adjoint", "--scheme", "euler", "--depths", "16:64", "--fit-from", "16", "--family", "tanh",
                "--profile", "fourier", "--dim", "4", "--control", "wrong-vjp");
        assertThat(r.code()).isEqualTo(1);
        assertThat(r.out()).contains("verdict: fails")
                .contains("fails: backprop's gradient g against central differences");
        assertThat(r.out()).doesNotContain("fails: rate of gradient error");
    }

    @Test
    void theUnbrokenCommandStatesTheCheckAsHolding() {
        CliTest.Run r = CliTest.run("adjoint", "--scheme", "euler", "--depths", "16:64", "--fit-from", "16", "--family", "tanh",
                "--profile", "fourier", "--dim", "4");
        assertThat(r.out()).contains("holds: backprop's gradient g against central differences");
    }
}
