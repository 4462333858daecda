package org.resnetode.train.linear;

import org.resnetode.checks.BadInputException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import org.resnetode.model.Gaussian;

/**
 * Target matrices B of the loss {@code ½ ||P - B||_F²}, from a command-line specification:
 * {@code random:s} ({@code B = I + s G / √d}, G standard Gaussian drawn from the seed),
 * {@code diagonal:b1,b2,...} (positive entries, d of them) or a file of d lines of d numbers
 * (separated by spaces or commas, {@code #} starts a comment). Every problem is one {@link BadInputException} line.
 */
public final class Targets {
    private Targets() {
    }

    /** The d×d target (row-major) described by {@code spec}. */
    public static double[] parse(String spec, int d, long seed) {
        if (d < 1) {
            throw new BadInputException("dimension must be at least 1, got " + d);
        }
        String s = spec.trim();
        String lower = s.toLowerCase(Locale.ROOT);
        if (lower.startsWith("random:")) {
            return random(number(s.substring(7), "random target scale", spec), d, seed);
        }
        if (lower.startsWith("diagonal:")) {
            return diagonal(diagonalEntries(s.substring(9), spec), d);
        }
        return file(Path.of(s), d);
    }

    /** {@code B = I + s G / √d}, G with independent standard normal entries from {@code seed}. */
    public static double[] random(double scale, int d, long seed) {
        if (!Double.isFinite(scale) || scale < 0) {
            throw new BadInputException("random target scale must be finite and >= 0, got " + scale);
        }
        SplittableRandom rng = new SplittableRandom(seed);
        double[] b = new double[d * d];
        for (int i = 0; i < b.length; i++) {
            b[i] = scale * Gaussian.next(rng) / Math.sqrt(d);
        }
        for (int i = 0; i < d; i++) {
            b[i * d + i] += 1;
        }
        return b;
    }

    /** The entries of {@code diagonal:b1,b2,...}: positive and finite. */
    public static double[] diagonalEntries(String list, String spec) {
        String[] parts = list.split(",", -1);
        double[] entries = new double[parts.length];
        for (int i = 0; i < parts.length; i++) {
            entries[i] = number(parts[i], "diagonal entry " + (i + 1), spec);
            if (!(entries[i] > 0)) {
                throw new BadInputException("target '" + spec + "': diagonal entry " + (i + 1) + " is " + entries[i]
                        + ", must be positive (a product of near-identity factors has positive eigenvalues)");
            }
        }
        return entries;
    }

    /** {@code B = diag(entries)}; the dimension must equal the number of entries. */
    public static double[] diagonal(double[] entries, int d) {
        if (entries.length != d) {
            throw new BadInputException("diagonal target has " + entries.length + " entries, the dimension is " + d);
        }
        double[] b = new double[d * d];
        for (int i = 0; i < d; i++) {
            b[i * d + i] = entries[i];
        }
        return b;
    }

    private static double[] file(Path path, int d) {
        List<String> lines;
        try {
            lines = Files.readAllLines(path);
        } catch (IOException e) {
            throw new BadInputException("target '" + path + "' is neither random:s nor diagonal:b1,... and cannot be read as a file ("
                    + org.resnetode.io.AtomicFiles.reason(e) + ")");
        }
        List<double[]> rows = new ArrayList<>();
        for (int line = 0; line < lines.size(); line++) {
            String text = lines.get(line).replaceFirst("#.*", "").trim();
            if (text.isEmpty()) {
                continue;
            }
            String[] cells = text.split("[\\s,]+");
            double[] row = new double[cells.length];
            for (int j = 0; j < cells.length; j++) {
                row[j] = number(cells[j], "line " + (line + 1) + " entry " + (j + 1), path.toString());
            }
            if (row.length != d) {
                throw new BadInputException("target file " + path + ": line " + (line + 1) + " has " + row.length
                        + " entries, the dimension is " + d);
            }
            rows.add(row);
        }
        if (rows.size() != d) {
            throw new BadInputException("target file " + path + ": " + rows.size() + " rows, the dimension is " + d);
        }
        double[] b = new double[d * d];
        for (int i = 0; i < d; i++) {
            System.arraycopy(rows.get(i), 0, b, i * d, d);
        }
        return b;
    }

    private static double number(String text, String what, String spec) {
        double v;
        try {
            v = Double.parseDouble(text.trim());
        } catch (NumberFormatException e) {
            throw new BadInputException("target '" + spec + "': " + what + " '" + text.trim() + "' is not a number");
        }
        if (!Double.isFinite(v)) {
            throw new BadInputException("target '" + spec + "': " + what + " is " + v);
        }
        return v;
    }

    /** A d×d matrix of finite entries, or one line naming the problem. */
    static void requireSquare(String what, double[] m, int d) {
        if (d < 1 || m.length != (long) d * d) {
            throw new BadInputException(what + ": expected a " + d + "×" + d + " matrix (" + (long) d * d + " values), got "
                    + m.length);
        }
        requireFinite(what, m);
    }

    static void requireFinite(String what, double[] values) {
        for (int i = 0; i < values.length; i++) {
            if (!Double.isFinite(values[i])) {
                throw new BadInputException(what + " entry " + i + " is " + values[i]);
            }
        }
    }
}
