package org.resnetode.report;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.resnetode.claim.ClaimPlan;
import org.resnetode.claim.ClaimResult;
import org.resnetode.claim.Progress;
import org.resnetode.claim.RegularizationSweep;

/** Claim R under the claim contract: the ladder, the scan and the commuting case, and the paper's Figure 2. */
public final class RegularizationSpec extends AbstractClaimSpec<RegularizationSweep> {
    public static final RegularizationSpec CLAIM = new RegularizationSpec();

    /** Priority 3 in the report's sweep (lowest first): its trainings take under a second each. */
    private RegularizationSpec() {
        super("regularization", "Claim R: implicit regularization of linear ResNets", RegularizationSweep.class, 3);
    }

    /** {@link RegularizationSweep#standard} at its quick scale whatever {@code quick} (the full ladders take minutes). */
    @Override
    public RegularizationSweep standard(boolean quick) {
        return RegularizationSweep.standard(true);
    }

    @Override
    public ClaimPlan plan(RegularizationSweep config, Progress progress) {
        return config.plan(progress);
    }

    @Override
    public String title(ClaimResult result) {
        return RegularizationReport.title(result);
    }

    @Override
    public List<Column> columns(ClaimResult result) {
        return RegularizationReport.columns(result);
    }

    /** Figure 2 ({@link WeightPlots#figure2}, entry A_n[0, 0]) in {@code plots/}, from its own short trainings. */
    @Override
    public Map<Path, byte[]> plots(RegularizationSweep config, List<ClaimResult> results, Progress progress) {
        return WeightPlots.figure2(Path.of("plots"), config.figureHistories(progress), config.base().dim(), 0, 0);
    }

    @Override
    public String headline(ClaimResult result) {
        return RegularizationReport.headline(result);
    }
}
