package org.resnetode.report;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.resnetode.claim.ClaimResult;

/** The tables of {@code inspect} (one per section) and the plot of the weights' increments along depth. */
public final class InspectReport {
    private InspectReport() {
    }

    public static List<Column> columns(ClaimResult r) {
        switch (r.claim()) {
            case "inspect-smoothness":
                return List.of(new Column("n", "n", "%d"), new Column("increment", "||θ_{n+1} - θ_n||", "%.4e"));
            case "inspect-distance":
                return List.of(new Column("input", "input", "%d"), new Column("error", "error ||x_N - x(T)||", "%.4e"),
                        new Column("bound", "bound", "%.4e"), new Column("tightness", "tightness", "%.3e"),
                        new Column("certified", "certified bound", "%.4e"),
                        new Column("certifiedTightness", "tightness (certified)", "%.3e"));
            case "inspect-adjoint":
                return List.of(new Column("scheme", "scheme", "%s"), new Column("N", "N", "%d"),
                        new Column("recoveryError", "max ||x~_n - x_n||", "%.4e"),
                        new Column("gradientError", "gradient rel. error", "%.4e"));
            default:
                return List.of(new Column("N", "N", "%d"), new Column("outputChange", "||x_M - x_N||", "%.4e"),
                        new Column("odeError", "||x_M - x(T)||", "%.4e"));
        }
    }

    public static String title(ClaimResult r) {
        switch (r.claim()) {
            case "inspect-smoothness":
                return "Weights along depth (" + r.config().get("class") + ")";
            case "inspect-distance":
                return "Distance to the Neural ODE of the weights";
            case "inspect-adjoint":
                return "Memory-free adjoint against backprop";
            default:
                return "The network resampled to other depths";
        }
    }

    /** {@code ||θ_{n+1} - θ_n||} against n, as PNG bytes. */
    public static byte[] incrementPlot(ClaimResult smoothness) {
        System.setProperty("java.awt.headless", "true");
        List<Map<String, Object>> rows = smoothness.rows();
        double[] n = new double[rows.size()];
        double[] inc = new double[rows.size()];
        for (int i = 0; i < rows.size(); i++) {
            n[i] = ClaimResults.num(rows.get(i).get("n"));
            inc[i] = ClaimResults.num(rows.get(i).get("increment"));
        }
        XYChart chart = new XYChartBuilder().width(900).height(500).title("Weights along depth")
                .xAxisTitle("layer n").yAxisTitle("||θ_{n+1} - θ_n||").build();
        chart.getStyler().setLegendVisible(false);
        if (n.length > 0) {
            chart.addSeries("increment", n, inc);
        }
        try {
            return BitmapEncoder.getBitmapBytes(chart, BitmapEncoder.BitmapFormat.PNG);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot draw the increments plot: " + e.getMessage(), e);
        }
    }
}
