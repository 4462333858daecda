package org.resnetode.model;

import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.SingularValueDecomposition;

/** Vector and matrix norms used by the certified constants. */
public final class Norms {
    /** Relative safety margin on a computed spectral norm (SVD is backward stable to ~1e-15). */
    private static final double SVD_MARGIN = 1 + 1e-10;

    private Norms() {
    }

    /** Euclidean norm of {@code v[off..off+n)}. */
    public static double euclidean(double[] v, int off, int n) {
        double s = 0;
        for (int i = 0; i < n; i++) {
            s += v[off + i] * v[off + i];
        }
        return Math.sqrt(s);
    }

    public static double euclidean(double[] v) {
        return euclidean(v, 0, v.length);
    }

    /** Euclidean distance between {@code a[offA..offA+n)} and {@code b[offB..offB+n)}. */
    public static double distance(double[] a, int offA, double[] b, int offB, int n) {
        double s = 0;
        for (int i = 0; i < n; i++) {
            double d = a[offA + i] - b[offB + i];
            s += d * d;
        }
        return Math.sqrt(s);
    }

    /** Spectral norm (largest singular value) of the row-major rows×cols block at {@code off}, with a safety margin. */
    public static double spectral(double[] m, int off, int rows, int cols) {
        double[][] a = new double[rows][cols];
        for (int i = 0; i < rows; i++) {
            System.arraycopy(m, off + i * cols, a[i], 0, cols);
        }
        return new SingularValueDecomposition(new Array2DRowRealMatrix(a, false)).getNorm() * SVD_MARGIN;
    }
}
