package org.resnetode.gradient;

import org.resnetode.scheme.ResNet;

/**
 * The memory-free adjoint (MATH.md sections 4 and 5): keeps only {@code x_S}, recovers the activations
 * backwards with the scheme's reverse step {@code x~_n = reverse_n(x~_{n+1})}, {@code x~_S = x_S}, and
 * applies the exact step VJPs at {@code x~_n}. Stored state: x~ and p, 2d doubles, whatever the depth.
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
    public GradientReport compute(ResNet net, double[][] inputs, double[][] targets, double[] gradient) {
        StepSweep sweep = StepSweep.start(net, inputs, targets, gradient);
        int d = sweep.dim;
        double[] x = new double[d];
        double[] p = new double[d];
        double loss = 0;
        for (int i = 0; i < inputs.length; i++) {
            System.arraycopy(inputs[i], 0, x, 0, d);
            for (int n = 0; n < sweep.steps; n++) {
                sweep.forward(n, x, x);
            }
            loss += GradientMethod.lossGradient(x, targets[i], inputs.length, p);
            for (int n = sweep.steps - 1; n >= 0; n--) {
                sweep.reverse(n, x);
                listener.recovered(i, n, x);
                sweep.vjp(n, x, p, gradient);
            }
        }
        return new GradientReport(loss, 2L * d);
    }
}
