package org.resnetode.train;

import org.resnetode.checks.BadInputException;
/**
 * Rows of a data set: {@code rows × features} inputs (row-major) and either class labels in
 * {@code 0..outputs-1} (cross-entropy) or {@code rows × outputs} real targets (squared error).
 * Exactly one of {@code labels} and {@code targets} is non-null.
 */
public record Dataset(String source, int rows, int features, double[] inputs, int[] labels, double[] targets, int outputs) {

    public Dataset {
        if ((labels == null) == (targets == null)) {
            throw new IllegalArgumentException("a data set has either labels or real targets");
        }
        if (inputs.length != (long) rows * features) {
            throw new IllegalArgumentException(source + ": " + rows + " rows of " + features + " features need "
                    + (long) rows * features + " values, got " + inputs.length);
        }
    }

    /** True for class labels (cross-entropy), false for real targets (squared error). */
    public boolean classification() {
        return labels != null;
    }

    /** Rows {@code from..to-1} as a data set of their own. */
    public Dataset slice(int from, int to) {
        if (from < 0 || to > rows || from >= to) {
            throw new BadInputException(source + ": rows " + from + ".." + to + " are not a non-empty part of its "
                    + rows + " rows");
        }
        double[] x = java.util.Arrays.copyOfRange(inputs, from * features, to * features);
        return new Dataset(source, to - from, features, x,
                labels == null ? null : java.util.Arrays.copyOfRange(labels, from, to),
                targets == null ? null : java.util.Arrays.copyOfRange(targets, from * outputs, to * outputs), outputs);
    }

    /** The training rows and the last {@code testRows} rows. */
    public Split split(int testRows) {
        if (testRows < 1 || testRows >= rows) {
            throw new BadInputException(source + " has " + rows + " rows: a test split of " + testRows
                    + " rows must leave at least one training row and keep at least one test row");
        }
        return new Split(slice(0, rows - testRows), slice(rows - testRows, rows));
    }

    /** A training set and a held-out test set. */
    public record Split(Dataset train, Dataset test) {
    }
}
