package org.resnetode.sweep;

import java.util.ArrayList;
import java.util.List;
import org.resnetode.checks.BadInputException;
import org.resnetode.io.Parquet;

/**
 * A sweep's rows as CSV, exactly reversible: booleans {@code true}/{@code false}, whole numbers in decimal, doubles as
 * {@link Double#toString} writes them ({@code NaN} included, so a row read back is bit for bit the row written),
 * strings quoted when they hold a comma or a quote (quotes doubled). One line a row: strings never hold line breaks.
 */
public final class SweepTable {
    private final List<Parquet.Column> columns;

    public SweepTable(List<Parquet.Column> columns) {
        this.columns = List.copyOf(columns);
    }

    public List<Parquet.Column> columns() {
        return columns;
    }

    /** The header line (without its line break). */
    public String header() {
        return String.join(",", columns.stream().map(Parquet.Column::name).toList());
    }

    /** {@code row} as one CSV line (without its line break). */
    public String line(SweepRow row) {
        Object[] values = row.values();
        StringBuilder sb = new StringBuilder();
        for (int c = 0; c < values.length; c++) {
            sb.append(c == 0 ? "" : ",");
            String s = String.valueOf(values[c]).replace('\n', ' ').replace('\r', ' ');
            sb.append(s.contains(",") || s.contains("\"") ? "\"" + s.replace("\"", "\"\"") + "\"" : s);
        }
        return sb.toString();
    }

    /** Every row as a CSV file. */
    public String csv(List<SweepRow> rows) {
        StringBuilder sb = new StringBuilder(header()).append('\n');
        for (SweepRow r : rows) {
            sb.append(line(r)).append('\n');
        }
        return sb.toString();
    }

    /** Every row as a Parquet file. */
    public byte[] parquet(List<SweepRow> rows) {
        return Parquet.write(columns, rows.stream().map(SweepRow::values).toList());
    }

    /** The row a {@link #line} wrote; a line that does not parse (e.g. cut short by a kill) is bad input. */
    public SweepRow parse(String line) {
        List<String> cells = cells(line);
        if (cells.size() != columns.size()) {
            throw new BadInputException("a row has " + cells.size() + " cells, the table has " + columns.size() + " columns");
        }
        Object[] values = new Object[cells.size()];
        try {
            for (int c = 0; c < values.length; c++) {
                String s = cells.get(c);
                values[c] = switch (columns.get(c).type()) {
                    case BOOLEAN -> bool(s);
                    case LONG -> Long.parseLong(s);
                    case DOUBLE -> Double.parseDouble(s);
                    case STRING -> s;
                };
            }
        } catch (NumberFormatException e) {
            throw new BadInputException("a row holds a malformed number: " + e.getMessage(), e);
        }
        return new SweepRow(Math.toIntExact((Long) values[0]), (String) values[1], values);
    }

    private static Boolean bool(String s) {
        if (!s.equals("true") && !s.equals("false")) {
            throw new BadInputException("expected true or false, got '" + org.resnetode.checks.Printable.of(s, 20) + "'");
        }
        return s.equals("true");
    }

    private static List<String> cells(String line) {
        List<String> cells = new ArrayList<>();
        StringBuilder cell = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char ch = line.charAt(i);
            if (quoted) {
                if (ch == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
                    cell.append('"');
                    i++;
                } else if (ch == '"') {
                    quoted = false;
                } else {
                    cell.append(ch);
                }
            } else if (ch == '"') {
                quoted = true;
            } else if (ch == ',') {
                cells.add(cell.toString());
                cell.setLength(0);
            } else {
                cell.append(ch);
            }
        }
        if (quoted) {
            throw new BadInputException("a row ends inside a quoted cell");
        }
        cells.add(cell.toString());
        return cells;
    }
}
