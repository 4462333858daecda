package org.resnetode.claim;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.resnetode.model.FbmProfile;
import org.resnetode.model.ResidualFunction;
import org.resnetode.rough.DaviesHarte;
import org.resnetode.scheme.Scheme;
import org.resnetode.stats.RateFit;

/**
 * The memory-free adjoint on fBm weights (docs/derivations/rough.md section 8): over M independent paths, the mean of
 * the recovery error {@code max_n |x~_n - x_n|} and of the gradient's relative error against backprop, per depth; their
 * rates with 95% bootstrap intervals over paths, against the prediction: Euler 1 whatever H (each reverse step undoes
 * its forward step up to O(h²), the weights being the same), Heun {@code min(3, 1 + 2H)} (the round trip's local error
 * {@code -(h²/4) ∂_xδ δ}, δ = f(·, θ_{n+1}) - f(·, θ_n) = O(h^H), is O(h^{2+2H}) with a non-zero mean, summed over N
 * steps). Verdict per row: {@code holds} within {@value #TOLERANCE} for {@code linear} (the round trip in closed
 * form), {@code finding} for the families nonlinear in θ (a leading-order derivation), otherwise as
 * {@link VerdictPolicy#rate}.
 *
 * @param recovery {@code [scheme][depth][path][1]}
 * @param gradient {@code [scheme][depth][path][1]}
 */
public record RoughnessAdjoint(RoughnessAdjointConfig config, double[][][][] recovery, double[][][][] gradient) {
    /** Band around the predicted rate: the adjoint claim's ({@link AdjointClaim#RATE_TOLERANCE}). */
    public static final double TOLERANCE = AdjointClaim.RATE_TOLERANCE;

    /** Runs the M paths of {@code cfg} in order. */
    public static RoughnessAdjoint measure(RoughnessAdjointConfig cfg) {
        int[] depths = cfg.depths();
        List<Scheme> schemes = cfg.schemes().stream().map(Scheme::byName).toList();
        ResidualFunction f = RoughnessPaths.family(cfg.family());
        DaviesHarte sampler = cfg.end() ? null : new DaviesHarte(cfg.hurst(), cfg.grid());
        double[] mean = new double[f.parameterCount()];
        Control control = cfg.wrongReverse() ? Control.WRONG_REVERSE : Control.NONE;
        double[][][][] recovery = new double[schemes.size()][depths.length][cfg.paths()][];
        double[][][][] gradient = new double[schemes.size()][depths.length][cfg.paths()][];
        for (int p = 0; p < cfg.paths(); p++) {
            long pathSeed = RoughnessPaths.pathSeed(cfg.seed(), p);
            FbmProfile profile = cfg.end() ? FbmProfile.end(mean, cfg.amplitude(), (int) cfg.hurst(), cfg.grid(), pathSeed)
                    : new FbmProfile(mean, cfg.amplitude(), sampler, pathSeed);
            double[][][] batch = AdjointMeasurement.batch(RoughnessAdjointConfig.BATCH, 1, pathSeed);
            for (int s = 0; s < schemes.size(); s++) {
                for (int i = 0; i < depths.length; i++) {
                    AdjointMeasurement m = AdjointMeasurement.measure(f, profile, schemes.get(s), depths[i], batch[0], batch[1],
                            control);
                    recovery[s][i][p] = new double[] {m.recoveryError()};
                    gradient[s][i][p] = new double[] {m.gradientError()};
                }
            }
        }
        return new RoughnessAdjoint(cfg, recovery, gradient);
    }

    /** One result per (family, scheme, control), a row per H in the order of the configurations. */
    public static List<ClaimResult> assemble(List<RoughnessAdjoint> measured) {
        Map<String, List<Map<String, Object>>> rows = new LinkedHashMap<>();
        Map<String, List<RateFit>> fits = new LinkedHashMap<>();
        Map<String, List<String>> notes = new LinkedHashMap<>();
        Map<String, Verdict> verdicts = new LinkedHashMap<>();
        Map<String, RoughnessAdjointConfig> first = new LinkedHashMap<>();
        for (RoughnessAdjoint a : measured) {
            RoughnessAdjointConfig c = a.config();
            for (int s = 0; s < c.schemes().size(); s++) {
                String key = c.family() + "/" + c.schemes().get(s) + (c.wrongReverse() ? "/wrong-reverse" : "");
                first.putIfAbsent(key, c);
                VerdictPolicy policy = new VerdictPolicy(notes.computeIfAbsent(key, k -> new ArrayList<>()));
                rows.computeIfAbsent(key, k -> new ArrayList<>()).add(a.row(s, policy, fits.computeIfAbsent(key, k -> new ArrayList<>())));
                verdicts.merge(key, policy.verdict(), Verdict::and);
            }
        }
        List<ClaimResult> out = new ArrayList<>();
        for (String key : rows.keySet()) {
            RoughnessAdjointConfig c = first.get(key);
            Map<String, Object> config = new LinkedHashMap<>();
            config.put("family", c.family());
            config.put("scheme", key.split("/")[1]);
            config.put("depths", java.util.Arrays.stream(c.depths()).boxed().toList());
            config.put("paths", c.paths());
            config.put("batch", RoughnessAdjointConfig.BATCH);
            config.put("amplitude", c.amplitude());
            config.put("seed", c.seed());
            config.put("bootstrap", RoughnessClaim.BOOTSTRAP);
            List<String> n = new ArrayList<>(notes.get(key));
            if (c.wrongReverse()) {
                config.put("control", "wrong-reverse");
                n.add("negative control 'wrong-reverse': the reverse step runs with +h instead of -h; the claim must fail");
            }
            out.add(new ClaimResult("roughness-adjoint", config, rows.get(key), fits.get(key), verdicts.get(key), n));
        }
        return out;
    }

    private Map<String, Object> row(int s, VerdictPolicy policy, List<RateFit> fits) {
        RoughnessAdjointConfig c = config;
        String scheme = c.schemes().get(s);
        double predicted = RoughnessAdjointConfig.predictedRate(scheme, c.hurst());
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("H", c.hurst());
        row.put("weights", c.end() ? (c.hurst() == 1 ? "smooth end B = t Z" : "i.i.d. end") : "fBm");
        row.put("predicted", predicted);
        Verdict verdict = Verdict.HOLDS;
        for (String quantity : List.of("recovery", "gradient")) {
            double[][][] errors = (quantity.equals("recovery") ? recovery : gradient)[s];
            int[] depths = c.depths();
            StrongErrorRate.Interval boot = StrongErrorRate.bootstrap(depths, errors, RoughnessClaim.BOOTSTRAP, c.seed());
            row.put(quantity + "Rate", boot.rate());
            row.put(quantity + "Low", boot.low());
            row.put(quantity + "High", boot.high());
            row.put(quantity + "Last", StrongErrorRate.strongError(errors[depths.length - 1], null));
            RateFit fit = new RateFit(String.format("%s error H=%.3g", quantity, c.hurst()), boot.rate(), boot.low(), boot.high(),
                    depths[0], depths[depths.length - 1], depths.length, Double.NaN);
            fits.add(fit);
            String what = String.format("the mean %s error of the %s adjoint, %s, H = %.3g%s (predicted %.3f)", quantity, scheme,
                    c.family(), c.hurst(), c.end() ? " (end)" : "", predicted);
            Verdict v = c.family().equals("linear") ? policy.rate(what, fit, predicted, TOLERANCE, 0, Double.NaN)
                    : RoughnessClaim.conjecture(policy, what, fit, predicted, TOLERANCE, "leading-order rate (f nonlinear in θ) measured: ");
            verdict = verdict.and(v);
        }
        row.put("verdict", verdict.label());
        return row;
    }
}
