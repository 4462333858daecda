package org.resnetode.sweep;

import java.io.Serializable;
import java.util.List;

/**
 * One configuration of a grid: its position in the grid's product, the claim it measures and one value per
 * {@link Axis} (in the axes' order; null for an axis that does not apply to the claim). Serializable with plain values
 * only, so a distributed runner ships it as it is; everything it measures (seeds included) derives from these values,
 * never from where or when it runs.
 */
public record SweepTask(int index, String claim, Object[] values) implements Serializable {
    private static final long serialVersionUID = 1L;

    public SweepTask {
        values = values.clone();
    }

    @Override
    public Object[] values() {
        return values.clone();
    }

    /** The value of {@code axis}. */
    public Object value(Axis axis) {
        return values[axis.ordinal()];
    }

    /** {@code claim|family=linear,profile=fourier,...}: identifies the configuration whatever its index (for --resume). */
    public String key() {
        StringBuilder sb = new StringBuilder(claim).append('|');
        String separator = "";
        for (Axis a : Measurement.of(claim).axes()) {
            sb.append(separator).append(a.key()).append('=').append(values[a.ordinal()]);
            separator = ",";
        }
        return sb.toString();
    }

    /** The values of the axes that apply to the claim, in the measurement's axis order (for result rows). */
    public List<Object> axisValues() {
        return Measurement.of(claim).axes().stream().map(this::value).toList();
    }
}
