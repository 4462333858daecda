package org.resnetode.sweep;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.resnetode.io.Parquet;
import org.resnetode.report.Json;

/**
 * A sweep's rows grouped by the axes the user names: per group the number of configurations, the count of each
 * verdict, and for every measured figure (the rate and the claim's headline figures) the median, smallest and largest
 * finite value over the group's configurations.
 */
public final class SweepSummary {
    /** The verdicts of a claim's rows, and {@code refused} for a configuration the claim refused at run time. */
    static final List<String> VERDICTS = List.of("holds", "finding", "fails", "inconclusive", "refused");
    /** Those of a training measurement, and {@code diverged} for a run whose loss blew up. */
    static final List<String> TRAINING_VERDICTS = List.of("holds", "finding", "fails", "inconclusive", "refused", "diverged");

    private SweepSummary() {
    }

    /** One group: the grouping axes' values, the row count, the verdict counts, the figures' (median, min, max). */
    record Group(List<Object> key, int configurations, Map<String, Integer> verdicts, Map<String, double[]> figures) {
    }

    static List<Group> groups(List<Parquet.Column> columns, List<SweepRow> rows, List<Axis> by, List<String> verdicts) {
        int verdict = index(columns, "verdict");
        List<Integer> figureColumns = new ArrayList<>();
        for (int c = verdict + 1; c < columns.size(); c++) {
            if (columns.get(c).type() == Parquet.Type.DOUBLE) {
                figureColumns.add(c);
            }
        }
        Map<List<Object>, List<SweepRow>> grouped = new LinkedHashMap<>();
        for (SweepRow r : rows) {
            List<Object> key = by.stream().map(a -> r.values()[index(columns, a.key())]).toList();
            grouped.computeIfAbsent(key, k -> new ArrayList<>()).add(r);
        }
        List<Group> groups = new ArrayList<>();
        grouped.forEach((key, members) -> {
            Map<String, Integer> counts = new LinkedHashMap<>();
            verdicts.forEach(v -> counts.put(v, 0));
            members.forEach(r -> counts.merge((String) r.values()[verdict], 1, Integer::sum));
            Map<String, double[]> figures = new LinkedHashMap<>();
            for (int c : figureColumns) {
                double[] finite = members.stream().mapToDouble(r -> (Double) r.values()[c]).filter(Double::isFinite)
                        .sorted().toArray();
                figures.put(columns.get(c).name(), finite.length == 0 ? new double[] {Double.NaN, Double.NaN, Double.NaN}
                        : new double[] {median(finite), finite[0], finite[finite.length - 1]});
            }
            groups.add(new Group(key, members.size(), counts, figures));
        });
        return groups;
    }

    /** The middle value of sorted {@code x} (the mean of the two middle ones for an even count). */
    static double median(double[] x) {
        int n = x.length;
        return n % 2 == 1 ? x[n / 2] : (x[n / 2 - 1] + x[n / 2]) / 2;
    }

    static String markdown(String claim, List<Axis> by, List<Group> groups) {
        StringBuilder sb = new StringBuilder("## Sweep of claim ").append(claim).append("\n\n");
        if (groups.isEmpty()) {
            return sb.append("No configuration.\n").toString();
        }
        List<String> header = new ArrayList<>(by.stream().map(Axis::key).toList());
        header.add("configurations");
        header.addAll(groups.get(0).verdicts().keySet());
        header.addAll(groups.get(0).figures().keySet().stream().map(f -> f + " median [min, max]").toList());
        sb.append("| ").append(String.join(" | ", header)).append(" |\n|");
        header.forEach(h -> sb.append(" --- |"));
        sb.append('\n');
        for (Group g : groups) {
            List<String> cells = new ArrayList<>(g.key().stream().map(String::valueOf).toList());
            cells.add(String.valueOf(g.configurations()));
            g.verdicts().values().forEach(v -> cells.add(String.valueOf(v)));
            g.figures().values().forEach(f -> cells.add(String.format(Locale.ROOT, "%.4g [%.4g, %.4g]", f[0], f[1], f[2])));
            sb.append("| ").append(String.join(" | ", cells)).append(" |\n");
        }
        return sb.toString();
    }

    static String json(String claim, List<Axis> by, List<Group> groups, int configurations) {
        List<Object> list = new ArrayList<>();
        for (Group g : groups) {
            Map<String, Object> m = new LinkedHashMap<>();
            for (int i = 0; i < by.size(); i++) {
                m.put(by.get(i).key(), g.key().get(i));
            }
            m.put("configurations", g.configurations());
            m.put("verdicts", g.verdicts());
            Map<String, Object> figures = new LinkedHashMap<>();
            g.figures().forEach((name, f) -> {
                Map<String, Object> stats = new LinkedHashMap<>();
                stats.put("median", f[0]);
                stats.put("min", f[1]);
                stats.put("max", f[2]);
                figures.put(name, stats);
            });
            m.put("figures", figures);
            list.add(m);
        }
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("claim", claim);
        root.put("configurations", configurations);
        root.put("groupBy", by.stream().map(Axis::key).toList());
        root.put("groups", list);
        return Json.value(root) + "\n";
    }

    private static int index(List<Parquet.Column> columns, String name) {
        for (int c = 0; c < columns.size(); c++) {
            if (columns.get(c).name().equals(name)) {
                return c;
            }
        }
        throw new IllegalStateException("no column " + name + " in " + Arrays.toString(columns.toArray()));
    }
}
