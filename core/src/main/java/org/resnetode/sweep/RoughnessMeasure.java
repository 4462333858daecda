package org.resnetode.sweep;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.resnetode.checks.Checks;
import org.resnetode.claim.ClaimResult;
import org.resnetode.claim.Ladder;
import org.resnetode.claim.Progress;
import org.resnetode.claim.RoughnessClaim;
import org.resnetode.claim.RoughnessConfig;
import org.resnetode.claim.RoughnessSweep;

/**
 * The roughness measurement (MATH.md section 7): one family, one scheme and one Hurst index H per configuration
 * ({@link RoughnessConfig}, run through {@link RoughnessSweep}'s plan without the exact-prediction check). A row holds
 * the rate of the mean strong error over the accepted depths with its bootstrap interval, and the prediction
 * {@code min(1, H + 1/2)} or {@code H + 1/2} it is judged against.
 */
final class RoughnessMeasure extends AbstractMeasurement {
    /** The controls a roughness grid may name: none, or each depth reading its own independent path. */
    static final List<String> CONTROLS = List.of("none", "decoupled");
    /** The fine reference grid by default: this many times the largest depth (the quick map's 2^15 for 256), at most 2^22. */
    static final int REFERENCE_FACTOR = 128;

    RoughnessMeasure() {
        super("roughness", Axis.FAMILY, "linear", Axis.SCHEME, "euler", Axis.HURST, 0.5, Axis.DEPTHS, "32:256",
                Axis.PATHS, (long) RoughnessClaim.QUICK_PATHS, Axis.REFERENCE_GRID, null, Axis.MEAN, 0.0, Axis.AMPLITUDE, null,
                Axis.CONTROL, "none", Axis.SEED, 1L);
    }

    /** σ: the family's default ({@link RoughnessConfig#defaultAmplitude}); the reference grid: 128 × the largest depth, at most 2^22. */
    @Override
    public Object derive(Axis axis, SweepTask partial) {
        if (axis == Axis.AMPLITUDE) {
            return RoughnessConfig.defaultAmplitude((String) partial.value(Axis.FAMILY));
        }
        int largest = java.util.Arrays.stream(Ladder.parse((String) partial.value(Axis.DEPTHS))).max().orElseThrow();
        return Math.min(1L << 22, (long) REFERENCE_FACTOR * Integer.highestOneBit(largest));
    }

    @Override
    public void judgeValue(Axis axis, Object value) {
        if (axis == Axis.CONTROL) {
            Checks.oneOf("control", (String) value, CONTROLS);
        }
    }

    static RoughnessConfig config(SweepTask task) {
        return new RoughnessConfig((String) task.value(Axis.FAMILY), List.of((String) task.value(Axis.SCHEME)),
                (Double) task.value(Axis.HURST), Ladder.parse((String) task.value(Axis.DEPTHS)),
                Math.toIntExact((Long) task.value(Axis.PATHS)), Math.toIntExact((Long) task.value(Axis.REFERENCE_GRID)),
                (Double) task.value(Axis.MEAN), (Double) task.value(Axis.AMPLITUDE), (Long) task.value(Axis.SEED),
                task.value(Axis.CONTROL).equals("decoupled"));
    }

    /** The record (the control's name is judged with the listed values). */
    @Override
    public void judge(SweepTask task) {
        config(task);
    }

    /**
     * The predicted rate, Kloeden and Rosa's interval, the rate of the root-mean-square error, the rate of the exact
     * closed-form prediction (linear; NaN otherwise), the mean strong error at the smallest and largest depth, and the
     * largest ratio of the reference's error to the measured one.
     */
    @Override
    public List<String> figures() {
        return List.of("predicted", "krLow", "krHigh", "rmsRate", "exactPredictionRate", "errorFirst", "errorLast",
                "referenceRatio");
    }

    @Override
    public List<Object> measure(SweepTask task) {
        RoughnessConfig c = config(task);
        ClaimResult r = new RoughnessSweep(List.of(c), false, c.seed()).plan(Progress.SILENT).run().get(0);
        Map<String, Object> row = r.rows().get(0);
        List<Object> values = new ArrayList<>();
        values.add(r.verdict().label());
        values.add(Measurement.number(row.get("rate")));
        values.add(Measurement.number(row.get("ciLow")));
        values.add(Measurement.number(row.get("ciHigh")));
        values.add((long) (Integer) row.get("acceptedDepths"));
        for (String figure : figures()) {
            values.add(Measurement.number(row.get(figure)));
        }
        values.add(r.verdict().exitCode() == 0 ? "" : String.join("; ", r.notes()));
        return values;
    }
}
