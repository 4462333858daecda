package org.resnetode.report;

import java.util.List;
import org.resnetode.claim.ClaimResult;

/** The columns and title of Claim D's table. */
public final class DistanceReport {
    public static final List<Column> COLUMNS = List.of(
            new Column("N", "N", "%d"),
            new Column("error", "error ||x_N - x(T)||", "%.4e"),
            new Column("bound", "bound", "%.4e"),
            new Column("tightness", "tightness", "%.3e"),
            new Column("certified", "certified bound", "%.4e"),
            new Column("certifiedTightness", "tightness (certified)", "%.3e"),
            new Column("TV", "TV", "%.4g"));

    private DistanceReport() {
    }

    public static String title(ClaimResult r) {
        return "Claim D: distance between the " + r.config().get("scheme") + " ResNet and its Neural ODE ("
                + r.config().get("family") + ", " + r.config().get("profile") + ")";
    }
}
