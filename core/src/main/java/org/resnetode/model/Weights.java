package org.resnetode.model;

import org.resnetode.checks.Checks;
/**
 * The weights θ_0..θ_{K} of one network, stored layer after layer in one flat array, or tied: one
 * block θ shared by every layer (then {@link #offset(int)} is 0 for all n, and a gradient written at
 * those offsets accumulates {@code Σ_n ∂L/∂θ_n}, the gradient of the shared block).
 */
public final class Weights {
    private final int count;
    private final int size;
    private final double[] data;
    private final boolean tied;

    /** Wraps {@code data} (count × size, layer-major); rejects NaN or infinite entries. */
    public Weights(int count, int size, double[] data) {
        this(count, size, data, false);
    }

    /** {@code count} layers all reading the one block {@code theta}: memory independent of depth. */
    public static Weights tied(int count, double[] theta) {
        return new Weights(count, theta.length, theta, true);
    }

    private Weights(int count, int size, double[] data, boolean tied) {
        Checks.positive("weight count", count);
        this.tied = tied;
        if (data.length != (tied ? 1 : count) * size) {
            throw new IllegalArgumentException("weights: expected " + count + " layers of " + size
                    + " parameters (" + count * size + " values), got " + data.length);
        }
        for (int i = 0; i < data.length; i++) {
            if (!Double.isFinite(data[i])) {
                throw new IllegalArgumentException("weights: θ_" + i / size + " entry " + i % size + " is " + data[i]);
            }
        }
        this.count = count;
        this.size = size;
        this.data = data;
    }

    /** θ_n = profile layer n of a depth-{@code depth} network, for n = 0..count-1. */
    public static Weights sample(DepthProfile profile, int count, int depth) {
        int p = profile.parameterCount();
        long total = (long) count * p;
        if (total > Integer.MAX_VALUE - 8) {
            throw new org.resnetode.checks.BadInputException("depth " + depth + " needs " + count + " layers of " + p + " parameters ("
                    + total + " values), more than one array holds: use a smaller depth or dimension");
        }
        double[] data = new double[count * p];
        for (int n = 0; n < count; n++) {
            profile.layer(n, depth, data, n * p);
        }
        return new Weights(count, p, data);
    }

    /** Number of weight samples K+1. */
    public int count() { return count; }

    /** Parameters per layer p. */
    public int size() { return size; }

    /** The flat array; θ_n starts at {@link #offset(int)}. */
    public double[] data() { return data; }

    public int offset(int n) { return tied ? 0 : n * size; }


    /** Total variation {@code Σ_{n=0}^{K-1} ||θ_{n+1} - θ_n||}. */
    public double totalVariation() {
        double tv = 0;
        for (int n = 0; n + 1 < count; n++) {
            tv += Norms.distance(data, offset(n + 1), data, offset(n), size);
        }
        return tv;
    }

    /** Componentwise maxima of the family's parameter norms over all θ_n. */
    public double[] maxNorms(ResidualFunction family) {
        double[] max = new double[family.normCount()];
        double[] norms = new double[max.length];
        for (int n = 0; n < (tied ? 1 : count); n++) {
            family.parameterNorms(data, offset(n), norms);
            for (int i = 0; i < max.length; i++) {
                max[i] = Math.max(max[i], norms[i]);
            }
        }
        return max;
    }
}
