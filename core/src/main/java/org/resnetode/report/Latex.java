package org.resnetode.report;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.resnetode.claim.ClaimResult;
import org.resnetode.stats.RateFit;

/** A claim result as a LaTeX (booktabs) table with its fits in the caption, ready for a paper. */
public final class Latex {
    private Latex() {
    }

    public static String table(String title, ClaimResult r, List<Column> columns) {
        StringBuilder sb = new StringBuilder("\\begin{table}[ht]\n\\centering\n\\begin{tabular}{")
                .append("r".repeat(columns.size())).append("}\n\\toprule\n");
        sb.append(String.join(" & ", columns.stream().map(c -> header(c.header())).toList())).append(" \\\\\n\\midrule\n");
        for (Map<String, Object> row : r.rows()) {
            sb.append(String.join(" & ", columns.stream().map(c -> number(c.cell(row.get(c.key())))).toList()))
                    .append(" \\\\\n");
        }
        sb.append("\\bottomrule\n\\end{tabular}\n\\caption{").append(escape(title)).append(". ");
        for (RateFit f : r.fits()) {
            sb.append(String.format(Locale.ROOT, "Rate of %s over $N \\in [%d, %d]$: $%.3f$ (95\\%% CI $[%.3f, %.3f]$). ",
                    escape(f.quantity()), f.depthLow(), f.depthHigh(), f.rate(), f.ci95Low(), f.ci95High()));
        }
        return sb.append("Verdict: ").append(r.verdict().label()).append(".}\n\\end{table}\n").toString();
    }

    /** A column header: text escaped, norms {@code ||...||} typeset in math mode ({@code x~_n} as {@code \tilde x_n}). */
    static String header(String h) {
        String[] parts = h.split("\\|\\|", -1);
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < parts.length; i++) {
            sb.append(i % 2 == 0 ? escape(parts[i]).replace("max\\_n", "$\\max_n$")
                    : "$\\|" + parts[i].replace("x~_", "\\tilde x_") + "\\|$");
        }
        return sb.toString();
    }

    /** {@code 1.2345e-04} as {@code $1.2345 \cdot 10^{-4}$}; other cells escaped. */
    static String number(String cell) {
        int e = cell.indexOf('e');
        if (e > 0 && cell.matches("-?[0-9.]+e[+-][0-9]+")) {
            return "$" + cell.substring(0, e) + " \\cdot 10^{" + Integer.parseInt(cell.substring(e + 1)) + "}$";
        }
        return escape(cell);
    }

    static String escape(String s) {
        return s.replace("\\", "\\textbackslash{}").replace("&", "\\&").replace("%", "\\%").replace("_", "\\_")
                .replace("#", "\\#").replace("—", "--").replace("~", "\\~{}")
                .replace("θ", "$\\theta$").replace("²", "$^2$");
    }
}
