package org.resnetode.sweep;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/** A measurement's name and its axes with their defaults, in product order. */
abstract class AbstractMeasurement implements Measurement {
    private final String claim;
    private final Map<Axis, Object> defaults;

    /** {@code axesAndDefaults}: axis, default, axis, default, ... in product order (a null default is derived). */
    AbstractMeasurement(String claim, Object... axesAndDefaults) {
        this.claim = claim;
        Map<Axis, Object> d = new LinkedHashMap<>();
        for (int i = 0; i < axesAndDefaults.length; i += 2) {
            d.put((Axis) axesAndDefaults[i], axesAndDefaults[i + 1]);
        }
        this.defaults = Collections.unmodifiableMap(d);
    }

    @Override
    public final String claim() {
        return claim;
    }

    @Override
    public final Map<Axis, Object> defaults() {
        return defaults;
    }
}
