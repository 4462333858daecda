package org.resnetode.report;

/** A table column: the row key it shows, its header and a {@link String#format} pattern for its values. */
public record Column(String key, String header, String format) {

    /** The cell text: NaN, infinities and missing values show as "—". */
    public String cell(Object value) {
        if (value == null || value instanceof Double d && !Double.isFinite(d)) {
            return "—";
        }
        return String.format(java.util.Locale.ROOT, format, value);
    }
}
