package org.resnetode.report;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.VectorGraphicsEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.markers.SeriesMarkers;
import org.resnetode.train.linear.TrainingHistory;

/**
 * The paper's Figure 2: trained weight entries {@code A_n[i, j]} of linear ResNets against the depth time
 * {@code t_n = n/N}, one chart per depth with one curve per training time, and one chart of every depth at the final
 * training time (the curves collapse onto the limit {@code A(·, t)} when the claim holds). PNG and SVG.
 */
public final class WeightPlots {
    /** Curves per depth chart: the tracked training times are thinned to about this many. */
    public static final int TIMES_PER_CHART = 6;

    private WeightPlots() {
    }

    /**
     * Renders {@code weights-N<depth>.png/.svg} for every depth and {@code weights-depths.png/.svg}, as file bytes by
     * their path in {@code dir}, for the caller to write with its other outputs; the histories must keep their weights.
     */
    public static Map<Path, byte[]> figure2(Path dir, Map<Integer, TrainingHistory> histories, int d, int row, int col) {
        if (row < 0 || row >= d || col < 0 || col >= d) {
            throw new IllegalArgumentException("weight entry (" + row + ", " + col + ") is outside a " + d + "×" + d + " layer");
        }
        System.setProperty("java.awt.headless", "true");
        String entry = String.format(Locale.ROOT, "A_n[%d,%d]", row, col);
        Map<Path, byte[]> files = new LinkedHashMap<>();
        XYChart all = chart("Trained " + entry + " against depth, every N at the final training time", entry);
        for (Map.Entry<Integer, TrainingHistory> e : histories.entrySet()) {
            int n = e.getKey();
            TrainingHistory h = e.getValue();
            XYChart chart = chart(String.format(Locale.ROOT, "Trained %s against depth, N = %d", entry, n), entry);
            for (int k : shownTimes(h.size())) {
                addCurve(chart, String.format(Locale.ROOT, "t = %.3g", h.time(k)), h.weights(k), n, d, row, col);
            }
            files.putAll(render(chart, dir, "weights-N" + n));
            addCurve(all, String.format(Locale.ROOT, "N = %d, t = %.3g", n, h.time(h.size() - 1)), h.weights(h.size() - 1), n, d,
                    row, col);
        }
        files.putAll(render(all, dir, "weights-depths"));
        return files;
    }

    private static XYChart chart(String title, String yLabel) {
        XYChart chart = new XYChartBuilder().width(900).height(600).title(title).xAxisTitle("depth time t_n = n/N")
                .yAxisTitle(yLabel).build();
        chart.getStyler().setLegendPosition(org.knowm.xchart.style.Styler.LegendPosition.OutsideS);
        return chart;
    }

    /** Indices of the tracked times drawn: every stride-th of {@code tracked} (about {@link #TIMES_PER_CHART}) and the last. */
    static List<Integer> shownTimes(int tracked) {
        int stride = Math.max(1, (tracked - 1) / (TIMES_PER_CHART - 1));
        List<Integer> shown = new ArrayList<>();
        for (int k = 0; k < tracked; k += stride) {
            shown.add(k);
        }
        if ((tracked - 1) % stride != 0) {
            shown.add(tracked - 1);
        }
        return shown;
    }

    /** The curve {@code (t_n, A_n[row, col])}, n = 0..N-1, as {t, values}. */
    static double[][] curve(double[] weights, int depth, int d, int row, int col) {
        double[] t = new double[depth];
        double[] v = new double[depth];
        for (int n = 0; n < depth; n++) {
            t[n] = n / (double) depth;
            v[n] = weights[n * d * d + row * d + col];
        }
        return new double[][] {t, v};
    }

    /** Adds {@link #curve} as a series, with markers while the points are few enough to tell apart. */
    private static void addCurve(XYChart chart, String name, double[] weights, int depth, int d, int row, int col) {
        double[][] c = curve(weights, depth, d, row, col);
        XYSeries s = chart.addSeries(name, c[0], c[1]);
        s.setMarker(depth <= 64 ? SeriesMarkers.CIRCLE : SeriesMarkers.NONE);
    }

    /** {@code dir/name.png} and {@code dir/name.svg}, in that order. */
    private static Map<Path, byte[]> render(XYChart chart, Path dir, String name) {
        Path png = dir.resolve(name + ".png");
        Map<Path, byte[]> files = new LinkedHashMap<>();
        try {
            files.put(png, BitmapEncoder.getBitmapBytes(chart, BitmapEncoder.BitmapFormat.PNG));
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            VectorGraphicsEncoder.saveVectorGraphic(chart, bytes, VectorGraphicsEncoder.VectorGraphicsFormat.SVG);
            files.put(dir.resolve(name + ".svg"), bytes.toByteArray());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot render " + png + ": " + e.getMessage(), e);
        }
        return files;
    }
}
