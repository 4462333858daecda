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

    /** Scratch doubles a caller must provide to {@link #valueBatch} and {@link #vjpBatch} on {@code rows} rows. */
    default int batchWorkSize(int rows) {
        return workSize();
    }

    /**
     * {@code out = f(X, θ)} on a batch: X and out are {@code rows × d} blocks, row-major, one sample a row
     * ({@code out} must not alias {@code x}). Default: {@link #value} row by row (it copies each row into two
     * d-vectors it allocates; the families of the hot paths override it with matrix products). Callers with one
     * row call {@link #value} instead (RungeKuttaStep does).
     */
    default void valueBatch(double[] theta, int off, double[] x, double[] out, int rows, double[] work) {
        int d = dim();
        double[] xi = new double[d];
        double[] oi = new double[d];
        for (int i = 0; i < rows; i++) {
            System.arraycopy(x, i * d, xi, 0, d);
            value(theta, off, xi, oi, work);
            System.arraycopy(oi, 0, out, i * d, d);
        }
    }

    /**
     * The VJPs on a batch ({@code rows × d} blocks): {@code gx_i = (∂_x f(x_i))^T p_i} (overwritten) and
     * {@code gTheta[gOff..] += Σ_i (∂_θ f(x_i))^T p_i} (accumulated). Default: {@link #vjp} row by row, rows in order.
     */
    default void vjpBatch(double[] theta, int off, double[] x, double[] p, double[] gx, int rows,
                          double[] gTheta, int gOff, double[] work) {
        int d = dim();
        double[] xi = new double[d];
        double[] pi = new double[d];
        double[] gi = new double[d];
        for (int i = 0; i < rows; i++) {
            System.arraycopy(x, i * d, xi, 0, d);
            System.arraycopy(p, i * d, pi, 0, d);
            vjp(theta, off, xi, pi, gi, gTheta, gOff, work);
            System.arraycopy(gi, 0, gx, i * d, d);
        }
    }

    /**
     * Doubles of what {@link #valueBatchKeeping} keeps on {@code rows} rows for {@link #vjpBatchKept} (the MLP's
     * activations {@code tanh(X W1ᵀ)}); 0 when the family keeps nothing and its VJP recomputes what it needs.
     */
    default int keptSize(int rows) {
        return 0;
    }

    /**
     * {@link #valueBatch}, also writing into {@code kept[keptOff..keptOff + keptSize(rows))} the intermediate values
     * {@link #vjpBatchKept} reads at the same X and θ. Default: {@link #valueBatch} (nothing kept).
     */
    default void valueBatchKeeping(double[] theta, int off, double[] x, double[] out, int rows, double[] work,
                                   double[] kept, int keptOff) {
        valueBatch(theta, off, x, out, rows, work);
    }

    /**
     * {@link #vjpBatch} reading the values {@link #valueBatchKeeping} kept at the same X and θ instead of recomputing
     * them: the same operations on the same numbers, so the same bits. Default: {@link #vjpBatch}.
     */
    default void vjpBatchKept(double[] theta, int off, double[] x, double[] p, double[] gx, int rows,
                              double[] gTheta, int gOff, double[] work, double[] kept, int keptOff) {
        vjpBatch(theta, off, x, p, gx, rows, gTheta, gOff, work);
    }

    /** True when {@code f(x, -θ) = -f(x, θ)}: zero-mean alternation then cancels to first order. */
    boolean oddInTheta();

    /** True when {@code f} is linear in θ, so depth-oscillating weights average out. */
    boolean linearInTheta();

    /** Whether f is a scalar linear field {@code x' = g(θ) x}, and its rate g (by default NONE). */
    default ScalarGrowthRate scalarGrowthRate() {
        return ScalarGrowthRate.NONE;
    }

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
