package org.resnetode.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.resnetode.claim.ClaimResult;
import org.resnetode.stats.RateFit;

/** Renders a claim result as an aligned plain-text table or a Markdown table, followed by its fits, verdict and notes. */
public final class Tables {
    private Tables() {
    }

    public static String text(String title, ClaimResult r, List<Column> columns) {
        List<String[]> cells = cells(r, columns);
        int[] width = new int[columns.size()];
        for (String[] line : cells) {
            for (int j = 0; j < line.length; j++) {
                width[j] = Math.max(width[j], line[j].length());
            }
        }
        StringBuilder sb = new StringBuilder(title).append('\n').append(configLine(r)).append('\n');
        for (int i = 0; i < cells.size(); i++) {
            String[] line = cells.get(i);
            for (int j = 0; j < line.length; j++) {
                sb.append(j == 0 ? "" : "  ").append(" ".repeat(width[j] - line[j].length())).append(line[j]);
            }
            sb.append('\n');
            if (i == 0) {
                int total = java.util.Arrays.stream(width).sum() + 2 * (width.length - 1);
                sb.append("-".repeat(total)).append('\n');
            }
        }
        return sb.append(summary(r, "")).toString();
    }

    public static String markdown(String title, ClaimResult r, List<Column> columns) {
        List<String[]> cells = cells(r, columns);
        StringBuilder sb = new StringBuilder("### ").append(title).append("\n\n`").append(configLine(r)).append("`\n\n");
        for (int i = 0; i < cells.size(); i++) {
            sb.append("| ").append(String.join(" | ", java.util.Arrays.stream(cells.get(i))
                    .map(c -> c.replace("|", "\\|")).toArray(String[]::new))).append(" |\n");
            if (i == 0) {
                sb.append("|").append(" ---: |".repeat(columns.size())).append('\n');
            }
        }
        return sb.append('\n').append(summary(r, "- ")).toString();
    }

    /** "rate of error over N in [lo, hi] (k points): r (95% CI [a, b])". */
    public static String describe(RateFit f) {
        return String.format(Locale.ROOT, "rate of %s over N in [%d, %d] (%d points): %.3f (95%% CI [%.3f, %.3f])",
                f.quantity(), f.depthLow(), f.depthHigh(), f.points(), f.rate(), f.ci95Low(), f.ci95High());
    }

    private static List<String[]> cells(ClaimResult r, List<Column> columns) {
        List<String[]> cells = new ArrayList<>();
        cells.add(columns.stream().map(Column::header).toArray(String[]::new));
        for (Map<String, Object> row : r.rows()) {
            cells.add(columns.stream().map(c -> c.cell(row.get(c.key()))).toArray(String[]::new));
        }
        return cells;
    }

    private static String configLine(ClaimResult r) {
        StringBuilder sb = new StringBuilder();
        r.config().forEach((k, v) -> sb.append(sb.length() == 0 ? "" : ", ").append(k).append('=').append(v));
        return sb.toString();
    }

    private static String summary(ClaimResult r, String bullet) {
        StringBuilder sb = new StringBuilder();
        for (RateFit f : r.fits()) {
            sb.append(bullet).append(describe(f)).append('\n');
        }
        sb.append(bullet).append("verdict: ").append(r.verdict().label()).append('\n');
        for (String n : r.notes()) {
            sb.append(bullet).append("note: ").append(n).append('\n');
        }
        return sb.toString();
    }
}
