package org.resnetode.claim;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.function.IntToLongFunction;
import org.junit.jupiter.api.Test;

/**
 * Negative controls of the memory claim: made-up measurements through {@link MemoryClaim#summarise}. The claim is
 * judged on measured allocation; what a method reports about itself cannot make it hold.
 */
class MemoryVerdictTest {
    private static final int[] LADDER = {1000, 2000, 4000, 8000, 16000};

    private static ClaimResult judge(int[] depths, IntToLongFunction backpropBytes, IntToLongFunction adjointBytes) {
        List<MemoryMeasurement> ms = new ArrayList<>();
        for (int n : depths) {
            ms.add(new MemoryMeasurement("backprop", n, 8L * (n + 1), backpropBytes.applyAsLong(n), 0));
            ms.add(new MemoryMeasurement("adjoint", n, 16, adjointBytes.applyAsLong(n), 0));
        }
        SweepConfig cfg = new SweepConfig("tanh", "fourier", "euler", 8, 8, depths, 1, 1.0, false, 1, 1);
        return MemoryClaim.summarise(cfg, ms);
    }

    @Test
    void linearBackpropAndFlatAdjointHold() {
        assertThat(judge(LADDER, n -> 64L * n + 500, n -> 7000).verdict()).isEqualTo(Verdict.HOLDS);
    }

    @Test
    void anAdjointWhoseMeasuredAllocationGrowsFailsThoughItReportsAFlatState() {
        ClaimResult r = judge(LADDER, n -> 64L * n + 500, n -> 64L * n + 7000);
        assertThat(r.rows()).allMatch(row -> row.get("adjointStored").equals(16L));
        assertThat(r.verdict()).isEqualTo(Verdict.FAILS);
    }

    @Test
    void aBackpropThatDoesNotGrowFails() {
        assertThat(judge(LADDER, n -> 5000, n -> 5000).verdict()).isEqualTo(Verdict.FAILS);
    }

    @Test
    void twoDepthsAreInconclusive() {
        assertThat(judge(new int[] {1000, 2000}, n -> 64L * n, n -> 7000).verdict()).isEqualTo(Verdict.INCONCLUSIVE);
    }

    @Test
    void aNoisyGrowthWhoseIntervalCoversLinearIsNotFails() {
        // growth N^1.3 with ±40% noise: fitted exponent 1.37, 95% interval [0.83, 1.92] reaches linear growth
        double[] noise = {1, 0.6, 1.3, 0.7, 1.2};
        int[] i = {0};
        ClaimResult r = judge(LADDER, n -> (long) (noise[i[0]++] * Math.pow(n, 1.3)), n -> 7000);
        assertThat(-r.fit("backpropAllocatedBytes").rate()).isGreaterThan(1.1);
        assertThat(r.fit("backpropAllocatedBytes").ci95Low()).isLessThan(-0.9);
        assertThat(r.verdict()).isEqualTo(Verdict.INCONCLUSIVE);
    }

    @Test
    void notesStateTheSignOfTheRate() {
        ClaimResult r = judge(LADDER, n -> 64L * n + 500, n -> 7000);
        assertThat(r.fit("backpropAllocatedBytes").rate()).isNegative();
        assertThat(r.notes()).noneMatch(n -> n.contains("grows like N^"));
        assertThat(r.notes()).anyMatch(n -> n.contains("growing like N^k has rate -k"));
    }
}
