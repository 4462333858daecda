package org.resnetode.report;

import java.util.List;
import java.util.Locale;
import org.resnetode.claim.ClaimResult;
import org.resnetode.stats.RateFit;

/** Titles, columns and the one-line headline of Claim R's results (ladder, scan, commuting case). */
public final class RegularizationReport {
    public static final List<Column> LADDER = List.of(
            new Column("N", "N", "%d"),
            new Column("initialLoss", "initial loss", "%.3e"),
            new Column("finalLoss", "final loss", "%.3e"),
            new Column("supS", "sup_t S(t)", "%.5g"),
            new Column("limitDistance", "sup_t max_n ||A^N_n - A(t_n)||", "%.4e"),
            new Column("limitDistanceTime", "at t", "%.3g"),
            new Column("referenceDistance", "sup_t max_n ||A^N_n - A^ref(t_n)|| (deep reference)", "%.4e"),
            new Column("odeDistance", "||x_N - x(1)|| trained", "%.4e"));
    public static final List<Column> SCAN = List.of(
            new Column("dim", "d", "%d"),
            new Column("s", "s", "%.3g"),
            new Column("targetDistance", "||B - I||_2 (observed, not judged)", "%.3f"),
            new Column("initialLoss", "initial loss", "%.3e"),
            new Column("finalLoss", "final loss (max over N)", "%.3e"),
            new Column("supSLow", "sup S (min over N)", "%.4g"),
            new Column("supSHigh", "sup S (max over N)", "%.4g"),
            new Column("limitRate", "limit rate", "%.3f"),
            new Column("limitRateLow", "CI low", "%.3f"),
            new Column("limitRateHigh", "CI high", "%.3f"),
            new Column("divergedAtStep", "diverged at step", "%d"),
            new Column("verdict", "verdict", "%s"));
    public static final List<Column> COMMUTING = List.of(
            new Column("N", "N", "%d"),
            new Column("finalLoss", "final loss", "%.3e"),
            new Column("closedFormError", "rel. distance to N(B^{1/N}-I)", "%.3e"),
            new Column("constant", "1/N constant c_1 (Richardson N,2N,4N; entry 1)", "%.10f"),
            new Column("symbolicConstant", "Symja (log b_1)²/2", "%.10f"),
            new Column("constantError", "max |c_1 - (log b)²/2|", "%.3e"));

    private RegularizationReport() {
    }

    public static List<Column> columns(ClaimResult r) {
        return switch (r.claim()) {
            case "regularization-scan" -> SCAN;
            case "regularization-commuting" -> COMMUTING;
            default -> LADDER;
        };
    }

    public static String title(ClaimResult r) {
        var c = r.config();
        return switch (r.claim()) {
            case "regularization-scan" -> "Claim R as the initial loss grows: B = I + s G/√d, N = " + c.get("depths")
                    + ", claimed for s <= " + c.get("claimedScale");
            case "regularization-commuting" -> "Claim R, commuting case: " + c.get("target") + ", init " + c.get("profile");
            default -> "Claim R: trained linear ResNets, d = " + c.get("dim") + ", target " + c.get("target") + ", init "
                    + c.get("profile") + ", training time " + c.get("trainingTime");
        };
    }

    /** The quantity that states the claim, for the summary: the rate of the distance to the limit, or the commuting check. */
    public static String headline(ClaimResult r) {
        if (r.claim().equals("regularization")) {
            RateFit f = r.fits().stream().filter(x -> x.quantity().equals("limitDistance")).findFirst().orElse(null);
            return f == null ? "no rate of the distance to the limit"
                    : String.format(Locale.ROOT, "limitDistance rate %.3f [%.3f, %.3f]", f.rate(), f.ci95Low(), f.ci95High());
        }
        if (r.claim().equals("regularization-commuting")) {
            double worst = r.rows().stream().mapToDouble(m -> ClaimResults.num(m.get("closedFormError"))).max().orElse(Double.NaN);
            return String.format(Locale.ROOT, "closed form to %.1e relative", worst);
        }
        return r.rows().size() + " cells (d, s)";
    }
}
