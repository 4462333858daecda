package org.resnetode.model;

/**
 * How weights vary with depth: {@code θ_n} of a depth-N network, either sampled from a function
 * of time {@code θ(t_n)}, {@code t_n = n/N}, or drawn per layer.
 */
public interface DepthProfile {

    /** Command-line name of the profile. */
    String name();

    /** Smoothness class in depth, from {@link Smoothness#SMOOTH} to {@link Smoothness#ROUGH}. */
    Smoothness smoothness();

    /** Parameter count p of each θ_n. */
    int parameterCount();

    /** Writes {@code θ_n} of a depth-{@code depth} network to {@code out[off..off+p)}. */
    void layer(int n, int depth, double[] out, int off);

    /** A change made to each {@code θ_n} after it is written to {@code out[off..off+p)}. */
    @FunctionalInterface
    interface LayerChange {
        void apply(int n, int depth, double[] out, int off);
    }

    /**
     * This profile with {@code change} applied to every {@code θ_n}, under the same name and smoothness class (negative
     * controls break the weights while the claim is judged as stated for the profile).
     */
    default DepthProfile changed(LayerChange change) {
        DepthProfile base = this;
        return new DepthProfile() {
            @Override
            public String name() {
                return base.name();
            }

            @Override
            public Smoothness smoothness() {
                return base.smoothness();
            }

            @Override
            public int parameterCount() {
                return base.parameterCount();
            }

            @Override
            public void layer(int n, int depth, double[] out, int off) {
                base.layer(n, depth, out, off);
                change.apply(n, depth, out, off);
            }
        };
    }

    /** Smoothness classes of depth profiles. */
    enum Smoothness {
        /** C-infinity in t: constant, polynomial, Fourier. */
        SMOOTH,
        /** Lipschitz in t, with kinks. */
        LIPSCHITZ,
        /** No smoothness: per-layer draws whose total variation grows like N. */
        ROUGH
    }
}
