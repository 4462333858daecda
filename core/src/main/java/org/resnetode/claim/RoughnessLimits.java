package org.resnetode.claim;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.resnetode.model.FbmProfile;
import org.resnetode.model.LinearFamily;
import org.resnetode.model.Weights;
import org.resnetode.scheme.ResNet;
import org.resnetode.scheme.Scheme;
import org.resnetode.stats.RateFit;

/**
 * The paper's two ends as limit rows of the roughness map ({@link FbmProfile#end}), for {@code f = θ x} (x_0 = 1) with
 * the exact reference {@code x(1) = exp(σ ∫B)}: the strong-error rate over M paths against
 * <ul>
 *   <li>H = 1, {@code B(t) = t Z} (smooth weights): Euler 1, Heun 2 — the classical orders; Heun's jump from
 *       {@code H + 1/2 → 3/2} as H → 1- to 2 at H = 1 is the price of any roughness;</li>
 *   <li>H = 0, {@code B(k/G) = (Z_k - Z_0)/√2} (i.i.d. weights): Euler and Heun 1/2, the limits of
 *       {@code min(1, H + 1/2)} and {@code H + 1/2}: the ResNet tends to the flow of the weights' mean path
 *       ({@code ∫B = -Z_0/√2}) at the rate of the central limit theorem, and to no ODE of its own interpolated weights
 *       (the paper's "no convergence": those change with every N).</li>
 * </ul>
 * Verdict per row: {@code holds} within {@value RoughnessClaim#TOLERANCE} of the prediction, as {@link VerdictPolicy#rate}.
 * Negative control {@code decoupled}: every depth reads its own independent end path, not the reference's; must fail.
 */
public final class RoughnessLimits {
    private RoughnessLimits() {
    }

    /** The rate each scheme is predicted at each end. */
    public static double predicted(String scheme, int hurst) {
        return hurst == 0 ? 0.5 : scheme.equals("euler") ? 1 : 2;
    }

    /** Both ends, Euler and Heun, {@code paths} paths of amplitude {@code sigma} over {@code depths} (powers of two). */
    public static ClaimResult measure(int[] depths, int paths, double sigma, long seed, boolean decoupled) {
        List<String> schemes = List.of("euler", "heun");
        int grid = depths[depths.length - 1];
        LinearFamily f = new LinearFamily(1);
        List<Map<String, Object>> rows = new ArrayList<>();
        List<RateFit> fits = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        VerdictPolicy policy = new VerdictPolicy(notes);
        for (int hurst : new int[] {1, 0}) {
            double[][][][] errors = new double[schemes.size()][depths.length][paths][];
            for (int p = 0; p < paths; p++) {
                FbmProfile profile = FbmProfile.end(new double[1], sigma, hurst, grid, RoughnessPaths.pathSeed(seed, p));
                double exact = Math.exp(sigma * profile.endIntegral(0));
                for (int s = 0; s < schemes.size(); s++) {
                    Scheme scheme = Scheme.byName(schemes.get(s));
                    for (int i = 0; i < depths.length; i++) {
                        int n = depths[i];
                        FbmProfile read = decoupled ? FbmProfile.end(new double[1], sigma, hurst, grid,
                                RoughnessPaths.pathSeed(RoughnessPaths.pathSeed(seed, p), n)) : profile;
                        double[] out = new double[1];
                        new ResNet(f, scheme, Weights.sample(read, scheme.weightCount(n), n), n).forward(new double[] {1}, out);
                        errors[s][i][p] = new double[] {Math.abs(out[0] - exact)};
                    }
                }
            }
            for (int s = 0; s < schemes.size(); s++) {
                double predicted = predicted(schemes.get(s), hurst);
                StrongErrorRate.Interval boot = StrongErrorRate.bootstrap(depths, errors[s], RoughnessClaim.BOOTSTRAP, seed);
                RateFit fit = new RateFit(String.format("strong error %s H=%d", schemes.get(s), hurst), boot.rate(), boot.low(),
                        boot.high(), depths[0], grid, depths.length, Double.NaN);
                fits.add(fit);
                Map<String, Object> row = new LinkedHashMap<>();
                row.put("end", hurst == 1 ? "smooth (H = 1, B = t Z)" : "i.i.d. (H = 0)");
                row.put("scheme", schemes.get(s));
                row.put("predicted", predicted);
                row.put("rate", boot.rate());
                row.put("ciLow", boot.low());
                row.put("ciHigh", boot.high());
                row.put("errorLast", StrongErrorRate.strongError(errors[s][depths.length - 1], null));
                row.put("verdict", policy.rate(String.format("the mean strong error of linear %s at the %s end (predicted %.1f)",
                        schemes.get(s), hurst == 1 ? "smooth" : "i.i.d.", predicted), fit, predicted, RoughnessClaim.TOLERANCE, 0,
                        Double.NaN).label());
                rows.add(row);
            }
        }
        Map<String, Object> config = new LinkedHashMap<>();
        config.put("family", "linear");
        config.put("depths", java.util.Arrays.stream(depths).boxed().toList());
        config.put("paths", paths);
        config.put("amplitude", sigma);
        config.put("seed", seed);
        config.put("reference", "exact: exp(σ ∫B), ∫B = B(1)/2 at H = 1, -Z_0/√2 at H = 0");
        if (decoupled) {
            config.put("control", "decoupled");
            notes.add("negative control 'decoupled': every depth reads its own independent end path; the claim must fail");
        }
        return new ClaimResult("roughness-limits", config, rows, fits, policy.verdict(), notes);
    }
}
