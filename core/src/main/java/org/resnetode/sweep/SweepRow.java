package org.resnetode.sweep;

import java.io.Serializable;
import java.util.Arrays;

/**
 * The result of one configuration: its index in the grid, its key, and one value per column of the claim's
 * {@link SweepTable} (Boolean, Long, Double or String). Serializable with plain values, so any runner returns it.
 */
public record SweepRow(int index, String key, Object[] values) implements Serializable {
    private static final long serialVersionUID = 1L;

    public SweepRow {
        values = values.clone();
    }

    @Override
    public Object[] values() {
        return values.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof SweepRow r && r.index == index && r.key.equals(key) && Arrays.equals(r.values, values);
    }

    @Override
    public int hashCode() {
        return 31 * (31 * index + key.hashCode()) + Arrays.hashCode(values);
    }
}
