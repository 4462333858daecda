package org.resnetode.train;

import java.util.Arrays;
import org.resnetode.gradient.TerminalLoss;
import org.resnetode.network.LinearHead;

/**
 * The linear head followed by the loss, as the {@link TerminalLoss} of a batch of outputs {@code x_N}:
 * {@code z_i = W x_N^i + b}; cross-entropy {@code L = mean_i (log Σ_c e^{z_ic} - z_{i y_i})} with
 * {@code ∂L/∂z_i = (softmax(z_i) - e_{y_i}) / B}, or squared error {@code L = ½ mean_i ||z_i - y_i||²} with
 * {@code ∂L/∂z_i = (z_i - y_i) / B}. It writes {@code ∂L/∂x_N^i = W^T ∂L/∂z_i} and accumulates the head's own
 * gradient {@code ∂L/∂W += Σ_i ∂L/∂z_i (x_N^i)^T}, {@code ∂L/∂b += Σ_i ∂L/∂z_i} into {@link #headGradient()}
 * (zeroed by each evaluation), and counts the batch's correct predictions (argmax z = label).
 */
public final class HeadLoss implements TerminalLoss {
    private final LinearHead head;
    private final double[] headGradient;
    private final double[] z;
    private int[] labels;
    private double[] targets;
    private int first;
    private int correct;

    public HeadLoss(LinearHead head) {
        this.head = head;
        this.headGradient = new double[head.parameters().length];
        this.z = new double[head.outputs()];
    }

    /** The batch's labels are {@code labels[first..first+B)} (cross-entropy). */
    public HeadLoss labels(int[] labels, int first) {
        this.labels = labels;
        this.targets = null;
        this.first = first;
        return this;
    }

    /** The batch's targets are rows {@code first..first+B} of {@code targets} (squared error). */
    public HeadLoss targets(double[] targets, int first) {
        this.targets = targets;
        this.labels = null;
        this.first = first;
        return this;
    }

    public double[] headGradient() {
        return headGradient;
    }

    /** Correct predictions (argmax z equals the label) in the last evaluated batch; 0 for real targets. */
    public int correct() {
        return correct;
    }

    @Override
    public double evaluate(double[] outputs, int batch, double[] gradient) {
        int d = head.dim();
        int c = head.outputs();
        if (outputs.length != batch * d) {
            throw new IllegalArgumentException("the head reads " + batch + " outputs of dimension " + d + ", got "
                    + outputs.length + " values");
        }
        boolean crossEntropy = head.loss().equals(LinearHead.CROSS_ENTROPY);
        if (crossEntropy ? labels == null : targets == null) {
            throw new IllegalStateException("no " + (crossEntropy ? "labels" : "targets") + " bound for the " + head.loss() + " head");
        }
        double[] w = head.parameters();
        int bias = head.biasOffset();
        Arrays.fill(headGradient, 0.0);
        Arrays.fill(gradient, 0, batch * d, 0.0);
        correct = 0;
        double loss = 0;
        for (int i = 0; i < batch; i++) {
            head.apply(outputs, i * d, z);
            if (crossEntropy) {
                int y = labels[first + i];
                // log Σ e^{z_c} computed as max + log Σ e^{z_c - max}; z becomes softmax(z) - e_y, scaled by 1/B
                int argmax = 0;
                for (int k = 1; k < c; k++) {
                    argmax = z[k] > z[argmax] ? k : argmax;
                }
                double max = z[argmax];
                correct += argmax == y ? 1 : 0;
                double sum = 0;
                for (int k = 0; k < c; k++) {
                    sum += Math.exp(z[k] - max);
                }
                loss += max + Math.log(sum) - z[y];
                for (int k = 0; k < c; k++) {
                    z[k] = (Math.exp(z[k] - max) / sum - (k == y ? 1 : 0)) / batch;
                }
            } else {
                int row = (first + i) * c;
                for (int k = 0; k < c; k++) {
                    double r = z[k] - targets[row + k];
                    loss += 0.5 * r * r;
                    z[k] = r / batch;
                }
            }
            // ∂L/∂x_i = W^T δ_i, ∂L/∂W += δ_i x_i^T, ∂L/∂b += δ_i with δ_i = ∂L/∂z_i now in z
            for (int k = 0; k < c; k++) {
                double delta = z[k];
                int r = k * d;
                for (int j = 0; j < d; j++) {
                    gradient[i * d + j] += w[r + j] * delta;
                    headGradient[r + j] += delta * outputs[i * d + j];
                }
                headGradient[bias + k] += delta;
            }
        }
        return loss / batch;
    }
}
