package org.resnetode.claim;

import java.util.ArrayList;
import java.util.List;
import org.resnetode.gradient.Adjoint;
import org.resnetode.gradient.GradientMethod;
import org.resnetode.gradient.GradientReport;
import org.resnetode.gradient.TerminalLoss;
import org.resnetode.model.ResidualFunction;
import org.resnetode.model.Weights;
import org.resnetode.scheme.ButcherTableau;
import org.resnetode.scheme.ResNet;
import org.resnetode.scheme.RungeKuttaStep;

/**
 * The broken adjoints of the negative controls {@link Control#WRONG_REVERSE}, {@link Control#SWAPPED_STAGES},
 * {@link Control#WRONG_STAGE_TIME} and {@link Control#STORING_ADJOINT}.
 */
final class ControlAdjoints {
    private ControlAdjoints() {
    }

    /**
     * The adjoint a control runs in place of {@link Adjoint}, reporting recovered activations to {@code listener}
     * (null: none).
     */
    static GradientMethod adjoint(Control control, Adjoint.RecoveryListener listener) {
        switch (control) {
            case WRONG_REVERSE:
                return new BrokenReverse(listener, ControlAdjoints::forwardAgain);
            case SWAPPED_STAGES:
                // stage i of the reverse step reads θ at position c_i instead of 1 - c_i (Heun: θ_n then θ_{n+1})
                return new BrokenReverse(listener, (net, n, x) -> reverseAt(net, n, x, net.scheme().tableau().c(), 1));
            case WRONG_STAGE_TIME:
                // the reverse step's stages sit at half their times: a_ij/2, c_i/2, weights read at position 1 - c_i/2
                // (a tableau that reads only θ_n, Euler, keeps position 0)
                return new BrokenReverse(listener, (net, n, x) -> reverseAt(net, n, x, java.util.Arrays.stream(net.scheme().tableau().c())
                        .map(c -> net.scheme().tableau().lastStageTime() > 0 ? 1 - c / 2 : 0).toArray(), 0.5));
            case STORING_ADJOINT:
                return new Storing();
            default:
                return listener == null ? new Adjoint() : new Adjoint(listener);
        }
    }

    /** How a broken adjoint recovers {@code x~_n} from {@code x~_{n+1}} (in place). */
    @FunctionalInterface
    private interface Recovery {
        void recover(ResNet net, int n, double[] x);
    }

    /** {@code x~_n = x~_{n+1} + h Σ b_i k_i}: the forward step again, {@code +h} instead of {@code -h}. */
    private static void forwardAgain(ResNet net, int n, double[] x) {
        Weights w = net.weights();
        net.forwardStep().apply(w.data(), w.offset(n), w.offset(n + 1), net.stepSize(), x, x);
    }

    /**
     * The reverse step {@code x~_n = x~_{n+1} - h Σ b_i k_i}, {@code k_i = f(x~_{n+1} - h σ Σ_j a_ij k_j, θ(q_i))} with the
     * weights of stage i read at {@code position[i]} of the step ({@code θ(q) = (1 - q) θ_n + q θ_{n+1}}) and the tableau's
     * A scaled by σ = {@code stageScale}; the correct reverse step has σ = 1 and reads {@code q_i = 1 - c_i} for a tableau
     * that reads θ_{n+1} (RungeKuttaStep.reversePosition).
     */
    private static void reverseAt(ResNet net, int n, double[] x, double[] position, double stageScale) {
        ButcherTableau t = net.scheme().tableau();
        ResidualFunction f = net.family();
        Weights w = net.weights();
        int d = f.dim();
        int p = f.parameterCount();
        double h = net.stepSize();
        int s = t.stages();
        double[][] k = new double[s][d];
        double[] stage = new double[d];
        double[] theta = new double[p];
        double[] work = new double[f.workSize()];
        for (int i = 0; i < s; i++) {
            for (int c = 0; c < d; c++) {
                double sum = 0;
                for (int j = 0; j < i; j++) {
                    sum += t.a()[i][j] * k[j][c];
                }
                stage[c] = x[c] - h * stageScale * sum;
            }
            double q = position[i];
            int offNext = q == 0 ? w.offset(n) : w.offset(n + 1);
            for (int j = 0; j < p; j++) {
                theta[j] = (1 - q) * w.data()[w.offset(n) + j] + q * w.data()[offNext + j];
            }
            f.value(theta, 0, stage, k[i], work);
        }
        for (int c = 0; c < d; c++) {
            double sum = 0;
            for (int i = 0; i < s; i++) {
                sum += t.b()[i] * k[i][c];
            }
            x[c] -= h * sum;
        }
    }

    /**
     * The per-sample adjoint with a broken recovery: forward to {@code x_N}, then for n = N-1 down to 0 recover
     * {@code x~_n} with {@code recovery} and apply step n's exact VJP at {@code x~_n}, as {@link Adjoint} does.
     */
    private static final class BrokenReverse implements GradientMethod {
        private final Adjoint.RecoveryListener listener;
        private final Recovery recovery;

        BrokenReverse(Adjoint.RecoveryListener listener, Recovery recovery) {
            this.listener = listener;
            this.recovery = recovery;
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
                    recovery.recover(net, n, x);
                    if (listener != null) {
                        listener.recovered(i, n, x);
                    }
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
