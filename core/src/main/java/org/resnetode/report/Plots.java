package org.resnetode.report;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.markers.SeriesMarkers;
import org.resnetode.claim.ClaimResult;

/**
 * Log-log plots of measured quantities against depth (XChart, PNG), one series per claim run and
 * quantity, with dashed reference slopes {@code ∝ N^{-r}}, each drawn at half the value of the deepest
 * point of the series whose fitted rate is closest to r, so that rates can be read by eye.
 */
public final class Plots {
    private Plots() {
    }

    /**
     * Plots each of {@code quantities} against N for every result that {@code include} accepts;
     * {@code referenceRates} adds one dashed line {@code ∝ N^{-r}} per rate. Rows whose value is not
     * positive and finite are skipped. The PNG's bytes are returned, for the caller to write with the other outputs.
     */
    public static byte[] logLog(String png, String title, String yLabel, List<ClaimResult> results, List<String> quantities,
                              Predicate<ClaimResult> include, double... referenceRates) {
        System.setProperty("java.awt.headless", "true");
        XYChart chart = new XYChartBuilder().width(900).height(600).title(title).xAxisTitle("depth N").yAxisTitle(yLabel).build();
        chart.getStyler().setXAxisLogarithmic(true);
        chart.getStyler().setYAxisLogarithmic(true);
        chart.getStyler().setLegendPosition(org.knowm.xchart.style.Styler.LegendPosition.OutsideS);
        double minN = Double.POSITIVE_INFINITY;
        List<double[]> ends = new ArrayList<>();
        List<Double> fitted = new ArrayList<>();
        for (ClaimResult r : results) {
            if (!include.test(r)) {
                continue;
            }
            for (String quantity : quantities) {
                List<Double> xs = new ArrayList<>();
                List<Double> ys = new ArrayList<>();
                for (Map<String, Object> row : r.rows()) {
                    double v = ClaimResults.num(row.get(quantity));
                    if (v > 0 && Double.isFinite(v)) {
                        xs.add(ClaimResults.num(row.get("N")));
                        ys.add(v);
                    }
                }
                if (xs.isEmpty()) {
                    continue;
                }
                minN = Math.min(minN, xs.get(0));
                ends.add(new double[] {xs.get(xs.size() - 1), ys.get(ys.size() - 1)});
                fitted.add(r.fits().stream().filter(f -> f.quantity().equals(quantity)).mapToDouble(f -> f.rate())
                        .findFirst().orElse(Double.NaN));
                XYSeries s = chart.addSeries(label(r) + (quantities.size() > 1 ? " " + quantity : ""), xs, ys);
                s.setMarker(SeriesMarkers.CIRCLE);
            }
        }
        for (double rate : referenceRates) {
            int best = -1;
            for (int i = 0; i < fitted.size(); i++) {
                if (best < 0 || Math.abs(fitted.get(i) - rate) < Math.abs(fitted.get(best) - rate)) {
                    best = i;
                }
            }
            if (best < 0) {
                continue;
            }
            double n0 = ends.get(best)[0];
            double v0 = ends.get(best)[1] / 2;
            XYSeries ref = chart.addSeries("slope N^" + trim(-rate), new double[] {minN, n0},
                    new double[] {v0 * Math.pow(minN / n0, -rate), v0});
            ref.setMarker(SeriesMarkers.NONE);
            ref.setLineStyle(org.knowm.xchart.style.lines.SeriesLines.DASH_DASH);
            ref.setLineColor(java.awt.Color.GRAY);
        }
        try {
            return BitmapEncoder.getBitmapBytes(chart, BitmapEncoder.BitmapFormat.PNG);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot render " + png + ": " + e.getMessage(), e);
        }
    }

    private static String label(ClaimResult r) {
        Map<String, Object> c = r.config();
        return c.get("family") + "/" + c.get("profile") + (Boolean.TRUE.equals(c.get("zeroMean")) ? " (zero mean)" : "")
                + "/" + c.get("scheme");
    }

    private static String trim(double rate) {
        return rate == Math.rint(rate) ? Integer.toString((int) rate) : Double.toString(rate);
    }
}
