package org.resnetode.scheme;

import org.resnetode.model.ResidualFunction;
import org.resnetode.model.Weights;

/**
 * A residual network: a family f, a scheme and the weights of a depth-N network. Lives in
 * {@code scheme} rather than {@code model} because running it needs the tableau.
 */
public final class ResNet {
    private final ResidualFunction family;
    private final Scheme scheme;
    private final Weights weights;
    private final DepthGrid grid;
    private final RungeKuttaStep step;

    /**
     * The depth-{@code depth} network of {@code family} stepped by {@code scheme} (h = 1/depth) on {@code weights}, which must
     * hold exactly {@code scheme.weightCount(depth)} samples of {@code family.parameterCount()} parameters.
     */
    public ResNet(ResidualFunction family, Scheme scheme, Weights weights, int depth) {
        DepthGrid grid = scheme.grid(depth);
        int expected = grid.weightCount();
        if (weights.count() != expected) {
            throw new IllegalArgumentException("scheme " + scheme.name() + " at depth " + depth + " reads "
                    + expected + " weight samples, got " + weights.count());
        }
        if (weights.size() != family.parameterCount()) {
            throw new IllegalArgumentException("family " + family.name() + " has " + family.parameterCount()
                    + " parameters per layer, weights have " + weights.size());
        }
        this.family = family;
        this.scheme = scheme;
        this.weights = weights;
        this.grid = grid;
        this.step = RungeKuttaStep.forward(scheme.tableau(), family);
    }

    /** A fresh forward step of this network's tableau (its buffers belong to the caller). */
    public RungeKuttaStep forwardStep() {
        return RungeKuttaStep.forward(scheme.tableau(), family);
    }

    /** A fresh reverse step of this network's tableau. */
    public RungeKuttaStep reverseStep() {
        return RungeKuttaStep.reverse(scheme.tableau(), family);
    }

    public ResidualFunction family() { return family; }
    public Scheme scheme() { return scheme; }
    public Weights weights() { return weights; }
    public int depth() { return grid.depth(); }
    public DepthGrid grid() { return grid; }
    public int steps() { return grid.steps(); }
    public double stepSize() { return grid.stepSize(); }
    public double finalTime() { return grid.finalTime(); }

    /** θ(t): the piecewise-linear path through this network's weights at its knots {@code t_n = n h}. */
    public WeightPath weightPath() {
        return new WeightPath(weights, grid.stepSize());
    }

    /** The output {@code x_steps}, from {@code x_0}, written to {@code out} (which may alias {@code x0}). */
    public void forward(double[] x0, double[] out) {
        requireState(x0);
        if (out != x0) {
            System.arraycopy(x0, 0, out, 0, x0.length);
        }
        double h = stepSize();
        double[] w = weights.data();
        int steps = steps();
        for (int n = 0; n < steps; n++) {
            step.apply(w, weights.offset(n), weights.offset(n + 1), h, out, out);
        }
    }

    /**
     * The outputs of a whole batch: {@code out} ({@code rows × d}, row-major, may alias {@code inputs}) receives
     * {@code x_steps} of every row of {@code inputs}, stepped layer by layer on the whole block (matrix products).
     */
    public void forwardBatch(double[] inputs, int rows, double[] out) {
        requireBatch(inputs, rows);
        if (out.length != inputs.length) {
            throw new IllegalArgumentException("output buffer has " + out.length + " values, the batch " + inputs.length);
        }
        if (out != inputs) {
            System.arraycopy(inputs, 0, out, 0, inputs.length);
        }
        double h = stepSize();
        double[] w = weights.data();
        int steps = steps();
        for (int n = 0; n < steps; n++) {
            step.applyBatch(w, weights.offset(n), weights.offset(n + 1), h, out, out, rows);
        }
    }

    /** Every state {@code x_0..x_steps}, row n holding x_n. */
    public double[][] trajectory(double[] x0) {
        requireState(x0);
        int steps = steps();
        double[][] xs = new double[steps + 1][];
        xs[0] = x0.clone();
        double h = stepSize();
        double[] w = weights.data();
        for (int n = 0; n < steps; n++) {
            xs[n + 1] = new double[x0.length];
            step.apply(w, weights.offset(n), weights.offset(n + 1), h, xs[n], xs[n + 1]);
        }
        return xs;
    }

    /** Rejects an empty batch, a flat batch that is not {@code batch × d} values, or one with a NaN or infinite entry. */
    public void requireBatch(double[] inputs, int batch) {
        if (batch < 1) {
            throw new IllegalArgumentException("the batch is empty");
        }
        int d = family.dim();
        if (inputs.length != (long) batch * d) {
            throw new IllegalArgumentException("a batch of " + batch + " inputs of dimension " + d + " has " + (long) batch * d
                    + " values, got " + inputs.length);
        }
        for (int k = 0; k < inputs.length; k++) {
            if (!Double.isFinite(inputs[k])) {
                throw new IllegalArgumentException("input " + k / d + " entry " + k % d + " is " + inputs[k]);
            }
        }
    }

    /** Rejects an input whose dimension is not d or which has a NaN or infinite entry. */
    public void requireState(double[] x) {
        if (x.length != family.dim()) {
            throw new IllegalArgumentException("input has dimension " + x.length + ", the network expects " + family.dim());
        }
        for (int i = 0; i < x.length; i++) {
            if (!Double.isFinite(x[i])) {
                throw new IllegalArgumentException("input entry " + i + " is " + x[i]);
            }
        }
    }
}
