package org.resnetode.model;

/** Dense row-major kernels on {@code double[]} blocks; results go to caller-owned buffers. */
public final class Dense {
    private Dense() {
    }

    /** {@code out = M x} for the rows×cols block of {@code m} at {@code off}. */
    public static void multiply(double[] m, int off, int rows, int cols, double[] x, double[] out) {
        for (int i = 0; i < rows; i++) {
            int r = off + i * cols;
            double s = 0;
            for (int j = 0; j < cols; j++) {
                s += m[r + j] * x[j];
            }
            out[i] = s;
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
