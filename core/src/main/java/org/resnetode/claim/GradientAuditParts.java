package org.resnetode.claim;

import org.resnetode.gradient.TerminalLoss;
import org.resnetode.model.Weights;
import org.resnetode.scheme.ResNet;
import org.resnetode.scheme.RungeKuttaStep;

/**
 * A gradient of one scheme convention split step by step: {@code left[n]}, the part of step n's VJP that reaches
 * θ_n, and {@code right[n]}, the part that reaches θ_{n+1} (zero for a tableau that reads only θ_n). The layer
 * gradient is {@code e_m = left[m] + right[m-1]}; the audit's mis-assignment patterns are other sums of the same
 * parts. The states at which the VJPs run decide the method: the stored forward trajectory (exact backprop) or the
 * activations recovered backwards by a reverse step ({@link Recovery}, the adjoint and its known faulty variants).
 */
record GradientAuditParts(int steps, int size, double[] left, double[] right, boolean readsNext) {

    /** How step n's states are recovered backwards, {@code x~_n} from {@code x~_{n+1}} (in place, a B × d block). */
    enum Recovery {
        /** No recovery: the stored forward trajectory (exact backprop). */
        STORED("backprop"),
        /** The scheme's reverse step: step -h, stage i at θ(t_{n+1} - c_i h) (θ_n throughout for Euler). */
        REVERSE("adjoint"),
        /** The reverse step with the sign of h flipped: {@code x~_n = x~_{n+1} + h Σ b_i k_i}. */
        SIGN_FLIPPED("adjoint whose reverse step has the sign of h flipped"),
        /** The reverse step reading θ_n in every stage, where it should read θ_{n+1} at its first stage. */
        THETA_N("adjoint whose reverse step reads θ_n instead of θ_{n+1}");

        final String description;

        Recovery(String description) {
            this.description = description;
        }
    }

    /**
     * The parts of {@code net}'s gradient of {@code loss} on a {@code batch × d} block of inputs, with states from
     * {@code recovery}; {@code vjpThetaN} runs every stage's VJP at θ_n and gives its whole θ-gradient to θ_n (a
     * backward pass that uses θ_n instead of θ_{n+1}).
     */
    static GradientAuditParts compute(ResNet net, double[] inputs, int batch, TerminalLoss loss, Recovery recovery,
                                      boolean vjpThetaN) {
        Weights weights = net.weights();
        double[] w = weights.data();
        int p = weights.size();
        int steps = net.steps();
        double h = net.stepSize();
        boolean readsNext = net.scheme().tableau().lastStageTime() > 0;
        RungeKuttaStep forward = net.forwardStep();
        forward.reserve(batch);
        double[][] states = new double[recovery == Recovery.STORED ? steps + 1 : 1][];
        states[0] = inputs.clone();
        double[] x = states[0];
        for (int n = 0; n < steps; n++) {
            double[] next = recovery == Recovery.STORED ? new double[x.length] : x;
            forward.applyBatch(w, weights.offset(n), weights.offset(n + 1), h, x, next, batch);
            if (recovery == Recovery.STORED) {
                states[n + 1] = next;
            }
            x = next;
        }
        double[] adjoint = new double[x.length];
        loss.evaluate(x.clone(), batch, adjoint);
        RungeKuttaStep reverse = recovery == Recovery.SIGN_FLIPPED ? net.forwardStep() : net.reverseStep();
        reverse.reserve(batch);
        double[] left = new double[steps * p];
        double[] right = new double[steps * p];
        double[] stepGradient = new double[2 * p];
        for (int n = steps - 1; n >= 0; n--) {
            int offN = weights.offset(n);
            int offNext = weights.offset(n + 1);
            double[] xN = recovery == Recovery.STORED ? states[n] : recover(recovery, reverse, readsNext, w, offN, offNext, h, x, batch);
            java.util.Arrays.fill(stepGradient, 0.0);
            if (vjpThetaN) {
                forward.vjpBatch(w, offN, offN, h, xN, adjoint, adjoint, batch, stepGradient, 0, 0);
            } else {
                forward.vjpBatch(w, offN, offNext, h, xN, adjoint, adjoint, batch, stepGradient, 0, p);
            }
            System.arraycopy(stepGradient, 0, left, n * p, p);
            System.arraycopy(stepGradient, p, right, n * p, p);
        }
        return new GradientAuditParts(steps, p, left, right, readsNext);
    }

    /** One backward recovery {@code x~_n} from {@code x~_{n+1}}, in place. */
    private static double[] recover(Recovery recovery, RungeKuttaStep reverse, boolean readsNext, double[] w, int offN,
                                    int offNext, double h, double[] x, int batch) {
        switch (recovery) {
            case REVERSE:
                reverse.applyBatch(w, offN, offNext, h, x, x, batch);
                break;
            case SIGN_FLIPPED:
                // the forward step with θ_n and θ_{n+1} swapped reads stage i at position 1 - c_i, as the reverse step does
                reverse.applyBatch(w, readsNext ? offNext : offN, readsNext ? offN : offNext, h, x, x, batch);
                break;
            default:
                reverse.applyBatch(w, offN, offN, h, x, x, batch);
        }
        return x;
    }

    /** The layer gradient of {@code layers} weight samples: {@code e_m = left[m] + right[m-1]}. */
    double[] layers(int layers) {
        double[] e = new double[layers * size];
        for (int m = 0; m < layers; m++) {
            addLeft(e, m * size, m);
            addRight(e, m * size, m - 1);
        }
        return e;
    }

    /** Adds {@code left[n]} (nothing when n is outside 0..steps-1) to {@code out[off..off+size)}. */
    void addLeft(double[] out, int off, int n) {
        add(left, n, out, off);
    }

    /** Adds {@code right[n]} (nothing when n is outside 0..steps-1) to {@code out[off..off+size)}. */
    void addRight(double[] out, int off, int n) {
        add(right, n, out, off);
    }

    private void add(double[] parts, int n, double[] out, int off) {
        if (n < 0 || n >= steps) {
            return;
        }
        for (int j = 0; j < size; j++) {
            out[off + j] += parts[n * size + j];
        }
    }
}
