package org.resnetode.report;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.resnetode.claim.AdjointSweep;
import org.resnetode.claim.ClaimPlan;
import org.resnetode.claim.ClaimResult;
import org.resnetode.claim.Ladder;
import org.resnetode.claim.Progress;

/** Claims A and H under the claim contract: the adjoint sweep, its tables (errors per depth, depth needed) and its plot. */
public final class AdjointSpec extends AbstractClaimSpec<AdjointSweep> {
    public static final AdjointSpec CLAIM = new AdjointSpec();
    private static final String DEPTH_NEEDED = "adjoint-depth-needed";

    /** Priority 4 in the report's sweep (lowest first): its many short tasks fill the cores at the end. */
    private AdjointSpec() {
        super("adjoint", "Claims A and H: adjoint gradients", AdjointSweep.class, 4);
    }

    /** {@link AdjointSweep#standard} over 8:4096 (quick: 8:1024). */
    @Override
    public AdjointSweep standard(boolean quick) {
        return AdjointSweep.standard(Ladder.doubling(8, quick ? 1024 : 4096));
    }

    @Override
    public ClaimPlan plan(AdjointSweep config, Progress progress) {
        return config.plan(progress);
    }

    @Override
    public String title(ClaimResult result) {
        return AdjointReport.title(result);
    }

    @Override
    public List<Column> columns(ClaimResult result) {
        return AdjointReport.columns(result);
    }

    /** {@code plots/adjoint.png}: the gradient's relative error against N, reference slopes N^-1 and N^-3. */
    @Override
    public Map<Path, byte[]> plots(AdjointSweep config, List<ClaimResult> results, Progress progress) {
        Predicate<ClaimResult> adjoint = r -> r.claim().equals("adjoint");
        if (results.stream().noneMatch(adjoint)) {
            return Map.of();
        }
        return Map.of(Path.of("plots", "adjoint.png"), Plots.logLog("adjoint.png", "Claims A and H: adjoint gradient relative error",
                "relative error", results, List.of("gradientError"), adjoint, 1, 3));
    }

    @Override
    public String headline(ClaimResult result) {
        return Summary.rate(result, "gradientError");
    }

    /** The depth-needed table is derived from the runs, not a run of its own. */
    @Override
    public boolean summarised(ClaimResult result) {
        return !result.claim().equals(DEPTH_NEEDED);
    }
}
