package org.resnetode.report;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Predicate;
import org.resnetode.claim.ClaimPlan;
import org.resnetode.claim.ClaimResult;
import org.resnetode.claim.DistanceSweep;
import org.resnetode.claim.Ladder;
import org.resnetode.claim.Progress;

/** Claim D under the claim contract: the distance sweep, its table, its two log-log plots and the bound's tightness. */
public final class DistanceSpec extends AbstractClaimSpec<DistanceSweep> {
    public static final DistanceSpec CLAIM = new DistanceSpec();

    /** Priority 1 in the report's sweep (lowest first): its zero-mean alternating tanh configuration takes some 4 s. */
    private DistanceSpec() {
        super("distance", "Claim D: ResNet to Neural ODE distance", DistanceSweep.class, 1);
    }

    /** {@link DistanceSweep#standard} over 8:4096 (quick: 8:1024). */
    @Override
    public DistanceSweep standard(boolean quick) {
        return DistanceSweep.standard(Ladder.doubling(8, quick ? 1024 : 4096));
    }

    @Override
    public ClaimPlan plan(DistanceSweep config, Progress progress) {
        return config.plan(progress);
    }

    @Override
    public String title(ClaimResult result) {
        return DistanceReport.title(result);
    }

    @Override
    public List<Column> columns(ClaimResult result) {
        return DistanceReport.COLUMNS;
    }

    /** {@code plots/distance-smooth.png} (reference slope N^-1) and {@code plots/distance-rough.png} (N^0, N^-1), each when it has a run. */
    @Override
    public Map<Path, byte[]> plots(DistanceSweep config, List<ClaimResult> results, Progress progress) {
        Predicate<ClaimResult> distance = r -> r.claim().equals("distance");
        Predicate<ClaimResult> rough = r -> "iid".equals(r.config().get("profile")) || "alternating".equals(r.config().get("profile"));
        Map<Path, byte[]> plots = new LinkedHashMap<>();
        Predicate<ClaimResult> smooth = distance.and(rough.negate());
        if (results.stream().anyMatch(smooth)) {
            plots.put(Path.of("plots", "distance-smooth.png"), Plots.logLog("distance-smooth.png",
                    "Claim D: ResNet to Neural ODE distance, smooth weights", "||x_N - x(1)||", results, List.of("error"), smooth, 1));
        }
        if (results.stream().anyMatch(distance.and(rough))) {
            plots.put(Path.of("plots", "distance-rough.png"), Plots.logLog("distance-rough.png",
                    "Claim D: ResNet to Neural ODE distance, rough weights", "||x_N - x(1)||", results, List.of("error"),
                    distance.and(rough), 0, 1));
        }
        return plots;
    }

    @Override
    public String headline(ClaimResult result) {
        return Summary.rate(result, "error");
    }

    /** The Euler bound's tightness (error / bound) per family and profile: its range over the ladder, and the rows above 1. */
    @Override
    public String summarySections(List<ClaimResult> results) {
        StringBuilder sb = new StringBuilder("\n## Tightness of the Euler bound e^{L_x} (1/(2N)) (L_x M + L_θ TV)\n\n")
                .append("| family | profile | smallest tightness | largest tightness | rows above 1 |\n")
                .append("| --- | --- | --- | --- | --- |\n");
        for (ClaimResult r : results) {
            if (!r.claim().equals("distance") || !"euler".equals(r.config().get("scheme"))) {
                continue;
            }
            double[] t = r.rows().stream().mapToDouble(row -> ClaimResults.num(row.get("tightness")))
                    .filter(Double::isFinite).toArray();
            sb.append(String.format(Locale.ROOT, "| %s | %s%s | %.3e | %.3e | %d |%n", r.config().get("family"),
                    r.config().get("profile"), Boolean.TRUE.equals(r.config().get("zeroMean")) ? " (zero mean)" : "",
                    Arrays.stream(t).min().orElse(Double.NaN), Arrays.stream(t).max().orElse(Double.NaN),
                    Arrays.stream(t).filter(x -> x > 1).count()));
        }
        return sb.toString();
    }
}
