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

    private RoughnessReport() {
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
        for (ClaimResult r : results) {
            if (r.config().get("control") != null) {
                continue;
            }
            List<Double> xs = new ArrayList<>();
            List<Double> ys = new ArrayList<>();
            List<Double> err = new ArrayList<>();
            for (Map<String, Object> row : r.rows()) {
                double rate = ClaimResults.num(row.get("rate"));
                if (Double.isFinite(rate)) {
                    xs.add(ClaimResults.num(row.get("H")));
                    ys.add(rate);
                    err.add((ClaimResults.num(row.get("ciHigh")) - ClaimResults.num(row.get("ciLow"))) / 2);
                }
            }
            if (!xs.isEmpty()) {
                XYSeries s = chart.addSeries(r.config().get("family") + "/" + r.config().get("scheme"), xs, ys, err);
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
