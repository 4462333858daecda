package org.resnetode.claim;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.resnetode.model.Gaussian;
import org.resnetode.rough.DaviesHarte;
import org.resnetode.rough.PathIntegral;
import org.resnetode.rough.QuadratureError;
import org.resnetode.scheme.ButcherTableau;

/**
 * The exact prediction against direct sampling: the root-mean-square quadrature error of ∫B^H by a tableau's weights on
 * N steps, from the closed form ({@link QuadratureError#meanSquare}, no sampling), against its estimate over M sampled
 * paths (exact paths, ∫B^H sampled with each path). Agreement within {@value #TOLERANCE} relative holds.
 */
public final class RoughnessPrediction {
    /** Relative agreement required; at M = 10^4 the estimate's own relative standard error is about 0.7%. */
    public static final double TOLERANCE = 0.02;

    private RoughnessPrediction() {
    }

    /** One row per tableau (Euler, Heun) at (H, N), estimated over {@code paths} paths from {@code seed}. */
    public static ClaimResult measure(double hurst, int steps, int paths, long seed) {
        DaviesHarte sampler = new DaviesHarte(hurst, steps);
        PathIntegral integral = new PathIntegral(hurst, steps);
        List<ButcherTableau> tableaux = List.of(ButcherTableau.EULER, ButcherTableau.HEUN);
        double[][] w = new double[tableaux.size()][];
        double[] sum = new double[tableaux.size()];
        for (int s = 0; s < w.length; s++) {
            w[s] = QuadratureError.tableauWeights(tableaux.get(s).b(), tableaux.get(s).c(), steps);
        }
        SplittableRandom rng = new SplittableRandom(seed);
        double[] z = new double[sampler.gaussianCount()];
        double[] re = new double[sampler.bufferLength()];
        double[] im = new double[sampler.bufferLength()];
        double[] b = new double[steps + 1];
        for (int p = 0; p < paths; p++) {
            for (int i = 0; i < z.length; i++) {
                z[i] = Gaussian.next(rng);
            }
            sampler.path(z, re, im, b);
            double exact = integral.integral(b, Gaussian.next(rng));
            for (int s = 0; s < w.length; s++) {
                double q = 0;
                for (int k = 0; k <= steps; k++) {
                    q += w[s][k] * b[k];
                }
                sum[s] += (q - exact) * (q - exact);
            }
        }
        List<Map<String, Object>> rows = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        VerdictPolicy policy = new VerdictPolicy(notes);
        for (int s = 0; s < w.length; s++) {
            double predicted = Math.sqrt(QuadratureError.meanSquare(hurst, w[s]));
            double sampled = Math.sqrt(sum[s] / paths);
            double relative = sampled / predicted - 1;
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("scheme", tableaux.get(s).name());
            row.put("H", hurst);
            row.put("N", steps);
            row.put("paths", paths);
            row.put("predictedRms", predicted);
            row.put("sampledRms", sampled);
            row.put("relativeDifference", relative);
            row.put("verdict", policy.check(Math.abs(relative) <= TOLERANCE, String.format(
                    "%s quadrature error of ∫B^H at H = %.3g, N = %d: closed form %.5e, %d sampled paths %.5e (%+.2f%%, tolerance %.0f%%)",
                    tableaux.get(s).name(), hurst, steps, predicted, paths, sampled, 100 * relative, 100 * TOLERANCE)).label());
            rows.add(row);
        }
        Map<String, Object> config = new LinkedHashMap<>();
        config.put("H", hurst);
        config.put("N", steps);
        config.put("paths", paths);
        config.put("seed", seed);
        return new ClaimResult("roughness-prediction", config, rows, List.of(), policy.verdict(), notes);
    }
}
