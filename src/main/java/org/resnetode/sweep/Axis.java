package org.resnetode.sweep;

import java.util.List;
import java.util.Locale;
import org.resnetode.checks.BadInputException;
import org.resnetode.io.Parquet;

/**
 * An axis a grid file may list: its name in the file, the type of its values, and its default when the grid does not
 * list it. Depth ladders are written as the command line writes them ({@code "64:1024"}, {@code "10,20,40"}).
 */
public enum Axis {
    FAMILY("family", Parquet.Type.STRING, "linear"),
    PROFILE("profile", Parquet.Type.STRING, "fourier"),
    SCHEME("scheme", Parquet.Type.STRING, "euler"),
    DIM("dim", Parquet.Type.LONG, 8L),
    /** The mlp family's hidden width; 0 stands for "the dimension d". */
    HIDDEN("hidden", Parquet.Type.LONG, 0L),
    AMPLITUDE("amplitude", Parquet.Type.DOUBLE, 1.0),
    ZERO_MEAN("zeroMean", Parquet.Type.BOOLEAN, false),
    DEPTHS("depths", Parquet.Type.STRING, "8:1024"),
    SEED("seed", Parquet.Type.LONG, 1L),
    FIT_FROM("fitFrom", Parquet.Type.LONG, 64L),
    BATCH("batch", Parquet.Type.LONG, 4L);

    private final String key;
    private final Parquet.Type type;
    private final Object defaultValue;

    Axis(String key, Parquet.Type type, Object defaultValue) {
        this.key = key;
        this.type = type;
        this.defaultValue = defaultValue;
    }

    /** The axis' name in grid files and result columns. */
    public String key() {
        return key;
    }

    public Parquet.Type type() {
        return type;
    }

    public Object defaultValue() {
        return defaultValue;
    }

    /** Whether the axis is a parameter of {@code claim}'s measurement (a batch only of the adjoint's). */
    public boolean appliesTo(String claim) {
        return this != BATCH || claim.equals("adjoint");
    }

    /** The axis named {@code key} in a grid file. */
    public static Axis byKey(String key) {
        for (Axis a : values()) {
            if (a.key.equals(key)) {
                return a;
            }
        }
        throw new BadInputException("unknown axis '" + org.resnetode.checks.Printable.of(key, 40) + "' (expected one of "
                + java.util.Arrays.stream(values()).map(Axis::key).toList() + ")");
    }

    /**
     * A value of this axis as read from a grid file (a JSON string, number or boolean), converted to the axis' type:
     * String, Long, Double or Boolean.
     */
    public Object convert(Object value) {
        String where = "axis '" + key + "'";
        switch (type) {
            case STRING -> {
                if (!(value instanceof String s) || s.isBlank()) {
                    throw new BadInputException(where + " takes non-empty strings, got " + describe(value));
                }
                return s.trim();
            }
            case LONG -> {
                if (!(value instanceof Long l)) {
                    throw new BadInputException(where + " takes whole numbers, got " + describe(value));
                }
                return l;
            }
            case DOUBLE -> {
                if (!(value instanceof Number n) || !Double.isFinite(n.doubleValue())) {
                    throw new BadInputException(where + " takes finite numbers, got " + describe(value));
                }
                return n.doubleValue();
            }
            default -> {
                if (!(value instanceof Boolean b)) {
                    throw new BadInputException(where + " takes true or false, got " + describe(value));
                }
                return b;
            }
        }
    }

    private static String describe(Object value) {
        return value == null ? "null" : value instanceof String s ? "'" + org.resnetode.checks.Printable.of(s, 40) + "'"
                : value instanceof List<?> ? "a list" : value instanceof java.util.Map<?, ?> ? "an object"
                : String.valueOf(value).toLowerCase(Locale.ROOT);
    }
}
