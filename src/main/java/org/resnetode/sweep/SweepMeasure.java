package org.resnetode.sweep;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.resnetode.checks.BadInputException;
import org.resnetode.claim.AdjointClaim;
import org.resnetode.claim.ClaimResult;
import org.resnetode.claim.DistanceClaim;
import org.resnetode.claim.Progress;
import org.resnetode.io.Parquet;
import org.resnetode.stats.RateFit;

/**
 * Runs one configuration's claim measurement and reduces its result to one row: the axes, the verdict, the fitted rate
 * of the claim's headline quantity with its 95% interval, and the claim's headline figures. A configuration the claim
 * refuses as bad input (e.g. weights whose e^{L_x} overflows) becomes a row with verdict {@code refused} and the reason,
 * so one such draw does not end a survey; any other exception ends the sweep.
 */
public final class SweepMeasure {
    private SweepMeasure() {
    }

    /** The columns of a sweep of {@code claim}: index, key, the axes, then the claim's result columns. */
    public static List<Parquet.Column> columns(String claim) {
        List<Parquet.Column> c = new ArrayList<>();
        c.add(new Parquet.Column("index", Parquet.Type.LONG));
        c.add(new Parquet.Column("key", Parquet.Type.STRING));
        for (Axis a : Axis.values()) {
            if (a.appliesTo(claim)) {
                c.add(new Parquet.Column(a.key(), a.type()));
            }
        }
        c.add(new Parquet.Column("verdict", Parquet.Type.STRING));
        c.add(new Parquet.Column("rate", Parquet.Type.DOUBLE));
        c.add(new Parquet.Column("rateLow", Parquet.Type.DOUBLE));
        c.add(new Parquet.Column("rateHigh", Parquet.Type.DOUBLE));
        c.add(new Parquet.Column("fitPoints", Parquet.Type.LONG));
        for (String figure : figures(claim)) {
            c.add(new Parquet.Column(figure, figure.endsWith("Count") ? Parquet.Type.LONG : Parquet.Type.DOUBLE));
        }
        c.add(new Parquet.Column("note", Parquet.Type.STRING));
        return c;
    }

    /** The claim's headline figures, after the rate columns. */
    static List<String> figures(String claim) {
        return claim.equals("distance")
                ? List.of("error", "minTightness", "maxTightness", "boundViolationCount", "refusedDepthCount")
                : List.of("gradientError", "recoveryRate", "recoveryError");
    }

    /** The fitted quantity whose rate the row reports. */
    static String rateQuantity(String claim) {
        return claim.equals("distance") ? "error" : "gradientError";
    }

    /** Measures {@code task} and returns its row. */
    public static SweepRow run(SweepTask task) {
        List<Object> values = new ArrayList<>();
        values.add((long) task.index());
        values.add(task.key());
        values.addAll(task.axisValues());
        ClaimResult r;
        try {
            r = task.claim().equals("distance") ? DistanceClaim.run(task.config(), Progress.SILENT)
                    : AdjointClaim.run(task.config(), Progress.SILENT);
        } catch (BadInputException e) {
            values.addAll(List.of("refused", Double.NaN, Double.NaN, Double.NaN, 0L));
            for (String figure : figures(task.claim())) {
                values.add(figure.endsWith("Count") ? (Object) 0L : Double.NaN);
            }
            values.add(e.getMessage());
            return new SweepRow(task.index(), task.key(), values.toArray());
        }
        values.add(r.verdict().label());
        RateFit fit = r.fits().stream().filter(f -> f.quantity().equals(rateQuantity(task.claim()))).findFirst().orElse(null);
        values.add(fit == null ? Double.NaN : fit.rate());
        values.add(fit == null ? Double.NaN : fit.ci95Low());
        values.add(fit == null ? Double.NaN : fit.ci95High());
        values.add(fit == null ? 0L : (long) fit.points());
        values.addAll(task.claim().equals("distance") ? distanceFigures(r) : adjointFigures(r));
        values.add("");
        return new SweepRow(task.index(), task.key(), values.toArray());
    }

    /** Error at the deepest accepted depth, the tightness range, bound violations (error > bound), refused depths. */
    private static List<Object> distanceFigures(ClaimResult r) {
        double error = Double.NaN;
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        long violations = 0;
        long refused = 0;
        for (Map<String, Object> row : r.rows()) {
            if (!Boolean.TRUE.equals(row.get("referenceAccepted"))) {
                refused++;
                continue;
            }
            error = number(row.get("error"));
            double t = number(row.get("tightness"));
            if (Double.isFinite(t)) {
                min = Math.min(min, t);
                max = Math.max(max, t);
            }
            if (error > number(row.get("bound"))) {
                violations++;
            }
        }
        return List.of(error, min <= max ? min : Double.NaN, min <= max ? max : Double.NaN, violations, refused);
    }

    /** Gradient error at the deepest depth, and the recovery error's rate and value there. */
    private static List<Object> adjointFigures(ClaimResult r) {
        Map<String, Object> last = r.rows().get(r.rows().size() - 1);
        RateFit recovery = r.fits().stream().filter(f -> f.quantity().equals("recoveryError")).findFirst().orElse(null);
        return List.of(number(last.get("gradientError")), recovery == null ? Double.NaN : recovery.rate(),
                number(last.get("recoveryError")));
    }

    private static double number(Object v) {
        return v instanceof Number n ? n.doubleValue() : Double.NaN;
    }
}
