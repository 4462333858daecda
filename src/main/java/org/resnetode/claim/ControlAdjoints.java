package org.resnetode.claim;

import java.util.ArrayList;
import java.util.List;
import org.resnetode.gradient.Adjoint;
import org.resnetode.gradient.GradientMethod;
import org.resnetode.gradient.GradientReport;
import org.resnetode.gradient.TerminalLoss;
import org.resnetode.model.Weights;
import org.resnetode.scheme.ResNet;
import org.resnetode.scheme.RungeKuttaStep;

/** The broken adjoints of the negative controls {@link Control#WRONG_REVERSE} and {@link Control#STORING_ADJOINT}. */
final class ControlAdjoints {
    private ControlAdjoints() {
    }

    /** The adjoint a control runs in place of {@link Adjoint}, reporting recovered activations to {@code listener}. */
    static GradientMethod adjoint(Control control, Adjoint.RecoveryListener listener) {
        switch (control) {
            case WRONG_REVERSE:
                return new WrongReverse(listener);
            case STORING_ADJOINT:
                return new Storing();
            default:
                return new Adjoint(listener);
        }
    }

    /**
     * The adjoint with the reverse step's sign flipped: {@code x~_n = x~_{n+1} + h Σ b_i k_i} (the forward step again)
     * instead of {@code - h}, then step n's exact VJP at {@code x~_n}, as {@link Adjoint} does.
     */
    private static final class WrongReverse implements GradientMethod {
        private final Adjoint.RecoveryListener listener;

        WrongReverse(Adjoint.RecoveryListener listener) {
            this.listener = listener;
        }

        @Override
        public String name() {
            return "adjoint";
        }

        @Override
        public GradientReport compute(ResNet net, double[] inputs, int batch, TerminalLoss loss, double[] gradient) {
            GradientMethod.requireInputs(net, inputs, batch, gradient);
            java.util.Arrays.fill(gradient, 0.0);
            int d = net.family().dim();
            Weights w = net.weights();
            double h = net.stepSize();
            RungeKuttaStep step = net.forwardStep();
            double[] outputs = new double[batch * d];
            double[] x = new double[d];
            for (int i = 0; i < batch; i++) {
                System.arraycopy(inputs, i * d, x, 0, d);
                for (int n = 0; n < net.steps(); n++) {
                    step.apply(w.data(), w.offset(n), w.offset(n + 1), h, x, x);
                }
                System.arraycopy(x, 0, outputs, i * d, d);
            }
            double[] adjoints = new double[batch * d];
            double value = loss.evaluate(outputs, batch, adjoints);
            double[] p = new double[d];
            for (int i = 0; i < batch; i++) {
                System.arraycopy(outputs, i * d, x, 0, d);
                System.arraycopy(adjoints, i * d, p, 0, d);
                for (int n = net.steps() - 1; n >= 0; n--) {
                    step.apply(w.data(), w.offset(n), w.offset(n + 1), h, x, x);
                    listener.recovered(i, n, x);
                    step.vjp(w.data(), w.offset(n), w.offset(n + 1), h, x, p, p, gradient, w.offset(n), w.offset(n + 1));
                }
            }
            return new GradientReport(value, 2L * batch * d);
        }
    }

    /** The adjoint that keeps a copy of every recovered activation (allocation ∝ N) while reporting 2 B d stored doubles. */
    private static final class Storing implements GradientMethod {
        @Override
        public String name() {
            return "adjoint";
        }

        @Override
        public GradientReport compute(ResNet net, double[] inputs, int batch, TerminalLoss loss, double[] gradient) {
            List<double[]> kept = new ArrayList<>();
            return new Adjoint((i, n, x) -> kept.add(x.clone())).compute(net, inputs, batch, loss, gradient);
        }
    }
}
