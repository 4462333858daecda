package org.resnetode.sweep;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.resnetode.checks.BadInputException;
import org.resnetode.io.AtomicFiles;
import org.resnetode.report.Json;

/**
 * Runs a grid into a directory: {@code grid.json} (the grid as judged), {@code rows.csv} and {@code rows.parquet} (one row
 * per configuration, in grid order), {@code summary.json} and {@code summary.md} (grouped by the named axes). Rows are
 * journaled as they come, so {@code --resume} continues a sweep that stopped; the final files are written as a set.
 */
public final class Sweep {
    static final String GRID = "grid.json";

    /** Told how far the sweep is: the total, the rows already in the directory, then each row measured. */
    public interface Listener {
        default void start(int total, int alreadyMeasured) {
        }

        default void measured(SweepRow row) {
        }
    }

    /** What a run did: every row in grid order, how many were measured now and how many came from the directory. */
    public record Outcome(List<SweepRow> rows, int measured, int resumed) {
    }

    private Sweep() {
    }

    /**
     * Judges the whole grid, then runs what {@code dir} does not hold yet. A new sweep ({@code resume} false) refuses a
     * directory that already holds one; a resumed one refuses a directory whose grid differs.
     */
    public static Outcome run(Grid grid, long maxConfigs, Path dir, boolean resume, Runner runner, List<Axis> groupBy,
                              Listener listener) {
        List<SweepTask> tasks = grid.tasks(maxConfigs);
        for (Axis a : groupBy) {
            if (!a.appliesTo(grid.claim())) {
                throw new BadInputException("--group-by " + a.key() + ": that axis does not apply to claim " + grid.claim());
            }
        }
        String gridJson = canonical(grid);
        prepare(dir, resume, gridJson);
        SweepTable table = new SweepTable(SweepMeasure.columns(grid.claim()));
        Map<String, SweepRow> done = resume ? Journal.measured(dir, table) : new LinkedHashMap<>();
        List<SweepTask> pending = new ArrayList<>();
        SweepRow[] rows = new SweepRow[tasks.size()];
        int resumed = 0;
        for (SweepTask t : tasks) {
            SweepRow r = done.get(t.key());
            if (r == null) {
                pending.add(t);
            } else {
                rows[t.index()] = new SweepRow(t.index(), r.key(), reindexed(r, t.index()));
                resumed++;
            }
        }
        listener.start(tasks.size(), resumed);
        try (Journal journal = Journal.open(dir, table)) {
            for (SweepRow r : runner.run(pending, row -> {
                journal.append(row);
                listener.measured(row);
            })) {
                rows[r.index()] = r;
            }
            List<SweepRow> all = List.of(rows);
            List<SweepSummary.Group> groups = SweepSummary.groups(table.columns(), all, groupBy,
                    grid.measurement().verdicts());
            Map<Path, byte[]> files = new LinkedHashMap<>();
            files.put(dir.resolve(GRID), utf8(gridJson));
            files.put(dir.resolve(Journal.ROWS), utf8(table.csv(all)));
            files.put(dir.resolve("rows.parquet"), table.parquet(all));
            files.put(dir.resolve("summary.json"), utf8(SweepSummary.json(grid.claim(), groupBy, groups, all.size())));
            files.put(dir.resolve("summary.md"), utf8(SweepSummary.markdown(grid.claim(), groupBy, groups)));
            AtomicFiles.writeAll(files);
            journal.delete();
            return new Outcome(all, pending.size(), resumed);
        }
    }

    /** A row read back under its grid index of this run (the index column follows the task, the key identifies it). */
    private static Object[] reindexed(SweepRow r, int index) {
        Object[] v = r.values();
        v[0] = (long) index;
        return v;
    }

    /** A new sweep needs a directory without one; a resumed one, the same grid. */
    private static void prepare(Path dir, boolean resume, String gridJson) {
        Path grid = dir.resolve(GRID);
        if (resume) {
            if (!Files.isDirectory(dir) || !Files.exists(grid)) {
                throw new BadInputException("--resume " + dir + ": no sweep there (no " + GRID + ")");
            }
            try {
                if (!Files.readString(grid, StandardCharsets.UTF_8).equals(gridJson)) {
                    throw new BadInputException("--resume " + dir + ": that sweep ran another grid (" + grid
                            + " differs); start a new sweep with --out");
                }
            } catch (java.io.IOException e) {
                throw new BadInputException("cannot read " + grid + ": " + e.getMessage(), e);
            }
            return;
        }
        AtomicFiles.requireWritableDirectory(dir, "--out");
        if (Files.exists(grid) || Files.exists(dir.resolve(Journal.FILE))) {
            throw new BadInputException("--out " + dir + " holds a sweep already: continue it with --resume " + dir
                    + " or choose another directory");
        }
        AtomicFiles.write(grid, gridJson);
    }

    /**
     * The grid as JSON with every axis listed in the measurement's order (defaults included, but for a default derived
     * per configuration): equal grids give equal text, and the text read as a grid file is the same grid.
     */
    static String canonical(Grid grid) {
        Map<String, Object> axes = new LinkedHashMap<>();
        for (Axis a : grid.measurement().axes()) {
            List<Object> values = grid.values(a);
            if (values.get(0) != null) {
                axes.put(a.key(), values);
            }
        }
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("claim", grid.claim());
        root.put("axes", axes);
        return Json.value(root) + "\n";
    }

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
