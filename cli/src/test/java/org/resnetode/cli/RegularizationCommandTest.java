package org.resnetode.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** regularization's negative controls through the real pipeline: each ends {@code fails}, exit 1. */
class RegularizationCommandTest {

    /** holder-init fails the ladder through the smoothness statement alone (its spread lies between 10% and 100%). */
    @Test
    void aHolderInitialisationFailsTheSmoothnessStatementWithExitOne() {
        CliTest.Run r = CliTest.run("regularization", "--quick", "--control", "holder-init", "--no-scan", "--no-commuting", "-q");
        assertThat(r.code()).as(r.out()).isEqualTo(Main.EXIT_FAILED_CLAIM);
        assertThat(r.out()).contains("verdict: fails").contains("note: negative control 'holder-init'")
                .contains("note: fails: sup_t S(t) ranges over").contains("note: holds: Richardson limit 2 A^{2N}_{2n} - A^N_n")
                .contains("control=holder-init");
        assertThat(r.out().lines().filter(l -> l.startsWith("note: fails:")).count()).isEqualTo(1);
    }

    /** The deep-reference statements hold on the unbroken ladder, whose table shows the reference distance. */
    @Test
    void theLadderHoldsAgainstItsDeepReference() {
        CliTest.Run r = CliTest.run("regularization", "--dim", "3", "--depths", "16:64", "--no-scan", "--no-commuting", "-q");
        assertThat(r.code()).as(r.out()).isZero();
        assertThat(r.out()).contains("verdict: holds").contains("(deep reference)")
                .contains("note: holds: limit distance 2 max_n ||A^N_n - A^{2N}_{2n}|| against the distance to the deep reference "
                        + "(N = 16..16, every tracked t, M = 64)");
    }

    @Test
    void aHolderInitialisationRefusesDepthsThatAreNotPowersOfTwo() {
        CliTest.assertBadInput(CliTest.run("regularization", "--control", "holder-init", "--depths", "24,48", "--no-scan",
                "--no-commuting"), "every depth must be a power of two, got 24");
    }

    @Test
    void anUnknownControlNamesBoth() {
        CliTest.assertBadInput(CliTest.run("regularization", "--control", "rough-weights"),
                "unknown control 'rough-weights' for regularization (expected one of [unscaled-step, holder-init])");
    }
}
