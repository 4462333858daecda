package org.resnetode.claim;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.resnetode.model.DepthProfile;
import org.resnetode.model.DepthProfiles;
import org.resnetode.model.Families;
import org.resnetode.model.ResidualFunction;
import org.resnetode.ode.OdeReference;
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

    public static ClaimResult run(SweepConfig cfg, Progress progress) {
        ResidualFunction f = Families.create(cfg.family(), cfg.dim(), cfg.hidden());
        DepthProfile profile = DepthProfiles.create(cfg.profile(), f, cfg.seed(), cfg.amplitude(), cfg.zeroMean());
        Scheme scheme = Scheme.byName(cfg.scheme());
        for (int n : cfg.depths()) {
            if (n < scheme.minimumDepth()) {
                throw new IllegalArgumentException("depth " + n + " is below the minimum " + scheme.minimumDepth()
                        + " of scheme " + scheme.name());
            }
        }
        double[] x0 = DistanceMeasurement.unitInput(f.dim(), cfg.seed());
        List<DistanceMeasurement> ms = new ArrayList<>();
        for (int n : cfg.depths()) {
            DistanceMeasurement m = DistanceMeasurement.measure(f, profile, scheme, n, x0);
            ms.add(m);
            progress.report(String.format("distance %s/%s/%s N=%d error=%.3e", cfg.family(), cfg.profile(),
                    cfg.scheme(), n, m.error()));
        }
        return summarise(cfg, f, profile, scheme, x0, ms);
    }

    /** Rows, rate fits, the verdict on the bound and the rate, and the comparison with the symbolic layer. */
    static ClaimResult summarise(SweepConfig cfg, ResidualFunction f, DepthProfile profile, Scheme scheme, double[] x0,
                                 List<DistanceMeasurement> ms) {
        List<Map<String, Object>> rows = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        boolean euler = scheme.equals(Scheme.EULER);
        int[] depths = new int[ms.size()];
        double[] errors = new double[ms.size()];
        double[] bounds = new double[ms.size()];
        Verdict verdict = Verdict.HOLDS;
        for (int i = 0; i < ms.size(); i++) {
            DistanceMeasurement m = ms.get(i);
            depths[i] = m.depth();
            errors[i] = m.accepted() ? m.error() : Double.NaN;
            bounds[i] = m.bound();
            rows.add(row(m));
            if (!m.accepted()) {
                notes.add("N=" + m.depth() + ": the ODE reference could not be made " + (int) OdeReference.REQUIRED_MARGIN
                        + "x more accurate than the error " + m.error() + " (self-check " + m.odeSelfCheck()
                        + "); the row is not used");
            } else if (euler && m.error() > m.bound()) {
                verdict = Verdict.FAILS;
                notes.add("bound violated at N=" + m.depth() + ": error " + m.error() + " > bound " + m.bound());
            }
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
        verdict = verdict.and(judge(expectation(f, profile, cfg.zeroMean()), scheme, errorFit, depths, errors, cfg.fitFrom(), notes));
        verdict = verdict.and(DistancePredictions.compare(cfg, f, profile, scheme, x0, ms, rows, notes));
        return new ClaimResult("distance", cfg.describe(), rows, fits, verdict, notes);
    }

    private static Map<String, Object> row(DistanceMeasurement m) {
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("N", m.depth());
        r.put("error", m.error());
        r.put("bound", m.bound());
        r.put("tightness", m.tightness());
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

    /** Compares the measured behaviour of the error with the expectation; explains it in a note. */
    private static Verdict judge(Expectation expectation, Scheme scheme, RateFit fit, int[] depths, double[] errors,
                                 int from, List<String> notes) {
        if (fit == null) {
            return Verdict.FINDING;
        }
        double ratio = decayRatio(depths, errors, from);
        int order = scheme.tableau().order();
        switch (expectation) {
            case RATE:
                if (Math.abs(fit.rate() - order) <= RATE_TOLERANCE) {
                    notes.add(String.format("smooth in depth: error rate %.3f, predicted %d", fit.rate(), order));
                    return Verdict.HOLDS;
                }
                notes.add(String.format("smooth in depth: error rate %.3f differs from the predicted %d", fit.rate(), order));
                return fit.rate() > order ? Verdict.FINDING : Verdict.FAILS;
            case NO_DECAY:
                notes.add(String.format("rough weights, f nonlinear in θ: e(N_max)/e(N_fit) = %.3f (no decay means >= %.1f)",
                        ratio, NO_DECAY_RATIO));
                return ratio >= NO_DECAY_RATIO ? Verdict.HOLDS : Verdict.FINDING;
            case DECAY:
                notes.add(String.format("rough weights around zero mean, f odd in θ: first-order cancellation; "
                        + "e(N_max)/e(N_fit) = %.3f, rate %.3f", ratio, fit.rate()));
                return ratio < NO_DECAY_RATIO ? Verdict.HOLDS : Verdict.FINDING;
            default:
                notes.add(String.format("rough weights, f linear in θ: the paper predicts only the O(1) bound; "
                        + "measured e(N_max)/e(N_fit) = %.3f, rate %.3f", ratio, fit.rate()));
                return Verdict.HOLDS;
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
