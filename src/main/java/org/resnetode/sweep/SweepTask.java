package org.resnetode.sweep;

import java.io.Serializable;
import java.util.Arrays;
import java.util.List;
import org.resnetode.claim.SweepConfig;

/**
 * One configuration of a grid: its position in the grid's product, the claim it measures and one value per
 * {@link Axis} (in the axes' order). Serializable with plain values only, so a distributed runner ships it as it is;
 * everything it measures (seeds included) derives from these values, never from where or when it runs.
 */
public record SweepTask(int index, String claim, Object[] values) implements Serializable {
    private static final long serialVersionUID = 1L;

    public SweepTask {
        values = values.clone();
    }

    /** The value of {@code axis}. */
    public Object value(Axis axis) {
        return values[axis.ordinal()];
    }

    /** {@code claim|family=linear,profile=fourier,...}: identifies the configuration whatever its index (for --resume). */
    public String key() {
        StringBuilder sb = new StringBuilder(claim).append('|');
        for (Axis a : Axis.values()) {
            if (a.appliesTo(claim)) {
                sb.append(a.ordinal() == 0 ? "" : ",").append(a.key()).append('=').append(values[a.ordinal()]);
            }
        }
        return sb.toString();
    }

    /** The configuration record the claims run (the hidden width 0 standing for d). */
    public SweepConfig config() {
        int dim = Math.toIntExact((Long) value(Axis.DIM));
        int hidden = Math.toIntExact((Long) value(Axis.HIDDEN));
        int batch = claim.equals("adjoint")
                ? org.resnetode.checks.Checks.positive("axis 'batch'", Math.toIntExact((Long) value(Axis.BATCH))) : 0;
        return new SweepConfig((String) value(Axis.FAMILY), (String) value(Axis.PROFILE), (String) value(Axis.SCHEME),
                dim, hidden == 0 ? dim : hidden, org.resnetode.claim.Ladder.parse((String) value(Axis.DEPTHS)), (Long) value(Axis.SEED),
                (Double) value(Axis.AMPLITUDE), (Boolean) value(Axis.ZERO_MEAN),
                Math.toIntExact((Long) value(Axis.FIT_FROM)), batch);
    }

    /** The values of the axes that apply to the claim, in axis order (for result rows). */
    public List<Object> axisValues() {
        return Arrays.stream(Axis.values()).filter(a -> a.appliesTo(claim)).map(this::value).toList();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof SweepTask t && t.index == index && t.claim.equals(claim) && Arrays.equals(t.values, values);
    }

    @Override
    public int hashCode() {
        return 31 * (31 * index + claim.hashCode()) + Arrays.hashCode(values);
    }

    @Override
    public String toString() {
        return "#" + index + " " + key();
    }
}
