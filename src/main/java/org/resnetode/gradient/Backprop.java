package org.resnetode.gradient;

import org.resnetode.scheme.ResNet;

/**
 * Exact backpropagation on the whole batch at once: stores {@code X_0..X_S} ({@code B × d} blocks, S steps,
 * memory O(S B d)), then {@code P_S = ∂L/∂X_S}, {@code P_n = VJP_x(step_n at X_n)(P_{n+1})},
 * {@code g_n += VJP_θ(step_n at X_n)(P_{n+1})} summed over the batch. Layers are the outer loop: θ_n is read
 * once per batch.
 */
public final class Backprop implements GradientMethod {

    @Override
    public String name() {
        return "backprop";
    }

    @Override
    public GradientReport compute(ResNet net, double[] inputs, int batch, TerminalLoss loss, double[] gradient) {
        StepSweep sweep = StepSweep.start(net, inputs, batch, gradient);
        sweep.reserve(batch);
        int steps = sweep.steps;
        int size = batch * sweep.dim;
        double[][] trajectory = new double[steps + 1][];
        trajectory[0] = inputs;
        for (int n = 0; n < steps; n++) {
            trajectory[n + 1] = new double[size];
            sweep.forward(n, trajectory[n], trajectory[n + 1], batch);
        }
        double[] p = new double[size];
        double value = loss.evaluate(trajectory[steps], batch, p);
        for (int n = steps - 1; n >= 0; n--) {
            sweep.vjp(n, trajectory[n], p, gradient, batch);
        }
        return new GradientReport(value, (long) (steps + 1) * size + size);
    }
}
