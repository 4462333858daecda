package org.resnetode.claim;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.resnetode.claim.GradientAuditPatterns.Pattern;
import org.resnetode.model.Norms;
import org.resnetode.network.WeightKinds;

/** The rows of the gradient audit's two tables: per reference gradient, and per layer and weight kind. */
final class GradientAuditRows {
    private GradientAuditRows() {
    }

    /** One row per reference: its relative error overall, in its worst layer, and per weight kind. */
    static List<Map<String, Object>> references(GradientAudit.Subject s, List<GradientAuditReferences.Reference> references, double[] g) {
        List<Map<String, Object>> rows = new ArrayList<>();
        int p = s.net().weights().size();
        int layers = s.net().weights().count();
        for (GradientAuditReferences.Reference r : references) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("reference", r.name());
            row.put("N", r.convention().net().depth());
            row.put("relativeError", GradientAuditReferences.relativeError(g, r.gradient()));
            double worst = 0;
            for (int m = 0; m < layers; m++) {
                worst = Math.max(worst, Norms.distance(g, m * p, r.gradient(), m * p, p) / Math.max(Norms.euclidean(r.gradient(), m * p, p), GradientAuditReferences.floor(r)));
            }
            row.put("worstLayerError", worst);
            for (WeightKinds.Kind kind : s.kinds()) {
                row.put("error" + kind.name(), kindError(g, r.gradient(), kind, p, layers));
            }
            rows.add(row);
        }
        return rows;
    }

    /**
     * One row per layer (at most {@link GradientAudit#GradientAudit.LAYER_ROWS}, evenly spaced) and weight kind: the gradient's norm, its
     * relative error against the convention's exact and adjoint gradients, and the first pattern of the exact gradient's
     * step parts it equals to round-off.
     */
    static List<Map<String, Object>> layers(GradientAudit.Subject s, double[] g, GradientAuditReferences.Reference exact, GradientAuditReferences.Reference adjoint, double tolerance) {
        int p = s.net().weights().size();
        int layers = s.net().weights().count();
        int stride = Math.max(1, (layers + GradientAudit.LAYER_ROWS - 1) / GradientAudit.LAYER_ROWS);
        double[] candidate = new double[p];
        List<Map<String, Object>> rows = new ArrayList<>();
        for (int m = 0; m < layers; m += stride) {
            String match = "none";
            for (Pattern pattern : Pattern.values()) {
                if (pattern.stages && !exact.parts().readsNext()) {
                    continue;
                }
                pattern.layer(exact.parts(), layers, m, candidate);
                if (GradientAuditPatterns.close(g, m * p, candidate, p, tolerance, GradientAuditReferences.floor(exact))) {
                    match = pattern.name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
                    break;
                }
            }
            for (WeightKinds.Kind kind : s.kinds()) {
                int off = m * p + kind.offset();
                Map<String, Object> row = new LinkedHashMap<>();
                row.put("layer", m);
                row.put("kind", kind.name());
                row.put("norm", Norms.euclidean(g, off, kind.size()));
                row.put("errorExact", Norms.distance(g, off, exact.gradient(), off, kind.size())
                        / Math.max(Norms.euclidean(exact.gradient(), off, kind.size()), GradientAuditReferences.floor(exact)));
                row.put("errorAdjoint", Norms.distance(g, off, adjoint.gradient(), off, kind.size())
                        / Math.max(Norms.euclidean(adjoint.gradient(), off, kind.size()), GradientAuditReferences.floor(adjoint)));
                row.put("match", match);
                rows.add(row);
            }
        }
        return rows;
    }

    private static double kindError(double[] g, double[] e, WeightKinds.Kind kind, int p, int layers) {
        double diff = 0;
        double norm = 0;
        for (int m = 0; m < layers; m++) {
            for (int j = 0; j < kind.size(); j++) {
                int i = m * p + kind.offset() + j;
                diff += (g[i] - e[i]) * (g[i] - e[i]);
                norm += e[i] * e[i];
            }
        }
        return Math.sqrt(diff) / Math.max(Math.sqrt(norm), Double.MIN_NORMAL);
    }
}
