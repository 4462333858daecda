package org.resnetode.report;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.resnetode.claim.ClaimPlan;
import org.resnetode.claim.ClaimResult;
import org.resnetode.claim.Progress;
import org.resnetode.claim.RoughnessSweep;

/** The roughness claim (fractional Brownian weights) under the claim contract: rate against H, and the plot of it. */
public final class RoughnessSpec extends AbstractClaimSpec<RoughnessSweep> {
    public static final RoughnessSpec CLAIM = new RoughnessSpec();

    /** Priority 1 in the report's sweep, with distance's: its 20 tasks of 400 paths take a second or two each. */
    private RoughnessSpec() {
        super("roughness", "Roughness: rate against the Hurst index", RoughnessSweep.class, 1);
    }

    /** The quick map (seed 1) at either scale: the full map ({@code roughness} with its defaults) takes minutes. */
    @Override
    public RoughnessSweep standard(boolean quick) {
        return RoughnessSweep.quick(1);
    }

    @Override
    public ClaimPlan plan(RoughnessSweep config, Progress progress) {
        return config.plan(progress);
    }

    @Override
    public String title(ClaimResult result) {
        switch (result.claim()) {
            case "roughness":
                return RoughnessReport.title(result);
            case "roughness-adjoint":
                return RoughnessReport.adjointTitle(result);
            case "roughness-limits":
                return RoughnessReport.limitsTitle(result);
            default:
                return RoughnessReport.predictionTitle(result);
        }
    }

    @Override
    public List<Column> columns(ClaimResult result) {
        switch (result.claim()) {
            case "roughness":
                return RoughnessReport.columns(result);
            case "roughness-adjoint":
                return RoughnessReport.ADJOINT_COLUMNS;
            case "roughness-limits":
                return RoughnessReport.LIMIT_COLUMNS;
            default:
                return RoughnessReport.PREDICTION_COLUMNS;
        }
    }

    /** {@code plots/roughness.png}: the fitted rates against H with the prediction lines. */
    @Override
    public Map<Path, byte[]> plots(RoughnessSweep config, List<ClaimResult> results, Progress progress) {
        return Map.of(Path.of("plots", "roughness.png"), RoughnessReport.plot(results));
    }

    @Override
    public String headline(ClaimResult result) {
        switch (result.claim()) {
            case "roughness":
                return RoughnessReport.headline(result);
            case "roughness-adjoint":
                return RoughnessReport.adjointHeadline(result);
            case "roughness-limits":
                return RoughnessReport.limitsHeadline(result);
            default:
                return RoughnessReport.predictionHeadline(result);
        }
    }
}
