package org.resnetode.claim;

import org.resnetode.checks.BadInputException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.resnetode.model.DepthProfile;
import org.resnetode.model.DepthProfiles;
import org.resnetode.model.Families;
import org.resnetode.model.ResidualFunction;
import org.resnetode.model.Weights;
import org.resnetode.scheme.Scheme;
import org.resnetode.stats.RateFit;

/**
 * Claim D (MATH.md section 2): a ResNet is O(1/N) from its Neural ODE when the weights are smooth in
 * depth, the Euler bound {@code e^{L_x} (1/(2N)) (L_x M + L_θ TV)} is never violated, and with rough
 * weights the bound stays O(1) while, for f nonlinear in θ around a non-zero mean, the error does not decay.
 */
public final class DistanceClaim {
    /** Rates within this band of the scheme's order count as "the predicted rate". */
    public static final double RATE_TOLERANCE = 0.1;
    /** A rough-profile error "does not decay" when {@code e(N_max) >= NO_DECAY_RATIO · e(N_fit)}. */
    public static final double NO_DECAY_RATIO = 0.5;
    /**
     * The rate the telescoping of local errors predicts for f linear in θ on rough weights (docs/derivations/claims.md):
     * the O(h ||θ_{n+1} - θ_n||) parts of the Euler local errors sum by parts to O(h), not O(h TV).
     */
    public static final int TELESCOPING_RATE = 1;
    /** Errors at or below this (relative to ||x_0|| = 1) are round-off and kept out of fits. */
    public static final double ROUND_OFF_FLOOR = 1e-12;

    private DistanceClaim() {
    }

    /** What MATH.md section 2 leads one to expect of the error's behaviour in depth. */
    public enum Expectation {
        /** Smooth or Lipschitz profile: error ≈ c N^{-order}. */
        RATE,
        /** Rough profile, f nonlinear in θ, non-zero mean (or not odd): no decay. */
        NO_DECAY,
        /** Rough profile around zero mean with f odd in θ: first-order cancellation, the error decays. */
        DECAY,
        /** Rough profile with f linear in θ around a non-zero mean: the paper predicts nothing beyond the bound. */
        NONE
    }

    public static Expectation expectation(ResidualFunction f, DepthProfile profile, boolean zeroMean) {
        if (profile.smoothness() != DepthProfile.Smoothness.ROUGH) {
            return Expectation.RATE;
        }
        if (zeroMean && f.oddInTheta()) {
            return Expectation.DECAY;
        }
        return f.linearInTheta() ? Expectation.NONE : Expectation.NO_DECAY;
    }

    /**
     * Claim D over {@code cfg}'s ladder of depths: the distance of each network to its Neural ODE, the fitted rate and the
     * bound, judged into a verdict; {@code progress} receives one line per measured depth.
     */
    public static ClaimResult run(SweepConfig cfg, Progress progress) {
        return run(cfg, Control.NONE, progress);
    }

    /**
     * Measures every depth of the ladder and judges the claim; with a {@link Control} other than {@code NONE} the network
     * runs broken numerics (a negative control) while the claim is judged as stated for {@code cfg}.
     */
    public static ClaimResult run(SweepConfig cfg, Control control, Progress progress) {
        ResidualFunction f = Families.create(cfg.family(), cfg.dim(), cfg.hidden());
        DepthProfile profile = cfg.depthProfile(f);
        Scheme scheme = Scheme.byName(cfg.scheme());
        for (int n : cfg.depths()) {
            if (n < scheme.minimumDepth()) {
                throw new BadInputException("depth " + n + " is below the minimum " + scheme.minimumDepth()
                        + " of scheme " + scheme.name());
            }
        }
        requireRepresentableGrowth(f, profile, scheme, cfg.depths()[0]);
        int fbmGrid = control == Control.FBM_WEIGHTS ? DepthProfiles.fbmGrid(cfg.depths()) : DepthProfiles.DEFAULT_FBM_GRID;
        DepthProfile weights = control.weights(profile, f, cfg.seed(), fbmGrid);
        Scheme network = control.network(scheme);
        double[] x0 = DistanceMeasurement.unitInput(f.dim(), cfg.seed());
        List<DistanceMeasurement> ms = new ArrayList<>();
        for (int n : cfg.depths()) {
            DistanceMeasurement m = DistanceMeasurement.measure(f, Weights.sample(weights, scheme.weightCount(n), n),
                    scheme, network, n, x0, control != Control.NO_PROPAGATION);
            ms.add(m);
            progress.report(String.format("distance %s/%s/%s N=%d error=%.3e%s", cfg.family(), cfg.profile(),
                    cfg.scheme(), n, m.error(), m.accepted() ? "" : " (refused)"));
        }
        ClaimResult r = summarise(cfg, f, profile, scheme, x0, ms, weights);
        return control.mark(r);
    }

    /** Largest L_x for which {@code e^{L_x}}, the growth the ODE solution and the bound may reach, is a finite double. */
    public static final double MAX_LX = Math.log(Double.MAX_VALUE);

    /**
     * Refuses up front weights whose Lipschitz constant L_x (on the first depth of the ladder) makes {@code e^{L_x}}
     * overflow: the solution may grow like it, and every distance and bound would be infinite.
     */
    static void requireRepresentableGrowth(ResidualFunction f, DepthProfile profile, Scheme scheme, int depth) {
        double lx = f.constants(Weights.sample(profile, scheme.weightCount(depth), depth).maxNorms(f), 0).lx();
        if (!(lx <= MAX_LX)) {
            throw new BadInputException(String.format("the weights' Lipschitz constant L_x = %.3g exceeds the limit "
                    + "%.1f = ln(largest double): e^{L_x} overflows, so the ODE solution and the bound are not representable "
                    + "(use a smaller --amplitude or --dim)", lx, MAX_LX));
        }
    }

    /** Rows, rate fits, and the verdict of {@link VerdictPolicy} on every quantity the claim states. */
    static ClaimResult summarise(SweepConfig cfg, ResidualFunction f, DepthProfile profile, Scheme scheme, double[] x0,
                                 List<DistanceMeasurement> ms) {
        return summarise(cfg, f, profile, scheme, x0, ms, profile);
    }

    /**
     * As above, the network's weights read from {@code network} (the profile, or a negative control's broken weights)
     * for the audit of the bound's constants.
     */
    static ClaimResult summarise(SweepConfig cfg, ResidualFunction f, DepthProfile profile, Scheme scheme, double[] x0,
                                 List<DistanceMeasurement> ms, DepthProfile network) {
        List<Map<String, Object>> rows = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        VerdictPolicy policy = new VerdictPolicy(notes);
        boolean euler = scheme.equals(Scheme.EULER);
        int[] depths = new int[ms.size()];
        double[] errors = new double[ms.size()];
        double[] bounds = new double[ms.size()];
        int checked = 0;
        double tightest = 0;
        for (int i = 0; i < ms.size(); i++) {
            DistanceMeasurement m = ms.get(i);
            depths[i] = m.depth();
            errors[i] = m.accepted() ? m.error() : Double.NaN;
            bounds[i] = m.accepted() ? m.bound() : Double.NaN;
            rows.add(row(m));
            if (!m.accepted()) {
                policy.inconclusive("N=" + m.depth() + " refused, neither its bound nor its error is used: " + m.refusal());
            } else if (euler && !Double.isFinite(m.bound())) {
                policy.inconclusive(String.format("N=%d: the bound is refused, its certified constants L_x = %s, L_θ = %s, "
                        + "M = %s give %s", m.depth(), m.constants().lx(), m.constants().lTheta(), m.constants().m(), m.bound()));
            } else if (euler && m.error() > m.bound()) {
                policy.fails("bound violated at N=" + m.depth() + ": error " + m.error() + " > bound " + m.bound());
            } else if (euler) {
                checked++;
                tightest = Math.max(tightest, m.tightness());
            }
        }
        if (euler && policy.enoughRows("the Euler bound", checked, ms.size(), 1)) {
            policy.record(Verdict.HOLDS, String.format("the Euler bound holds on the %d accepted rows (largest tightness %.3g)",
                    checked, tightest));
        }
        int maxDepth = depths.length == 0 ? 0 : java.util.Arrays.stream(depths).max().getAsInt();
        List<RateFit> fits = new ArrayList<>();
        RateFit errorFit = Fits.tryFit("error", depths, errors, cfg.fitFrom(), maxDepth, ROUND_OFF_FLOOR, notes);
        if (errorFit != null) {
            fits.add(errorFit);
        }
        if (euler) {
            RateFit boundFit = Fits.tryFit("bound", depths, bounds, cfg.fitFrom(), maxDepth, ROUND_OFF_FLOOR, notes);
            if (boundFit != null) {
                fits.add(boundFit);
            }
        } else {
            notes.add("the bound of MATH.md section 2 is proved for the Euler scheme only: no bound column for " + scheme.name());
        }
        if (euler) {
            DistanceBoundSymbolic.compare(ms, policy);
            DistanceConstantsAudit.judge(f, network, scheme, ms, policy);
        }
        judgeCertified(ms, policy);
        judge(expectation(f, profile, cfg.zeroMean()), scheme, errorFit, depths, errors, cfg.fitFrom(), policy);
        DistancePredictions.compare(cfg, f, profile, scheme, x0, ms, rows, policy);
        return new ClaimResult("distance", cfg.describe(), rows, fits, policy.verdict(), notes);
    }

    private static Map<String, Object> row(DistanceMeasurement m) {
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("N", m.depth());
        r.put("error", m.error());
        r.put("bound", m.bound());
        r.put("tightness", m.tightness());
        r.put("certified", m.certified());
        r.put("certifiedTightness", m.certifiedTightness());
        r.put("TV", m.totalVariation());
        r.put("Lx", m.constants().lx());
        r.put("Ltheta", m.constants().lTheta());
        r.put("M", m.constants().m());
        r.put("radius", m.radius());
        r.put("odeTolerance", m.odeTolerance());
        r.put("odeSelfCheck", m.odeSelfCheck());
        r.put("referenceAccepted", m.accepted());
        return r;
    }

    /**
     * The certified a-posteriori bound (every scheme) against the accepted rows: violated where the error exceeds it by
     * more than the reference's self-check difference (the reference's own error); the median and worst tightness
     * otherwise.
     */
    static void judgeCertified(List<DistanceMeasurement> ms, VerdictPolicy policy) {
        List<Double> tightness = new ArrayList<>();
        for (DistanceMeasurement m : ms) {
            if (!m.accepted() || Double.isNaN(m.certified())) {
                continue;
            }
            if (m.error() > m.certified() + m.odeSelfCheck()) {
                policy.fails("certified bound violated at N=" + m.depth() + ": error " + m.error() + " > certified bound "
                        + m.certified());
            } else if (m.error() > 0) {
                tightness.add(m.certifiedTightness());
            }
        }
        if (!tightness.isEmpty()) {
            tightness.sort(null);
            int n = tightness.size();
            double median = n % 2 == 1 ? tightness.get(n / 2) : 0.5 * (tightness.get(n / 2 - 1) + tightness.get(n / 2));
            policy.record(Verdict.HOLDS, String.format("the certified a-posteriori bound holds on the %d accepted rows "
                    + "(tightness median %.3g, worst %.3g)", n, median, tightness.get(0)));
        }
    }

    /**
     * Judges the quantity the expectation states: the error's rate (smooth or Lipschitz weights), or the ratio
     * {@code e(N_max)/e(N_fit)} (rough weights: no decay, or decay by first-order cancellation); with rough weights and
     * f linear in θ the paper states only the Euler bound (rate 0, judged row by row too): a rate above it is a finding
     * when the telescoping prediction {@link #TELESCOPING_RATE} explains it.
     */
    private static void judge(Expectation expectation, Scheme scheme, RateFit fit, int[] depths, double[] errors,
                              int from, VerdictPolicy policy) {
        int order = scheme.tableau().order();
        int inRange = (int) java.util.stream.IntStream.range(0, depths.length)
                .filter(i -> depths[i] >= from && Double.isFinite(errors[i])).count();
        switch (expectation) {
            case RATE:
                policy.rate("error (smooth in depth, predicted " + order + ")", fit, order, RATE_TOLERANCE, +1, Double.NaN);
                return;
            case NO_DECAY:
                if (policy.enoughRows("rough weights, f nonlinear in θ: no decay", inRange, depths.length, VerdictPolicy.MIN_FIT_POINTS)) {
                    policy.band("rough weights, f nonlinear in θ, no decay: e(N_max)/e(N_fit)", decayRatio(depths, errors, from),
                            NO_DECAY_RATIO, Double.POSITIVE_INFINITY, 0, Double.NaN, 0);
                }
                return;
            case DECAY:
                if (policy.enoughRows("rough weights around zero mean, f odd in θ: decay", inRange, depths.length, VerdictPolicy.MIN_FIT_POINTS)) {
                    policy.band("rough weights around zero mean, f odd in θ, first-order cancellation: e(N_max)/e(N_fit)",
                            decayRatio(depths, errors, from), 0, NO_DECAY_RATIO, 0, Double.NaN, 0);
                }
                return;
            default:
                if (!scheme.equals(Scheme.EULER)) {
                    policy.inconclusive("rough weights, f linear in θ: the paper states only the Euler bound, nothing for "
                            + scheme.name());
                } else {
                    policy.rate("error (rough weights, f linear in θ: the paper states only the O(1) bound, rate 0; the "
                            + "telescoping of linear-in-θ local errors predicts " + TELESCOPING_RATE + ")", fit, 0, RATE_TOLERANCE,
                            +1, TELESCOPING_RATE);
                }
        }
    }

    /** {@code e(N_max) / e(N_first >= from)} over the accepted rows. */
    static double decayRatio(int[] depths, double[] errors, int from) {
        double first = Double.NaN;
        double last = Double.NaN;
        for (int i = 0; i < depths.length; i++) {
            if (depths[i] >= from && Double.isFinite(errors[i])) {
                if (Double.isNaN(first)) {
                    first = errors[i];
                }
                last = errors[i];
            }
        }
        return last / first;
    }
}
