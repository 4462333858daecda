package org.resnetode.rough;

/**
 * The lower-triangular factor L of a symmetric positive definite matrix {@code A = L Lᵀ} (row-major n × n), by the
 * Cholesky-Banachiewicz recurrence {@code L_ij = (A_ij - Σ_{k<j} L_ik L_jk) / L_jj}, {@code L_ii = sqrt(A_ii - Σ_{k<i} L_ik²)}.
 * The O(n³) oracle of the circulant sampler, and the solver of the Gaussian conditioning in {@link PathIntegral}.
 */
final class Cholesky {
    private final int n;
    private final double[] l;

    Cholesky(double[] a, int n) {
        this.n = n;
        this.l = new double[n * n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j <= i; j++) {
                double s = a[i * n + j];
                for (int k = 0; k < j; k++) {
                    s -= l[i * n + k] * l[j * n + k];
                }
                if (i == j) {
                    if (!(s > 0)) {
                        throw new IllegalStateException("matrix is not positive definite at pivot " + i + ": " + s);
                    }
                    l[i * n + i] = Math.sqrt(s);
                } else {
                    l[i * n + j] = s / l[j * n + j];
                }
            }
        }
    }

    /** {@code out = L z}. */
    void multiply(double[] z, double[] out) {
        for (int i = 0; i < n; i++) {
            double s = 0;
            for (int k = 0; k <= i; k++) {
                s += l[i * n + k] * z[k];
            }
            out[i] = s;
        }
    }

    /** The solution x of {@code A x = b}: forward then back substitution. */
    double[] solve(double[] b) {
        double[] y = new double[n];
        for (int i = 0; i < n; i++) {
            double s = b[i];
            for (int k = 0; k < i; k++) {
                s -= l[i * n + k] * y[k];
            }
            y[i] = s / l[i * n + i];
        }
        double[] x = new double[n];
        for (int i = n - 1; i >= 0; i--) {
            double s = y[i];
            for (int k = i + 1; k < n; k++) {
                s -= l[k * n + i] * x[k];
            }
            x[i] = s / l[i * n + i];
        }
        return x;
    }
}
