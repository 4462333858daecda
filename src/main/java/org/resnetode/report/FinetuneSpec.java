package org.resnetode.report;

import java.util.List;
import org.resnetode.claim.ClaimPlan;
import org.resnetode.claim.ClaimResult;
import org.resnetode.claim.FinetuneClaim;
import org.resnetode.claim.FinetuneConfig;
import org.resnetode.claim.Progress;
import org.resnetode.gradient.Adjoint;
import org.resnetode.train.DataReader;

/** The training claim under the claim contract: its four parts on the bundled digits, trained with the adjoint. */
public final class FinetuneSpec extends AbstractClaimSpec<FinetuneConfig> {
    public static final FinetuneSpec CLAIM = new FinetuneSpec();

    /** Priority 2 in the report's sweep (lowest first): its trainings take seconds each. */
    private FinetuneSpec() {
        super("finetune", "Training: the adjoint trains deep ResNets", FinetuneConfig.class, 2);
    }

    /** {@link FinetuneConfig#quick} with seed 1, at either scale (the full scale takes minutes). */
    @Override
    public FinetuneConfig standard(boolean quick) {
        return FinetuneConfig.quick(1);
    }

    /** The claim's four parts as tasks (each trains its own networks) on the digits' training rows, the last 360 rows for test. */
    @Override
    public ClaimPlan plan(FinetuneConfig config, Progress progress) {
        FinetuneClaim claim = new FinetuneClaim(config, DataReader.digits().split(DataReader.DIGITS_TEST_ROWS), Adjoint::new, progress);
        return ClaimPlan.of(claim.parts(), results -> results);
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
