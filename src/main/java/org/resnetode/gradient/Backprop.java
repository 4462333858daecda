package org.resnetode.gradient;

import org.resnetode.scheme.ResNet;

/**
 * Exact backpropagation: stores {@code x_0..x_S} (S steps, memory O(S d)), then
 * {@code p_S = ∇L(x_S)}, {@code p_n = VJP_x(step_n at x_n)(p_{n+1})}, {@code g_n += VJP_θ(step_n at x_n)(p_{n+1})}.
 */
public final class Backprop implements GradientMethod {

    @Override
    public String name() {
        return "backprop";
    }

    @Override
    public GradientReport compute(ResNet net, double[][] inputs, double[][] targets, double[] gradient) {
        StepSweep sweep = StepSweep.start(net, inputs, targets, gradient);
        int steps = sweep.steps;
        int d = sweep.dim;
        double[][] trajectory = new double[steps + 1][d];
        double[] p = new double[d];
        double loss = 0;
        for (int i = 0; i < inputs.length; i++) {
            System.arraycopy(inputs[i], 0, trajectory[0], 0, d);
            for (int n = 0; n < steps; n++) {
                sweep.forward(n, trajectory[n], trajectory[n + 1]);
            }
            loss += GradientMethod.lossGradient(trajectory[steps], targets[i], inputs.length, p);
            for (int n = steps - 1; n >= 0; n--) {
                sweep.vjp(n, trajectory[n], p, gradient);
            }
        }
        return new GradientReport(loss, (long) (steps + 1) * d + d);
    }
}
