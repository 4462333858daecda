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

    /**
     * The two Euler bounds side by side, tightness = error / bound over every Euler distance run's ladder: the paper's
     * a-priori bound and the certified a-posteriori bound ({@code bound.CertifiedBound}), median and worst (smallest)
     * per family and profile, then per family over its profiles, and the violated rows: accepted rows whose error exceeds
     * the bound by more than the reference's self-check difference, the rule of {@code DistanceClaim.judgeCertified} (a
     * tightness a little above 1 within it is the reference's own error: the closed form of scalar linear fields is
     * exact to about 1e-15, the reference to its self-check).
     */
    @Override
    public String summarySections(List<ClaimResult> results) {
        StringBuilder sb = new StringBuilder("\n## Tightness of the Euler bounds: a priori e^{L_x} (1/(2N)) (L_x M + L_θ TV)"
                + " vs a posteriori (certified)\n\n")
                .append("| family | profile | a priori median | a priori worst | certified median | certified worst "
                        + "| rows violated (a priori / certified) |\n")
                .append("| --- | --- | --- | --- | --- | --- | --- |\n");
        Map<String, double[][]> families = new LinkedHashMap<>();
        for (ClaimResult r : results) {
            if (!r.claim().equals("distance") || !"euler".equals(r.config().get("scheme"))) {
                continue;
            }
            double[] apriori = tightness(r, "tightness");
            double[] certified = tightness(r, "certifiedTightness");
            sb.append(String.format(Locale.ROOT, "| %s | %s%s | %s | %d / %d |%n", r.config().get("family"),
                    r.config().get("profile"), Boolean.TRUE.equals(r.config().get("zeroMean")) ? " (zero mean)" : "",
                    medianAndWorst(apriori, certified), violated(r, "bound"), violated(r, "certified")));
            families.merge(String.valueOf(r.config().get("family")), new double[][] {apriori, certified},
                    (a, b) -> new double[][] {concat(a[0], b[0]), concat(a[1], b[1])});
        }
        if (families.isEmpty()) {
            return sb.toString();
        }
        sb.append("\n| family (all profiles) | a priori median | a priori worst | certified median | certified worst |\n")
                .append("| --- | --- | --- | --- | --- |\n");
        families.forEach((family, t) -> sb.append(String.format(Locale.ROOT, "| %s | %s |%n", family, medianAndWorst(t[0], t[1]))));
        return sb.toString();
    }

    private static double[] tightness(ClaimResult r, String column) {
        return r.rows().stream().mapToDouble(row -> ClaimResults.num(row.get(column))).filter(Double::isFinite).toArray();
    }

    /** Accepted rows with {@code error > bound + odeSelfCheck} for the bound in {@code column}. */
    private static long violated(ClaimResult r, String column) {
        return r.rows().stream().filter(row -> Boolean.TRUE.equals(row.get("referenceAccepted")))
                .filter(row -> ClaimResults.num(row.get("error"))
                        > ClaimResults.num(row.get(column)) + ClaimResults.num(row.get("odeSelfCheck")))
                .count();
    }

    private static double[] concat(double[] a, double[] b) {
        double[] c = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, c, a.length, b.length);
        return c;
    }

    /** {@code median | worst | median | worst} of the two tightness lists, worst = smallest (the loosest row). */
    private static String medianAndWorst(double[] apriori, double[] certified) {
        return String.format(Locale.ROOT, "%.3e | %.3e | %.3e | %.3e", median(apriori), Arrays.stream(apriori).min().orElse(Double.NaN),
                median(certified), Arrays.stream(certified).min().orElse(Double.NaN));
    }

    private static double median(double[] values) {
        if (values.length == 0) {
            return Double.NaN;
        }
        double[] t = values.clone();
        Arrays.sort(t);
        int n = t.length;
        return n % 2 == 1 ? t[n / 2] : 0.5 * (t[n / 2 - 1] + t[n / 2]);
    }
}
