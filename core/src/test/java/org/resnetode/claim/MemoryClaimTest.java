package org.resnetode.claim;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.Isolated;

/** The memory claim on a short ladder (the million-layer run is the memory command's default). */
@Isolated("measures allocation per thread: code compiled or deoptimized for tests running beside it would add to the counts")
class MemoryClaimTest {

    @Test
    void adjointStateIsFlatAndBackpropGrowsLinearly() {
        int[] depths = {500, 1000, 2000, 4000, 8000};
        ClaimResult r = MemoryClaim.run(new SweepConfig("tanh", "fourier", "euler", 16, 16, depths, 1, 1.0, false, 1, 1),
                Progress.SILENT);
        for (Map<String, Object> row : r.rows()) {
            int n = (Integer) row.get("N");
            assertThat((Long) row.get("adjointStored")).isEqualTo(2L * 16);
            assertThat((Long) row.get("backpropStored")).isEqualTo((n + 1L) * 16 + 16);
            // the trajectory alone is (N+1) arrays of 16 doubles: at least 8 (N+1) 16 bytes allocated
            assertThat((Long) row.get("backpropAllocatedBytes")).isGreaterThanOrEqualTo(8L * (n + 1) * 16);
        }
        assertThat(-r.fit("backpropAllocatedBytes").rate()).isBetween(0.9, 1.1);
        long[] adjoint = r.rows().stream().mapToLong(row -> (Long) row.get("adjointAllocatedBytes")).toArray();
        long max = java.util.Arrays.stream(adjoint).max().getAsLong();
        long min = java.util.Arrays.stream(adjoint).min().getAsLong();
        assertThat((double) max / min).isLessThanOrEqualTo(1.1);
        assertThat(r.verdict()).isEqualTo(Verdict.HOLDS);
    }
}
