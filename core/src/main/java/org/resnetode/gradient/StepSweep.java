package org.resnetode.gradient;

import org.resnetode.model.Weights;
import org.resnetode.scheme.ResNet;
import org.resnetode.scheme.RungeKuttaStep;

/**
 * The per-layer operations both gradient methods loop over, on one network: step n forward, step n
 * reversed, and step n's VJP, each reading θ_n and θ_{n+1} from the network's weights.
 */
final class StepSweep {
    private final RungeKuttaStep forward;
    private final ResNet net;
    private RungeKuttaStep reverse;
    private final Weights weights;
    private final double h;

    StepSweep(ResNet net) {
        this.forward = net.forwardStep();
        this.net = net;
        this.weights = net.weights();
        this.h = net.stepSize();
    }

    /** Sizes the forward step's buffers for {@code rows} rows: once per compute call, none per layer. */
    void reserve(int rows) {
        forward.reserve(rows);
    }

    /** {@code out = x_{n+1}} from {@code x = x_n}, {@code rows × d} blocks ({@code out} may alias {@code x}). */
    void forward(int n, double[] x, double[] out, int rows) {
        forward.applyBatch(weights.data(), weights.offset(n), weights.offset(n + 1), h, x, out, rows);
    }

    /** Doubles {@link #forwardKeeping} keeps a step on {@code rows} rows (0: the family keeps nothing). */
    int keptSize(int rows) {
        return forward.keptSize(rows);
    }

    /** {@link #forward}, keeping in {@code kept} ({@link #keptSize} doubles, or null) what {@link #vjpKept} reads. */
    void forwardKeeping(int n, double[] x, double[] out, int rows, double[] kept) {
        forward.applyBatchKeeping(weights.data(), weights.offset(n), weights.offset(n + 1), h, x, out, rows, kept);
    }

    /** {@link #vjp} on what {@link #forwardKeeping} kept at step n (null: recomputed). */
    void vjpKept(int n, double[] xN, double[] p, double[] gradient, int base, int rows, double[] kept) {
        forward.vjpBatchKept(weights.data(), weights.offset(n), weights.offset(n + 1), h, xN, p, p, rows, gradient,
                weights.offset(n) - base, weights.offset(n + 1) - base, kept);
    }

    /** Creates the reverse step (backprop never needs it) and sizes it for {@code rows} rows. */
    void prepareReverse(int rows) {
        if (reverse == null) {
            reverse = net.reverseStep();
        }
        reverse.reserve(rows);
    }

    /** {@code x~_n} from {@code x~_{n+1}}, in place: the reverse step ({@link #prepareReverse} first). */
    void reverse(int n, double[] x, int rows) {
        reverse.applyBatch(weights.data(), weights.offset(n), weights.offset(n + 1), h, x, x, rows);
    }

    /**
     * {@code P <- VJP_x(step n at X_n)(P)} row by row, and step n's θ-gradient, summed over the rows, accumulated into
     * {@code gradient} with θ_m's slot at {@code offset(m) - base}.
     */
    void vjp(int n, double[] xN, double[] p, double[] gradient, int base, int rows) {
        forward.vjpBatch(weights.data(), weights.offset(n), weights.offset(n + 1), h, xN, p, p, rows, gradient,
                weights.offset(n) - base, weights.offset(n + 1) - base);
    }
}
