package org.resnetode.gradient;

import org.resnetode.scheme.ResNet;

/**
 * The memory-free adjoint (MATH.md sections 4 and 5): keeps only {@code X_S}, recovers the activations
 * backwards with the scheme's reverse step {@code X~_n = reverse_n(X~_{n+1})}, {@code X~_S = X_S}, and
 * applies the exact step VJPs at {@code X~_n}, on the whole batch at once ({@code B × d} blocks, layers as the
 * outer loop). Stored state: X~ and P, 2 B d doubles, whatever the depth.
 */
public final class Adjoint implements GradientMethod {
    private final RecoveryListener listener;

    /** Receives each recovered activation {@code x~_n} of sample i (n = S-1 down to 0), e.g. to measure its error. */
    @FunctionalInterface
    public interface RecoveryListener {
        void recovered(int sample, int n, double[] xTilde);
    }

    public Adjoint() {
        this(null);
    }

    /** With a listener called for every sample and layer (copying each row out of the batch block). */
    public Adjoint(RecoveryListener listener) {
        this.listener = listener;
    }

    @Override
    public String name() {
        return "adjoint";
    }

    @Override
    public GradientReport compute(ResNet net, double[] inputs, int batch, TerminalLoss loss, double[] gradient) {
        StepSweep sweep = StepSweep.start(net, inputs, batch, gradient);
        sweep.reserve(batch);
        int d = sweep.dim;
        double[] x = inputs.clone();
        for (int n = 0; n < sweep.steps; n++) {
            sweep.forward(n, x, x, batch);
        }
        double[] p = new double[batch * d];
        double value = loss.evaluate(x, batch, p);
        double[] row = new double[d];
        for (int n = sweep.steps - 1; n >= 0; n--) {
            sweep.reverse(n, x, batch);
            if (listener != null) {
                for (int i = 0; i < batch; i++) {
                    System.arraycopy(x, i * d, row, 0, d);
                    listener.recovered(i, n, row);
                }
            }
            sweep.vjp(n, x, p, gradient, batch);
        }
        return new GradientReport(value, 2L * batch * d);
    }
}
