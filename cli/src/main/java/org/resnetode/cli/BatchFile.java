package org.resnetode.cli;

import org.resnetode.checks.BadInputException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads a batch from a CSV file: one sample per line, the d input values then the d target values
 * (2d numbers); blank lines and lines starting with {@code #} are skipped. Every problem is reported
 * with its line: a value that is not a number, NaN or infinite, or a line of the wrong length.
 */
final class BatchFile {
    private BatchFile() {
    }

    /** {@code {inputs, targets}}, each of shape B × d. */
    static double[][][] read(Path file, int dim) {
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new BadInputException("cannot read batch file " + file + ": " + e.getMessage());
        }
        List<double[]> inputs = new ArrayList<>();
        List<double[]> targets = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            String[] cells = line.split("\\s*,\\s*");
            String where = file + " line " + (i + 1);
            if (cells.length != 2 * dim) {
                throw new BadInputException(where + " has " + cells.length + " values, expected 2d = " + 2 * dim
                        + " (the input, then the target)");
            }
            double[] x = new double[dim];
            double[] y = new double[dim];
            for (int k = 0; k < cells.length; k++) {
                double v;
                try {
                    String cell = cells[k].strip();
                    if (!org.resnetode.checks.Numbers.isDataNumber(cell)) {
                        // Java's own number forms (1f, 0x1p0, other scripts' digits) are not data: plain decimal notation only
                        throw new NumberFormatException(cell);
                    }
                    v = Double.parseDouble(cell);
                } catch (NumberFormatException e) {
                    throw new BadInputException(where + ": '" + cells[k] + "' is not a number");
                }
                if (!Double.isFinite(v)) {
                    throw new BadInputException(where + ": " + (k < dim ? "input" : "target") + " value " + cells[k]
                            + " is not finite");
                }
                (k < dim ? x : y)[k % dim] = v;
            }
            inputs.add(x);
            targets.add(y);
        }
        if (inputs.isEmpty()) {
            throw new BadInputException("batch file " + file + " holds no sample");
        }
        return new double[][][] {inputs.toArray(double[][]::new), targets.toArray(double[][]::new)};
    }
}
