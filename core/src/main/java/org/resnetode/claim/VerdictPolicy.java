package org.resnetode.claim;

import java.util.List;
import org.resnetode.stats.RateFit;

/**
 * The one verdict policy every claim applies. A claim states quantities (a rate, a ratio, a bound,
 * an agreement with the symbolic layer); each is judged here and the verdict is the worst of them:
 * <ul>
 *   <li>not measured (no fit, fewer than {@link #MIN_FIT_POINTS} accepted points, an interval that
 *       is not finite, NaN or infinite values, a comparison that was skipped): {@code inconclusive};</li>
 *   <li>in its band: {@code holds};</li>
 *   <li>outside its band on the side the paper does not claim, and an independent prediction explains the
 *       measured value within its tolerance: {@code finding};</li>
 *   <li>otherwise: {@code fails}.</li>
 * </ul>
 * Every judgement adds a note saying what was compared with what, so a verdict carries its reasons.
 */
public final class VerdictPolicy {
    /** A fit needs this many points for a finite 95% interval (2 points give a line but no interval). */
    public static final int MIN_FIT_POINTS = 3;

    private final List<String> notes;
    private Verdict verdict = Verdict.HOLDS;

    /** Judgements append their reasons to {@code notes}. */
    public VerdictPolicy(List<String> notes) {
        this.notes = notes;
    }

    /** The worst verdict judged so far ({@code holds} when nothing was judged against). */
    public Verdict verdict() {
        return verdict;
    }

    /** Records a verdict with its reason. */
    public Verdict record(Verdict v, String reason) {
        notes.add(v.label() + ": " + reason);
        verdict = verdict.and(v);
        return v;
    }

    /** {@code inconclusive} with the reason the claim could not be judged. */
    public Verdict inconclusive(String reason) {
        return record(Verdict.INCONCLUSIVE, reason);
    }

    /** {@code fails} with the reason. */
    public Verdict fails(String reason) {
        return record(Verdict.FAILS, reason);
    }

    /** {@code holds} when {@code condition}, otherwise {@code fails}; the statement names what was checked. */
    public Verdict check(boolean condition, String statement) {
        return record(condition ? Verdict.HOLDS : Verdict.FAILS, statement);
    }

    /**
     * True when {@code fit} can be judged: it exists, has at least {@link #MIN_FIT_POINTS} points and a finite
     * rate and interval; otherwise records {@code inconclusive} naming the quantity and returns false.
     */
    public boolean usable(String quantity, RateFit fit) {
        if (fit == null) {
            inconclusive("no rate of " + quantity + " could be fitted");
            return false;
        }
        if (fit.points() < MIN_FIT_POINTS) {
            inconclusive(String.format("the rate of %s was fitted on %d points; at least %d are needed for a 95%% interval",
                    quantity, fit.points(), MIN_FIT_POINTS));
            return false;
        }
        if (!Double.isFinite(fit.rate()) || !Double.isFinite(fit.ci95Low()) || !Double.isFinite(fit.ci95High())) {
            inconclusive(String.format("the rate of %s is %s with interval [%s, %s]", quantity, fit.rate(),
                    fit.ci95Low(), fit.ci95High()));
            return false;
        }
        return true;
    }

    /** True when {@code value} is finite; otherwise records {@code inconclusive} naming it. */
    public boolean finite(String quantity, double value) {
        if (Double.isFinite(value)) {
            return true;
        }
        inconclusive(quantity + " is " + value);
        return false;
    }

    /**
     * A stated value with its band {@code [lo, hi]}: holds inside; outside, {@code finding} only when it lies on the
     * {@code beyond} side ({@code +1} above the band, {@code -1} below, {@code 0} neither) and {@code explanation}
     * (an independent prediction, NaN when there is none) is within {@code explanationTolerance} of the value;
     * otherwise fails.
     */
    public Verdict band(String quantity, double value, double lo, double hi, int beyond, double explanation,
                        double explanationTolerance) {
        if (!finite(quantity, value)) {
            return Verdict.INCONCLUSIVE;
        }
        String measured = String.format("%s = %.4g, stated band [%.4g, %.4g]", quantity, value, lo, hi);
        if (value >= lo && value <= hi) {
            return record(Verdict.HOLDS, measured);
        }
        boolean onBeyondSide = beyond > 0 ? value > hi : beyond < 0 && value < lo;
        if (onBeyondSide && Double.isFinite(explanation) && Math.abs(value - explanation) <= explanationTolerance) {
            return record(Verdict.FINDING, String.format("%s; beyond the paper, explained by the independent prediction %.4g (within %.2g)",
                    measured, explanation, explanationTolerance));
        }
        return record(Verdict.FAILS, onBeyondSide
                ? String.format("%s; beyond the band and not explained (prediction %.4g)", measured, explanation)
                : measured + "; outside the band");
    }

    /**
     * A fitted rate judged against {@code [lo, hi]} once {@link #usable}: the point estimate inside holds; outside, when
     * the 95% interval still reaches the band the data cannot tell ({@code inconclusive}); beyond it with an explanation
     * the point estimate misses but the interval reaches, the data cannot tell either ({@code inconclusive}); otherwise
     * {@link #band} decides between {@code finding} and {@code fails}.
     */
    public Verdict rate(String quantity, RateFit fit, double lo, double hi, int beyond, double explanation,
                        double explanationTolerance) {
        if (!usable(quantity, fit)) {
            return Verdict.INCONCLUSIVE;
        }
        String name = "rate of " + quantity + " over N = " + fit.depthLow() + ".." + fit.depthHigh();
        boolean inside = fit.rate() >= lo && fit.rate() <= hi;
        if (!inside && fit.ci95Low() <= hi && fit.ci95High() >= lo) {
            return inconclusive(String.format("%s = %.4g lies outside the stated band [%.4g, %.4g] but its 95%% interval "
                    + "[%.4g, %.4g] reaches it: more depths are needed to judge", name, fit.rate(), lo, hi,
                    fit.ci95Low(), fit.ci95High()));
        }
        boolean beyondSide = beyond > 0 ? fit.rate() > hi : beyond < 0 && fit.rate() < lo;
        double explainedLow = explanation - explanationTolerance;
        double explainedHigh = explanation + explanationTolerance;
        if (beyondSide && Double.isFinite(explanation) && (fit.rate() < explainedLow || fit.rate() > explainedHigh)
                && fit.ci95Low() <= explainedHigh && fit.ci95High() >= explainedLow) {
            return inconclusive(String.format("%s = %.4g lies beyond the stated band [%.4g, %.4g] and outside the independent "
                    + "prediction %.4g ± %.2g, but its 95%% interval [%.4g, %.4g] reaches the prediction: more depths are needed "
                    + "to judge", name, fit.rate(), lo, hi, explanation, explanationTolerance, fit.ci95Low(), fit.ci95High()));
        }
        return band(String.format("%s (95%% interval [%.4g, %.4g])", name, fit.ci95Low(), fit.ci95High()), fit.rate(),
                lo, hi, beyond, explanation, explanationTolerance);
    }

    /** A fitted rate in {@code [expected - tolerance, expected + tolerance]}, explained within the same tolerance. */
    public Verdict rate(String quantity, RateFit fit, double expected, double tolerance, int beyond, double explanation) {
        return rate(quantity, fit, expected - tolerance, expected + tolerance, beyond, explanation, tolerance);
    }

    /**
     * At least {@code needed} accepted rows measured the quantity; otherwise records {@code inconclusive}
     * ({@code accepted} of {@code total} rows were accepted).
     */
    public boolean enoughRows(String quantity, int accepted, int total, int needed) {
        if (accepted >= needed) {
            return true;
        }
        inconclusive(String.format("%s: %d of %d rows accepted, at least %d needed", quantity, accepted, total, needed));
        return false;
    }
}
