package org.resnetode.sweep;

import java.util.ArrayList;
import java.util.List;
import org.resnetode.checks.BadInputException;
import org.resnetode.io.Parquet;

/**
 * Runs one configuration's claim measurement ({@link Measurement}) and returns its row: the index, the key, the axes,
 * then the verdict, the fitted rate of the claim's headline quantity with its 95% interval and point count, the claim's
 * figures and a note. A configuration the claim refuses as bad input at run time (e.g. weights whose e^{L_x}
 * overflows) becomes a row with verdict {@code refused} and the reason, so one such draw does not end a survey; any
 * other exception ends the sweep.
 */
public final class SweepMeasure {
    private SweepMeasure() {
    }

    /** The columns of a sweep of {@code claim}: index, key, the axes, then the claim's result columns. */
    public static List<Parquet.Column> columns(String claim) {
        Measurement m = Measurement.of(claim);
        List<Parquet.Column> c = new ArrayList<>();
        c.add(new Parquet.Column("index", Parquet.Type.LONG));
        c.add(new Parquet.Column("key", Parquet.Type.STRING));
        for (Axis a : m.axes()) {
            c.add(new Parquet.Column(a.key(), a.type()));
        }
        c.add(new Parquet.Column("verdict", Parquet.Type.STRING));
        c.add(new Parquet.Column("rate", Parquet.Type.DOUBLE));
        c.add(new Parquet.Column("rateLow", Parquet.Type.DOUBLE));
        c.add(new Parquet.Column("rateHigh", Parquet.Type.DOUBLE));
        c.add(new Parquet.Column("fitPoints", Parquet.Type.LONG));
        for (String figure : m.figures()) {
            c.add(new Parquet.Column(figure, isCount(figure) ? Parquet.Type.LONG : Parquet.Type.DOUBLE));
        }
        c.add(new Parquet.Column("note", Parquet.Type.STRING));
        return c;
    }

    /** Measures {@code task} and returns its row. */
    public static SweepRow run(SweepTask task) {
        Measurement m = Measurement.of(task.claim());
        List<Object> values = new ArrayList<>();
        values.add((long) task.index());
        values.add(task.key());
        values.addAll(task.axisValues());
        try {
            values.addAll(m.measure(task));
        } catch (BadInputException e) {
            values.addAll(unmeasured("refused", m, e.getMessage()));
        }
        // the note on one line, as the CSV rows (and a resumed sweep reading them back) keep it
        int note = values.size() - 1;
        values.set(note, ((String) values.get(note)).replace('\n', ' ').replace('\r', ' '));
        return new SweepRow(task.index(), task.key(), values.toArray());
    }

    /** The result columns of a configuration that was not measured to the end: {@code verdict}, NaN figures, {@code why}. */
    static List<Object> unmeasured(String verdict, Measurement m, String why) {
        List<Object> values = new ArrayList<>(List.of(verdict, Double.NaN, Double.NaN, Double.NaN, 0L));
        for (String figure : m.figures()) {
            values.add(isCount(figure) ? (Object) 0L : Double.NaN);
        }
        values.add(why);
        return values;
    }

    private static boolean isCount(String figure) {
        return figure.endsWith("Count");
    }
}
