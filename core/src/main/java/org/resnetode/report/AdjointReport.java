package org.resnetode.report;

import java.util.List;
import org.resnetode.claim.ClaimResult;

/** Tables of Claims A and H: the adjoint's errors per depth, and the depth needed per target accuracy. */
public final class AdjointReport {
    public static final List<Column> COLUMNS = List.of(
            new Column("N", "N", "%d"),
            new Column("recoveryError", "max_n ||x~_n - x_n||", "%.4e"),
            new Column("gradientError", "gradient rel. error", "%.4e"),
            new Column("backpropStored", "backprop stored", "%d"),
            new Column("adjointStored", "adjoint stored", "%d"));

    public static final List<Column> DEPTH_NEEDED_COLUMNS = List.of(
            new Column("scheme", "scheme", "%s"),
            new Column("profile", "profile", "%s"),
            new Column("target", "target", "%.0e"),
            new Column("measuredDepth", "smallest measured N", "%d"),
            new Column("fittedDepth", "N from fit", "%.0f"));

    private AdjointReport() {
    }

    public static String title(ClaimResult r) {
        if (r.claim().equals("adjoint-depth-needed")) {
            return "Depth the adjoint needs for a target gradient accuracy";
        }
        return "Claims A/H: " + r.config().get("scheme") + " adjoint vs backprop (" + r.config().get("family") + ", "
                + r.config().get("profile") + ")";
    }

    public static List<Column> columns(ClaimResult r) {
        return r.claim().equals("adjoint-depth-needed") ? DEPTH_NEEDED_COLUMNS : COLUMNS;
    }
}
