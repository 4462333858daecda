package org.resnetode.train;

import org.resnetode.checks.BadInputException;
import org.resnetode.checks.Numbers;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.zip.GZIPInputStream;

/**
 * Reads a data set from CSV (plain, or gzip when the name ends in {@code .gz}): one row a line, no header,
 * the features, then either one integer class label or {@code targets} real targets. Every problem is one
 * {@link org.resnetode.checks.BadInputException} naming the file, the line and the column and what was expected.
 *
 * <p>{@code digits} is the bundled UCI optical digits set (see {@code resources/data/README.md}): 64
 * pixels in 0..16 scaled by 1/16 into [0, 1], labels 0..9, the last {@link #DIGITS_TEST_ROWS} rows held out.
 */
public final class DataReader {
    /** The bundled data set's name on the command line. */
    public static final String DIGITS = "digits";
    /** Pixel values of the digits set run over 0..16; features are pixel / 16. */
    public static final double DIGITS_PIXEL_MAX = 16;
    public static final int DIGITS_CLASSES = 10;
    public static final int DIGITS_TEST_ROWS = 360;

    private DataReader() {
    }

    /** The bundled digits, features scaled into [0, 1]. */
    public static Dataset digits() {
        try (InputStream in = DataReader.class.getResourceAsStream("/data/digits.csv.gz")) {
            if (in == null) {
                throw new IllegalStateException("the bundled data/digits.csv.gz is missing from the class path");
            }
            return read("digits", new GZIPInputStream(in), DIGITS_CLASSES, 0, 1 / DIGITS_PIXEL_MAX);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * A CSV file: with {@code targets == 0} the last column is a label in {@code 0..classes-1}; with
     * {@code targets > 0} the last {@code targets} columns are real targets. Features are read as they are.
     */
    public static Dataset file(Path path, int classes, int targets) {
        try (InputStream raw = Files.newInputStream(path)) {
            InputStream in = path.getFileName().toString().endsWith(".gz") ? new GZIPInputStream(raw) : raw;
            return read(path.toString(), in, classes, targets, 1);
        } catch (NoSuchFileException e) {
            throw new BadInputException("data file " + path + " does not exist");
        } catch (IOException e) {
            throw new BadInputException("cannot read data file " + path + ": " + e.getMessage());
        }
    }

    /** Parses rows from {@code in}; features are multiplied by {@code scale}. */
    static Dataset read(String source, InputStream in, int classes, int targets, double scale) throws IOException {
        if (targets < 0 || (targets == 0 && classes < 2)) {
            throw new BadInputException("a data set needs at least 2 classes or at least 1 real target, got "
                    + classes + " classes and " + targets + " targets");
        }
        int labelColumns = targets == 0 ? 1 : targets;
        BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
        DoubleList x = new DoubleList();
        DoubleList y = new DoubleList();
        int width = -1;
        int widthLine = 0;
        int rows = 0;
        int lineNumber = 0;
        for (String line = reader.readLine(); line != null; line = reader.readLine()) {
            lineNumber++;
            if (line.isBlank()) {
                continue;
            }
            String[] cells = line.split(",", -1);
            if (width < 0) {
                if (cells.length <= labelColumns) {
                    throw new BadInputException(String.format("%s line %d has %d columns: expected at least one feature "
                            + "then %s", source, lineNumber, cells.length, targets == 0 ? "the label" : targets + " targets"));
                }
                width = cells.length;
                widthLine = lineNumber;
            } else if (cells.length != width) {
                throw new BadInputException(String.format("%s line %d has %d columns, expected %d as on line %d",
                        source, lineNumber, cells.length, width, widthLine));
            }
            int features = width - labelColumns;
            for (int c = 0; c < width; c++) {
                double v = number(source, lineNumber, c, cells[c]);
                if (c < features) {
                    x.add(v * scale);
                } else if (targets > 0) {
                    y.add(v);
                } else {
                    y.add(label(source, lineNumber, c, v, classes));
                }
            }
            rows++;
        }
        if (rows == 0) {
            throw new BadInputException(source + " has no data rows");
        }
        int features = width - labelColumns;
        if (targets > 0) {
            return new Dataset(source, rows, features, x.toArray(), null, y.toArray(), targets);
        }
        double[] l = y.toArray();
        int[] labels = new int[rows];
        for (int i = 0; i < rows; i++) {
            labels[i] = (int) l[i];
        }
        return new Dataset(source, rows, features, x.toArray(), labels, null, classes);
    }

    private static double number(String source, int line, int column, String cell) {
        String t = cell.strip();
        double v;
        try {
            if (!Numbers.isDataNumber(t)) {
                // Java's own number forms (1f, 0x1p0, other scripts' digits) are not data: plain decimal notation only
                throw new NumberFormatException(t);
            }
            v = Double.parseDouble(t);
        } catch (NumberFormatException e) {
            throw new BadInputException(String.format("%s line %d, column %d: expected a number, found '%s'",
                    source, line, column + 1, abbreviate(t)));
        }
        if (!Double.isFinite(v)) {
            throw new BadInputException(String.format("%s line %d, column %d: expected a finite number, found '%s'",
                    source, line, column + 1, abbreviate(t)));
        }
        return v;
    }

    private static double label(String source, int line, int column, double v, int classes) {
        if (v != Math.rint(v) || v < 0 || v >= classes) {
            throw new BadInputException(String.format("%s line %d, column %d: label %s is outside the classes 0..%d",
                    source, line, column + 1, v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString((long) v) : Double.toString(v),
                    classes - 1));
        }
        return v;
    }

    private static String abbreviate(String s) {
        return org.resnetode.checks.Printable.of(s, 20);
    }

    /** A growable double array (no boxing). */
    private static final class DoubleList {
        private double[] data = new double[1024];
        private int size;

        void add(double v) {
            if (size == data.length) {
                data = java.util.Arrays.copyOf(data, 2 * size);
            }
            data[size++] = v;
        }

        double[] toArray() {
            return java.util.Arrays.copyOf(data, size);
        }
    }
}
