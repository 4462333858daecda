package org.resnetode.report;

import java.util.List;
import org.resnetode.claim.ClaimPlan;
import org.resnetode.claim.ClaimResult;
import org.resnetode.claim.Control;
import org.resnetode.claim.FinetuneConfig;
import org.resnetode.claim.FinetuneSweep;
import org.resnetode.claim.Progress;

/** The training claim under the claim contract: its four parts on the bundled digits, trained with the adjoint. */
public final class FinetuneSpec extends AbstractClaimSpec<FinetuneSweep> {
    public static final FinetuneSpec CLAIM = new FinetuneSpec();

    /** Priority 2 in the report's sweep (lowest first): its trainings take seconds each. */
    private FinetuneSpec() {
        super("finetune", "Training: the adjoint trains deep ResNets", FinetuneSweep.class, 2);
    }

    /** {@link FinetuneConfig#quick} with seed 1, no control, at either scale (the full scale takes minutes). */
    @Override
    public FinetuneSweep standard(boolean quick) {
        return new FinetuneSweep(FinetuneConfig.quick(1), Control.NONE);
    }

    @Override
    public ClaimPlan plan(FinetuneSweep config, Progress progress) {
        return config.plan(progress);
    }

    @Override
    public String title(ClaimResult result) {
        return FinetuneReport.title(result);
    }

    @Override
    public List<Column> columns(ClaimResult result) {
        return FinetuneReport.columns(result);
    }

    @Override
    public String headline(ClaimResult result) {
        return FinetuneReport.headline(result);
    }
}
