package org.resnetode.claim;

import org.resnetode.checks.BadInputException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.resnetode.model.DepthProfile;
import org.resnetode.model.FbmProfile;
import org.resnetode.model.DepthProfiles;
import org.resnetode.model.Families;
import org.resnetode.model.ResidualFunction;
import org.resnetode.model.Weights;
import org.resnetode.scheme.ResNet;
import org.resnetode.scheme.Scheme;
import org.resnetode.stats.RateFit;
import org.resnetode.symbolic.RoundTrip;

/**
 * Claims A and H (MATH.md sections 4 and 5): the adjoint's recovered activations and gradient are
 * O(1/N) from backprop's with the Euler scheme whatever the weights' smoothness; with Heun the paper
 * proves O(1/N²) for weights smooth in depth and no gain for rough ones. The scalar round trip
 * {@code 1 - (h²/4)(a_{n+1} - a_n)² + h⁴ a_n² a_{n+1}²/4} predicts more for Heun: per-step O(h⁴),
 * hence O(h³) overall, when consecutive weights differ by O(h) (smooth or Lipschitz profiles).
 */
public final class AdjointClaim {
    /** Gradient relative errors for the "depth needed" table. */
    public static final double[] TARGETS = {1e-2, 1e-3, 1e-4};
    /** Errors at or below this are round-off and kept out of fits. */
    public static final double ROUND_OFF_FLOOR = 1e-13;
    /** Band around a predicted rate within which it counts as met. */
    public static final double RATE_TOLERANCE = 0.1;

    private AdjointClaim() {
    }

    /** The paper's rate for the gradient error: 1 for Euler, 2 for Heun on smooth weights, 1 for Heun on rough ones. */
    public static int paperRate(Scheme scheme, DepthProfile.Smoothness smoothness) {
        return scheme.tableau().order() == 1 || smoothness != DepthProfile.Smoothness.SMOOTH ? 1 : 2;
    }

    /**
     * The recovery rate the scalar round trip predicts, derived by the symbolic layer from the tableau
     * ({@link RoundTrip}): Euler 1; Heun 3 when consecutive weights differ by O(h) (smooth, Lipschitz), else 1.
     */
    public static synchronized int roundTripRate(Scheme scheme, DepthProfile.Smoothness smoothness) {
        boolean smooth = smoothness != DepthProfile.Smoothness.ROUGH;
        return ROUND_TRIP_RATES.computeIfAbsent(scheme.tableau().name() + smooth,
                k -> RoundTrip.predictedRecoveryOrder(scheme.tableau(), smooth));
    }

    private static final Map<String, Integer> ROUND_TRIP_RATES = new java.util.HashMap<>();

    /** Runs the sweep on the seeded batch {@link AdjointMeasurement#batch} of {@code cfg.batch()} samples. */
    public static ClaimResult run(SweepConfig cfg, Progress progress) {
        return run(cfg, AdjointMeasurement.batch(cfg.batch(), cfg.dim(), cfg.seed()), Control.NONE, progress);
    }

    /** Runs the sweep on a given batch {@code {inputs, targets}}. */
    public static ClaimResult run(SweepConfig cfg, double[][][] batch, Progress progress) {
        return run(cfg, batch, Control.NONE, progress);
    }

    /**
     * Runs the sweep on a given batch {@code {inputs, targets}}; with a {@link Control} other than {@code NONE} the weights
     * or the adjoint are broken on purpose (a negative control) while the claim is judged as stated for {@code cfg}.
     */
    public static ClaimResult run(SweepConfig cfg, double[][][] batch, Control control, Progress progress) {
        ResidualFunction f = Families.create(cfg.family(), cfg.dim(), cfg.hidden());
        DepthProfile profile = cfg.depthProfile(f);
        Scheme scheme = Scheme.byName(cfg.scheme());
        int minDepth = scheme.tableau().order() > 1 ? 2 : scheme.minimumDepth();
        for (int n : cfg.depths()) {
            if (n < minDepth) {
                throw new BadInputException("depth " + n + " is below " + minDepth + ", the smallest depth the "
                        + scheme.name() + " adjoint is measured at");
            }
        }
        DistanceClaim.requireRepresentableGrowth(f, profile, scheme, cfg.depths()[0]);
        DepthProfile weights = control.weights(profile, f, cfg.seed());
        ResidualFunction gradients = control.family(f);
        List<AdjointMeasurement> ms = new ArrayList<>();
        for (int n : cfg.depths()) {
            AdjointMeasurement m = AdjointMeasurement.measure(gradients, weights, scheme, n, batch[0], batch[1], control);
            ms.add(m);
            progress.report(String.format("adjoint %s/%s/%s N=%d recovery=%.3e gradient=%.3e", cfg.family(),
                    cfg.profile(), cfg.scheme(), n, m.recoveryError(), m.gradientError()));
        }
        // the independent route: backprop against finite differences of the loss on the smallest depth, at most FD_DEPTH
        int small = Math.max(minDepth, Math.min(FD_DEPTH, java.util.Arrays.stream(cfg.depths()).min().orElse(FD_DEPTH)));
        FiniteDifferenceCheck fd = FiniteDifferenceCheck.measure(new ResNet(gradients, scheme,
                Weights.sample(weights, scheme.weightCount(small), small), small), batch[0], batch[1], cfg.seed());
        return control.mark(summarise(cfg, profile.smoothness(), scheme, ms, fd, explanation(profile, scheme)));
    }

    /**
     * The independent prediction a rate beyond the paper's must match: the scalar round trip's rate
     * ({@link #roundTripRate}), except for Heun on fractional Brownian weights of Hurst index H, whose round-trip
     * defect -(h^2/4) d_x delta . delta with delta = O(h^H) gives min(3, 1 + 2H) (docs/derivations/rough.md section 8).
     */
    static Prediction explanation(DepthProfile profile, Scheme scheme) {
        if (profile instanceof FbmProfile fbm && "heun".equals(scheme.tableau().name())) {
            return new Prediction(RoughnessAdjointConfig.predictedRate("heun", fbm.hurst()),
                    String.format("the round trip on fBm weights, min(3, 1 + 2H) at H = %s (docs/derivations/rough.md section 8)",
                            fbm.hurst()));
        }
        return Prediction.roundTrip(scheme, profile.smoothness());
    }

    /** An independent prediction of the recovery and gradient rates, and where it comes from. */
    record Prediction(double rate, String source) {
        static Prediction roundTrip(Scheme scheme, DepthProfile.Smoothness smoothness) {
            return new Prediction(roundTripRate(scheme, smoothness), "scalar round trip (Symja, from the tableau)");
        }

        /** The rate as printed: a whole number without decimals, else four significant digits. */
        String shown() {
            return rate == Math.rint(rate) ? String.valueOf((long) rate) : String.format(java.util.Locale.ROOT, "%.4g", rate);
        }
    }

    /** The finite-difference statement is checked on a network of at most this depth (its cost is 6 loss evaluations an entry). */
    public static final int FD_DEPTH = 8;

    static ClaimResult summarise(SweepConfig cfg, DepthProfile.Smoothness smoothness, Scheme scheme,
                                 List<AdjointMeasurement> ms) {
        return summarise(cfg, smoothness, scheme, ms, null, Prediction.roundTrip(scheme, smoothness));
    }

    /**
     * The claim's verdict over the ladder's measurements and, when not null, the finite-difference statement {@code fd};
     * a rate beyond the paper's is a finding only when {@code explanation} (the independent prediction) accounts for it.
     */
    static ClaimResult summarise(SweepConfig cfg, DepthProfile.Smoothness smoothness, Scheme scheme,
                                 List<AdjointMeasurement> ms, FiniteDifferenceCheck fd, Prediction explanation) {
        int[] depths = ms.stream().mapToInt(AdjointMeasurement::depth).toArray();
        double[] recovery = ms.stream().mapToDouble(AdjointMeasurement::recoveryError).toArray();
        double[] gradient = ms.stream().mapToDouble(AdjointMeasurement::gradientError).toArray();
        List<Map<String, Object>> rows = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        VerdictPolicy policy = new VerdictPolicy(notes);
        for (AdjointMeasurement m : ms) {
            Map<String, Object> r = new LinkedHashMap<>();
            r.put("N", m.depth());
            r.put("recoveryError", m.recoveryError());
            r.put("gradientError", m.gradientError());
            r.put("gradientNorm", m.gradientNorm());
            r.put("loss", m.loss());
            r.put("backpropStored", m.backpropStored());
            r.put("adjointStored", m.adjointStored());
            rows.add(r);
            policy.finite("N=" + m.depth() + ": recovery error", m.recoveryError());
            policy.finite("N=" + m.depth() + ": gradient error", m.gradientError());
        }
        List<RateFit> fits = new ArrayList<>();
        int max = java.util.Arrays.stream(depths).max().orElse(0);
        RateFit rec = Fits.tryFit("recoveryError", depths, recovery, cfg.fitFrom(), max, ROUND_OFF_FLOOR, notes);
        RateFit grad = Fits.tryFit("gradientError", depths, gradient, cfg.fitFrom(), max, ROUND_OFF_FLOOR, notes);
        for (RateFit fit : java.util.Arrays.asList(rec, grad)) {
            if (fit != null) {
                fits.add(fit);
            }
        }
        int paper = paperRate(scheme, smoothness);
        double band = RATE_TOLERANCE;
        notes.add(String.format("%s adjoint, %s weights: paper %s %d, %s predicts %s; "
                        + "a rate above the paper's is a finding only when the round trip explains it within %.1f",
                scheme.name(), smoothness.name().toLowerCase(java.util.Locale.ROOT), paper == 1 ? "rate" : "bound, rate at least",
                paper, explanation.source(), explanation.shown(), RATE_TOLERANCE));
        policy.rate("recovery error", rec, paper - band, paper + band, +1, explanation.rate(), RATE_TOLERANCE);
        policy.rate("gradient error", grad, paper - band, paper + band, +1, explanation.rate(), RATE_TOLERANCE);
        if (fd != null) {
            policy.check(fd.agrees(), fd.statement());
        }
        return new ClaimResult("adjoint", cfg.describe(), rows, fits, policy.verdict(), notes);
    }

    /**
     * The "depth needed" table: for each adjoint result and each target of {@link #TARGETS}, the smallest
     * measured depth whose gradient relative error is below the target, and the depth
     * {@code (c/target)^{1/r}} the fitted power law {@code c N^{-r}} predicts. Judged (docs/derivations/claims.md):
     * <ul>
     *   <li>the table is consistent: where the measured crossing lies inside the fit range, the fitted depth lies within one
     *       ladder ratio of it ({@code N_prev / ρ < N_fit <= ρ N_m}); where no depth of the ladder reached the target, the
     *       fitted depth lies beyond {@code N_max / ρ};</li>
     *   <li>Claim H in depth terms: on smooth weights, Heun needs a smaller depth than Euler for every target (measured
     *       depths where both reached it, fitted ones otherwise).</li>
     * </ul>
     */
    public static ClaimResult depthNeeded(List<ClaimResult> adjointResults) {
        List<Map<String, Object>> rows = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        VerdictPolicy policy = new VerdictPolicy(notes);
        Map<String, double[]> neededByScheme = new LinkedHashMap<>();
        for (ClaimResult r : adjointResults) {
            RateFit fit = r.fits().stream().filter(f -> f.quantity().equals("gradientError")).findFirst().orElse(null);
            String name = r.config().get("scheme") + "/" + r.config().get("profile");
            int[] ladder = r.rows().stream().mapToInt(m -> ((Number) m.get("N")).intValue()).sorted().toArray();
            if (!policy.usable("gradient error (" + name + ") for the depth-needed table", fit)) {
                continue;
            }
            int fitFrom = ((Number) r.config().getOrDefault("fitFrom", ladder[0])).intValue();
            double[] needed = new double[TARGETS.length];
            for (int t = 0; t < TARGETS.length; t++) {
                double target = TARGETS[t];
                Integer measured = r.rows().stream()
                        .filter(m -> ((Number) m.get("gradientError")).doubleValue() < target)
                        .map(m -> ((Number) m.get("N")).intValue()).min(Integer::compare).orElse(null);
                double fitted = Math.ceil(Math.pow(Math.exp(fit.logConstant()) / target, 1 / fit.rate()));
                Map<String, Object> row = new LinkedHashMap<>();
                row.put("scheme", r.config().get("scheme"));
                row.put("profile", r.config().get("profile"));
                row.put("family", r.config().get("family"));
                row.put("target", target);
                row.put("measuredDepth", measured);
                row.put("fittedDepth", fitted);
                rows.add(row);
                consistent(policy, name, target, ladder, fitFrom, measured, fitted);
                needed[t] = measured != null ? measured : fitted;
            }
            if (smooth(r)) {
                neededByScheme.put(r.config().get("scheme") + "/" + r.config().get("profile"), needed);
            }
        }
        heunBeforeEuler(policy, neededByScheme);
        Map<String, Object> config = new LinkedHashMap<>();
        config.put("targets", java.util.Arrays.stream(TARGETS).boxed().toList());
        config.put("ladderRatio", LADDER_RATIO);
        notes.add("measuredDepth is the smallest depth of the ladder below the target (empty when no depth of the ladder reached it); "
                + "fittedDepth solves c N^{-r} = target with the fitted rate over the fit range");
        return new ClaimResult("adjoint-depth-needed", config, rows, List.of(), policy.verdict(), notes);
    }

    /** The ladders are geometric with this ratio (DepthLadder doubles): the resolution of a measured crossing. */
    public static final double LADDER_RATIO = 2;

    /** The fitted law agrees with the measured crossing to within one ladder ratio (see {@link #depthNeeded}). */
    private static void consistent(VerdictPolicy policy, String name, double target, int[] ladder, int fitFrom, Integer measured,
                                   double fitted) {
        int largest = ladder[ladder.length - 1];
        if (measured == null) {
            policy.check(fitted > largest / LADDER_RATIO, String.format(java.util.Locale.ROOT, "%s, target %.0e: no depth up to "
                    + "N = %d reached it, and the fitted law puts it at N = %.4g, beyond N_max / %.0f", name, target, largest,
                    fitted, LADDER_RATIO));
        } else if (measured > fitFrom) {
            int previous = java.util.Arrays.stream(ladder).filter(n -> n < measured).max().orElse(measured);
            policy.check(fitted > previous / LADDER_RATIO && fitted <= LADDER_RATIO * measured, String.format(java.util.Locale.ROOT,
                    "%s, target %.0e: measured crossing in (%d, %d], fitted depth %.4g within one ladder ratio %.0f of it",
                    name, target, previous, measured, fitted, LADDER_RATIO));
        }
    }

    /** True for a result on weights smooth in depth (the paper's Claim H hypothesis). */
    private static boolean smooth(ClaimResult r) {
        // the class depends on the profile's kind only; a config without dimension, seed or amplitude gets unit ones
        Map<String, Object> c = r.config();
        int dim = ((Number) c.getOrDefault("dim", 1)).intValue();
        ResidualFunction f = Families.create((String) c.getOrDefault("family", "linear"), dim,
                ((Number) c.getOrDefault("hidden", dim)).intValue());
        return DepthProfiles.create((String) c.get("profile"), f, ((Number) c.getOrDefault("seed", 1)).longValue(),
                ((Number) c.getOrDefault("amplitude", 1.0)).doubleValue(), Boolean.TRUE.equals(c.get("zeroMean"))).smoothness()
                == DepthProfile.Smoothness.SMOOTH;
    }

    /** Claim H in depth terms: on each smooth profile measured with both schemes, Heun needs a smaller depth for every target. */
    private static void heunBeforeEuler(VerdictPolicy policy, Map<String, double[]> neededByScheme) {
        for (Map.Entry<String, double[]> heun : neededByScheme.entrySet()) {
            if (!heun.getKey().startsWith("heun/")) {
                continue;
            }
            String profile = heun.getKey().substring("heun/".length());
            double[] euler = neededByScheme.get("euler/" + profile);
            if (euler == null) {
                continue;
            }
            for (int t = 0; t < TARGETS.length; t++) {
                policy.check(heun.getValue()[t] < euler[t], String.format(java.util.Locale.ROOT, "smooth weights (%s), target %.0e: "
                        + "Heun needs N = %.4g, Euler N = %.4g", profile, TARGETS[t], heun.getValue()[t], euler[t]));
            }
        }
    }
}
