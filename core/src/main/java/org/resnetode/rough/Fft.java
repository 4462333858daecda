package org.resnetode.rough;

/** The discrete Fourier transform {@code X_k = Σ_j x_j e^{-2πi jk/m}} of a power-of-two length m, radix 2, in place. */
final class Fft {
    private Fft() {
    }

    /** Transforms {@code (re, im)} in place; {@code re.length} must be a power of two equal to {@code im.length}. */
    static void transform(double[] re, double[] im) {
        int m = re.length;
        if (Integer.bitCount(m) != 1 || im.length != m) {
            throw new IllegalArgumentException("FFT length must be a power of two, got " + m + " and " + im.length);
        }
        // bit-reversal permutation
        for (int i = 1, j = 0; i < m; i++) {
            int bit = m >> 1;
            for (; (j & bit) != 0; bit >>= 1) {
                j ^= bit;
            }
            j ^= bit;
            if (i < j) {
                double t = re[i];
                re[i] = re[j];
                re[j] = t;
                t = im[i];
                im[i] = im[j];
                im[j] = t;
            }
        }
        // butterflies: (u, v) -> (u + w v, u - w v), w = e^{-2πi k/len}
        for (int len = 2; len <= m; len <<= 1) {
            double angle = -2 * Math.PI / len;
            int half = len >> 1;
            for (int k = 0; k < half; k++) {
                double wr = Math.cos(angle * k);
                double wi = Math.sin(angle * k);
                for (int start = 0; start < m; start += len) {
                    int a = start + k;
                    int b = a + half;
                    double vr = re[b] * wr - im[b] * wi;
                    double vi = re[b] * wi + im[b] * wr;
                    re[b] = re[a] - vr;
                    im[b] = im[a] - vi;
                    re[a] += vr;
                    im[a] += vi;
                }
            }
        }
    }
}
