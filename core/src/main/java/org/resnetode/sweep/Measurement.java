package org.resnetode.sweep;

import java.util.List;
import java.util.Map;
import org.resnetode.checks.BadInputException;
import org.resnetode.checks.Printable;

/**
 * One claim measurement a grid may name: its axes in product order with their defaults, how a configuration is judged
 * (by the claim's own configuration record, before any work) and how it is measured into the result columns of a row:
 * {@code verdict, rate, rateLow, rateHigh, fitPoints}, the measurement's figures, then a note. Implementations are
 * stateless values, so a task shipped to another machine finds its measurement by its claim name.
 */
public interface Measurement {
    /** The claim measurements a grid may name. */
    List<String> CLAIMS = List.of("distance", "adjoint", "roughness", "linear-train", "train");

    /** The claim's name in grid files. */
    String claim();

    /**
     * The axes that apply, in product order (the last varies fastest), each with its default; a null default is derived
     * per configuration from the other axes ({@link #derive}).
     */
    Map<Axis, Object> defaults();

    /** The axes that apply, in product order. */
    default List<Axis> axes() {
        return List.copyOf(defaults().keySet());
    }

    /** The default of {@code axis} for the configuration {@code partial} (whose other axes are set). */
    default Object derive(Axis axis, SweepTask partial) {
        throw new IllegalStateException("claim " + claim() + " derives no default for axis " + axis.key());
    }

    /** Judges one listed value on its own (a name, a ladder), naming its axis; the default judges nothing. */
    default void judgeValue(Axis axis, Object value) {
    }

    /** Builds {@code task}'s configuration record(s), which refuse what the claim cannot measure (bad input). */
    void judge(SweepTask task);

    /** Names of the measured figures after the rate columns; a name ending in {@code Count} is a whole number. */
    List<String> figures();

    /** The verdicts a row may carry, in the summaries' column order. */
    default List<String> verdicts() {
        return SweepSummary.VERDICTS;
    }

    /**
     * Measures {@code task}: its verdict, the fitted rate with its 95% interval and point count, one value per figure
     * and a note ({@code ""} when none). A configuration the claim refuses at run time throws bad input.
     */
    List<Object> measure(SweepTask task);

    /** The measurement of {@code claim}. */
    static Measurement of(String claim) {
        return switch (claim) {
            case "distance", "adjoint" -> new DepthMeasure(claim);
            case "roughness" -> new RoughnessMeasure();
            case "linear-train" -> new LinearTrainMeasure();
            case "train" -> new TrainMeasure();
            default -> throw new BadInputException("unknown claim '" + Printable.of(String.valueOf(claim), 40)
                    + "' in the grid (expected one of " + CLAIMS + ")");
        };
    }

    /** {@code v} as a double (NaN when it is not a number). */
    static double number(Object v) {
        return v instanceof Number n ? n.doubleValue() : Double.NaN;
    }
}
