package org.resnetode.linalg;

/**
 * One sample's products and maps, the families' matrix-vector paths: {@code M x}, {@code Mᵀ p}, the rank-one update
 * {@code G += u vᵀ} on row-major blocks and tanh ({@link Tanh#of}, the bits of the batched kernels), always in plain
 * Java with several independent sums in flight: code that never allocates, whatever the JIT has compiled. The memory claim measures the bytes one
 * gradient allocates, and Vector API code that runs uncompiled (before C2 compiles it, or after C2 gives up on a
 * method it had to recompile too often, seen in a test run after other shapes) allocates an object per vector
 * operation: 16 KB a layer at d = 16.
 */
public final class Gemv {
    private Gemv() {
    }

    /**
     * {@code out = M x} for the rows×cols block of {@code m} at {@code off}: {@code out_i = (s0 + s1) + (s2 + s3)}, where
     * {@code s_l} sums {@code m_ij x_j} over the columns {@code j ≡ l (mod 4)} below {@code cols - cols mod 4} in
     * increasing j (each product rounded before it is added), and the last {@code cols mod 4} terms go to {@code s0};
     * four rows at a time (sixteen independent partial sums in flight), then the rows left.
     */
    public static void multiply(double[] m, int off, int rows, int cols, double[] x, double[] out) {
        int blocked = cols & ~3;
        int i = 0;
        for (; i + 4 <= rows; i += 4) {
            int r0 = off + i * cols;
            int r1 = r0 + cols;
            int r2 = r1 + cols;
            int r3 = r2 + cols;
            double a0 = 0, a1 = 0, a2 = 0, a3 = 0;
            double b0 = 0, b1 = 0, b2 = 0, b3 = 0;
            double c0 = 0, c1 = 0, c2 = 0, c3 = 0;
            double d0 = 0, d1 = 0, d2 = 0, d3 = 0;
            for (int j = 0; j < blocked; j += 4) {
                double x0 = x[j];
                double x1 = x[j + 1];
                double x2 = x[j + 2];
                double x3 = x[j + 3];
                a0 += m[r0 + j] * x0;
                a1 += m[r0 + j + 1] * x1;
                a2 += m[r0 + j + 2] * x2;
                a3 += m[r0 + j + 3] * x3;
                b0 += m[r1 + j] * x0;
                b1 += m[r1 + j + 1] * x1;
                b2 += m[r1 + j + 2] * x2;
                b3 += m[r1 + j + 3] * x3;
                c0 += m[r2 + j] * x0;
                c1 += m[r2 + j + 1] * x1;
                c2 += m[r2 + j + 2] * x2;
                c3 += m[r2 + j + 3] * x3;
                d0 += m[r3 + j] * x0;
                d1 += m[r3 + j + 1] * x1;
                d2 += m[r3 + j + 2] * x2;
                d3 += m[r3 + j + 3] * x3;
            }
            out[i] = finish(a0, a1, a2, a3, m, r0, x, blocked, cols);
            out[i + 1] = finish(b0, b1, b2, b3, m, r1, x, blocked, cols);
            out[i + 2] = finish(c0, c1, c2, c3, m, r2, x, blocked, cols);
            out[i + 3] = finish(d0, d1, d2, d3, m, r3, x, blocked, cols);
        }
        for (; i < rows; i++) {
            int r = off + i * cols;
            double s0 = 0, s1 = 0, s2 = 0, s3 = 0;
            for (int j = 0; j < blocked; j += 4) {
                s0 += m[r + j] * x[j];
                s1 += m[r + j + 1] * x[j + 1];
                s2 += m[r + j + 2] * x[j + 2];
                s3 += m[r + j + 3] * x[j + 3];
            }
            out[i] = finish(s0, s1, s2, s3, m, r, x, blocked, cols);
        }
    }

    /**
     * {@code out[outOff..outOff+cols) = Mᵀ p} for the rows×cols block of {@code m} at {@code off} and p at {@code pOff}:
     * {@code out_j = Σ_i p_i m_ij} summed over the rows from the first, starting from 0; eight columns at a time, their
     * sums kept in registers down all the rows, then the columns left.
     */
    public static void multiplyTransposed(double[] m, int off, int rows, int cols, double[] p, int pOff, double[] out, int outOff) {
        int j = 0;
        for (; j + 8 <= cols; j += 8) {
            double s0 = 0, s1 = 0, s2 = 0, s3 = 0, s4 = 0, s5 = 0, s6 = 0, s7 = 0;
            for (int i = 0; i < rows; i++) {
                int r = off + i * cols + j;
                double pi = p[pOff + i];
                s0 += pi * m[r];
                s1 += pi * m[r + 1];
                s2 += pi * m[r + 2];
                s3 += pi * m[r + 3];
                s4 += pi * m[r + 4];
                s5 += pi * m[r + 5];
                s6 += pi * m[r + 6];
                s7 += pi * m[r + 7];
            }
            out[outOff + j] = s0;
            out[outOff + j + 1] = s1;
            out[outOff + j + 2] = s2;
            out[outOff + j + 3] = s3;
            out[outOff + j + 4] = s4;
            out[outOff + j + 5] = s5;
            out[outOff + j + 6] = s6;
            out[outOff + j + 7] = s7;
        }
        for (; j < cols; j++) {
            double s = 0;
            for (int i = 0; i < rows; i++) {
                s += p[pOff + i] * m[off + i * cols + j];
            }
            out[outOff + j] = s;
        }
    }

    /** {@code z[off..off+n) <- tanh(z[off..off+n))}, each entry exactly {@link Tanh#of}. */
    public static void tanh(double[] z, int off, int n) {
        for (int i = off; i < off + n; i++) {
            z[i] = Tanh.of(z[i]);
        }
    }

    /** {@code G += u vᵀ} on the rows×cols block of {@code g} at {@code off}, u at {@code uOff}: row i gets {@code u_i v}. */
    public static void addOuter(double[] g, int off, int rows, int cols, double[] u, int uOff, double[] v) {
        for (int i = 0; i < rows; i++) {
            axpy(g, off + i * cols, u[uOff + i], v, 0, cols);
        }
    }

    /** {@code (s0 + s1) + (s2 + s3)}, with the columns from {@code blocked} on added to s0 first. */
    private static double finish(double s0, double s1, double s2, double s3, double[] m, int r, double[] x, int blocked, int cols) {
        for (int j = blocked; j < cols; j++) {
            s0 += m[r + j] * x[j];
        }
        return (s0 + s1) + (s2 + s3);
    }

    private static void axpy(double[] y, int yOff, double a, double[] x, int xOff, int n) {
        for (int j = 0; j < n; j++) {
            y[yOff + j] += a * x[xOff + j];
        }
    }
}
