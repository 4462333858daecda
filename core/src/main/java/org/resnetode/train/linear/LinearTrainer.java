package org.resnetode.train.linear;

import org.resnetode.checks.BadInputException;
import org.resnetode.linalg.Gemm;
import org.resnetode.linalg.Parallelism;
import org.resnetode.model.DepthProfile;

/**
 * Gradient descent on the linear ResNet {@code x_{n+1} = (I + A_n/N) x_n} (MATH.md section 3), whose end-to-end
 * matrix is {@code P = (I + A_{N-1}/N) ... (I + A_0/N)}. With prefixes {@code Q_n = (I + A_{n-1}/N) ... (I + A_0/N)}
 * ({@code Q_0 = I}), suffixes {@code S_{n+1} = (I + A_{N-1}/N) ... (I + A_{n+1}/N)} ({@code S_N = I}) and
 * {@code G = ∂ℓ/∂P},
 * <pre>  ∂ℓ/∂A_n = (1/N) S_{n+1}ᵀ G Q_nᵀ,</pre>
 * for every n in O(N d³): one forward sweep stores the prefixes, one backward sweep carries
 * {@code M_{n+1} = S_{n+1}ᵀ G} through {@code M_n = M_{n+1} + (1/N) A_nᵀ M_{n+1}}. The depth-scaled step is
 * {@code A_n ← A_n - η N ∂ℓ/∂A_n = A_n - η M_{n+1} Q_nᵀ}. Every buffer is owned here: nothing is allocated per step.
 *
 * <p>Only the two sweeps are chains, and each splits into independent chains, one block a thread (products of at least
 * {@link Gemm#PARALLEL_WORK} multiply-adds), each thread carrying its block through the whole sweep: one fork/join a
 * sweep instead of one a step. The forward sweep's chains are Q's columns, a block of columns {@code Q_{n+1}[:, J] =
 * Q_n[:, J] + (1/N) A_n Q_n[:, J]} needing only the same columns of Q_n. Each prefix is stored as panels, the columns
 * of one thread's block side by side (row-major d × |J|, panel after panel), so that no two threads write one cache
 * line. (Split by columns of a row-major Q, every row of Q had a cache line written by both threads and d = 128
 * training ran 20–40% slower; split by rows, the sweep waited at every step's join: 9% of the samples of d = 128
 * training.)
 * The backward sweep carries the transposes, row i of {@code M_nᵀ} needing only row i of {@code M_{n+1}ᵀ}. A step
 * writes its product straight into the next stored block and adds the previous block to it there, so the sweeps copy
 * nothing.
 * The N layer gradients {@code M_{n+1} Q_nᵀ} are independent once every {@code M_{n+1}} is stored, and run as one batch
 * over the layers, a run of consecutive layers a thread, each product whole on its thread. Every entry is the same chain
 * of fused multiply-adds whichever thread computes it and however Q is cut into panels (each panel's entries are the
 * chains of the whole product's, and copies change no value): results are bitwise identical for every thread count.
 */
public final class LinearTrainer {
    private final int d;
    private final int depth;
    private final int block;
    private final LinearLoss loss;
    private final double[] weights;
    /** {@code Q_1..Q_N}, Q_n at block n-1, each as panels of {@link #panelWidth} columns (the last one narrower). */
    private final double[] prefixes;
    /** Columns of a panel of the stored prefixes: the forward sweep's columns a task. */
    private int panelWidth;
    /** {@code M_1ᵀ..M_Nᵀ}: M_{n+1}ᵀ at block n, kept by the backward sweep for the batch of layer gradients. */
    private final double[] adjoints;
    /** {@code G = ∂ℓ/∂P}, as the loss writes it. */
    private final double[] adjoint;
    /** P handed to the loss, then {@code Gᵀ}. */
    private final double[] product;
    /** Per task of the batch of layer gradients (grown to the thread count once): a layer's gradient and its Q_n, d×d each. */
    private double[][] layerGradients = new double[0][];

    /** A depth-N network with initial weights {@code A_0..A_{N-1}} (N d×d blocks, layer-major; a copy is trained). */
    public LinearTrainer(LinearLoss loss, int depth, double[] initialWeights) {
        if (depth < 1) {
            throw new BadInputException("depth must be at least 1, got " + depth);
        }
        this.d = loss.dim();
        this.depth = depth;
        this.block = d * d;
        if (initialWeights.length != (long) depth * block) {
            throw new IllegalArgumentException("initial weights: expected " + depth + " layers of " + d + "×" + d + " ("
                    + (long) depth * block + " values), got " + initialWeights.length);
        }
        Targets.requireFinite("initial weight", initialWeights);
        this.loss = loss;
        this.weights = initialWeights.clone();
        this.prefixes = new double[depth * block];
        this.adjoints = new double[depth * block];
        this.adjoint = new double[block];
        this.product = new double[block];
    }

    /** Initial weights {@code A_n(0) = A⁰(t_n)} sampled from a depth profile (d² parameters per layer); null means zero. */
    public static double[] initialWeights(DepthProfile profile, int d, int depth) {
        double[] a = new double[depth * d * d];
        if (profile != null) {
            if (profile.parameterCount() != d * d) {
                throw new IllegalArgumentException("initial profile has " + profile.parameterCount() + " parameters per layer, "
                        + "a " + d + "×" + d + " layer needs " + d * d);
            }
            for (int n = 0; n < depth; n++) {
                profile.layer(n, depth, a, n * d * d);
            }
        }
        return a;
    }

    public int dim() { return d; }

    public int depth() { return depth; }

    /** The live weights {@code A_0..A_{N-1}} (layer-major d×d blocks); read only. */
    public double[] weights() { return weights; }

    /** The loss at the current weights (one forward sweep). */
    public double loss() {
        return forward();
    }

    /** The end-to-end matrix P at the current weights (a copy). */
    public double[] endToEnd() {
        forward();
        return product.clone();
    }

    /** Writes {@code ∂ℓ/∂A_n} for every n into {@code gradient} (N d², layer-major) and returns the loss; weights unchanged. */
    public double gradient(double[] gradient) {
        if (gradient.length != weights.length) {
            throw new IllegalArgumentException("gradient buffer has " + gradient.length + " entries, the weights have " + weights.length);
        }
        double value = forward();
        backward(gradient, 0);
        return value;
    }

    /** One depth-scaled gradient step {@code A_n ← A_n - η N ∂ℓ/∂A_n}; returns the loss before the step. */
    public double step(double learningRate) {
        double value = forward();
        backward(null, learningRate);
        return value;
    }

    /**
     * For n = 0..N-1, {@code Q_{n+1} = Q_n + (1/N) A_n Q_n} from {@code Q_0 = I}, a panel of columns a task carried through
     * the whole sweep ({@link #forwardColumns}); then {@code ℓ(P)} with {@code P = Q_N} (copied row-major into
     * {@link #product}), leaving {@code G} in {@link #adjoint}.
     */
    private double forward() {
        Parallelism parallelism = Parallelism.current();
        int width = Gemm.rowsPerTask(d, d, d, parallelism.threads());
        panelWidth = width;
        parallelism.run((d + width - 1) / width, t -> forwardColumns(t * width, Math.min(d, (t + 1) * width)));
        rowMajor(depth, product, 0);
        return loss.evaluate(product, adjoint);
    }

    /** {@code Q_n} (n >= 1) copied row-major from its panels into {@code out} at {@code at}. */
    private void rowMajor(int n, double[] out, int at) {
        int q = (n - 1) * block;
        for (int j0 = 0; j0 < d; j0 += panelWidth) {
            int w = Math.min(d, j0 + panelWidth) - j0;
            for (int i = 0; i < d; i++) {
                System.arraycopy(prefixes, q + j0 * d + i * w, out, at + i * d + j0, w);
            }
        }
    }

    /**
     * Columns {@code J = [j0, j1)} of every {@code Q_{n+1} = Q_n + (1/N) (A_n Q_n)}, in their panel at column offset
     * {@code j0 d} of each stored block (row-major d × |J|): the product written into Q_{n+1}'s panel, then Q_n's added.
     * At n = 0 without a product, {@code Q_1 = I + (1/N) A_0}: the same bits for finite weights, since {@code A_0 I} is
     * exactly A_0 but for the sign of a zero ({@code fma(a, 1, +0) = +0} for a = -0), which {@code 0 + (1/N)·(±0)} and
     * {@code 1 + (1/N)·(±0)} do not see (a weight ±∞ would make the product's row NaN, here only its entry infinite:
     * non-finite either way).
     */
    private void forwardColumns(int j0, int j1) {
        double inv = 1.0 / depth;
        int w = j1 - j0;
        int panel = j0 * d;
        for (int i = 0; i < d; i++) {
            for (int j = j0; j < j1; j++) {
                prefixes[panel + i * w + j - j0] = (i == j ? 1.0 : 0.0) + inv * weights[i * d + j];
            }
        }
        for (int n = 1; n < depth; n++) {
            int q = (n - 1) * block + panel;
            int next = q + block;
            Gemm.nn(weights, n * block, prefixes, q, prefixes, next, d, w, d, 0);
            for (int i = 0; i < d * w; i++) {
                prefixes[next + i] = prefixes[q + i] + inv * prefixes[next + i];
            }
        }
    }

    /**
     * From {@code M_N = G}, for n = N-1..1: {@code M_n = M_{n+1} + (1/N) A_nᵀ M_{n+1}} ({@code M_0} is not needed); then every
     * layer's gradient {@code (1/N) M_{n+1} Q_nᵀ} ({@link #layerGradients}), written to {@code gradient} when it is not
     * null, otherwise applied as {@code A_n ← A_n - η M_{n+1} Q_nᵀ} (after the sweep: it read A_n before its update).
     * The sweep carries the transposes, {@code M_nᵀ = M_{n+1}ᵀ + (1/N) M_{n+1}ᵀ A_n}, so that every product reads its
     * operands as stored (no packed transposes): entry (j, i) of {@code M_{n+1}ᵀ A_n} is entry (i, j) of
     * {@code A_nᵀ M_{n+1}}, the same fused multiply-adds in the same order.
     */
    private void backward(double[] gradient, double learningRate) {
        Gemm.transpose(adjoint, d, d, product);
        System.arraycopy(product, 0, adjoints, (depth - 1) * block, block);
        Parallelism parallelism = Parallelism.current();
        int rows = Gemm.rowsPerTask(d, d, d, parallelism.threads());
        parallelism.run((d + rows - 1) / rows, t -> {
            for (int n = depth - 1; n >= 1; n--) {
                backwardRows(n, t * rows, Math.min(d, (t + 1) * rows));
            }
        });
        layerGradients(gradient, learningRate);
    }

    /**
     * Rows {@code [i0, i1)} of {@code M_nᵀ = M_{n+1}ᵀ + (1/N) (M_{n+1}ᵀ A_n)}, from block n of {@link #adjoints} into
     * block n-1: the product written there, then {@code M_{n+1}ᵀ} added. They need only the same rows of
     * {@code M_{n+1}ᵀ}: a task carries its rows through the whole sweep without waiting for another.
     */
    private void backwardRows(int n, int i0, int i1) {
        double inv = 1.0 / depth;
        int from = n * block;
        int to = from - block;
        Gemm.nn(adjoints, from + i0 * d, weights, from, adjoints, to + i0 * d, i1 - i0, d, d, 0);
        for (int i = i0 * d; i < i1 * d; i++) {
            adjoints[to + i] = adjoints[from + i] + inv * adjoints[to + i];
        }
    }

    /**
     * For every layer n, {@code (M_{n+1} Q_nᵀ)ᵀ = Q_n M_{n+1}ᵀ} ({@code M_1ᵀ} itself at n = 0, {@code Q_0 = I}) whole on one
     * thread, Q_n first copied row-major from its panels into the task's buffer when it has more than one (one product
     * over all of k: summed panel after panel instead, the same bits, d = 128 training ran 5–7% slower): layers
     * {@code [t N / T, (t+1) N / T)}
     * on task t of the calling work's T threads (one task when all of them together are below
     * {@link Gemm#PARALLEL_WORK} multiply-adds), then written or applied, transposed back, as {@link #backward} says.
     */
    private void layerGradients(double[] gradient, double learningRate) {
        Parallelism parallelism = Parallelism.current();
        int tasks = (long) depth * block * d < Gemm.PARALLEL_WORK ? 1 : Math.min(depth, parallelism.threads());
        if (layerGradients.length < tasks) {
            double[][] grown = new double[tasks][];
            for (int t = 0; t < tasks; t++) {
                grown[t] = t < layerGradients.length ? layerGradients[t] : new double[2 * block];
            }
            layerGradients = grown;
        }
        double inv = 1.0 / depth;
        parallelism.run(tasks, t -> {
            // Q_n M_{n+1}ᵀ at [0, d²), Q_n row-major at [d², 2d²)
            double[] transposed = layerGradients[t];
            for (int n = (int) ((long) t * depth / tasks); n < (int) ((long) (t + 1) * depth / tasks); n++) {
                int a = n * block;
                if (n == 0) {
                    // Q_0 M_1ᵀ = M_1ᵀ: the product's exact value, x + 0 for every entry x (+0 for -0, as fma(x, 1, +0))
                    for (int i = 0; i < block; i++) {
                        transposed[i] = adjoints[i] + 0.0;
                    }
                } else if (panelWidth == d) {
                    Gemm.nn(prefixes, a - block, adjoints, a, transposed, 0, d, d, d, 0);
                } else {
                    rowMajor(n, transposed, block);
                    Gemm.nn(transposed, block, adjoints, a, transposed, 0, d, d, d, 0);
                }
                if (gradient != null) {
                    TransposedUpdate.set(transposed, gradient, a, d, inv);
                } else {
                    TransposedUpdate.add(transposed, weights, a, d, -learningRate);
                }
            }
        });
    }
}
