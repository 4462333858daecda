package org.resnetode.train;

import org.resnetode.checks.Checks;
import org.resnetode.checks.BadInputException;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.resnetode.gradient.GradientMethod;
import org.resnetode.gradient.GradientReport;
import org.resnetode.model.Norms;
import org.resnetode.network.LinearHead;
import org.resnetode.scheme.ResNet;

/**
 * Minibatch training of a ResNet {@code x -> x_N} and its linear head: each epoch visits the training rows in
 * an order shuffled from (seed, epoch), in batches of {@code batch} rows (the last one smaller), takes the
 * gradient of the ResNet's weights with {@code method} and of the head from {@link HeadLoss}, and steps the
 * optimiser on both blocks. After each epoch it measures loss and accuracy on the training and test sets.
 *
 * <p>With a {@code reference} method (for instance backprop beside the adjoint) every step also computes the
 * reference gradient on the same batch and records the largest relative error
 * {@code ||g - g_ref|| / ||g_ref||} of the ResNet weights' gradient along the run.
 */
public final class Trainer {
    /** Divergence: the loss is NaN or infinite, or has grown by this factor from the run's first batch loss. */
    public static final double DIVERGENCE_FACTOR = 1e6;

    private final ResNet net;
    private final LinearHead head;
    private final Dataset train;
    private final Dataset test;
    private final GradientMethod method;
    private final GradientMethod reference;
    private final Optimiser optimiser;
    private final int batch;
    private final long seed;

    /** What one epoch measured; accuracies are NaN for real targets, gradient error NaN without a reference. */
    public record Epoch(int epoch, double loss, double trainAccuracy, double testAccuracy, double testLoss, double seconds,
                        long storedStateDoubles, double smoothness, double gradientError) {
    }

    /** Receives each step's loss and each finished epoch (both ignored unless overridden). */
    public interface Listener {
        default void step(int epoch, int step, int steps, double loss) {
        }

        default void epoch(Epoch e) {
        }
    }

    /**
     * The loss became NaN, infinite, or {@link #DIVERGENCE_FACTOR} times the first batch loss at this step, or the step
     * left a weight NaN or infinite.
     */
    public static final class DivergedException extends RuntimeException {
        private static final long serialVersionUID = 1L;
        public final int epoch;
        public final int step;
        public final double loss;
        public final double firstLoss;

        DivergedException(int epoch, int step, double loss, double firstLoss) {
            this(epoch, step, loss, firstLoss, String.format("loss %s (first batch loss %.6g)", loss, firstLoss));
        }

        private DivergedException(int epoch, int step, double loss, double firstLoss, String what) {
            super(String.format("training diverged at epoch %d, step %d: %s", epoch, step, what));
            this.epoch = epoch;
            this.step = step;
            this.loss = loss;
            this.firstLoss = firstLoss;
        }

        /** The step left a weight NaN or infinite although the loss {@code loss} before it was finite. */
        static DivergedException weights(int epoch, int step, String which, double loss, double firstLoss) {
            return new DivergedException(epoch, step, Double.NaN, firstLoss, String.format(
                    "the step made the %s NaN or infinite (loss before it %.6g, first batch loss %.6g)", which, loss, firstLoss));
        }

        /** The training rows' loss after the epoch's last step diverged though every batch loss before a step did not. */
        static DivergedException evaluated(int epoch, int step, double loss, double firstLoss) {
            return new DivergedException(epoch, step, loss, firstLoss, String.format(
                    "loss %s over the training rows after the step (first batch loss %.6g)", loss, firstLoss));
        }
    }

    public Trainer(ResNet net, LinearHead head, Dataset train, Dataset test, GradientMethod method, GradientMethod reference,
                   Optimiser optimiser, int batch, long seed) {
        if (batch < 1) {
            throw new BadInputException("batch size must be at least 1, got " + batch);
        }
        if (train.features() != net.family().dim() || test.features() != net.family().dim()) {
            throw new BadInputException("the data have " + train.features() + " features, the network dimension "
                    + net.family().dim());
        }
        if (head.dim() != net.family().dim() || head.outputs() != train.outputs()) {
            throw new BadInputException("the head maps dimension " + head.dim() + " to " + head.outputs()
                    + " outputs; the data need " + train.outputs());
        }
        this.net = net;
        this.head = head;
        this.train = train;
        this.test = test;
        this.method = method;
        this.reference = reference;
        this.optimiser = optimiser;
        this.batch = batch;
        this.seed = seed;
    }

    /** Runs epochs {@code first..first+epochs-1} (numbered from 1; the number seeds the shuffle). */
    public List<Epoch> run(int first, int epochs, Listener listener) {
        int d = net.family().dim();
        int rows = train.rows();
        int steps = (rows + batch - 1) / batch;
        double[] theta = net.weights().data();
        double[] gradient = new double[theta.length];
        double[] referenceGradient = reference == null ? null : new double[theta.length];
        int[] order = new int[rows];
        int[] labels = new int[batch];
        double[] targets = train.classification() ? null : new double[batch * train.outputs()];
        HeadLoss loss = new HeadLoss(head);
        double firstLoss = Double.NaN;
        List<Epoch> out = new ArrayList<>();
        for (int epoch = first; epoch < first + epochs; epoch++) {
            long start = System.nanoTime();
            shuffle(order, new SplittableRandom(seed * 0x9E3779B97F4A7C15L + epoch));
            double total = 0;
            long stored = 0;
            double gradientError = reference == null ? Double.NaN : 0;
            for (int s = 0; s < steps; s++) {
                int from = s * batch;
                int b = Math.min(batch, rows - from);
                double[] inputs = new double[b * d];
                for (int i = 0; i < b; i++) {
                    int row = order[from + i];
                    System.arraycopy(train.inputs(), row * d, inputs, i * d, d);
                    if (targets == null) {
                        labels[i] = train.labels()[row];
                    } else {
                        System.arraycopy(train.targets(), row * train.outputs(), targets, i * train.outputs(), train.outputs());
                    }
                }
                if (targets == null) {
                    loss.labels(labels, 0);
                } else {
                    loss.targets(targets, 0);
                }
                GradientReport r = method.compute(net, inputs, b, loss, gradient);
                if (Double.isNaN(firstLoss)) {
                    firstLoss = r.loss();
                    // before any step the loss is the data's own: infinite there is input out of range, not divergence
                    Checks.require(Double.isFinite(firstLoss), "the loss of the first batch is " + firstLoss
                            + " before any training step: the data's inputs or targets are too large");
                }
                if (!Double.isFinite(r.loss()) || r.loss() > DIVERGENCE_FACTOR * firstLoss) {
                    throw new DivergedException(epoch, s + 1, r.loss(), firstLoss);
                }
                if (reference != null) {
                    gradientError = Math.max(gradientError, relativeError(net, inputs, b, loss, gradient, referenceGradient));
                }
                total += r.loss() * b;
                stored = Math.max(stored, r.storedStateDoubles());
                optimiser.step(0, theta, gradient);
                optimiser.step(1, head.parameters(), loss.headGradient());
                // a step too large overflows the weights while the loss measured before it was still finite
                if (!allFinite(theta) || !allFinite(head.parameters())) {
                    throw DivergedException.weights(epoch, s + 1, allFinite(theta) ? "head's weights" : "ResNet's weights",
                            r.loss(), firstLoss);
                }
                listener.step(epoch, s + 1, steps, r.loss());
            }
            Evaluation tr = evaluate(train);
            if (!Double.isFinite(tr.loss) || tr.loss > DIVERGENCE_FACTOR * firstLoss) {
                throw DivergedException.evaluated(epoch, steps, tr.loss, firstLoss);
            }
            Evaluation te = evaluate(test);
            Epoch e = new Epoch(epoch, total / rows, tr.accuracy, te.accuracy, te.loss, (System.nanoTime() - start) * 1e-9,
                    stored, DepthResampling.smoothness(net), gradientError);
            out.add(e);
            listener.epoch(e);
        }
        return out;
    }

    /**
     * {@code ||g - g_ref|| / ||g_ref||} with the reference gradient computed on the same batch. The reference runs the same
     * forward pass, so the head gradient it leaves in {@code loss} is the one the method left.
     */
    private double relativeError(ResNet net, double[] inputs, int b, HeadLoss loss, double[] g, double[] gRef) {
        reference.compute(net, inputs, b, loss, gRef);
        double norm = Norms.euclidean(gRef);
        return norm == 0 ? Norms.euclidean(g) : Norms.distance(g, 0, gRef, 0, g.length) / norm;
    }

    /**
     * Loss and accuracy of the current network on every row of {@code data}, all rows stepped together layer by layer
     * (matrix products, as a training batch is): row by row, the same 1 437 digits took a matrix-vector product per row
     * and layer, each reading the layer's weights again, about a third of an epoch's time.
     */
    public Evaluation evaluate(Dataset data) {
        double[] outputs = new double[data.inputs().length];
        if (data.rows() > 0) {
            net.forwardBatch(data.inputs(), data.rows(), outputs);
        }
        HeadLoss l = new HeadLoss(head);
        if (data.classification()) {
            l.labels(data.labels(), 0);
        } else {
            l.targets(data.targets(), 0);
        }
        double value = l.evaluate(outputs, data.rows(), new double[outputs.length]);
        return new Evaluation(value, data.classification() ? (double) l.correct() / data.rows() : Double.NaN);
    }

    /** Mean loss and fraction of correct predictions (NaN for real targets). */
    public record Evaluation(double loss, double accuracy) {
    }

    private static boolean allFinite(double[] values) {
        for (double v : values) {
            if (!Double.isFinite(v)) {
                return false;
            }
        }
        return true;
    }

    /** Fisher-Yates: a uniformly random permutation of 0..n-1 from {@code rng}. */
    static void shuffle(int[] order, SplittableRandom rng) {
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        for (int i = order.length - 1; i > 0; i--) {
            int j = rng.nextInt(i + 1);
            int t = order[i];
            order[i] = order[j];
            order[j] = t;
        }
    }
}
