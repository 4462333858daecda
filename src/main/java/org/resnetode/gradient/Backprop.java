package org.resnetode.gradient;

import org.resnetode.scheme.ResNet;

/**
 * Exact backpropagation on the whole batch at once: stores {@code X_0..X_S} ({@code B × d} blocks, S steps,
 * memory O(S B d)), then {@code P_S = ∂L/∂X_S}, {@code P_n = VJP_x(step_n at X_n)(P_{n+1})},
 * {@code g_n += VJP_θ(step_n at X_n)(P_{n+1})} summed over the batch. Layers are the outer loop: θ_n is read
 * once per batch; the batch's row blocks ({@link RowBlocks}) run on the threads.
 */
public final class Backprop implements GradientMethod {
    private final int partialBudget;

    public Backprop() {
        this(RowBlocks.PARTIAL_BUDGET);
    }

    /** With partial gradient buffers of at most {@code partialBudget} doubles (tests: chunks of a few layers). */
    Backprop(int partialBudget) {
        this.partialBudget = partialBudget;
    }

    @Override
    public String name() {
        return "backprop";
    }

    @Override
    public GradientReport compute(ResNet net, double[] inputs, int batch, TerminalLoss loss, double[] gradient) {
        RowBlocks blocks = RowBlocks.start(net, inputs, batch, gradient, partialBudget);
        int steps = net.steps();
        int blockCount = blocks.count;
        double[][][] trajectory = new double[blockCount][steps + 1][];
        double[][] p = new double[blockCount][];
        for (int k = 0; k < blockCount; k++) {
            trajectory[k][0] = blocks.rowsOf(inputs, k);
            for (int n = 1; n <= steps; n++) {
                trajectory[k][n] = new double[trajectory[k][0].length];
            }
            p[k] = new double[trajectory[k][0].length];
        }
        blocks.forward((k, n) -> blocks.sweeps[k].forward(n, trajectory[k][n], trajectory[k][n + 1], blocks.rows(k)));
        double[][] last = new double[blockCount][];
        for (int k = 0; k < blockCount; k++) {
            last[k] = trajectory[k][steps];
        }
        double value = blocks.loss(loss, last, p, batch);
        blocks.backward(true, gradient, (k, n, g, base) -> blocks.sweeps[k].vjp(n, trajectory[k][n], p[k], g, base, blocks.rows(k)));
        return new GradientReport(value, (long) (steps + 2) * inputs.length + blocks.joinedDoubles());
    }
}
