package org.resnetode.report;

import java.util.List;
import java.util.Map;
import org.resnetode.claim.ClaimResult;
import org.resnetode.stats.RateFit;

/** Writes claim results as JSON in the shared shape; NaN and infinities become {@code null}. */
public final class Json {
    private Json() {
    }

    /** {@code {"claim", "config", "rows", "fits", "verdict", "notes"}}. */
    public static String write(ClaimResult r) {
        StringBuilder sb = new StringBuilder("{\"claim\": ");
        string(sb, r.claim());
        sb.append(", \"config\": ");
        value(sb, r.config());
        sb.append(",\n  \"rows\": [");
        for (int i = 0; i < r.rows().size(); i++) {
            sb.append(i == 0 ? "\n    " : ",\n    ");
            value(sb, r.rows().get(i));
        }
        sb.append("],\n  \"fits\": [");
        for (int i = 0; i < r.fits().size(); i++) {
            sb.append(i == 0 ? "" : ", ");
            fit(sb, r.fits().get(i));
        }
        sb.append("],\n  \"verdict\": ");
        string(sb, r.verdict().label());
        sb.append(",\n  \"notes\": ");
        value(sb, r.notes());
        sb.append("}");
        return sb.toString();
    }

    /** A JSON array of results. */
    public static String writeAll(List<ClaimResult> results) {
        StringBuilder sb = new StringBuilder("[");
        for (int i = 0; i < results.size(); i++) {
            sb.append(i == 0 ? "" : ",\n").append(write(results.get(i)));
        }
        return sb.append("]").toString();
    }

    private static void fit(StringBuilder sb, RateFit f) {
        sb.append("{\"quantity\": ");
        string(sb, f.quantity());
        sb.append(", \"rate\": ");
        number(sb, f.rate());
        sb.append(", \"ci95\": [");
        number(sb, f.ci95Low());
        sb.append(", ");
        number(sb, f.ci95High());
        sb.append("], \"depths\": [").append(f.depthLow()).append(", ").append(f.depthHigh())
                .append("], \"points\": ").append(f.points()).append(", \"logConstant\": ");
        number(sb, f.logConstant());
        sb.append("}");
    }

    /** {@code v} (null, string, number, boolean, map, list or fit) as JSON; non-finite numbers as null. */
    public static String value(Object v) {
        StringBuilder sb = new StringBuilder();
        value(sb, v);
        return sb.toString();
    }

    private static void value(StringBuilder sb, Object v) {
        if (v == null) {
            sb.append("null");
        } else if (v instanceof String s) {
            string(sb, s);
        } else if (v instanceof Double || v instanceof Float) {
            number(sb, ((Number) v).doubleValue());
        } else if (v instanceof Number || v instanceof Boolean) {
            sb.append(v);
        } else if (v instanceof Map<?, ?> m) {
            sb.append('{');
            boolean first = true;
            for (Map.Entry<?, ?> e : m.entrySet()) {
                sb.append(first ? "" : ", ");
                first = false;
                string(sb, String.valueOf(e.getKey()));
                sb.append(": ");
                value(sb, e.getValue());
            }
            sb.append('}');
        } else if (v instanceof List<?> l) {
            sb.append('[');
            for (int i = 0; i < l.size(); i++) {
                sb.append(i == 0 ? "" : ", ");
                value(sb, l.get(i));
            }
            sb.append(']');
        } else if (v instanceof RateFit f) {
            fit(sb, f);
        } else {
            string(sb, v.toString());
        }
    }

    private static void number(StringBuilder sb, double d) {
        sb.append(Double.isFinite(d) ? Double.toString(d) : "null");
    }

    private static void string(StringBuilder sb, String s) {
        sb.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> sb.append("\\\"");
                case '\\' -> sb.append("\\\\");
                case '\n' -> sb.append("\\n");
                case '\t' -> sb.append("\\t");
                case '\r' -> sb.append("\\r");
                default -> {
                    if (c < 0x20) {
                        sb.append(String.format("\\u%04x", (int) c));
                    } else {
                        sb.append(c);
                    }
                }
            }
        }
        sb.append('"');
    }
}
