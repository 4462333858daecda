package org.resnetode.claim;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.resnetode.rough.QuadratureError;
import org.resnetode.scheme.ButcherTableau;
import org.resnetode.scheme.Scheme;
import org.resnetode.stats.RateFit;

/**
 * The roughness map (MATH.md section 7): the strong-error rate of a ResNet whose weights are an fBm path of Hurst index
 * H, against the prediction {@code min(1, H + 1/2)} for tableaux whose interpolated quadrature is a one-sided sum
 * (Euler) and {@code H + 1/2} for those whose quadrature is the trapezoid rule (Heun and every tableau with
 * {@code Σ b_i c_i = 1/2}). One result per family and scheme, one row per H. Per row: the rate of the mean strong error
 * over the accepted depths, its 95% bootstrap interval over paths and Kloeden and Rosa's interval, the rate of the
 * root-mean-square error, and for {@code linear} the rate of the exact closed-form prediction of the leading term
 * (the quadrature error of ∫θ, {@link QuadratureError}) over the same depths. A depth whose reference error is not at
 * least 10 times below its measured error is refused. Verdict per row, by {@link VerdictPolicy#rate} with the
 * bootstrap interval: {@code holds} when the measured rate is within {@value #TOLERANCE} of the predicted one
 * ({@code finding} for {@code theta2}, {@code tanh} and {@code mlp}, nonlinear in θ, where the rate is a conjecture), {@code inconclusive} when it
 * is not but its interval reaches that band or fewer than 3 depths were accepted, {@code fails} otherwise.
 */
public final class RoughnessClaim {
    /** Bootstrap resamples of the paths per interval. */
    public static final int BOOTSTRAP = 1000;
    /** Band around the predicted rate a measured rate must fall in (the acceptance target). */
    public static final double TOLERANCE = 0.05;
    /** A depth is accepted when its reference error is at least this factor below its measured error. */
    public static final double REFERENCE_MARGIN = 10;

    private RoughnessClaim() {
    }

    /** Hurst index, depth and paths of the exact-prediction check against sampling. */
    public static final double PREDICTION_HURST = 0.25;
    public static final int PREDICTION_DEPTH = 64;
    public static final int PREDICTION_PATHS = 10_000;

    /** Families nonlinear in θ: their rate is Kloeden and Rosa's conjecture, so agreement with it is a finding. */
    public static final List<String> NONLINEAR_IN_THETA = List.of("theta2", "tanh", "mlp");

    /** Hurst indices of the map. */
    public static final List<Double> HURSTS = List.of(0.1, 0.25, 0.5, 0.75, 0.9);

    /** Paths per configuration of the quick map. */
    public static final int QUICK_PATHS = 400;

    /**
     * One task per configuration (its M paths) and per adjoint configuration, assembled into one result per (family,
     * scheme, control) of each, then the limit rows ({@link RoughnessLimits}) and the exact-prediction check
     * ({@link RoughnessPrediction}) as the last results, each when the sweep asks for it.
     */
    public static ClaimPlan plan(RoughnessSweep sweep, Progress progress) {
        List<Supplier<Object>> tasks = new ArrayList<>();
        long seed = sweep.seed();
        for (RoughnessConfig c : sweep.configs()) {
            tasks.add(() -> {
                RoughnessPaths r = RoughnessPaths.measure(c);
                progress.report("roughness: " + c.family() + " H = " + c.hurst() + (c.decoupled() ? " (decoupled control)" : "")
                        + ", " + c.paths() + " paths done");
                return r;
            });
        }
        for (RoughnessAdjointConfig c : sweep.adjoint()) {
            tasks.add(() -> {
                RoughnessAdjoint r = RoughnessAdjoint.measure(c);
                progress.report("roughness: adjoint " + c.family() + " H = " + c.hurst() + (c.wrongReverse() ? " (wrong-reverse control)" : "")
                        + ", " + c.paths() + " paths done");
                return r;
            });
        }
        if (sweep.limits()) {
            // the limit rows follow the forward map's negative control
            boolean decoupled = sweep.configs().stream().anyMatch(RoughnessConfig::decoupled);
            tasks.add(() -> RoughnessLimits.measure(RoughnessSweep.LIMIT_DEPTHS, QUICK_PATHS, 1, seed, decoupled));
        }
        if (sweep.prediction()) {
            tasks.add(() -> RoughnessPrediction.measure(PREDICTION_HURST, PREDICTION_DEPTH, PREDICTION_PATHS, seed));
        }
        int forward = sweep.configs().size();
        int adjoint = sweep.adjoint().size();
        return ClaimPlan.of(tasks, results -> {
            List<ClaimResult> out = new ArrayList<>(assemble(results.subList(0, forward).stream()
                    .map(RoughnessPaths.class::cast).toList()));
            out.addAll(RoughnessAdjoint.assemble(results.subList(forward, forward + adjoint).stream()
                    .map(RoughnessAdjoint.class::cast).toList()));
            for (Object extra : results.subList(forward + adjoint, results.size())) {
                out.add((ClaimResult) extra);
            }
            return out;
        });
    }

    /** One result per (family, scheme, control), rows in the order of the configurations. */
    public static List<ClaimResult> assemble(List<RoughnessPaths> measured) {
        Map<String, List<Map<String, Object>>> rows = new LinkedHashMap<>();
        Map<String, List<RateFit>> fits = new LinkedHashMap<>();
        Map<String, List<String>> notes = new LinkedHashMap<>();
        Map<String, Verdict> verdicts = new LinkedHashMap<>();
        Map<String, RoughnessConfig> first = new LinkedHashMap<>();
        for (RoughnessPaths paths : measured) {
            RoughnessConfig c = paths.config();
            for (int s = 0; s < c.schemes().size(); s++) {
                String key = c.family() + "/" + c.schemes().get(s) + (c.decoupled() ? "/decoupled" : "");
                first.putIfAbsent(key, c);
                List<String> n = notes.computeIfAbsent(key, k -> new ArrayList<>());
                VerdictPolicy policy = new VerdictPolicy(n);
                rows.computeIfAbsent(key, k -> new ArrayList<>()).add(row(paths, s, policy, fits.computeIfAbsent(key, k -> new ArrayList<>())));
                verdicts.merge(key, policy.verdict(), Verdict::and);
            }
        }
        List<ClaimResult> out = new ArrayList<>();
        for (String key : rows.keySet()) {
            RoughnessConfig c = first.get(key);
            Map<String, Object> config = new LinkedHashMap<>();
            config.put("family", c.family());
            config.put("scheme", key.split("/")[1]);
            config.put("depths", java.util.Arrays.stream(c.depths()).boxed().toList());
            config.put("paths", c.paths());
            config.put("grid", c.grid());
            config.put("reference", c.exactReference() ? "exact (x0 exp of the integral sampled with the path)"
                    : "fine grid of " + c.grid() + " steps, error from the grid of " + c.grid() / 2);
            config.put("mean", c.mean());
            config.put("amplitude", c.amplitude());
            config.put("seed", c.seed());
            config.put("bootstrap", BOOTSTRAP);
            List<String> n = new ArrayList<>(notes.get(key));
            if (c.decoupled()) {
                config.put("control", "decoupled");
                n.add("negative control 'decoupled': every depth reads its own independent fBm path, not the reference's; "
                        + "the claim must fail");
            }
            out.add(new ClaimResult("roughness", config, rows.get(key), fits.get(key), verdicts.get(key), n));
        }
        return out;
    }

    /**
     * A rate judged as a conjecture: {@link VerdictPolicy#rate} within {@code tolerance} of {@code predicted}, agreement
     * recorded as {@code finding} (with {@code because} before the reason), disagreement as judged.
     */
    static Verdict conjecture(VerdictPolicy policy, String quantity, RateFit fit, double predicted, double tolerance,
                              String because) {
        List<String> reasons = new ArrayList<>();
        Verdict judged = new VerdictPolicy(reasons).rate(quantity, fit, predicted, tolerance, 0, Double.NaN);
        String reason = String.join("; ", reasons).replaceFirst("^" + judged.label() + ": ", "");
        return policy.record(judged == Verdict.HOLDS ? Verdict.FINDING : judged, (judged == Verdict.HOLDS ? because : "") + reason);
    }

    private static Map<String, Object> row(RoughnessPaths paths, int s, VerdictPolicy policy, List<RateFit> fits) {
        RoughnessConfig c = paths.config();
        Scheme scheme = Scheme.byName(c.schemes().get(s));
        ButcherTableau t = scheme.tableau();
        int[] depths = c.depths();
        double predicted = QuadratureError.asymptoticRate(c.hurst(), t.b(), t.c());
        List<Integer> accepted = new ArrayList<>();
        double worstRatio = 0;
        double[] strong = new double[depths.length];
        for (int i = 0; i < depths.length; i++) {
            strong[i] = StrongErrorRate.strongError(paths.errors()[s][i], null);
            double ref = StrongErrorRate.strongError(paths.referenceError()[i], null);
            worstRatio = Math.max(worstRatio, ref / strong[i]);
            if (REFERENCE_MARGIN * ref <= strong[i]) {
                accepted.add(i);
            }
        }
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("H", c.hurst());
        row.put("predicted", predicted);
        row.put("acceptedDepths", accepted.size());
        row.put("referenceRatio", worstRatio);
        row.put("errorFirst", strong[0]);
        row.put("errorLast", strong[depths.length - 1]);
        String what = String.format("%s %s H = %.3g", c.family(), scheme.name(), c.hurst());
        if (accepted.size() < VerdictPolicy.MIN_FIT_POINTS) {
            policy.inconclusive(what + ": " + accepted.size() + " of " + depths.length
                    + " depths have a reference error 10x below the measured one, at least 3 are needed");
            row.put("verdict", Verdict.INCONCLUSIVE.label());
            return row;
        }
        int[] used = accepted.stream().mapToInt(i -> depths[i]).toArray();
        double[][][] errors = accepted.stream().map(i -> paths.errors()[s][i]).toArray(double[][][]::new);
        StrongErrorRate.Interval boot = StrongErrorRate.bootstrap(used, errors, BOOTSTRAP,
                c.seed() ^ Double.doubleToLongBits(c.hurst()) ^ s);
        StrongErrorRate.Interval kr = StrongErrorRate.kloedenRosa(used, errors);
        double[] rms = new double[used.length];
        for (int i = 0; i < used.length; i++) {
            rms[i] = StrongErrorRate.rmsError(errors[i]);
        }
        row.put("rate", boot.rate());
        row.put("ciLow", boot.low());
        row.put("ciHigh", boot.high());
        row.put("krLow", kr.low());
        row.put("krHigh", kr.high());
        row.put("rmsRate", StrongErrorRate.slope(used, rms));
        if (c.exactReference()) {
            double[] exact = new double[used.length];
            for (int i = 0; i < used.length; i++) {
                exact[i] = Math.sqrt(QuadratureError.meanSquare(c.hurst(), QuadratureError.tableauWeights(t.b(), t.c(), used[i])));
            }
            row.put("exactPredictionRate", StrongErrorRate.slope(used, exact));
        }
        row.put("within005", Math.abs(boot.rate() - predicted) <= 0.05 ? "yes" : "no");
        double[] published = c.family().equals("affine") && scheme.name().equals("euler") ? RoughnessKloedenRosa.at(c.hurst()) : null;
        if (published != null) {
            row.put("paperRate", published[0]);
            row.put("paperLow", published[1]);
            row.put("paperHigh", published[2]);
            row.put("overlapsPaper", kr.low() <= published[2] && published[1] <= kr.high() ? "yes" : "no");
        }
        RateFit fit = new RateFit(String.format("strong error H=%.3g", c.hurst()), boot.rate(), boot.low(), boot.high(),
                used[0], used[used.length - 1], used.length, Double.NaN);
        fits.add(fit);
        String quantity = String.format("the mean strong error of %s (predicted %.3f)", what, predicted);
        Verdict v = NONLINEAR_IN_THETA.contains(c.family())
                ? conjecture(policy, quantity, fit, predicted, TOLERANCE, "conjectured rate (f nonlinear in θ) measured: ")
                : policy.rate(quantity, fit, predicted, TOLERANCE, 0, Double.NaN);
        row.put("verdict", v.label());
        return row;
    }
}
