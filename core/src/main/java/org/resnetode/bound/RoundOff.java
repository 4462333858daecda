package org.resnetode.bound;

/**
 * Proven round-off margins of IEEE-754 double arithmetic (round to nearest, unit roundoff {@code u = 2^-53}): a
 * computed sum of n products differs from the exact one by at most {@code γ_n Σ |terms|} with
 * {@code γ_n = n u / (1 - n u)} (Higham, Accuracy and Stability of Numerical Algorithms, §3.1, any summation order);
 * Horner's rule on a degree-n polynomial by at most {@code γ_{2n} Σ |c_k| |w|^k} (§5.1). Every margin below is itself
 * rounded up, so it bounds the real-number quantity it names.
 */
final class RoundOff {
    /** Unit roundoff of double. */
    static final double U = 0x1p-53;
    /** Absolute error of {@link #tanh} (derivation in the method). */
    static final double TANH_ERROR = 16 * U;

    private RoundOff() {
    }

    /** An upper bound of {@code γ_n = n u / (1 - n u)}. */
    static double gamma(int n) {
        double nu = n * U;
        return Math.nextUp(Math.nextUp(nu) / Math.nextDown(1 - nu));
    }

    /**
     * The factor of a plain block ({@link #blockUp}) of at most n operations: a double at least
     * {@code 1 + γ_{n+2} >= (1 - u)^{-(n+2)}}.
     */
    static double blockMargin(int n) {
        return Math.nextUp(1 + gamma(n + 2));
    }

    /**
     * An upper bound of a nonnegative expression E from its plain floating-point value {@code s}: {@code
     * fl(fl(s + MIN_NORMAL) · margin)}, margin from {@link #blockMargin}, is at least {@code E + MIN_NORMAL/2}. Valid
     * when E is built from nonnegative doubles (values, or upper bounds already rounded up) by at most n sums,
     * products, quotients by a positive leaf and maxima, in any order, where an operand of a product or quotient that
     * itself holds a product or quotient meets a leaf as the other operand, and the leaves met so between any product
     * or quotient and the root multiply to at most 2 (a divisor as its reciprocal) (docs/derivations/bound.md §4,
     * "plain blocks"): then {@code s >= (1 - u)^n E - 2n η} ({@code η = 2^-1075}, the absolute error of a product that
     * underflows; a sum is within u relative or exact), the sum with MIN_NORMAL is at least
     * {@code (1 - u)^{n+1} (E + MIN_NORMAL/2)} and normal, and its product with the margin at least
     * {@code E + MIN_NORMAL/2}.
     */
    static double blockUp(double s, double margin) {
        return (s + Double.MIN_NORMAL) * margin;
    }

    /**
     * An upper bound of {@code √s} for {@code s >= MIN_NORMAL} without {@link Math#nextUp}: {@code fl(fl(√s)(1 + 4u))}.
     * {@code fl(√s) >= (1 - u) √s} (correctly rounded) is at least {@code 2^-511}, so the product is normal and at least
     * {@code (1 - u)² (1 + 4u) √s >= √s}.
     */
    static double rootUp(double s) {
        return Math.sqrt(s) * ROOT_MARGIN;
    }

    /** {@code 1 + 4u}, exact. */
    private static final double ROOT_MARGIN = 1 + 4 * U;

    /** Upper bound of {@code a / k} for {@code a >= 0}, k a positive integer. */
    static double divideUp(double a, int k) {
        return Math.nextUp(a / k);
    }

    /** {@code max_i |v_i|} over n entries at {@code off} (exact: no rounding). */
    static double maxAbs(double[] v, int off, int n) {
        double m = 0;
        for (int i = off; i < off + n; i++) {
            m = Math.max(m, Math.abs(v[i]));
        }
        return m;
    }

    /**
     * An upper bound of {@code ||M||_∞ = max_i Σ_j |m_ij|} (rows × cols, row-major at {@code off}): the computed row
     * sums times {@code 1 + 2 γ_cols} (a computed sum of nonnegative terms is at least {@code (1 - γ) ×} the exact one).
     */
    static double infinityNorm(double[] m, int off, int rows, int cols) {
        double largest = 0;
        for (int i = 0; i < rows; i++) {
            double s = 0;
            int row = off + i * cols;
            for (int j = 0; j < cols; j++) {
                s += Math.abs(m[row + j]);
            }
            largest = Math.max(largest, s);
        }
        return Interval.mulUp(largest, 1 + 2 * gamma(cols));
    }

    /**
     * tanh within {@link #TANH_ERROR} (absolute): {@code tanh|x| = (1 - e) / (1 + e)}, {@code e = exp(-2|x|)} (2|x| is
     * exact; {@link Math#exp} is within 1 ulp <= 2u e). {@code 1 - e} is then within 3u, {@code 1 + e} within 3u
     * relative, the quotient (at most 1) within 7u: 16u leaves a margin.
     */
    static double tanh(double x) {
        double e = Math.exp(-2 * Math.abs(x));
        double t = (1 - e) / (1 + e);
        return x < 0 ? -t : t;
    }

    /**
     * An upper bound of {@code ||a - b||_2} (n entries): the componentwise differences rounded up, squared and summed
     * rounded up, the root rounded up.
     */
    static double distanceUp(double[] a, double[] b, int n) {
        double s = 0;
        for (int i = 0; i < n; i++) {
            double m = a[i] >= b[i] ? Math.nextUp(a[i] - b[i]) : Math.nextUp(b[i] - a[i]);
            s = Interval.addUp(s, Interval.mulUp(m, m));
        }
        return Interval.sqrtUp(s);
    }
}
