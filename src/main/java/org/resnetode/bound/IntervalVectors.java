package org.resnetode.bound;

/**
 * Interval vectors and matrices kept as two caller-owned double arrays, the lower ends {@code lo[]} and the upper ends
 * {@code hi[]}, every entry an outward-rounded enclosure ({@link Interval}). Matrices are row-major blocks at an offset.
 */
public final class IntervalVectors {
    private IntervalVectors() {
    }

    /**
     * {@code out[outOff..outOff+rows) (+)= M x} for the interval matrix {@code M = [mlo, mhi]} (rows × cols at
     * {@code mOff}) and the interval vector {@code x = [xlo, xhi]} at {@code xOff}; with {@code accumulate} the product is
     * added to what {@code out} holds. A point entry ({@code mlo = mhi}) takes the cheaper point-times-interval path.
     */
    public static void multiply(double[] mlo, double[] mhi, int mOff, int rows, int cols, double[] xlo, double[] xhi,
                                int xOff, double[] outLo, double[] outHi, int outOff, boolean accumulate) {
        for (int i = 0; i < rows; i++) {
            double sl = accumulate ? outLo[outOff + i] : 0;
            double sh = accumulate ? outHi[outOff + i] : 0;
            int row = mOff + i * cols;
            for (int j = 0; j < cols; j++) {
                double al = mlo[row + j];
                double ah = mhi[row + j];
                double bl = xlo[xOff + j];
                double bh = xhi[xOff + j];
                if (al == ah) {
                    sl = Interval.addLo(sl, Interval.scaleLo(al, bl, bh));
                    sh = Interval.addHi(sh, Interval.scaleHi(al, bl, bh));
                } else {
                    sl = Interval.addLo(sl, Interval.mulLo(al, ah, bl, bh));
                    sh = Interval.addHi(sh, Interval.mulHi(al, ah, bl, bh));
                }
            }
            outLo[outOff + i] = sl;
            outHi[outOff + i] = sh;
        }
    }

    /** {@code out (+)= a ⊙ b} entrywise on n entries (intervals a, b at their offsets). */
    public static void multiplyEntries(double[] alo, double[] ahi, int aOff, double[] blo, double[] bhi, int bOff,
                                       double[] outLo, double[] outHi, int outOff, int n, boolean accumulate) {
        for (int i = 0; i < n; i++) {
            double l = Interval.mulLo(alo[aOff + i], ahi[aOff + i], blo[bOff + i], bhi[bOff + i]);
            double h = Interval.mulHi(alo[aOff + i], ahi[aOff + i], blo[bOff + i], bhi[bOff + i]);
            outLo[outOff + i] = accumulate ? Interval.addLo(outLo[outOff + i], l) : l;
            outHi[outOff + i] = accumulate ? Interval.addHi(outHi[outOff + i], h) : h;
        }
    }

    /** {@code x[off..off+n) := x / k} for a positive integer k, outward. */
    public static void divide(double[] lo, double[] hi, int off, int n, int k) {
        for (int i = off; i < off + n; i++) {
            lo[i] = Math.nextDown(lo[i] / k);
            hi[i] = Math.nextUp(hi[i] / k);
        }
    }

    /** {@code out := a + w · b} on n entries, a and b interval vectors, w a point weight. */
    public static void addScaled(double[] alo, double[] ahi, int aOff, double w, double[] blo, double[] bhi, int bOff,
                                 double[] outLo, double[] outHi, int outOff, int n) {
        for (int i = 0; i < n; i++) {
            outLo[outOff + i] = Interval.addLo(alo[aOff + i], Interval.scaleLo(w, blo[bOff + i], bhi[bOff + i]));
            outHi[outOff + i] = Interval.addHi(ahi[aOff + i], Interval.scaleHi(w, blo[bOff + i], bhi[bOff + i]));
        }
    }

    /**
     * An upper bound of {@code max ||v - c||_2} over the interval vector {@code v = [lo, hi]} (n entries at {@code off})
     * and the point c: the root of the sum of the squared largest componentwise distances, every step rounded up.
     */
    public static double distanceUp(double[] lo, double[] hi, int off, double[] c, int n) {
        double s = 0;
        for (int i = 0; i < n; i++) {
            double m = Math.max(Math.nextUp(hi[off + i] - c[i]), Math.nextUp(c[i] - lo[off + i]));
            m = Math.max(m, 0);
            s = Interval.addUp(s, Interval.mulUp(m, m));
        }
        return Interval.sqrtUp(s);
    }

    /** True when every entry of both ends is finite. */
    public static boolean finite(double[] lo, double[] hi, int off, int n) {
        for (int i = off; i < off + n; i++) {
            if (!Double.isFinite(lo[i]) || !Double.isFinite(hi[i])) {
                return false;
            }
        }
        return true;
    }
}
