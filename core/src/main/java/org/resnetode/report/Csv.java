package org.resnetode.report;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.resnetode.claim.ClaimResult;

/**
 * Every measured row of a list of results as one CSV table: the configuration's scalar entries, then
 * the row's columns, then the verdict (for plotting in other tools). NaN is written as an empty cell.
 */
public final class Csv {
    private Csv() {
    }

    public static String rows(List<ClaimResult> results) {
        Set<String> configKeys = new LinkedHashSet<>();
        Set<String> rowKeys = new LinkedHashSet<>();
        for (ClaimResult r : results) {
            r.config().forEach((k, v) -> {
                if (!(v instanceof List<?>)) {
                    configKeys.add(k);
                }
            });
            r.rows().forEach(row -> rowKeys.addAll(row.keySet()));
        }
        List<String> header = new ArrayList<>(List.of("claim"));
        header.addAll(configKeys);
        header.addAll(rowKeys);
        header.add("verdict");
        StringBuilder sb = new StringBuilder(String.join(",", header)).append('\n');
        for (ClaimResult r : results) {
            for (Map<String, Object> row : r.rows()) {
                List<String> cells = new ArrayList<>(List.of(r.claim()));
                configKeys.forEach(k -> cells.add(cell(r.config().get(k))));
                rowKeys.forEach(k -> cells.add(cell(row.get(k))));
                cells.add(r.verdict().label());
                sb.append(String.join(",", cells)).append('\n');
            }
        }
        return sb.toString();
    }

    private static String cell(Object v) {
        if (v == null || v instanceof Double d && !Double.isFinite(d)) {
            return "";
        }
        String s = v.toString();
        return s.contains(",") || s.contains("\"") ? "\"" + s.replace("\"", "\"\"") + "\"" : s;
    }
}
