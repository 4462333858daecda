package org.resnetode.sweep;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.resnetode.checks.BadInputException;
import org.resnetode.claim.SweepConfig;
import org.resnetode.model.DepthProfiles;
import org.resnetode.model.Families;
import org.resnetode.scheme.Scheme;

/**
 * A sweep: one claim measurement and the values of each axis; the configurations are the product of the axes (the
 * axes in {@link Axis} order, the last one varying fastest), an axis the grid does not list taking its default. The
 * whole product is judged before any work (every value, every combination's config record), so a bad grid fails at
 * once, naming its axis.
 */
public record Grid(String claim, Map<Axis, List<Object>> axes) {
    /** The claim measurements a grid may name. */
    public static final List<String> CLAIMS = List.of("distance", "adjoint");
    /** Default largest product ({@code --max-configs}). */
    public static final long DEFAULT_MAX_CONFIGS = 1_000_000;

    public Grid {
        if (!CLAIMS.contains(claim)) {
            throw new BadInputException("unknown claim '" + org.resnetode.checks.Printable.of(claim, 40)
                    + "' in the grid (expected one of " + CLAIMS + ")");
        }
        Map<Axis, List<Object>> copy = new EnumMap<>(Axis.class);
        for (Map.Entry<Axis, List<Object>> e : axes.entrySet()) {
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
        if (copy.containsKey(Axis.BATCH) && !claim.equals("adjoint")) {
            throw new BadInputException("axis 'batch' does not apply to claim " + claim + " (only adjoint measures a batch)");
        }
        if (copy.containsKey(Axis.HIDDEN) && !values(copy, Axis.FAMILY).contains("mlp")) {
            throw new BadInputException("axis 'hidden' applies to the mlp family only, and axis 'family' does not list mlp");
        }
        axes = copy;
    }

    /** The values of {@code axis}: those listed, or its default. */
    public List<Object> values(Axis axis) {
        return values(axes, axis);
    }

    private static List<Object> values(Map<Axis, List<Object>> axes, Axis axis) {
        return axes.getOrDefault(axis, List.of(axis.defaultValue()));
    }

    /** Number of configurations: the product of the axes' sizes (saturating at Long.MAX_VALUE). */
    public long size() {
        long size = 1;
        for (Axis a : Axis.values()) {
            size = Math.multiplyHigh(size, values(a).size()) != 0 ? Long.MAX_VALUE : size * values(a).size();
        }
        return size;
    }

    /**
     * Every configuration in product order, each judged: the product at most {@code maxConfigs}, every value one the
     * claim accepts (family, profile and scheme names, ladders, the config record's ranges, theta2's dimension 1).
     */
    public List<SweepTask> tasks(long maxConfigs) {
        long size = size();
        if (size > maxConfigs) {
            throw new BadInputException("the grid's product has " + (size == Long.MAX_VALUE ? "more than 2^63" : size)
                    + " configurations, more than --max-configs " + maxConfigs);
        }
        judgeValues();
        Axis[] all = Axis.values();
        List<SweepTask> tasks = new ArrayList<>((int) size);
        Set<String> families = new HashSet<>();
        for (int index = 0; index < size; index++) {
            Object[] values = new Object[all.length];
            long rest = index;
            for (int a = all.length - 1; a >= 0; a--) {
                List<Object> v = values(all[a]);
                values[a] = v.get((int) (rest % v.size()));
                rest /= v.size();
            }
            SweepTask task = new SweepTask(index, claim, values);
            SweepConfig config = judged("the configuration " + task.key(), task::config);
            if (families.add(config.family() + "/" + config.dim() + "/" + config.hidden())) {
                judged("axis 'family' " + config.family() + " with dim " + config.dim(),
                        () -> Families.create(config.family(), config.dim(), config.hidden()));
            }
            tasks.add(task);
        }
        return tasks;
    }

    /** Names and ladders, once per listed value. */
    private void judgeValues() {
        for (Object f : values(Axis.FAMILY)) {
            if (!Families.NAMES.contains(f)) {
                throw new BadInputException("axis 'family': unknown family '" + org.resnetode.checks.Printable.of((String) f, 40)
                        + "' (expected one of " + Families.NAMES + ")");
            }
        }
        for (Object p : values(Axis.PROFILE)) {
            if (!DepthProfiles.NAMES.contains(p)) {
                throw new BadInputException("axis 'profile': unknown profile '" + org.resnetode.checks.Printable.of((String) p, 40)
                        + "' (expected one of " + DepthProfiles.NAMES + ")");
            }
        }
        for (Object s : values(Axis.SCHEME)) {
            judged("axis 'scheme'", () -> Scheme.byName((String) s));
        }
        for (Object d : values(Axis.DEPTHS)) {
            org.resnetode.claim.Ladder.parse((String) d);
        }
    }

    /** {@code make}'s value; a refusal of user input is reported naming {@code where}. */
    private static <T> T judged(String where, java.util.function.Supplier<T> make) {
        try {
            return make.get();
        } catch (BadInputException | IllegalArgumentException | ArithmeticException e) {
            throw new BadInputException(where + ": " + e.getMessage(), e);
        }
    }
}
