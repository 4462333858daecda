package org.resnetode.assertions;

import java.util.Arrays;

/** Errors measured along a ladder of depths: {@code errors[i]} at depth {@code depths[i]}. */
public record Errors(int[] depths, double[] errors) {

    public Errors {
        if (depths == null || errors == null || depths.length != errors.length) {
            throw new IllegalArgumentException("depths and errors must be two arrays of the same length, got "
                    + (depths == null ? "null" : depths.length) + " depths and " + (errors == null ? "null" : errors.length) + " errors");
        }
        for (int i = 0; i < depths.length; i++) {
            if (depths[i] < 1) {
                throw new IllegalArgumentException("depth " + i + " is " + depths[i] + ", expected at least 1");
            }
        }
        depths = depths.clone();
        errors = errors.clone();
    }

    @Override
    public int[] depths() {
        return depths.clone();
    }

    @Override
    public double[] errors() {
        return errors.clone();
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < depths.length; i++) {
            sb.append(i == 0 ? "" : ", ").append("N=").append(depths[i]).append(": ").append(String.format(java.util.Locale.ROOT, "%.4g", errors[i]));
        }
        return "[" + sb + "]";
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Errors e && Arrays.equals(depths, e.depths) && Arrays.equals(errors, e.errors);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(depths) + Arrays.hashCode(errors);
    }
}
