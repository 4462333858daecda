package org.resnetode.report;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.lines.SeriesLines;
import org.knowm.xchart.style.markers.SeriesMarkers;
import org.resnetode.claim.ClaimResult;

/** Tables of the roughness claim (one row per Hurst index) and its plot of rate against H with the prediction lines. */
public final class RoughnessReport {
    public static final List<Column> COLUMNS = List.of(
            new Column("H", "H", "%.3g"),
            new Column("predicted", "predicted rate", "%.3f"),
            new Column("exactPredictionRate", "exact-prediction rate", "%.3f"),
            new Column("rate", "measured rate", "%.3f"),
            new Column("ciLow", "95% low (bootstrap)", "%.3f"),
            new Column("ciHigh", "95% high (bootstrap)", "%.3f"),
            new Column("krLow", "95% low (K&R)", "%.3f"),
            new Column("krHigh", "95% high (K&R)", "%.3f"),
            new Column("rmsRate", "rms rate", "%.3f"),
            new Column("within005", "|rate - predicted| <= 0.05", "%s"),
            new Column("errorLast", "strong error at largest N", "%.3e"),
            new Column("referenceRatio", "worst reference / error", "%.2g"),
            new Column("acceptedDepths", "depths", "%d"),
            new Column("verdict", "verdict", "%s"));

    /** Kloeden and Rosa's published order and interval beside ours (family affine, Euler). */
    public static final List<Column> PAPER_COLUMNS = List.of(
            new Column("paperRate", "K&R order", "%.3f"),
            new Column("paperLow", "K&R low", "%.3f"),
            new Column("paperHigh", "K&R high", "%.3f"),
            new Column("overlapsPaper", "intervals overlap", "%s"));

    /** The exact prediction against sampling. */
    public static final List<Column> PREDICTION_COLUMNS = List.of(
            new Column("scheme", "quadrature", "%s"),
            new Column("H", "H", "%.3g"),
            new Column("N", "N", "%d"),
            new Column("paths", "paths", "%d"),
            new Column("predictedRms", "closed-form rms", "%.5e"),
            new Column("sampledRms", "sampled rms", "%.5e"),
            new Column("relativeDifference", "relative difference", "%+.4f"),
            new Column("verdict", "verdict", "%s"));

    /** The adjoint on fBm weights: recovery and gradient error rates against H. */
    public static final List<Column> ADJOINT_COLUMNS = List.of(
            new Column("H", "H", "%.3g"),
            new Column("weights", "weights", "%s"),
            new Column("predicted", "predicted rate", "%.3f"),
            new Column("recoveryRate", "recovery rate", "%.3f"),
            new Column("recoveryLow", "95% low", "%.3f"),
            new Column("recoveryHigh", "95% high", "%.3f"),
            new Column("gradientRate", "gradient rate", "%.3f"),
            new Column("gradientLow", "95% low", "%.3f"),
            new Column("gradientHigh", "95% high", "%.3f"),
            new Column("recoveryLast", "recovery error at largest N", "%.3e"),
            new Column("gradientLast", "gradient error at largest N", "%.3e"),
            new Column("verdict", "verdict", "%s"));

    /** The paper's two ends as limit rows. */
    public static final List<Column> LIMIT_COLUMNS = List.of(
            new Column("end", "end", "%s"),
            new Column("scheme", "scheme", "%s"),
            new Column("predicted", "predicted rate", "%.3f"),
            new Column("rate", "measured rate", "%.3f"),
            new Column("ciLow", "95% low (bootstrap)", "%.3f"),
            new Column("ciHigh", "95% high (bootstrap)", "%.3f"),
            new Column("errorLast", "strong error at largest N", "%.3e"),
            new Column("verdict", "verdict", "%s"));

    private RoughnessReport() {
    }

    /** The summary line of an adjoint result: the largest |measured - predicted| over its rows and both errors. */
    public static String adjointHeadline(ClaimResult r) {
        double worst = -1;
        for (Map<String, Object> row : r.rows()) {
            for (String q : List.of("recoveryRate", "gradientRate")) {
                double gap = Math.abs(ClaimResults.num(row.get(q)) - ClaimResults.num(row.get("predicted")));
                if (Double.isFinite(gap)) {
                    worst = Math.max(worst, gap);
                }
            }
        }
        return worst < 0 ? "no rate measured" : String.format(java.util.Locale.ROOT,
                "adjoint recovery and gradient rates against H = 1 (Euler) / min(3, 1+2H) (Heun): largest |measured - predicted| "
                        + "%.3f, tolerance %.2f", worst, org.resnetode.claim.RoughnessAdjoint.TOLERANCE);
    }

    public static String adjointTitle(ClaimResult r) {
        Object control = r.config().get("control");
        return "Roughness: the adjoint on fBm weights (" + r.config().get("family") + ", " + r.config().get("scheme") + ", "
                + r.config().get("paths") + " paths" + (control == null ? "" : ", control " + control) + ")";
    }

    /** The summary line of the limit rows. */
    public static String limitsHeadline(ClaimResult r) {
        StringBuilder sb = new StringBuilder("the two ends: ");
        for (Map<String, Object> row : r.rows()) {
            sb.append(String.format(java.util.Locale.ROOT, "%s%s %s %.3f (predicted %.1f)", sb.length() > 15 ? "; " : "",
                    row.get("end"), row.get("scheme"), ClaimResults.num(row.get("rate")), ClaimResults.num(row.get("predicted"))));
        }
        return sb.toString();
    }

    public static String limitsTitle(ClaimResult r) {
        return "Roughness: the paper's two ends (smooth H = 1, i.i.d. H = 0), linear, " + r.config().get("paths") + " paths";
    }

    /** {@link #COLUMNS}, with {@link #PAPER_COLUMNS} when a row carries Kloeden and Rosa's values. */
    public static List<Column> columns(ClaimResult r) {
        if (r.rows().stream().noneMatch(row -> row.containsKey("paperRate"))) {
            return COLUMNS;
        }
        List<Column> all = new ArrayList<>(COLUMNS);
        all.addAll(all.size() - 1, PAPER_COLUMNS);
        return all;
    }

    /** The summary line of a rate-against-H result: the largest |measured - predicted| rate over its H, and where. */
    public static String headline(ClaimResult r) {
        double worst = -1;
        double at = Double.NaN;
        for (Map<String, Object> row : r.rows()) {
            double gap = Math.abs(ClaimResults.num(row.get("rate")) - ClaimResults.num(row.get("predicted")));
            if (Double.isFinite(gap) && gap > worst) {
                worst = gap;
                at = ClaimResults.num(row.get("H"));
            }
        }
        return worst < 0 ? "no rate measured" : String.format(java.util.Locale.ROOT,
                "rates against H = min(1, H+1/2) / H+1/2: largest |measured - predicted| %.3f (at H = %.2g), tolerance %.2f",
                worst, at, org.resnetode.claim.RoughnessClaim.TOLERANCE);
    }

    /** The summary line of the prediction check: the largest relative difference of closed form and sampling. */
    public static String predictionHeadline(ClaimResult r) {
        double worst = r.rows().stream().mapToDouble(row -> Math.abs(ClaimResults.num(row.get("relativeDifference"))))
                .max().orElse(Double.NaN);
        return String.format(java.util.Locale.ROOT, "closed-form rms quadrature error against %s sampled paths: largest "
                + "relative difference %.4f (tolerance %.2f)", r.config().get("paths"), worst,
                org.resnetode.claim.RoughnessPrediction.TOLERANCE);
    }

    public static String predictionTitle(ClaimResult r) {
        return "Roughness: exact mean-square quadrature error of ∫B^H against " + r.config().get("paths") + " sampled paths";
    }

    public static String title(ClaimResult r) {
        Object control = r.config().get("control");
        return "Roughness: rate against H (" + r.config().get("family") + ", " + r.config().get("scheme") + ", "
                + r.config().get("paths") + " paths" + (control == null ? "" : ", control " + control) + ")";
    }

    /**
     * Measured rates with their bootstrap intervals (lower and upper ends as dotted series) against H for every result
     * without a control, and the prediction lines {@code min(1, H + 1/2)} and {@code H + 1/2}. PNG bytes.
     */
    public static byte[] plot(List<ClaimResult> results) {
        System.setProperty("java.awt.headless", "true");
        XYChart chart = new XYChartBuilder().width(900).height(600).title("Strong-error rate against the Hurst index H")
                .xAxisTitle("H").yAxisTitle("rate").build();
        chart.getStyler().setLegendPosition(org.knowm.xchart.style.Styler.LegendPosition.OutsideS);
        double[] h = {0.0, 0.5, 1.0};
        XYSeries euler = chart.addSeries("predicted min(1, H + 1/2) (Euler)", h, new double[] {0.5, 1.0, 1.0});
        euler.setMarker(SeriesMarkers.NONE);
        euler.setLineStyle(SeriesLines.DASH_DASH);
        XYSeries trapezoid = chart.addSeries("predicted H + 1/2 (Heun, trapezoid)", new double[] {0, 1}, new double[] {0.5, 1.5});
        trapezoid.setMarker(SeriesMarkers.NONE);
        trapezoid.setLineStyle(SeriesLines.DOT_DOT);
        XYSeries adjointLine = chart.addSeries("predicted min(3, 1 + 2H) (Heun adjoint)", new double[] {0, 1}, new double[] {1, 3});
        adjointLine.setMarker(SeriesMarkers.NONE);
        adjointLine.setLineStyle(SeriesLines.DASH_DOT);
        for (ClaimResult r : results) {
            if (r.config().get("control") != null || !r.claim().startsWith("roughness") || r.claim().endsWith("prediction")
                    || r.claim().endsWith("limits")) {
                continue;
            }
            String rateKey = r.claim().equals("roughness") ? "rate" : "recoveryRate";
            String lowKey = r.claim().equals("roughness") ? "ciLow" : "recoveryLow";
            String highKey = r.claim().equals("roughness") ? "ciHigh" : "recoveryHigh";
            List<Double> xs = new ArrayList<>();
            List<Double> ys = new ArrayList<>();
            List<Double> err = new ArrayList<>();
            for (Map<String, Object> row : r.rows()) {
                double rate = ClaimResults.num(row.get(rateKey));
                if (Double.isFinite(rate)) {
                    xs.add(ClaimResults.num(row.get("H")));
                    ys.add(rate);
                    err.add((ClaimResults.num(row.get(highKey)) - ClaimResults.num(row.get(lowKey))) / 2);
                }
            }
            if (!xs.isEmpty()) {
                XYSeries s = chart.addSeries((r.claim().equals("roughness") ? "" : "adjoint recovery ") + r.config().get("family") + "/"
                        + r.config().get("scheme"), xs, ys, err);
                s.setMarker(SeriesMarkers.CIRCLE);
                s.setLineStyle(SeriesLines.NONE);
            }
        }
        try {
            return BitmapEncoder.getBitmapBytes(chart, BitmapEncoder.BitmapFormat.PNG);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot render the roughness plot: " + e.getMessage(), e);
        }
    }
}
