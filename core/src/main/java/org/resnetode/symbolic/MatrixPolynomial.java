package org.resnetode.symbolic;

import org.resnetode.linalg.Gemv;

/** {@code P(A) v = Σ_j p_j A^j v} for a d×d row-major matrix A, by repeated matrix-vector products. */
public final class MatrixPolynomial {
    private MatrixPolynomial() {
    }

    public static double[] apply(double[] p, double[] a, int d, double[] v) {
        double[] power = v.clone();
        double[] sum = new double[d];
        double[] next = new double[d];
        for (int j = 0; j < p.length; j++) {
            for (int k = 0; k < d; k++) {
                sum[k] += p[j] * power[k];
            }
            Gemv.multiply(a, 0, d, d, power, next);
            System.arraycopy(next, 0, power, 0, d);
        }
        return sum;
    }
}
