package org.resnetode.gradient;

import java.util.Objects;
import org.resnetode.linalg.Parallelism;
import org.resnetode.scheme.ResNet;

/**
 * Exact backpropagation on the whole batch at once: stores {@code X_0..X_S} ({@code B × d} blocks, S steps,
 * memory O(S B d)) and what each step's family evaluation kept for its VJP (the MLP's {@code tanh(X W1ᵀ)},
 * {@link org.resnetode.model.ResidualFunction#keptSize}: six matrix products a layer instead of seven), then {@code P_S = ∂L/∂X_S}, {@code P_n = VJP_x(step_n at X_n)(P_{n+1})},
 * {@code g_n += VJP_θ(step_n at X_n)(P_{n+1})} summed over the batch. Layers are the outer loop: θ_n is read
 * once per batch; the batch's row blocks ({@link RowBlocks}) run on the threads of its parallelism.
 */
public final class Backprop extends RowBlockGradient {

    /** On the threads of the calling work. */
    public Backprop() {
        this(null, RowBlocks.PARTIAL_BUDGET);
    }

    /** On {@code parallelism}'s threads, whatever the caller's. */
    public Backprop(Parallelism parallelism) {
        this(Objects.requireNonNull(parallelism, "parallelism"), RowBlocks.PARTIAL_BUDGET);
    }

    /** With partial gradient buffers of at most {@code partialBudget} doubles (tests: chunks of a few layers). */
    Backprop(Parallelism parallelism, int partialBudget) {
        super(parallelism, partialBudget);
    }

    @Override
    public String name() {
        return "backprop";
    }

    @Override
    GradientReport computeOn(Parallelism threads, ResNet net, double[] inputs, int batch, TerminalLoss loss, double[] gradient) {
        RowBlocks blocks = RowBlocks.start(net, inputs, batch, gradient, partialBudget, threads);
        int steps = net.steps();
        int blockCount = blocks.count;
        double[][][] trajectory = new double[blockCount][steps + 1][];
        double[][][] kept = new double[blockCount][steps][];
        long keptDoubles = 0;
        double[][] p = new double[blockCount][];
        for (int k = 0; k < blockCount; k++) {
            trajectory[k][0] = blocks.rowsOf(inputs, k);
            int keptSize = blocks.sweeps[k].keptSize(blocks.rows(k));
            for (int n = 1; n <= steps; n++) {
                trajectory[k][n] = new double[trajectory[k][0].length];
            }
            for (int n = 0; n < steps && keptSize > 0; n++) {
                kept[k][n] = new double[keptSize];
            }
            keptDoubles += (long) steps * keptSize;
            p[k] = new double[trajectory[k][0].length];
        }
        blocks.forward((k, n) -> blocks.sweeps[k].forwardKeeping(n, trajectory[k][n], trajectory[k][n + 1], blocks.rows(k), kept[k][n]));
        double[][] last = new double[blockCount][];
        for (int k = 0; k < blockCount; k++) {
            last[k] = trajectory[k][steps];
        }
        double value = blocks.loss(loss, last, p, batch);
        blocks.backward(true, gradient, (k, n, g, base) -> blocks.sweeps[k].vjpKept(n, trajectory[k][n], p[k], g, base, blocks.rows(k), kept[k][n]));
        return new GradientReport(value, (long) (steps + 2) * inputs.length + keptDoubles + blocks.joinedDoubles());
    }
}
