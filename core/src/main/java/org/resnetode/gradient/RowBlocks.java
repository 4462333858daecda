package org.resnetode.gradient;

import java.util.function.IntConsumer;
import org.resnetode.linalg.Parallelism;
import org.resnetode.model.Weights;
import org.resnetode.scheme.ResNet;

/**
 * A batch split into row blocks that sweep every layer independently, one thread a block: the samples of a batch
 * never mix in the forward pass, the reverse pass or the adjoint {@code P}, only in the θ-gradient
 * {@code g_n = Σ_rows VJP_θ}. With one block it accumulates g into the caller's gradient; with several, each block
 * accumulates its share into a partial buffer of its own, added in block order after each chunk of layers:
 * {@code g = 0 + g_0 + g_1 + ... + g_{K-1}} entry by entry. Block 0 has a buffer too, though its share could go
 * straight into the zeroed gradient with the same bits: the buffer stays in cache, the gradient's slots are read from
 * memory and written back, and the θ-gradient products that accumulated into them ran slower (d = 64 and 128, two
 * threads, best of three runs: backprop 115 to 102 ms and 164 to 153 ms).
 *
 * <p>Determinism: the number of blocks depends on the batch and the dimension alone ({@link #minRows} rows at least, at most
 * {@link #MAX_BLOCKS}), and the chunk length on the weights' size alone, never on the thread count, so every
 * entry of the gradient is computed by the same operations in the same order with 1 thread or many.
 * Memory: partial buffers hold at most {@link #PARTIAL_BUDGET} doubles each (the chunk of layers they cover),
 * whatever the depth. Every buffer is allocated on the calling thread, before the blocks run.
 */
final class RowBlocks {
    /** Rows a block has at least: fewer would leave the matrix kernels too little work per layer. */
    static final int MIN_ROWS = 32;
    /** Dimension above which blocks have at least {@link #WIDE_MIN_ROWS} rows. */
    static final int WIDE = 64;
    /**
     * Rows a block has at least when d > {@link #WIDE}: each block packs every weight and reads and writes every
     * weight's gradient once per layer, whatever its rows, and past the caches that traffic is not small (measured at
     * d = 128, batch 128, N = 256, two threads: 201 ms with 32-row blocks, 169 ms with 64-row blocks).
     */
    static final int WIDE_MIN_ROWS = 64;
    /** Blocks at most. */
    static final int MAX_BLOCKS = 8;
    /**
     * Doubles a partial gradient buffer holds at most (512 KiB, half the 1 MiB second-level cache of a core, so that it
     * stays there until it is added, beside the layer's weights and rows): the layers of a chunk. With 1 MiB buffers,
     * d = 128 backprop took 1.1 to 1.4 times as long in alternating shots on a loaded machine.
     */
    static final int PARTIAL_BUDGET = 1 << 16;
    /**
     * Doubles of weights a chunk of the forward pass reads at most (2 MiB: the last level cache, 32 MiB, is shared by the
     * cores, the 1 MiB second level is not): at d = 128, eight layers a fork and join instead of the backward pass's two.
     */
    static final int FORWARD_BUDGET = 1 << 18;
    /** Gradient entries per task of the partial sums (each entry's sum has the same order whichever thread adds it). */
    private static final int SUM_PIECE = 1 << 14;

    final int count;
    final StepSweep[] sweeps;
    private final int[] start;
    private final int dim;
    private final int steps;
    private final Weights weights;
    private final int layersPerChunk;
    /**
     * 1 when the steps read θ_{n+1} (the grid holds one more weight sample than steps: some stage time c_i is above 0),
     * so that step n's VJP writes slot n + 1 too; 0 when step n reads θ_n alone.
     */
    private final int nextSlot;
    /** Two sets of partial buffers, {@code partial[set][block]}: chunk c's blocks write set c mod 2 while set (c - 1) mod 2 is added. */
    private final double[][][] partial;
    private final Parallelism parallelism;

    private RowBlocks(ResNet net, int batch, int partialBudget, Parallelism parallelism) {
        this.parallelism = parallelism;
        this.dim = net.family().dim();
        this.count = Math.max(1, Math.min(MAX_BLOCKS, batch / minRows(dim)));
        this.weights = net.weights();
        this.steps = net.steps();
        this.start = new int[count + 1];
        this.sweeps = new StepSweep[count];
        for (int k = 0; k <= count; k++) {
            start[k] = (int) ((long) k * batch / count);
        }
        for (int k = 0; k < count; k++) {
            sweeps[k] = new StepSweep(net);
            sweeps[k].reserve(rows(k));
        }
        int size = weights.size();
        // a chunk of L steps touches the weight slots n0..n0+L: (L + 1) slots of the layout, L when every stage reads
        // θ_n alone (Euler), one when tied
        this.nextSlot = net.grid().weightCount() > steps ? 1 : 0;
        this.layersPerChunk = count == 1 ? steps : Math.max(1, Math.min(steps, partialBudget / size - nextSlot));
        int slots = Math.min(weights.data().length / size, layersPerChunk + nextSlot);
        this.partial = new double[2][count][];
        for (int k = count == 1 ? 1 : 0; k < count; k++) {
            partial[0][k] = new double[slots * size];
            partial[1][k] = new double[slots * size];
        }
    }

    /** The threads a gradient method with {@code parallelism} runs on: its own, or the calling work's when it has none (null). */
    static Parallelism threads(Parallelism parallelism) {
        return parallelism == null ? Parallelism.current() : parallelism;
    }

    /**
     * The blocks of a {@code batch}, after the inputs and gradient are checked, with partial buffers of at most
     * {@code partialBudget} doubles ({@link #PARTIAL_BUDGET}; tests use chunks of a few layers), run on
     * {@code parallelism}'s threads. The gradient is zeroed here when there is one block (it accumulates into it);
     * with several, {@link #backward} writes every entry.
     */
    static RowBlocks start(ResNet net, double[] inputs, int batch, double[] gradient, int partialBudget, Parallelism parallelism) {
        GradientMethod.requireInputs(net, inputs, batch, gradient);
        RowBlocks blocks = new RowBlocks(net, batch, partialBudget, parallelism);
        if (blocks.count == 1) {
            java.util.Arrays.fill(gradient, 0.0);
        }
        return blocks;
    }

    /** Rows a block of a d-dimensional network has at least. */
    static int minRows(int d) {
        return d > WIDE ? WIDE_MIN_ROWS : MIN_ROWS;
    }

    /** Rows of block k. */
    int rows(int k) {
        return start[k + 1] - start[k];
    }

    /** A fresh array holding block k's rows of a {@code batch × d} block. */
    double[] rowsOf(double[] full, int k) {
        double[] out = new double[rows(k) * dim];
        System.arraycopy(full, start[k] * dim, out, 0, out.length);
        return out;
    }

    /**
     * {@code L(X_S)} of the whole batch, its gradient written into the blocks' adjoints {@code p}: on block 0's own
     * arrays when there is one block, else on a gathered copy of the outputs (2 B d doubles, see {@link #joinedDoubles}).
     */
    double loss(TerminalLoss loss, double[][] outputs, double[][] p, int batch) {
        if (count == 1) {
            return loss.evaluate(outputs[0], batch, p[0]);
        }
        double[] joined = new double[batch * dim];
        double[] adjoints = new double[batch * dim];
        for (int k = 0; k < count; k++) {
            System.arraycopy(outputs[k], 0, joined, start[k] * dim, outputs[k].length);
        }
        double value = loss.evaluate(joined, batch, adjoints);
        for (int k = 0; k < count; k++) {
            System.arraycopy(adjoints, start[k] * dim, p[k], 0, p[k].length);
        }
        return value;
    }

    /** State doubles {@link #loss} keeps alive besides the blocks': the joined outputs and adjoints when there are several blocks. */
    long joinedDoubles() {
        return count == 1 ? 0 : 2L * start[count] * dim;
    }

    /** Steps per chunk of the backward pass (every step when there is one block). */
    int layersPerChunk() {
        return layersPerChunk;
    }

    /** Doubles in each partial buffer (none with one block). */
    int partialSize() {
        return count == 1 ? 0 : partial[0][0].length;
    }

    /** Index of block k's first row in the batch. */
    int firstRow(int k) {
        return start[k];
    }

    /** {@code body.accept(t)} for t = 0..tasks-1: on the blocks' threads, or in order on the caller. */
    private void each(boolean parallel, int tasks, IntConsumer body) {
        if (parallel) {
            parallelism.run(tasks, body);
        } else {
            for (int t = 0; t < tasks; t++) {
                body.accept(t);
            }
        }
    }

    /**
     * {@code g[base + j] = g⁰ + partial_0[j] + ... + partial_{K-1}[j]}, added one block at a time, for j in
     * {@code [from, to)}, with {@code g⁰ = 0} below {@code fresh} (entries no earlier chunk wrote: the gradient is
     * not zeroed beforehand, which spared a pass over all of it) and {@code g⁰ = g[base + j]} from there; the partials
     * are zeroed.
     */
    private void addPartials(double[][] partial, double[] gradient, int base, int from, int to, int fresh) {
        // one block at a time over the whole range, each loop a plain lane-wise pass the JIT vectorises: entry j
        // still gets (((g⁰ + partial_0) + partial_1) + ...) in block order
        int split = Math.max(from, Math.min(to, fresh - base));
        double[] first = partial[0];
        for (int j = from; j < split; j++) {
            gradient[base + j] = 0.0 + first[j];
        }
        for (int j = split; j < to; j++) {
            gradient[base + j] += first[j];
        }
        for (int k = 1; k < count; k++) {
            double[] part = partial[k];
            for (int j = from; j < to; j++) {
                gradient[base + j] += part[j];
            }
        }
        for (double[] part : partial) {
            java.util.Arrays.fill(part, from, to, 0.0);
        }
    }

    /** Step n of a sweep of block k. */
    @FunctionalInterface
    interface ForwardStep {
        void apply(int block, int n);
    }

    /**
     * Steps 0 to {@code S-1} of every block, on the threads, in chunks of layers whose weights hold at most
     * {@link #FORWARD_BUDGET} doubles (every step with one block): every block finishes a chunk before any starts the
     * next, so that a chunk's weights, read from memory by the first block to reach them, are still in the shared cache
     * for the others; one fork and join a chunk.
     */
    void forward(ForwardStep step) {
        int chunk = count == 1 ? steps : Math.max(1, Math.min(steps, FORWARD_BUDGET / weights.size()));
        for (int from = 0; from < steps; from += chunk) {
            int begin = from;
            int end = Math.min(steps, from + chunk);
            each(true, count, k -> {
                for (int n = begin; n < end; n++) {
                    step.apply(k, n);
                }
            });
        }
    }

    /** Step n of the backward sweep of block k, accumulating its θ-gradient into {@code g}, where θ_m's slot starts at {@code offset(m) - base}. */
    @FunctionalInterface
    interface BackwardStep {
        void apply(int block, int n, double[] g, int base);
    }

    /**
     * Steps {@code S-1} down to 0 of every block, in chunks of layers: one block into {@code gradient}; several, each
     * into its partial buffer, then {@code gradient += partial_0 + ... + partial_{K-1}} over the chunk's slots,
     * in block order. The chunks' slots cover the whole gradient (a {@link ResNet} holds exactly its scheme's weight
     * count: the first chunk reaches the last slot, the last chunk slot 0), so every entry is written. One fork and
     * join a chunk: chunk c's sums run as tasks of chunk c + 1's region, beside its blocks (which write the other set of
     * partial buffers), and the last chunk's sums in a region of their own; chunk c's sums still finish before chunk
     * c + 1's start, so every entry is added in the same order.
     */
    void backward(boolean parallel, double[] gradient, BackwardStep step) {
        // chunks run from the last layer down: [written, gradient.length) is what earlier chunks' sums wrote
        int written = gradient.length;
        Sums pending = Sums.NONE;
        int set = 0;
        for (int end = steps; end > 0; end -= layersPerChunk) {
            int from = Math.max(0, end - layersPerChunk);
            int to = end;
            // the chunk's steps from..to-1 write the slots from..last: the rest of the partials hold zeros
            int last = to - 1 + nextSlot;
            int base = Math.min(weights.offset(from), weights.offset(last));
            int span = Math.min(Math.max(weights.offset(from), weights.offset(last)) + weights.size(), gradient.length) - base;
            double[][] buffers = partial[set];
            Sums before = pending;
            each(parallel, before.pieces + count, t -> {
                if (t < before.pieces) {
                    before.add(t);
                    return;
                }
                int k = t - before.pieces;
                double[] g = count == 1 ? gradient : buffers[k];
                int b = count == 1 ? 0 : base;
                for (int n = to - 1; n >= from; n--) {
                    step.apply(k, n, g, b);
                }
            });
            if (count > 1) {
                pending = new Sums(this, buffers, gradient, base, span, written);
                written = Math.min(written, base);
                set = 1 - set;
            }
        }
        Sums lastSums = pending;
        each(parallel, lastSums.pieces, lastSums::add);
    }

    /** The partial sums of one chunk, in pieces of {@link #SUM_PIECE} entries (none: {@link #NONE}). */
    private static final class Sums {
        static final Sums NONE = new Sums(null, null, null, 0, 0, 0);
        final int pieces;
        private final RowBlocks blocks;
        private final double[][] buffers;
        private final double[] gradient;
        private final int base;
        private final int span;
        private final int fresh;

        Sums(RowBlocks blocks, double[][] buffers, double[] gradient, int base, int span, int fresh) {
            this.blocks = blocks;
            this.buffers = buffers;
            this.gradient = gradient;
            this.base = base;
            this.span = span;
            this.fresh = fresh;
            this.pieces = (span + SUM_PIECE - 1) / SUM_PIECE;
        }

        /** Piece {@code piece} of the sums. */
        void add(int piece) {
            blocks.addPartials(buffers, gradient, base, piece * SUM_PIECE, Math.min(span, (piece + 1) * SUM_PIECE), fresh);
        }
    }
}
