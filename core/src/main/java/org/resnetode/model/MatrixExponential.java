package org.resnetode.model;

/**
 * {@code e^A} of a square row-major matrix by scaling and squaring: {@code e^A = (e^{A/2^s})^{2^s}}
 * with {@code ||A/2^s||_1 <= 1/2} and the Taylor series of {@code e^{A/2^s}} summed until its terms
 * stop changing the sum in double precision.
 */
public final class MatrixExponential {
    private static final int MAX_TERMS = 40;

    private MatrixExponential() {
    }

    public static double[] exp(double[] a, int d) {
        if (a.length != d * d) {
            throw new IllegalArgumentException("expected a " + d + "x" + d + " matrix, got " + a.length + " entries");
        }
        double norm = 0;
        for (int j = 0; j < d; j++) {
            double col = 0;
            for (int i = 0; i < d; i++) {
                col += Math.abs(a[i * d + j]);
            }
            norm = Math.max(norm, col);
        }
        if (!Double.isFinite(norm)) {
            throw new IllegalArgumentException("matrix has a NaN or infinite entry");
        }
        int s = Math.max(0, Math.getExponent(norm) + 2);
        double scale = Math.scalb(1.0, -s);
        // Taylor: E = Σ_k B^k / k!, B = A / 2^s
        double[] e = identity(d);
        double[] term = identity(d);
        for (int k = 1; k <= MAX_TERMS; k++) {
            term = multiply(term, a, d);
            double factor = scale / k;
            boolean changed = false;
            for (int i = 0; i < term.length; i++) {
                term[i] *= factor;
                double before = e[i];
                e[i] += term[i];
                changed |= e[i] != before;
            }
            if (!changed) {
                break;
            }
        }
        // undo the scaling: square s times
        for (int i = 0; i < s; i++) {
            e = multiply(e, e, d);
        }
        return e;
    }

    static double[] multiply(double[] x, double[] y, int d) {
        double[] out = new double[d * d];
        for (int i = 0; i < d; i++) {
            for (int k = 0; k < d; k++) {
                double xik = x[i * d + k];
                for (int j = 0; j < d; j++) {
                    out[i * d + j] += xik * y[k * d + j];
                }
            }
        }
        return out;
    }

    private static double[] identity(int d) {
        double[] m = new double[d * d];
        for (int i = 0; i < d; i++) {
            m[i * d + i] = 1;
        }
        return m;
    }
}
