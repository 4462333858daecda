package org.resnetode.sweep;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.resnetode.claim.ClaimResult;
import org.resnetode.claim.Control;
import org.resnetode.claim.Ladder;
import org.resnetode.claim.Progress;
import org.resnetode.claim.RegularizationConfig;
import org.resnetode.claim.RegularizationSweep;
import org.resnetode.stats.RateFit;
import org.resnetode.train.linear.LinearTraining;

/**
 * The linear-training measurement (claim R, MATH.md section 3): a linear ResNet trained by gradient descent with the
 * depth-scaled step at every depth of a ladder and at its double ({@link RegularizationConfig}, run through
 * {@link RegularizationSweep}'s plan without the scan and the commuting case). A row holds the rate of the distance to
 * the limit {@code sup_t max_n ||A^N_n(t) - A(t_n, t)||} (claimed 1), the rate of the trained network's distance to its
 * Neural ODE, the final losses and the smoothness {@code sup_t S(t)} across depths.
 */
final class LinearTrainMeasure extends AbstractMeasurement {
    /** The controls a linear-train grid may name: none, or gradient descent without its depth scaling. */
    static final List<String> CONTROLS = List.of("none", Control.UNSCALED_STEP.label());

    LinearTrainMeasure() {
        super("linear-train", Axis.DIM, 8L, Axis.TARGET, "random:0.5", Axis.INIT, RegularizationConfig.ZERO, Axis.INIT_AMPLITUDE, 0.5,
                Axis.DEPTHS, "16:128", Axis.LEARNING_RATE, 0.25, Axis.TIME, 100.0, Axis.TRACK_EVERY, 20L, Axis.LOSS_TARGET, 1e-10,
                Axis.CONTROL, "none", Axis.SEED, 1L);
    }

    static RegularizationConfig config(SweepTask task) {
        return new RegularizationConfig(Math.toIntExact((Long) task.value(Axis.DIM)), (String) task.value(Axis.TARGET),
                (Long) task.value(Axis.SEED), Ladder.parse((String) task.value(Axis.DEPTHS)), (Double) task.value(Axis.LEARNING_RATE),
                (Double) task.value(Axis.TIME), Math.toIntExact((Long) task.value(Axis.TRACK_EVERY)), (String) task.value(Axis.INIT),
                (Double) task.value(Axis.INIT_AMPLITUDE), (Double) task.value(Axis.LOSS_TARGET));
    }

    static Control control(SweepTask task) {
        String label = (String) task.value(Axis.CONTROL);
        return label.equals("none") ? Control.NONE : Control.parse(label, "linear-train", RegularizationSweep.CONTROLS);
    }

    /** The record, its target and its initial profile (the names and the target file are read here). */
    @Override
    public void judge(SweepTask task) {
        control(task);
        RegularizationConfig c = config(task);
        c.loss();
        c.initialProfile();
    }

    /**
     * The rate of the trained network's distance to its Neural ODE, the largest final loss over the ladder, the smallest
     * and largest {@code sup_t S(t)} over the ladder, and at the largest depth the distance to the limit and to the ODE.
     */
    @Override
    public List<String> figures() {
        return List.of("odeRate", "finalLossMax", "supSMin", "supSMax", "limitDistanceLast", "odeDistanceLast");
    }

    @Override
    public List<String> verdicts() {
        return SweepSummary.TRAINING_VERDICTS;
    }

    @Override
    public List<Object> measure(SweepTask task) {
        RegularizationConfig c = config(task);
        ClaimResult r;
        try {
            r = new RegularizationSweep(c, null, null, new int[0], control(task)).plan(Progress.SILENT).run().get(0);
        } catch (LinearTraining.Divergence e) {
            return SweepMeasure.unmeasured("diverged", this, e.getMessage());
        }
        List<Object> values = new ArrayList<>();
        values.add(r.verdict().label());
        values.addAll(DepthMeasure.rate(fit(r, "limitDistance")));
        RateFit ode = fit(r, "odeDistance");
        values.add(ode == null ? Double.NaN : ode.rate());
        double lossMax = Double.NEGATIVE_INFINITY;
        double sMin = Double.POSITIVE_INFINITY;
        double sMax = Double.NEGATIVE_INFINITY;
        for (Map<String, Object> row : r.rows()) {
            lossMax = Math.max(lossMax, Measurement.number(row.get("finalLoss")));
            sMin = Math.min(sMin, Measurement.number(row.get("supS")));
            sMax = Math.max(sMax, Measurement.number(row.get("supS")));
        }
        Map<String, Object> last = r.rows().get(r.rows().size() - 1);
        values.addAll(List.of(lossMax, sMin, sMax, Measurement.number(last.get("limitDistance")),
                Measurement.number(last.get("odeDistance"))));
        values.add(r.verdict().exitCode() == 0 ? "" : String.join("; ", r.notes()));
        return values;
    }

    private static RateFit fit(ClaimResult r, String quantity) {
        return r.fits().stream().filter(f -> f.quantity().equals(quantity)).findFirst().orElse(null);
    }
}
