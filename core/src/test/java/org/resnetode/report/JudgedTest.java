package org.resnetode.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.resnetode.claim.ClaimResult;
import org.resnetode.claim.Verdict;

/** Which statements a verdict rests on, read from the verdict policy's notes. */
class JudgedTest {
    private static ClaimResult withNotes(String... notes) {
        return new ClaimResult("distance", Map.of(), List.of(), List.of(), Verdict.HOLDS, List.of(notes));
    }

    @Test
    void statementsAreCutAtTheirValueAndOnlyJudgedNotesCount() {
        ClaimResult r = withNotes("the bound of MATH.md section 2 is proved for the Euler scheme only",
                "holds: the Euler bound holds on the 7 accepted rows (largest tightness 0.00263)",
                "holds: rough weights, f nonlinear in θ, no decay: e(N_max)/e(N_fit) = 0.95, stated band [0.5, Infinity]",
                "finding: rate of error over N = 64..4096 (95% interval [0.9, 1.2]) = 1.047, stated band [-0.1, 0.1]; beyond",
                "holds: claimed regime (small initial loss) d=2 s=0.25 (||B - I||_2 = 0.569): holds");
        assertThat(Judged.statements(r)).containsExactly("the Euler bound holds on the 7 accepted rows (largest tightness 0.00263)",
                "rough weights, f nonlinear in θ, no decay", "rate of error", "claimed regime (small initial loss) d=2 s=0.25");
        assertThat(Judged.summary(r)).isEqualTo("the Euler bound holds on the 7 accepted rows (largest tightness 0.00263); "
                + "rough weights, f nonlinear in θ, no decay; and 2 more");
        assertThat(Judged.summary(withNotes("a note"))).isEqualTo("nothing judged");
        assertThat(Judged.summary(withNotes("fails: x = 1, stated band [0, 0.5]", "fails: x = 2, stated band [0, 0.5]")))
                .isEqualTo("x");
    }
}
