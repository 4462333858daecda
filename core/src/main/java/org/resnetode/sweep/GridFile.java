package org.resnetode.sweep;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.resnetode.checks.BadInputException;
import org.resnetode.io.JsonReader;

/**
 * Reads a grid file: {@code {"claim": "distance", "axes": {"family": ["linear", "tanh"], "seed": {"from": 1, "to": 100}}}}.
 * An axis lists its values, or for whole-number axes a range {@code {"from": a, "to": b}} (both included).
 */
public final class GridFile {
    /** Largest grid file read (a grid lists axes, not configurations). */
    static final long MAX_BYTES = 1 << 20;

    private GridFile() {
    }

    public static Grid read(Path file) {
        String text;
        try {
            if (Files.size(file) > MAX_BYTES) {
                throw new BadInputException("grid file " + file + " is larger than " + MAX_BYTES + " bytes");
            }
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException | java.io.UncheckedIOException e) {
            throw new BadInputException("cannot read grid file " + file + ": " + e.getMessage(), e);
        }
        try {
            return parse(text);
        } catch (BadInputException | IllegalArgumentException e) {
            throw new BadInputException("grid file " + file + ": " + e.getMessage(), e);
        }
    }

    static Grid parse(String text) {
        if (!(JsonReader.parse(text) instanceof Map<?, ?> root)) {
            throw new BadInputException("expected a JSON object with \"claim\" and \"axes\"");
        }
        for (Object key : root.keySet()) {
            if (!key.equals("claim") && !key.equals("axes")) {
                throw new BadInputException("unknown field '" + org.resnetode.checks.Printable.of(String.valueOf(key), 40)
                        + "' (a grid has \"claim\" and \"axes\")");
            }
        }
        if (!(root.get("claim") instanceof String claim)) {
            throw new BadInputException("\"claim\" must name a claim (one of " + Grid.CLAIMS + ")");
        }
        if (!(root.get("axes") instanceof Map<?, ?> axes)) {
            throw new BadInputException("\"axes\" must be an object mapping axis names to lists of values");
        }
        Map<Axis, List<Object>> values = new LinkedHashMap<>();
        for (Map.Entry<?, ?> e : axes.entrySet()) {
            Axis axis = Axis.byKey(String.valueOf(e.getKey()));
            values.put(axis, values(axis, e.getValue()));
        }
        return new Grid(claim, values);
    }

    private static List<Object> values(Axis axis, Object listed) {
        if (listed instanceof List<?> list) {
            return new ArrayList<>(list);
        }
        if (listed instanceof Map<?, ?> range && range.keySet().equals(java.util.Set.of("from", "to"))
                && range.get("from") instanceof Long from && range.get("to") instanceof Long to) {
            if (axis.type() != org.resnetode.io.Parquet.Type.LONG) {
                throw new BadInputException("axis '" + axis.key() + "' takes a list, not a range");
            }
            if (to < from || to - from >= Grid.DEFAULT_MAX_CONFIGS * 10) {
                throw new BadInputException("axis '" + axis.key() + "': range from " + from + " to " + to
                        + " is empty or too long");
            }
            List<Object> out = new ArrayList<>();
            for (long v = from; v <= to; v++) {
                out.add(v);
            }
            return out;
        }
        throw new BadInputException("axis '" + axis.key() + "' must list its values ([...]) or give a range "
                + "{\"from\": a, \"to\": b}");
    }
}
