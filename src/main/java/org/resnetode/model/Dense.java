package org.resnetode.model;

import org.resnetode.linalg.Gemv;

/** Dense row-major kernels on {@code double[]} blocks; results go to caller-owned buffers. */
public final class Dense {
    private Dense() {
    }

    /** {@code out = M x} for the rows×cols block of {@code m} at {@code off} ({@link Gemv#multiply}: four partial sums per row). */
    public static void multiply(double[] m, int off, int rows, int cols, double[] x, double[] out) {
        Gemv.multiply(m, off, rows, cols, x, out);
    }

    /** {@code out = M^T p} for the rows×cols block of {@code m} at {@code off}. */
    public static void multiplyTransposed(double[] m, int off, int rows, int cols, double[] p, double[] out) {
        Gemv.multiplyTransposed(m, off, rows, cols, p, out);
    }

    /** {@code G += u v^T} on the rows×cols block of {@code g} at {@code off}. */
    public static void addOuter(double[] g, int off, int rows, int cols, double[] u, double[] v) {
        Gemv.addOuter(g, off, rows, cols, u, v);
    }

    /** Fills {@code out[off..off+n)} with i.i.d. N(0, scale²) draws (Box-Muller on the given stream). */
    public static void gaussian(java.util.SplittableRandom rng, double scale, double[] out, int off, int n) {
        for (int i = 0; i < n; i++) {
            out[off + i] = scale * Gaussian.next(rng);
        }
    }
}
