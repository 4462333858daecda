package org.resnetode.linalg;

/**
 * Elementwise maps on blocks, with {@link Gemm}'s kernel (Vector API or plain Java; both compute every entry
 * with the same operations) and split over the calling work's threads ({@link Parallelism#current()}) in chunks of a
 * multiple of 64 entries.
 */
public final class Elementwise {
    /** Entries below which the map runs on the caller alone. */
    static final int PARALLEL_SIZE = 1 << 13;
    private static final int CHUNK_MULTIPLE = 64;

    private Elementwise() {
    }

    /** {@code z[off..off+n) <- tanh(z[off..off+n))}. */
    public static void tanh(double[] z, int off, int n) {
        Kernel kernel = Gemm.kernel();
        Parallelism parallelism = Parallelism.current();
        int threads = parallelism.threads();
        if (threads == 1 || n < PARALLEL_SIZE) {
            kernel.tanh(z, off, off + n);
            return;
        }
        int chunk = (n / threads + CHUNK_MULTIPLE - 1) / CHUNK_MULTIPLE * CHUNK_MULTIPLE;
        parallelism.run((n + chunk - 1) / chunk, t -> kernel.tanh(z, off + t * chunk, off + Math.min(n, (t + 1) * chunk)));
    }
}
