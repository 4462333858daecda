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
    private final int depth;
    private final RungeKuttaStep step;

    public ResNet(ResidualFunction family, Scheme scheme, Weights weights, int depth) {
        int expected = scheme.weightCount(depth);
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
        this.depth = depth;
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
    public int depth() { return depth; }
    public int steps() { return scheme.steps(depth); }
    public double stepSize() { return scheme.stepSize(depth); }
    public double finalTime() { return scheme.finalTime(depth); }

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
