package org.resnetode.sweep;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import org.resnetode.checks.BadInputException;

/**
 * A sweep: one claim measurement and the values of each axis; the configurations are the product of the axes (in the
 * measurement's axis order, the last one varying fastest), an axis the grid does not list taking its default. The
 * whole product is judged before any work (every listed value, every configuration's record), so a bad grid fails at
 * once, naming its axis: when the claim's record refuses a configuration, the axes to blame are those whose default or
 * another listed value, put in alone, makes the record accept it.
 */
public record Grid(String claim, Map<Axis, List<Object>> axes) {
    /** The claim measurements a grid may name. */
    public static final List<String> CLAIMS = Measurement.CLAIMS;
    /** Default largest product ({@code --max-configs}). */
    public static final long DEFAULT_MAX_CONFIGS = 1_000_000;

    public Grid {
        Measurement m = Measurement.of(claim);
        Map<Axis, List<Object>> copy = new EnumMap<>(Axis.class);
        for (Map.Entry<Axis, List<Object>> e : axes.entrySet()) {
            if (!m.defaults().containsKey(e.getKey())) {
                throw new BadInputException("axis '" + e.getKey().key() + "' does not apply to claim " + claim + " (its axes: "
                        + m.axes().stream().map(Axis::key).toList() + ")");
            }
            if (e.getValue().isEmpty()) {
                throw new BadInputException("axis '" + e.getKey().key() + "' lists no value");
            }
            List<Object> values = new ArrayList<>();
            Set<Object> seen = new HashSet<>();
            for (Object v : e.getValue()) {
                Object converted = e.getKey().convert(v);
                if (!seen.add(converted)) {
                    throw new BadInputException("axis '" + e.getKey().key() + "' lists " + converted + " twice");
                }
                values.add(converted);
            }
            copy.put(e.getKey(), List.copyOf(values));
        }
        if (copy.containsKey(Axis.HIDDEN) && !values(m, copy, Axis.FAMILY).contains("mlp")) {
            throw new BadInputException("axis 'hidden' applies to the mlp family only, and axis 'family' does not list mlp");
        }
        axes = copy;
    }

    /** The claim's measurement. */
    public Measurement measurement() {
        return Measurement.of(claim);
    }

    /**
     * The values of {@code axis}: those listed, or its default (a one-element list holding null when the default is
     * derived per configuration); empty when the axis does not apply to the claim.
     */
    public List<Object> values(Axis axis) {
        return values(measurement(), axes, axis);
    }

    private static List<Object> values(Measurement m, Map<Axis, List<Object>> axes, Axis axis) {
        List<Object> listed = axes.get(axis);
        return listed != null ? listed : m.defaults().containsKey(axis) ? Collections.singletonList(m.defaults().get(axis)) : List.of();
    }

    /** Number of configurations: the product of the axes' sizes (saturating at Long.MAX_VALUE). */
    public long size() {
        long size = 1;
        for (Axis a : measurement().axes()) {
            size = Math.multiplyHigh(size, values(a).size()) != 0 ? Long.MAX_VALUE : size * values(a).size();
        }
        return size;
    }

    /**
     * Every configuration in product order, each judged: the product at most {@code maxConfigs}, every listed value
     * one the claim accepts, every configuration one its record accepts.
     */
    public List<SweepTask> tasks(long maxConfigs) {
        long size = size();
        if (size > maxConfigs) {
            throw new BadInputException("the grid's product has " + (size == Long.MAX_VALUE ? "more than 2^63" : size)
                    + " configurations, more than --max-configs " + maxConfigs);
        }
        Measurement m = measurement();
        for (Map.Entry<Axis, List<Object>> e : axes.entrySet()) {
            for (Object v : e.getValue()) {
                try {
                    m.judgeValue(e.getKey(), v);
                } catch (BadInputException | IllegalArgumentException | ArithmeticException refused) {
                    throw new BadInputException("axis '" + e.getKey().key() + "': " + refused.getMessage(), refused);
                }
            }
        }
        List<Axis> order = m.axes();
        List<SweepTask> tasks = new ArrayList<>((int) size);
        for (int index = 0; index < size; index++) {
            Object[] values = new Object[Axis.values().length];
            long rest = index;
            for (int a = order.size() - 1; a >= 0; a--) {
                List<Object> v = values(order.get(a));
                values[order.get(a).ordinal()] = v.get((int) (rest % v.size()));
                rest /= v.size();
            }
            SweepTask task = derived(m, index, values);
            try {
                m.judge(task);
            } catch (BadInputException | IllegalArgumentException | ArithmeticException e) {
                throw new BadInputException(blame(m, task) + " in the configuration " + task.key() + ": " + e.getMessage(), e);
            }
            tasks.add(task);
        }
        return tasks;
    }

    /** {@code values} with every unlisted axis whose default is derived set from the others, as a task. */
    private SweepTask derived(Measurement m, int index, Object[] values) {
        Object[] v = values.clone();
        for (Axis a : m.axes()) {
            if (!axes.containsKey(a) && m.defaults().get(a) == null) {
                SweepTask partial = new SweepTask(index, claim, v);
                v[a.ordinal()] = judged("axis '" + a.key() + "' (its default)", () -> m.derive(a, partial));
            }
        }
        return new SweepTask(index, claim, v);
    }

    /**
     * The axes whose default or another listed value, put in alone, makes the record accept {@code refused}:
     * {@code axis 'hurst' = 1.5}, {@code axis 'family' = tanh or axis 'referenceGrid' = 64}, or {@code the values}
     * when no single axis does.
     */
    private String blame(Measurement m, SweepTask refused) {
        List<String> blamed = new ArrayList<>();
        for (Axis a : m.axes()) {
            Object current = refused.value(a);
            List<Object> candidates = new ArrayList<>(values(a));
            candidates.add(m.defaults().get(a) != null ? m.defaults().get(a) : derivedOrNull(m, a, refused));
            for (Object candidate : candidates) {
                if (candidate == null || candidate.equals(current)) {
                    continue;
                }
                Object[] v = refused.values();
                v[a.ordinal()] = candidate;
                if (accepts(m, derived(m, refused.index(), v))) {
                    blamed.add("axis '" + a.key() + "' = " + current);
                    break;
                }
            }
        }
        return blamed.isEmpty() ? "the values" : String.join(" or ", blamed);
    }

    /** The default {@code task} would derive for {@code axis}, or null when it cannot. */
    private static Object derivedOrNull(Measurement m, Axis axis, SweepTask task) {
        try {
            return m.derive(axis, task);
        } catch (BadInputException | IllegalArgumentException | ArithmeticException e) {
            return null;
        }
    }

    private static boolean accepts(Measurement m, SweepTask task) {
        try {
            m.judge(task);
            return true;
        } catch (BadInputException | IllegalArgumentException | ArithmeticException e) {
            return false;
        }
    }

    /** {@code make}'s value; a refusal of user input is reported naming {@code where}. */
    private static <T> T judged(String where, Supplier<T> make) {
        try {
            return make.get();
        } catch (BadInputException | IllegalArgumentException | ArithmeticException e) {
            throw new BadInputException(where + ": " + e.getMessage(), e);
        }
    }
}
