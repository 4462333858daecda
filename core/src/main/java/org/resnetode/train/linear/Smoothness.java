package org.resnetode.train.linear;

import org.resnetode.model.Norms;

/** Depth-smoothness and limit distances of layer-major weights {@code A_0..A_{N-1}} (d×d blocks, Frobenius norms). */
public final class Smoothness {
    private Smoothness() {
    }

    /** {@code S = N max_n ||A_{n+1} - A_n||_F} (0 for a single layer). */
    public static double of(double[] weights, int d, int depth) {
        int block = d * d;
        double max = 0;
        for (int n = 0; n + 1 < depth; n++) {
            max = Math.max(max, Norms.distance(weights, (n + 1) * block, weights, n * block, block));
        }
        return depth * max;
    }

    /**
     * Richardson estimate of the distance to the limit at the layer times {@code t_n = n/N}: with
     * {@code A^N_n = A(t_n) + c(t_n)/N + O(1/N²)}, {@code A(t_n) ≈ 2 A^{2N}_{2n} - A^N_n}, so
     * {@code max_n ||A^N_n - A(t_n)|| ≈ 2 max_n ||A^N_n - A^{2N}_{2n}||} (same training time for both runs).
     */
    public static double limitDistance(double[] weights, int depth, double[] doubled, int d) {
        int block = d * d;
        if (weights.length != (long) depth * block || doubled.length != 2L * depth * block) {
            throw new IllegalArgumentException("limit distance: expected " + depth + " and " + 2 * depth + " layers of " + d + "×" + d);
        }
        return limitDistanceFromEven(weights, evenLayers(doubled, depth, d), d);
    }

    /** Layers {@code A^{2N}_{2n}}, n = 0..N-1, of a 2N network: the ones at the depth times {@code t_n = n/N}. */
    public static double[] evenLayers(double[] doubled, int depth, int d) {
        int block = d * d;
        double[] even = new double[depth * block];
        for (int n = 0; n < depth; n++) {
            System.arraycopy(doubled, 2 * n * block, even, n * block, block);
        }
        return even;
    }

    /**
     * Layers {@code A^M_{(M/N) n}}, n = 0..N-1, of a depth-M network: the ones at the depth times {@code t_n = n/N} of a
     * depth-N network (N must divide M).
     */
    public static double[] layersAt(double[] weights, int depth, int at, int d) {
        int block = d * d;
        if (at < 1 || depth % at != 0 || weights.length != (long) depth * block) {
            throw new IllegalArgumentException("layers at t_n = n/" + at + " of " + weights.length + " weights: expected " + depth
                    + " layers of " + d + "×" + d + ", a multiple of " + at);
        }
        int stride = depth / at;
        double[] out = new double[at * block];
        for (int n = 0; n < at; n++) {
            System.arraycopy(weights, n * stride * block, out, n * block, block);
        }
        return out;
    }

    /** {@code max_n ||a_n - b_n||_F} over the d×d blocks of two layer-major arrays of the same length. */
    public static double largestLayerDistance(double[] a, double[] b, int d) {
        if (a.length != b.length) {
            throw new IllegalArgumentException("layer distance: " + a.length + " and " + b.length + " weights");
        }
        int block = d * d;
        double max = 0;
        for (int n = 0; n < a.length / block; n++) {
            max = Math.max(max, Norms.distance(a, n * block, b, n * block, block));
        }
        return max;
    }

    /** {@link #limitDistance} from the {@link #evenLayers} of the 2N network: {@code 2 max_n ||A^N_n - A^{2N}_{2n}||}. */
    public static double limitDistanceFromEven(double[] weights, double[] even, int d) {
        if (weights.length != even.length) {
            throw new IllegalArgumentException("limit distance: " + weights.length + " and " + even.length + " weights");
        }
        return 2 * largestLayerDistance(weights, even, d);
    }
}
