package org.resnetode.sweep;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.resnetode.checks.BadInputException;

/**
 * The rows of a sweep as they are measured, one CSV line each, flushed at once ({@code DIR/journal.csv}): a sweep that
 * stops (killed, a machine lost) is continued with {@code --resume DIR}, which reads the rows already measured here
 * and in {@code DIR/rows.csv} and runs only the others. A last line cut short by a kill is ignored.
 */
final class Journal implements AutoCloseable {
    static final String FILE = "journal.csv";
    static final String ROWS = "rows.csv";

    private final Path file;
    private final SweepTable table;
    private final BufferedWriter out;

    private Journal(Path file, SweepTable table, BufferedWriter out) {
        this.file = file;
        this.table = table;
        this.out = out;
    }

    /** Opens {@code dir}'s journal for appending, writing the header when it is new. */
    static Journal open(Path dir, SweepTable table) {
        Path file = dir.resolve(FILE);
        try {
            boolean fresh = !Files.exists(file) || Files.size(file) == 0;
            BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                    StandardOpenOption.APPEND);
            if (fresh) {
                out.write(table.header());
                out.write('\n');
                out.flush();
            }
            return new Journal(file, table, out);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file + ": " + e.getMessage(), e);
        }
    }

    /** Appends {@code row} and flushes it to the file. */
    void append(SweepRow row) {
        try {
            out.write(table.line(row));
            out.write('\n');
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file + ": " + e.getMessage(), e);
        }
    }

    @Override
    public void close() {
        try {
            out.close();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file + ": " + e.getMessage(), e);
        }
    }

    /** Removes the journal once the sweep's files are in place. */
    void delete() {
        close();
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot remove " + file + ": " + e.getMessage(), e);
        }
    }

    /** The rows already measured in {@code dir} ({@code rows.csv}, then the journal), by key. */
    static Map<String, SweepRow> measured(Path dir, SweepTable table) {
        Map<String, SweepRow> rows = new LinkedHashMap<>();
        read(dir.resolve(ROWS), table, rows, false);
        read(dir.resolve(FILE), table, rows, true);
        return rows;
    }

    private static void read(Path file, SweepTable table, Map<String, SweepRow> rows, boolean toleratePartialLast) {
        if (!Files.exists(file)) {
            return;
        }
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException | UncheckedIOException e) {
            throw new BadInputException("cannot read " + file + ": " + e.getMessage(), e);
        }
        if (lines.isEmpty()) {
            return;
        }
        if (!lines.get(0).equals(table.header())) {
            throw new BadInputException(file + " holds rows of another table (its header differs from this grid's)");
        }
        for (int i = 1; i < lines.size(); i++) {
            try {
                SweepRow r = table.parse(lines.get(i));
                rows.put(r.key(), r);
            } catch (BadInputException e) {
                if (!(toleratePartialLast && i == lines.size() - 1)) {
                    throw new BadInputException(file + " line " + (i + 1) + ": " + e.getMessage(), e);
                }
            }
        }
    }
}
