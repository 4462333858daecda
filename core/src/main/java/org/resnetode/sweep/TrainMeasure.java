package org.resnetode.sweep;

import java.util.ArrayList;
import java.util.List;
import org.resnetode.claim.FinetuneClaim;
import org.resnetode.claim.Ladder;
import org.resnetode.claim.Verdict;
import org.resnetode.claim.VerdictPolicy;
import org.resnetode.model.Families;
import org.resnetode.model.ResidualFunction;
import org.resnetode.network.LinearHead;
import org.resnetode.scheme.ResNet;
import org.resnetode.scheme.Scheme;
import org.resnetode.stats.RateFit;
import org.resnetode.train.Dataset;
import org.resnetode.train.Initialisation;
import org.resnetode.train.Trainer;
import org.resnetode.train.TrainingRun;

/**
 * The training measurement: a ResNet with a linear head trained on the bundled digits at every depth of a ladder
 * ({@link TrainConfig}), each depth from its own initialisation drawn from the seed. A row holds the rate at which the
 * trained weights' largest increment {@code max_n ||θ_{n+1} - θ_n||} falls with N (1 when θ_n samples a Lipschitz
 * θ(t), 0 when the layers are independent), the growth exponent {@code a} of {@code N max_n ||θ_{n+1} - θ_n|| ≈ c N^a}
 * between the ends of the ladder, and the loss and test accuracy after training. The verdict is the fine-tuning
 * claim's smoothness statement ({@link FinetuneClaim#SMOOTH_GROWTH}): {@code a <= 1/2} after training from a smooth
 * or zero initialisation, {@code a > 1/2} from an i.i.d. one.
 */
final class TrainMeasure extends AbstractMeasurement {

    TrainMeasure() {
        super("train", Axis.FAMILY, "mlp", Axis.HIDDEN, 16L, Axis.SCHEME, "euler", Axis.INIT, "smooth", Axis.PROFILE, "constant",
                Axis.AMPLITUDE, 1.0, Axis.DEPTHS, "8:64", Axis.GRADIENT, "backprop", Axis.OPTIMISER, "sgd", Axis.LEARNING_RATE, 0.1,
                Axis.MOMENTUM, 0.9, Axis.EPOCHS, 1L, Axis.BATCH, 64L, Axis.TRAIN_ROWS, 256L, Axis.SEED, 1L);
    }

    /** The record (the hidden width 0 standing for the data's dimension). */
    static TrainConfig config(SweepTask task) {
        int hidden = Math.toIntExact((Long) task.value(Axis.HIDDEN));
        return new TrainConfig((String) task.value(Axis.FAMILY), hidden == 0 ? TrainData.split().train().features() : hidden,
                (String) task.value(Axis.SCHEME), (String) task.value(Axis.INIT), (String) task.value(Axis.PROFILE),
                (Double) task.value(Axis.AMPLITUDE), Ladder.parse((String) task.value(Axis.DEPTHS)),
                (String) task.value(Axis.GRADIENT), (String) task.value(Axis.OPTIMISER), (Double) task.value(Axis.LEARNING_RATE),
                (Double) task.value(Axis.MOMENTUM), Math.toIntExact((Long) task.value(Axis.EPOCHS)),
                Math.toIntExact((Long) task.value(Axis.BATCH)), Math.toIntExact((Long) task.value(Axis.TRAIN_ROWS)),
                (Long) task.value(Axis.SEED));
    }

    @Override
    public void judge(SweepTask task) {
        config(task);
    }

    /**
     * The growth exponent {@code a} between the ends of the ladder, {@code N max ||Δθ||} after training at the smallest
     * and the largest depth, and at the largest depth the last epoch's training loss, test accuracy and test loss.
     */
    @Override
    public List<String> figures() {
        return List.of("smoothnessGrowth", "smoothnessFirst", "smoothnessLast", "lossLast", "testAccuracyLast", "testLossLast");
    }

    @Override
    public List<String> verdicts() {
        return SweepSummary.TRAINING_VERDICTS;
    }

    @Override
    public List<Object> measure(SweepTask task) {
        TrainConfig c = config(task);
        int[] depths = c.depths();
        double[] smoothness = new double[depths.length];
        double[] increment = new double[depths.length];
        Trainer.Epoch last = null;
        for (int i = 0; i < depths.length; i++) {
            try {
                last = train(c, depths[i]);
            } catch (Trainer.DivergedException e) {
                return SweepMeasure.unmeasured("diverged", this, "N = " + depths[i] + ": " + e.getMessage());
            }
            smoothness[i] = last.smoothness();
            // max_n ||θ_{n+1} - θ_n|| = (N max_n ||θ_{n+1} - θ_n||) / N
            increment[i] = smoothness[i] / depths[i];
        }
        int end = depths.length - 1;
        // a in N max ||Δθ|| ≈ c N^a, between the ends of the ladder (the fine-tuning claim's statistic)
        double growth = Math.log(smoothness[end] / smoothness[0]) / Math.log((double) depths[end] / depths[0]);
        List<String> notes = new ArrayList<>();
        VerdictPolicy policy = new VerdictPolicy(notes);
        boolean iid = c.init().equals("iid");
        policy.band("growth exponent of N max ||Δθ|| after training, " + c.init() + " init", growth,
                iid ? FinetuneClaim.SMOOTH_GROWTH : Double.NEGATIVE_INFINITY, iid ? Double.POSITIVE_INFINITY : FinetuneClaim.SMOOTH_GROWTH,
                0, Double.NaN, 0);
        long usable = java.util.Arrays.stream(increment).filter(v -> Double.isFinite(v) && v > 0).count();
        RateFit fit = usable < 2 ? null : RateFit.fit("max_n ||θ_{n+1} - θ_n||", depths, increment, 1, Integer.MAX_VALUE, 0);
        Verdict v = policy.verdict();
        List<Object> values = new ArrayList<>();
        values.add(v.label());
        values.addAll(DepthMeasure.rate(fit));
        values.addAll(List.of(growth, smoothness[0], smoothness[end], last.loss(), last.testAccuracy(), last.testLoss()));
        values.add(v.exitCode() == 0 ? "" : String.join("; ", notes));
        return values;
    }

    /** The last epoch of a depth-{@code n} network trained from its initialisation. */
    private static Trainer.Epoch train(TrainConfig c, int n) {
        Dataset.Split data = TrainData.split();
        Dataset rows = data.train().slice(0, c.trainRows());
        int d = rows.features();
        ResidualFunction f = Families.create(c.family(), d, c.hidden());
        Scheme s = Scheme.byName(c.scheme());
        ResNet net = new ResNet(f, s, Initialisation.weights(c.init(), c.profile(), c.amplitude(), f, s, n, c.seed()), n);
        LinearHead head = Initialisation.head(LinearHead.CROSS_ENTROPY, rows.outputs(), d, c.seed());
        Trainer t = new Trainer(net, head, rows, data.test(), TrainingRun.method(c.gradient()), null,
                TrainingRun.optimiser(c.optimiser(), c.learningRate(), c.momentum()), c.batch(), c.seed());
        List<Trainer.Epoch> epochs = t.run(1, c.epochs(), new Trainer.Listener() {
        });
        return epochs.get(epochs.size() - 1);
    }
}
