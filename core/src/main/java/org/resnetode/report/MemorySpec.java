package org.resnetode.report;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.resnetode.claim.ClaimPlan;
import org.resnetode.claim.ClaimResult;
import org.resnetode.claim.Ladder;
import org.resnetode.claim.MemorySweep;
import org.resnetode.claim.Progress;

/** The memory claim under the claim contract: stored and allocated memory of backprop and the adjoint, and its plot. */
public final class MemorySpec extends AbstractClaimSpec<MemorySweep> {
    public static final MemorySpec CLAIM = new MemorySpec();

    /** Priority 0 in the report's sweep (lowest first): its million-layer gradients are the longest tasks. */
    private MemorySpec() {
        super("memory", "Memory: backprop versus adjoint", MemorySweep.class, 0);
    }

    /** {@link MemorySweep#standard} over 1000:1000000 (quick: 1000:64000). */
    @Override
    public MemorySweep standard(boolean quick) {
        return MemorySweep.standard(Ladder.doubling(1000, quick ? 64000 : 1000000));
    }

    @Override
    public ClaimPlan plan(MemorySweep config, Progress progress) {
        return config.plan(progress);
    }

    @Override
    public String title(ClaimResult result) {
        return MemoryReport.title(result);
    }

    @Override
    public List<Column> columns(ClaimResult result) {
        return MemoryReport.COLUMNS;
    }

    /** {@code plots/memory.png}: bytes allocated by each method against N, reference slopes N^1 and N^0. */
    @Override
    public Map<Path, byte[]> plots(MemorySweep config, List<ClaimResult> results, Progress progress) {
        Predicate<ClaimResult> memory = r -> r.claim().equals("memory");
        if (results.stream().noneMatch(memory)) {
            return Map.of();
        }
        return Map.of(Path.of("plots", "memory.png"), Plots.logLog("memory.png", "Memory: bytes allocated during one gradient", "bytes",
                results, List.of("backpropAllocatedBytes", "adjointAllocatedBytes"), memory, -1, 0));
    }

    @Override
    public String headline(ClaimResult result) {
        return Summary.rate(result, "backpropAllocatedBytes") + "; " + Summary.rate(result, "adjointAllocatedBytes");
    }
}
