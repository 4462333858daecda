package org.resnetode.gradient;

import org.resnetode.scheme.ResNet;

/**
 * The memory-free adjoint (MATH.md sections 4 and 5): keeps only {@code x_S}, recovers the activations
 * backwards with the scheme's reverse step {@code x~_n = reverse_n(x~_{n+1})}, {@code x~_S = x_S}, and
 * applies the exact step VJPs at {@code x~_n}. Stored state: x~ and p of every sample, 2 B d doubles,
 * whatever the depth.
 */
public final class Adjoint implements GradientMethod {
    private final RecoveryListener listener;

    /** Receives each recovered activation {@code x~_n} of sample i (n = S-1 down to 0), e.g. to measure its error. */
    @FunctionalInterface
    public interface RecoveryListener {
        void recovered(int sample, int n, double[] xTilde);
    }

    public Adjoint() {
        this((i, n, x) -> { });
    }

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
        int d = sweep.dim;
        double[] outputs = new double[batch * d];
        double[] x = new double[d];
        for (int i = 0; i < batch; i++) {
            System.arraycopy(inputs, i * d, x, 0, d);
            for (int n = 0; n < sweep.steps; n++) {
                sweep.forward(n, x, x);
            }
            System.arraycopy(x, 0, outputs, i * d, d);
        }
        double[] adjoints = new double[batch * d];
        double value = loss.evaluate(outputs, batch, adjoints);
        double[] p = new double[d];
        for (int i = 0; i < batch; i++) {
            System.arraycopy(outputs, i * d, x, 0, d);
            System.arraycopy(adjoints, i * d, p, 0, d);
            for (int n = sweep.steps - 1; n >= 0; n--) {
                sweep.reverse(n, x);
                listener.recovered(i, n, x);
                sweep.vjp(n, x, p, gradient);
            }
        }
        return new GradientReport(value, 2L * batch * d);
    }
}
