package org.resnetode.sweep;

import java.util.List;
import java.util.Locale;
import org.resnetode.checks.BadInputException;
import org.resnetode.checks.Printable;
import org.resnetode.io.Parquet;

/**
 * An axis a grid file may list: its name in the file and the type of its values. Which axes apply to a claim, in which
 * order the product runs over them and their defaults are the claim's {@link Measurement}'s. Depth ladders are written
 * as the command line writes them ({@code "64:1024"}, {@code "10,20,40"}).
 */
public enum Axis {
    FAMILY("family", Parquet.Type.STRING),
    PROFILE("profile", Parquet.Type.STRING),
    SCHEME("scheme", Parquet.Type.STRING),
    DIM("dim", Parquet.Type.LONG),
    /** The mlp family's hidden width; 0 stands for "the dimension d". */
    HIDDEN("hidden", Parquet.Type.LONG),
    AMPLITUDE("amplitude", Parquet.Type.DOUBLE),
    ZERO_MEAN("zeroMean", Parquet.Type.BOOLEAN),
    DEPTHS("depths", Parquet.Type.STRING),
    SEED("seed", Parquet.Type.LONG),
    FIT_FROM("fitFrom", Parquet.Type.LONG),
    BATCH("batch", Parquet.Type.LONG),
    /** Hurst index H of the fBm weights θ = θ̄ + σ B^H (roughness). */
    HURST("hurst", Parquet.Type.DOUBLE),
    /** Independent fBm paths M whose strong error is averaged (roughness). */
    PATHS("paths", Parquet.Type.LONG),
    /** θ̄ of the fBm weights (roughness). */
    MEAN("mean", Parquet.Type.DOUBLE),
    /** Steps of the fine reference's grid (roughness, families other than linear). */
    REFERENCE_GRID("referenceGrid", Parquet.Type.LONG),
    /** A negative control of the measurement ({@code none}: the measurement as stated). */
    CONTROL("control", Parquet.Type.STRING),
    /** Target B of linear training: random:s, diagonal:b1,... or a file. */
    TARGET("target", Parquet.Type.STRING),
    /** Initialisation: zero or a depth profile (linear-train); smooth, iid or zero (train). */
    INIT("init", Parquet.Type.STRING),
    /** Amplitude of linear training's initial profile. */
    INIT_AMPLITUDE("initAmplitude", Parquet.Type.DOUBLE),
    LEARNING_RATE("lr", Parquet.Type.DOUBLE),
    /** Training time T of linear training (round(T/η) steps at every depth). */
    TIME("time", Parquet.Type.DOUBLE),
    TRACK_EVERY("trackEvery", Parquet.Type.LONG),
    /** Loss every depth of linear training must reach. */
    LOSS_TARGET("lossTarget", Parquet.Type.DOUBLE),
    /** Gradient method of training: backprop or adjoint. */
    GRADIENT("gradient", Parquet.Type.STRING),
    OPTIMISER("optimiser", Parquet.Type.STRING),
    MOMENTUM("momentum", Parquet.Type.DOUBLE),
    EPOCHS("epochs", Parquet.Type.LONG),
    /** Training rows of the bundled digits (the first R; the last 360 rows are the test set). */
    TRAIN_ROWS("trainRows", Parquet.Type.LONG);

    private final String key;
    private final Parquet.Type type;

    Axis(String key, Parquet.Type type) {
        this.key = key;
        this.type = type;
    }

    /** The axis' name in grid files and result columns. */
    public String key() {
        return key;
    }

    public Parquet.Type type() {
        return type;
    }

    /** Whether the axis is a parameter of {@code claim}'s measurement. */
    public boolean appliesTo(String claim) {
        return Measurement.of(claim).axes().contains(this);
    }

    /** The axis named {@code key} in a grid file. */
    public static Axis byKey(String key) {
        for (Axis a : values()) {
            if (a.key.equals(key)) {
                return a;
            }
        }
        throw new BadInputException("unknown axis '" + Printable.of(key, 40) + "' (expected one of "
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
        return value == null ? "null" : value instanceof String s ? "'" + Printable.of(s, 40) + "'"
                : value instanceof List<?> ? "a list" : value instanceof java.util.Map<?, ?> ? "an object"
                : String.valueOf(value).toLowerCase(Locale.ROOT);
    }
}
