package org.resnetode.gradient;

import org.resnetode.scheme.ResNet;

/**
 * A way to compute the gradient of {@code L = ½ mean_i ||x_N(x_i) - y_i||²} with respect to every
 * layer's weights. Strategies differ in what they keep alive, which they report.
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
    GradientReport compute(ResNet net, double[][] inputs, double[][] targets, double[] gradient);

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

    /** {@code ℓ_i = ½ ||x - y||² / B} added to the returned loss; {@code p = (x - y)/B} is its gradient in x. */
    static double lossGradient(double[] x, double[] y, int batch, double[] p) {
        double loss = 0;
        for (int k = 0; k < x.length; k++) {
            double r = x[k] - y[k];
            loss += r * r;
            p[k] = r / batch;
        }
        return 0.5 * loss / batch;
    }
}
