package org.resnetode.linalg;

/**
 * Dense row-major matrix products on caller-owned {@code double[]} blocks (no allocation):
 * {@code C = beta C + op(A) op(B)} with {@code beta} 0 (overwrite) or 1 (accumulate).
 *
 * <p>Determinism: every entry of C is one dot product summed in a fixed order that does not depend on
 * how the work is split, so results are bitwise identical whatever the number of threads.
 */
public final class Gemm {
    private Gemm() {
    }

    /** {@code C (m×n) = beta C + A (m×k) · B (k×n)}. */
    public static void nn(double[] a, int aOff, double[] b, int bOff, double[] c, int cOff, int m, int n, int k, double beta) {
        for (int i = 0; i < m; i++) {
            int ci = cOff + i * n;
            for (int j = 0; j < n; j++) {
                c[ci + j] = beta == 0 ? 0 : beta * c[ci + j];
            }
            for (int p = 0; p < k; p++) {
                double aip = a[aOff + i * k + p];
                int bp = bOff + p * n;
                for (int j = 0; j < n; j++) {
                    c[ci + j] += aip * b[bp + j];
                }
            }
        }
    }

    /** {@code C (m×n) = beta C + A (m×k) · Bᵀ}, B stored n×k (e.g. a batch X times a weight Wᵀ). */
    public static void nt(double[] a, int aOff, double[] b, int bOff, double[] c, int cOff, int m, int n, int k, double beta) {
        for (int i = 0; i < m; i++) {
            int ai = aOff + i * k;
            for (int j = 0; j < n; j++) {
                int bj = bOff + j * k;
                double s = 0;
                for (int p = 0; p < k; p++) {
                    s += a[ai + p] * b[bj + p];
                }
                int idx = cOff + i * n + j;
                c[idx] = beta == 0 ? s : beta * c[idx] + s;
            }
        }
    }

    /** {@code C (m×n) = beta C + Aᵀ · B}, A stored k×m, B stored k×n (e.g. a weight gradient Gᵀ X over a batch of k rows). */
    public static void tn(double[] a, int aOff, double[] b, int bOff, double[] c, int cOff, int m, int n, int k, double beta) {
        for (int i = 0; i < m; i++) {
            int ci = cOff + i * n;
            for (int j = 0; j < n; j++) {
                c[ci + j] = beta == 0 ? 0 : beta * c[ci + j];
            }
            for (int p = 0; p < k; p++) {
                double api = a[aOff + p * m + i];
                int bp = bOff + p * n;
                for (int j = 0; j < n; j++) {
                    c[ci + j] += api * b[bp + j];
                }
            }
        }
    }
}
