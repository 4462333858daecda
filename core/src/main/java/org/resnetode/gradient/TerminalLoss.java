package org.resnetode.gradient;

/**
 * The loss of a batch as a function of the network's outputs {@code x_N} alone (the caller owns it:
 * a squared error to targets, or a linear head followed by a cross-entropy). Outputs and gradients are
 * {@code batch × d} blocks, row-major, one sample a row.
 */
@FunctionalInterface
public interface TerminalLoss {

    /** Returns {@code L(x_N)} and writes {@code ∂L/∂x_N} into {@code gradient} (overwritten, same shape as {@code outputs}). */
    double evaluate(double[] outputs, int batch, double[] gradient);

    /** {@code L = ½ mean_i ||x_N^i - y_i||²} for targets {@code y} laid out like the outputs. */
    static TerminalLoss squaredError(double[] targets) {
        return (outputs, batch, gradient) -> {
            if (targets.length != outputs.length) {
                throw new IllegalArgumentException("targets have " + targets.length + " values, the outputs " + outputs.length);
            }
            double loss = 0;
            for (int k = 0; k < outputs.length; k++) {
                double r = outputs[k] - targets[k];
                loss += r * r;
                gradient[k] = r / batch;
            }
            return 0.5 * loss / batch;
        };
    }
}
