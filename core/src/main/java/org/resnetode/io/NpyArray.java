package org.resnetode.io;

import org.resnetode.checks.BadInputException;
import java.util.Arrays;

/** A numeric NumPy array read as doubles: its shape and its entries in C (row-major) order. */
public record NpyArray(int[] shape, double[] data) {

    public NpyArray {
        shape = shape.clone();
        long count = 1;
        for (int s : shape) {
            count *= s;
        }
        if (count != data.length) {
            throw new BadInputException("shape " + Arrays.toString(shape) + " holds " + count + " values, got " + data.length);
        }
    }

    @Override
    public int[] shape() {
        return shape.clone();
    }

    /** Number of axes. */
    public int rank() {
        return shape.length;
    }

    /** Entries per index of the first axis (the product of the other axes). */
    public int rowSize() {
        int size = 1;
        for (int i = 1; i < shape.length; i++) {
            size *= shape[i];
        }
        return size;
    }
}
