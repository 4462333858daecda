package org.resnetode.gradient;

import java.util.Arrays;
import org.resnetode.model.Weights;
import org.resnetode.scheme.ResNet;
import org.resnetode.scheme.RungeKuttaStep;

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
        GradientMethod.requireBatch(net, inputs, targets, gradient);
        Arrays.fill(gradient, 0.0);
        RungeKuttaStep step = net.forwardStep();
        Weights w = net.weights();
        double[] data = w.data();
        int steps = net.steps();
        int d = net.family().dim();
        double h = net.stepSize();
        double[][] trajectory = new double[steps + 1][d];
        double[] p = new double[d];
        double loss = 0;
        for (int i = 0; i < inputs.length; i++) {
            System.arraycopy(inputs[i], 0, trajectory[0], 0, d);
            for (int n = 0; n < steps; n++) {
                step.apply(data, w.offset(n), w.offset(n + 1), h, trajectory[n], trajectory[n + 1]);
            }
            loss += GradientMethod.lossGradient(trajectory[steps], targets[i], inputs.length, p);
            for (int n = steps - 1; n >= 0; n--) {
                step.vjp(data, w.offset(n), w.offset(n + 1), h, trajectory[n], p, p, gradient, w.offset(n), w.offset(n + 1));
            }
        }
        return new GradientReport(loss, (long) (steps + 1) * d + d);
    }
}
