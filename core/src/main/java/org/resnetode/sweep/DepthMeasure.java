package org.resnetode.sweep;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.resnetode.checks.BadInputException;
import org.resnetode.checks.Checks;
import org.resnetode.checks.Printable;
import org.resnetode.claim.AdjointClaim;
import org.resnetode.claim.ClaimResult;
import org.resnetode.claim.DistanceClaim;
import org.resnetode.claim.Ladder;
import org.resnetode.claim.Progress;
import org.resnetode.claim.SweepConfig;
import org.resnetode.model.DepthProfiles;
import org.resnetode.model.Families;
import org.resnetode.scheme.Scheme;
import org.resnetode.stats.RateFit;

/**
 * The distance and adjoint measurements over a ladder of depths ({@link SweepConfig}): a row holds the fitted rate of
 * the claim's headline quantity (the distance {@code ||x_N - x(1)||}, the adjoint's gradient error) and its headline
 * figures.
 */
final class DepthMeasure extends AbstractMeasurement {
    DepthMeasure(String claim) {
        super(claim, axesAndDefaults(claim));
    }

    /** The axes of both claims, and the adjoint's batch. */
    private static Object[] axesAndDefaults(String claim) {
        List<Object> a = new ArrayList<>(List.of(Axis.FAMILY, "linear", Axis.PROFILE, "fourier", Axis.SCHEME, "euler", Axis.DIM, 8L,
                Axis.HIDDEN, 0L, Axis.AMPLITUDE, 1.0, Axis.ZERO_MEAN, false, Axis.DEPTHS, "8:1024", Axis.SEED, 1L, Axis.FIT_FROM, 64L));
        if (claim.equals("adjoint")) {
            a.addAll(List.of(Axis.BATCH, 4L));
        }
        return a.toArray();
    }

    @Override
    public void judgeValue(Axis axis, Object value) {
        switch (axis) {
            case FAMILY -> {
                if (!Families.NAMES.contains(value)) {
                    throw new BadInputException("unknown family '" + Printable.of((String) value, 40)
                            + "' (expected one of " + Families.NAMES + ")");
                }
            }
            case PROFILE -> {
                if (!DepthProfiles.NAMES.contains(value)) {
                    throw new BadInputException("unknown profile '" + Printable.of((String) value, 40)
                            + "' (expected one of " + DepthProfiles.NAMES + ")");
                }
            }
            case SCHEME -> Scheme.byName((String) value);
            case DEPTHS -> Ladder.parse((String) value);
            default -> {
            }
        }
    }

    /** The configuration record the claims run (the hidden width 0 standing for d). */
    static SweepConfig config(SweepTask task) {
        int dim = Math.toIntExact((Long) task.value(Axis.DIM));
        int hidden = Math.toIntExact((Long) task.value(Axis.HIDDEN));
        int batch = task.claim().equals("adjoint") ? Checks.positive("axis 'batch'", Math.toIntExact((Long) task.value(Axis.BATCH))) : 0;
        return new SweepConfig((String) task.value(Axis.FAMILY), (String) task.value(Axis.PROFILE), (String) task.value(Axis.SCHEME),
                dim, hidden == 0 ? dim : hidden, Ladder.parse((String) task.value(Axis.DEPTHS)), (Long) task.value(Axis.SEED),
                (Double) task.value(Axis.AMPLITUDE), (Boolean) task.value(Axis.ZERO_MEAN),
                Math.toIntExact((Long) task.value(Axis.FIT_FROM)), batch);
    }

    @Override
    public void judge(SweepTask task) {
        SweepConfig c = config(task);
        Families.create(c.family(), c.dim(), c.hidden());
    }

    /** Distance: error at the deepest accepted depth, the tightness range, bound violations, refused depths; adjoint: the gradient and recovery errors. */
    @Override
    public List<String> figures() {
        return claim().equals("distance")
                ? List.of("error", "minTightness", "maxTightness", "boundViolationCount", "refusedDepthCount")
                : List.of("gradientError", "recoveryRate", "recoveryError");
    }

    @Override
    public List<Object> measure(SweepTask task) {
        boolean distance = claim().equals("distance");
        ClaimResult r = distance ? DistanceClaim.run(config(task), Progress.SILENT)
                : AdjointClaim.run(config(task), Progress.SILENT);
        RateFit fit = r.fits().stream().filter(f -> f.quantity().equals(distance ? "error" : "gradientError"))
                .findFirst().orElse(null);
        List<Object> values = new ArrayList<>();
        values.add(r.verdict().label());
        values.addAll(rate(fit));
        values.addAll(distance ? distanceFigures(r) : adjointFigures(r));
        values.add("");
        return values;
    }

    /** The rate, its 95% interval and its point count (NaN and 0 without a fit). */
    static List<Object> rate(RateFit fit) {
        return fit == null ? List.of(Double.NaN, Double.NaN, Double.NaN, 0L)
                : List.of(fit.rate(), fit.ci95Low(), fit.ci95High(), (long) fit.points());
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
            error = Measurement.number(row.get("error"));
            double t = Measurement.number(row.get("tightness"));
            if (Double.isFinite(t)) {
                min = Math.min(min, t);
                max = Math.max(max, t);
            }
            if (error > Measurement.number(row.get("bound"))) {
                violations++;
            }
        }
        return List.of(error, min <= max ? min : Double.NaN, min <= max ? max : Double.NaN, violations, refused);
    }

    /** Gradient error at the deepest depth, and the recovery error's rate and value there. */
    private static List<Object> adjointFigures(ClaimResult r) {
        Map<String, Object> last = r.rows().get(r.rows().size() - 1);
        RateFit recovery = r.fits().stream().filter(f -> f.quantity().equals("recoveryError")).findFirst().orElse(null);
        return List.of(Measurement.number(last.get("gradientError")), recovery == null ? Double.NaN : recovery.rate(),
                Measurement.number(last.get("recoveryError")));
    }
}
