package org.resnetode.model;

/** Gaussian fills of dense blocks (the products of one sample are in {@code linalg.Gemv}). */
public final class Dense {
    private Dense() {
    }

    /** Fills {@code out[off..off+n)} with i.i.d. N(0, scale²) draws (Box-Muller on the given stream). */
    public static void gaussian(java.util.SplittableRandom rng, double scale, double[] out, int off, int n) {
        for (int i = 0; i < n; i++) {
            out[off + i] = scale * Gaussian.next(rng);
        }
    }
}
