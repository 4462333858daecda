package org.resnetode.gradient;

import org.resnetode.scheme.ResNet;

/**
 * A way to compute the gradient of a loss of the outputs {@code L(x_N)} ({@link TerminalLoss}; by default
 * {@code ½ mean_i ||x_N(x_i) - y_i||²}) with respect to every layer's weights. Strategies differ in what they keep
 * alive, which they report.
 */
public interface GradientMethod {

    /** Command-line name. */
    String name();

    /**
     * Writes {@code ∂L/∂θ} into {@code gradient} (overwritten; laid out like {@code net.weights().data()},
     * so tied weights receive {@code Σ_n ∂L/∂θ_n}) and returns the loss and the stored state.
     *
     * @param inputs  batch of inputs x_i, each of dimension d
     * @param targets batch of targets y_i, same shape as inputs
     */
    default GradientReport compute(ResNet net, double[][] inputs, double[][] targets, double[] gradient) {
        requireBatch(net, inputs, targets, gradient);
        return compute(net, flatten(inputs), inputs.length, TerminalLoss.squaredError(flatten(targets)), gradient);
    }

    /**
     * Writes {@code ∂L/∂θ} for the loss {@code L(x_N)} of a batch into {@code gradient} (overwritten, laid out like
     * {@code net.weights().data()}) and returns the loss and the stored state.
     *
     * @param inputs {@code batch × d} inputs, row-major
     */
    GradientReport compute(ResNet net, double[] inputs, int batch, TerminalLoss loss, double[] gradient);

    /** Rows laid end to end. */
    static double[] flatten(double[][] rows) {
        int d = rows.length == 0 ? 0 : rows[0].length;
        double[] flat = new double[rows.length * d];
        for (int i = 0; i < rows.length; i++) {
            System.arraycopy(rows[i], 0, flat, i * d, d);
        }
        return flat;
    }

    /** Shape and value checks of a flat batch: {@code batch >= 1}, {@code batch × d} finite inputs, a gradient buffer of the weights' size. */
    static void requireInputs(ResNet net, double[] inputs, int batch, double[] gradient) {
        net.requireBatch(inputs, batch);
        if (gradient.length != net.weights().data().length) {
            throw new IllegalArgumentException("gradient buffer has " + gradient.length + " entries, the weights have "
                    + net.weights().data().length);
        }
    }

    /** Shape and value checks shared by every method: one clear message naming the problem. */
    static void requireBatch(ResNet net, double[][] inputs, double[][] targets, double[] gradient) {
        if (inputs.length == 0) {
            throw new IllegalArgumentException("the batch is empty");
        }
        if (targets.length != inputs.length) {
            throw new IllegalArgumentException("batch has " + inputs.length + " inputs but " + targets.length + " targets");
        }
        int d = net.family().dim();
        for (int i = 0; i < inputs.length; i++) {
            if (inputs[i].length != d || targets[i].length != d) {
                throw new IllegalArgumentException("sample " + i + ": input has dimension " + inputs[i].length
                        + " and target " + targets[i].length + ", the network expects " + d);
            }
            net.requireState(inputs[i]);
            for (int k = 0; k < d; k++) {
                if (!Double.isFinite(targets[i][k])) {
                    throw new IllegalArgumentException("target " + i + " entry " + k + " is " + targets[i][k]);
                }
            }
        }
        if (gradient.length != net.weights().data().length) {
            throw new IllegalArgumentException("gradient buffer has " + gradient.length + " entries, the weights have "
                    + net.weights().data().length);
        }
    }

}
