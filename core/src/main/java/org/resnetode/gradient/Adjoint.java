package org.resnetode.gradient;

import java.util.Objects;
import org.resnetode.linalg.Parallelism;
import org.resnetode.scheme.ResNet;

/**
 * The memory-free adjoint (MATH.md sections 4 and 5): keeps only {@code X_S}, recovers the activations
 * backwards with the scheme's reverse step {@code X~_n = reverse_n(X~_{n+1})}, {@code X~_S = X_S}, and
 * applies the exact step VJPs at {@code X~_n}, on the whole batch at once ({@code B × d} blocks, layers as the
 * outer loop, row blocks on the threads of its parallelism: {@link RowBlocks}). Stored state: X~ and P, 2 B d doubles (4 B d with several
 * row blocks, whose outputs are joined for the loss), whatever the depth.
 */
public final class Adjoint extends RowBlockGradient {
    private final RecoveryListener listener;

    /** Receives each recovered activation {@code x~_n} of sample i (n = S-1 down to 0), e.g. to measure its error. */
    @FunctionalInterface
    public interface RecoveryListener {
        void recovered(int sample, int n, double[] xTilde);
    }

    /** On the threads of the calling work. */
    public Adjoint() {
        this((RecoveryListener) null);
    }

    /** On {@code parallelism}'s threads, whatever the caller's. */
    public Adjoint(Parallelism parallelism) {
        this(null, Objects.requireNonNull(parallelism, "parallelism"), RowBlocks.PARTIAL_BUDGET);
    }

    /** With a listener called for every sample and layer (copying each row out of the batch block), on the calling work's threads. */
    public Adjoint(RecoveryListener listener) {
        this(listener, null, RowBlocks.PARTIAL_BUDGET);
    }

    /** With partial gradient buffers of at most {@code partialBudget} doubles (tests: chunks of a few layers). */
    Adjoint(RecoveryListener listener, Parallelism parallelism, int partialBudget) {
        super(parallelism, partialBudget);
        this.listener = listener;
    }

    @Override
    public String name() {
        return "adjoint";
    }

    @Override
    GradientReport computeOn(Parallelism threads, ResNet net, double[] inputs, int batch, TerminalLoss loss, double[] gradient) {
        RowBlocks blocks = RowBlocks.start(net, inputs, batch, gradient, partialBudget, threads);
        int d = net.family().dim();
        int blockCount = blocks.count;
        double[][] x = new double[blockCount][];
        double[][] p = new double[blockCount][];
        for (int k = 0; k < blockCount; k++) {
            x[k] = blocks.rowsOf(inputs, k);
            p[k] = new double[x[k].length];
            blocks.sweeps[k].prepareReverse(blocks.rows(k));
        }
        blocks.forward((k, n) -> blocks.sweeps[k].forward(n, x[k], x[k], blocks.rows(k)));
        double value = blocks.loss(loss, x, p, batch);
        double[] row = new double[d];
        // a listener sees the blocks one after another, on this thread (it need not be thread-safe)
        blocks.backward(listener == null, gradient, (k, n, g, base) -> {
            StepSweep sweep = blocks.sweeps[k];
            sweep.reverse(n, x[k], blocks.rows(k));
            if (listener != null) {
                for (int i = 0; i < blocks.rows(k); i++) {
                    System.arraycopy(x[k], i * d, row, 0, d);
                    listener.recovered(blocks.firstRow(k) + i, n, row);
                }
            }
            sweep.vjp(n, x[k], p[k], g, base, blocks.rows(k));
        });
        return new GradientReport(value, 2L * batch * d + blocks.joinedDoubles());
    }
}
