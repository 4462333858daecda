package org.resnetode.assertions;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import org.assertj.core.api.AbstractAssert;
import org.assertj.core.data.Offset;
import org.resnetode.stats.RateFit;
import org.resnetode.stats.Richardson;

/**
 * Assertions on errors along a depth ladder. Every failure message carries the fit (rate, its 95% interval, the
 * depths it used, the constant c of {@code c N^-r}) and the offending points.
 */
public final class ErrorsAssert extends AbstractAssert<ErrorsAssert, Errors> {
    /** Rate below which errors "do not converge" ({@link #doesNotConverge()}). */
    public static final double STAGNATION_RATE = 0.1;
    /** Points listed as offending in a message, at most. */
    static final int LISTED = 3;

    private double floor;
    private int fromDepth = 1;

    ErrorsAssert(Errors actual) {
        super(actual, ErrorsAssert.class);
    }

    /** Drops the depths whose error is at or below {@code floor} (round-off) from every fit. */
    public ErrorsAssert aboveRoundOff(double floor) {
        this.floor = floor;
        return this;
    }

    /** Fits only depths {@code N >= depth} (the pre-asymptotic start of a ladder left out). */
    public ErrorsAssert fromDepth(int depth) {
        this.fromDepth = depth;
        return this;
    }

    /** The least-squares rate over the admissible points ({@link RateFit}); fails when fewer than 2 remain. */
    public RateFit fit() {
        isNotNull();
        try {
            return RateFit.fit("error", actual.depths(), actual.errors(), fromDepth, Integer.MAX_VALUE, floor);
        } catch (IllegalArgumentException e) {
            throw failure("Expecting errors %s to admit a rate fit, but %s", actual, e.getMessage());
        }
    }

    /** The fitted rate lies within {@code tolerance} of {@code rate}. */
    public ErrorsAssert convergesAtRate(double rate, Offset<Double> tolerance) {
        RateFit fit = fit();
        if (!(Math.abs(fit.rate() - rate) <= tolerance.value)) {
            throw failure("%nExpecting errors to converge at rate %s ± %s,%nbut %s.%nPoints furthest from the line c N^-%s "
                    + "through them (measured / line):%n%s", number(rate), number(tolerance.value), describe(fit), number(rate),
                    offending(rate));
        }
        return this;
    }

    /** Every error is at most its bound (same ladder): {@code errors[i] <= bounds[i]}. */
    public ErrorsAssert isBoundedBy(double[] bounds) {
        isNotNull();
        if (bounds.length != actual.errors().length) {
            throw failure("Expecting %d bounds, one per depth, got %d", actual.errors().length, bounds.length);
        }
        List<String> over = new ArrayList<>();
        int[] n = actual.depths();
        double[] e = actual.errors();
        for (int i = 0; i < e.length; i++) {
            if (!(e[i] <= bounds[i])) {
                over.add(String.format(Locale.ROOT, "  N=%d: error %.4g > bound %.4g (%.3g times it)", n[i], e[i], bounds[i], e[i] / bounds[i]));
            }
        }
        if (!over.isEmpty()) {
            throw failure("%nExpecting every error to be within its bound,%nbut %d of %d exceed it:%n%s%n(%s)", over.size(), e.length,
                    String.join(System.lineSeparator(), over), describeOrNot());
        }
        return this;
    }

    /** The errors do not shrink with depth: the fitted rate is below {@value #STAGNATION_RATE}. */
    public ErrorsAssert doesNotConverge() {
        RateFit fit = fit();
        if (!(fit.rate() < STAGNATION_RATE)) {
            throw failure("%nExpecting errors not to converge (rate below %s),%nbut %s.%nErrors: %s", number(STAGNATION_RATE),
                    describe(fit), actual);
        }
        return this;
    }

    /**
     * Richardson extrapolation of the leading constant c of {@code e(N) = c N^-rate + O(N^-rate-1)} on the finest pair
     * of depths N, 2N in the ladder ({@code c ≈ 2 (2N)^r e(2N) - N^r e(N)}) agrees with {@code constant} to
     * {@code tolerance} (relative to |constant|).
     */
    public ErrorsAssert agreesWithRichardson(double rate, double constant, Offset<Double> tolerance) {
        isNotNull();
        int[] n = actual.depths();
        double[] e = actual.errors();
        List<String> pairs = new ArrayList<>();
        double finest = Double.NaN;
        int finestDepth = 0;
        for (int i = 0; i < n.length; i++) {
            for (int j = 0; j < n.length; j++) {
                if (n[j] == 2 * n[i]) {
                    double c = Richardson.leadingConstant(n[i], e[i], e[j], rate);
                    pairs.add(String.format(Locale.ROOT, "  N=%d, %d: c ≈ %.6g", n[i], n[j], c));
                    if (n[i] > finestDepth) {
                        finestDepth = n[i];
                        finest = c;
                    }
                }
            }
        }
        if (pairs.isEmpty()) {
            throw failure("Expecting a pair of depths N, 2N for Richardson extrapolation in %s", actual);
        }
        if (!(Math.abs(finest - constant) <= tolerance.value * Math.abs(constant))) {
            throw failure("%nExpecting the Richardson constant (rate %s) on the finest pair N=%d, %d to be %s within %s relative,%n"
                    + "but it is %s (%.3g relative off).%nEvery pair:%n%s", number(rate), finestDepth, 2 * finestDepth, number(constant),
                    number(tolerance.value), number(finest), Math.abs(finest - constant) / Math.abs(constant), String.join(System.lineSeparator(), pairs));
        }
        return this;
    }

    /** "the fitted rate is 0.5 (95% interval [0.48, 0.52]) over N = 8..128 (5 points), error ≈ 0.3 N^-0.5". */
    static String describe(RateFit fit) {
        return String.format(Locale.ROOT, "the fitted rate is %.4g (95%% interval [%.4g, %.4g]) over N = %d..%d (%d points), error ≈ %.4g N^-%.4g",
                fit.rate(), fit.ci95Low(), fit.ci95High(), fit.depthLow(), fit.depthHigh(), fit.points(), Math.exp(fit.logConstant()), fit.rate());
    }

    private String describeOrNot() {
        try {
            return describe(RateFit.fit("error", actual.depths(), actual.errors(), fromDepth, Integer.MAX_VALUE, floor));
        } catch (IllegalArgumentException e) {
            return "no rate fit: " + e.getMessage();
        }
    }

    /**
     * The admissible points furthest from the line {@code c N^-rate} with c fitted at that rate
     * ({@code log c = mean(log e + rate log N)}), largest |log(measured / line)| first.
     */
    private String offending(double rate) {
        int[] n = actual.depths();
        double[] e = actual.errors();
        List<Integer> used = new ArrayList<>();
        double logC = 0;
        for (int i = 0; i < n.length; i++) {
            if (n[i] >= fromDepth && Double.isFinite(e[i]) && e[i] > floor) {
                used.add(i);
                logC += Math.log(e[i]) + rate * Math.log(n[i]);
            }
        }
        double c = logC / used.size();
        used.sort(Comparator.comparingDouble((Integer i) -> -Math.abs(Math.log(e[i]) + rate * Math.log(n[i]) - c)));
        List<String> lines = new ArrayList<>();
        for (int k = 0; k < Math.min(LISTED, used.size()); k++) {
            int i = used.get(k);
            double line = Math.exp(c - rate * Math.log(n[i]));
            lines.add(String.format(Locale.ROOT, "  N=%d: error %.4g, line %.4g (%.3g)", n[i], e[i], line, e[i] / line));
        }
        return String.join(System.lineSeparator(), lines);
    }

    private static String number(double v) {
        return String.format(Locale.ROOT, "%.4g", v);
    }
}
