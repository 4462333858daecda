package org.resnetode.train.linear;

import java.util.ArrayList;
import java.util.List;

/**
 * Records what {@link LinearTraining} tracks: per tracked step the training time, loss and
 * {@code S(t) = N max_n ||A_{n+1} - A_n||}, and (when asked) a copy of the weights.
 */
public final class TrainingHistory implements LinearTraining.Observer {
    private final boolean keepWeights;
    private final List<Integer> steps = new ArrayList<>();
    private final List<Double> times = new ArrayList<>();
    private final List<Double> losses = new ArrayList<>();
    private final List<Double> smoothness = new ArrayList<>();
    private final List<double[]> weights = new ArrayList<>();

    public TrainingHistory(boolean keepWeights) {
        this.keepWeights = keepWeights;
    }

    @Override
    public void tracked(int step, double time, double loss, double s, double[] w) {
        steps.add(step);
        times.add(time);
        losses.add(loss);
        smoothness.add(s);
        if (keepWeights) {
            weights.add(w.clone());
        }
    }

    public int size() { return steps.size(); }

    public int step(int k) { return steps.get(k); }

    public double time(int k) { return times.get(k); }

    public double loss(int k) { return losses.get(k); }

    public double smoothness(int k) { return smoothness.get(k); }

    /** The weights at tracked step k (kept only when constructed with {@code keepWeights}). */
    public double[] weights(int k) {
        if (!keepWeights) {
            throw new IllegalStateException("this history keeps no weights");
        }
        return weights.get(k);
    }

    /** {@code sup_t S(t)} over the tracked steps. */
    public double supSmoothness() {
        return smoothness.stream().mapToDouble(Double::doubleValue).max().orElse(Double.NaN);
    }

    public double finalLoss() {
        return losses.get(losses.size() - 1);
    }
}
