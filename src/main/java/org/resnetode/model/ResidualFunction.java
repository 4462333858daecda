package org.resnetode.model;

/**
 * A residual function family {@code f(x, θ)} with {@code x ∈ R^d}, {@code θ ∈ R^p}.
 *
 * <p>Parameters are read from {@code theta[off .. off+p)}; every method fills caller-owned
 * buffers and allocates nothing. {@code work} must hold at least {@link #workSize()} doubles.
 */
public interface ResidualFunction {

    /** Command-line name of the family. */
    String name();

    /** State dimension d. */
    int dim();

    /** Parameter count p. */
    int parameterCount();

    /** Scratch doubles a caller must provide to {@link #value} and {@link #vjp}. */
    int workSize();

    /** {@code out = f(x, θ)}; {@code out} must not alias {@code x}. */
    void value(double[] theta, int off, double[] x, double[] out, double[] work);

    /**
     * Vector-Jacobian products at {@code (x, θ)}: {@code gx = (∂_x f)^T p} (overwritten) and
     * {@code gTheta[gOff..] += (∂_θ f)^T p} (accumulated).
     */
    void vjp(double[] theta, int off, double[] x, double[] p,
             double[] gx, double[] gTheta, int gOff, double[] work);

    /** True when {@code f(x, -θ) = -f(x, θ)}: zero-mean alternation then cancels to first order. */
    boolean oddInTheta();

    /** True when {@code f} is linear in θ, so depth-oscillating weights average out. */
    boolean linearInTheta();

    /** How many parameter norms {@link #parameterNorms} reports. */
    int normCount();

    /**
     * Convex norms of θ (for instance spectral norms of its weight blocks) written to {@code out}.
     * Being convex, their maxima over a set of layers also bound them on every segment between
     * two layers, i.e. along the piecewise-linear interpolation θ(t).
     */
    void parameterNorms(double[] theta, int off, double[] out);

    /**
     * Certified constants for every θ whose norms are at most {@code normBounds} and every state
     * in the ball {@code ||x|| <= radius}; nondecreasing in each bound and in the radius.
     */
    Constants constants(double[] normBounds, double radius);

    /** A typical parameter vector of unit scale, written to {@code out[off..off+p)}. */
    void initialParameters(java.util.SplittableRandom rng, double[] out, int off);
}
