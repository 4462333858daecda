package org.resnetode.gradient;

import org.resnetode.scheme.ResNet;

/**
 * Exact backpropagation: stores {@code x_0..x_S} of every sample (S steps, memory O(S B d)), then
 * {@code p_S = ∂L/∂x_S}, {@code p_n = VJP_x(step_n at x_n)(p_{n+1})}, {@code g_n += VJP_θ(step_n at x_n)(p_{n+1})}.
 */
public final class Backprop implements GradientMethod {

    @Override
    public String name() {
        return "backprop";
    }

    @Override
    public GradientReport compute(ResNet net, double[] inputs, int batch, TerminalLoss loss, double[] gradient) {
        StepSweep sweep = StepSweep.start(net, inputs, batch, gradient);
        int steps = sweep.steps;
        int d = sweep.dim;
        double[][][] trajectory = new double[batch][steps + 1][d];
        double[] outputs = new double[batch * d];
        for (int i = 0; i < batch; i++) {
            System.arraycopy(inputs, i * d, trajectory[i][0], 0, d);
            for (int n = 0; n < steps; n++) {
                sweep.forward(n, trajectory[i][n], trajectory[i][n + 1]);
            }
            System.arraycopy(trajectory[i][steps], 0, outputs, i * d, d);
        }
        double[] adjoints = new double[batch * d];
        double value = loss.evaluate(outputs, batch, adjoints);
        double[] p = new double[d];
        for (int i = 0; i < batch; i++) {
            System.arraycopy(adjoints, i * d, p, 0, d);
            for (int n = steps - 1; n >= 0; n--) {
                sweep.vjp(n, trajectory[i][n], p, gradient);
            }
        }
        return new GradientReport(value, (long) batch * (steps + 1) * d + (long) batch * d);
    }
}
