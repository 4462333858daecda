package org.resnetode.report;

import java.util.ArrayList;
import java.util.List;
import org.resnetode.claim.ClaimResult;

/** The tables of the gradient audit ({@code inspect --gradients}): one row per reference gradient, one per layer and weight kind, one per depth N, 2N, 4N. */
public final class AuditReport {
    private AuditReport() {
    }

    public static List<Column> columns(ClaimResult r) {
        if (r.claim().equals("gradient-audit-layers")) {
            return List.of(new Column("layer", "layer", "%d"), new Column("kind", "kind", "%s"), new Column("norm", "||g||", "%.4e"),
                    new Column("errorExact", "rel. error vs backprop", "%.3e"),
                    new Column("errorAdjoint", "rel. error vs adjoint", "%.3e"), new Column("match", "match", "%s"));
        }
        if (r.claim().equals("gradient-audit-depths")) {
            return List.of(new Column("N", "N", "%d"), new Column("userGap", "user's gap to backprop", "%.3e"),
                    new Column("adjointError", "tool's adjoint error", "%.3e"));
        }
        List<Column> columns = new ArrayList<>(List.of(new Column("reference", "reference", "%s"), new Column("N", "N", "%d"),
                new Column("relativeError", "rel. error", "%.3e"), new Column("worstLayerError", "worst layer", "%.3e")));
        for (String kind : String.valueOf(r.config().get("kinds")).split(",")) {
            columns.add(new Column("error" + kind, kind, "%.3e"));
        }
        return columns;
    }

    public static String title(ClaimResult r) {
        if (r.claim().equals("gradient-audit-depths")) {
            return "Across depth: the user's gradients at N, 2N, 4N (convention " + r.config().get("acrossDepthConvention") + ")";
        }
        return r.claim().equals("gradient-audit-layers")
                ? "Gradients per layer and weight kind (closest convention: " + r.config().get("bestConvention") + ")"
                : "Gradient audit: the user's gradients against every convention";
    }
}
