package org.resnetode.model;

/** Dense row-major kernels on {@code double[]} blocks; results go to caller-owned buffers. */
public final class Dense {
    private Dense() {
    }

    /**
     * {@code out = M x} for the rows×cols block of {@code m} at {@code off}. Each row's dot product runs
     * four independent partial sums (the JIT cannot reorder a floating-point reduction by itself), which
     * keeps several multiply-adds in flight.
     */
    public static void multiply(double[] m, int off, int rows, int cols, double[] x, double[] out) {
        int blocked = cols & ~3;
        for (int i = 0; i < rows; i++) {
            int r = off + i * cols;
            double s0 = 0;
            double s1 = 0;
            double s2 = 0;
            double s3 = 0;
            for (int j = 0; j < blocked; j += 4) {
                s0 += m[r + j] * x[j];
                s1 += m[r + j + 1] * x[j + 1];
                s2 += m[r + j + 2] * x[j + 2];
                s3 += m[r + j + 3] * x[j + 3];
            }
            for (int j = blocked; j < cols; j++) {
                s0 += m[r + j] * x[j];
            }
            out[i] = (s0 + s1) + (s2 + s3);
        }
    }

    /** {@code out = M^T p} for the rows×cols block of {@code m} at {@code off}. */
    public static void multiplyTransposed(double[] m, int off, int rows, int cols, double[] p, double[] out) {
        java.util.Arrays.fill(out, 0, cols, 0.0);
        for (int i = 0; i < rows; i++) {
            int r = off + i * cols;
            double pi = p[i];
            for (int j = 0; j < cols; j++) {
                out[j] += m[r + j] * pi;
            }
        }
    }

    /** {@code G += u v^T} on the rows×cols block of {@code g} at {@code off}. */
    public static void addOuter(double[] g, int off, int rows, int cols, double[] u, double[] v) {
        for (int i = 0; i < rows; i++) {
            int r = off + i * cols;
            double ui = u[i];
            for (int j = 0; j < cols; j++) {
                g[r + j] += ui * v[j];
            }
        }
    }

    /** Fills {@code out[off..off+n)} with i.i.d. N(0, scale²) draws (Box-Muller on the given stream). */
    public static void gaussian(java.util.SplittableRandom rng, double scale, double[] out, int off, int n) {
        for (int i = 0; i < n; i++) {
            out[off + i] = scale * Gaussian.next(rng);
        }
    }
}
