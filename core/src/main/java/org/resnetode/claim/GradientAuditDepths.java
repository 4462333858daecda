package org.resnetode.claim;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.resnetode.checks.BadInputException;
import org.resnetode.claim.GradientAuditReferences.Convention;
import org.resnetode.claim.GradientAudit.Subject;
import org.resnetode.claim.GradientAuditParts.Recovery;
import org.resnetode.network.WeightKinds;
import org.resnetode.scheme.ResNet;
import org.resnetode.stats.RateFit;
import org.resnetode.train.DepthResampling;

/**
 * The audit across depth. The network is resampled to 2N and 4N ({@link DepthResampling#resample}: sample k of the
 * new network is the piecewise-linear interpolation of θ at layer position k / 2, resp. k / 4, held constant past the
 * last layer); on each, exact backprop and the tool's own adjoint give the adjoint's recovery error
 * {@code e(N) = ||g_adjoint - g_exact|| / ||g_exact||}, fitted to {@code c N^{-r}}. When the user supplies their
 * gradients for the resampled networks too, their gap to exact backprop at N, 2N and 4N is fitted the same way:
 * a gap that shrinks at the predicted rate is an adjoint's recovery error ({@code finding}), one that does not is
 * a bug ({@code fails}).
 */
final class GradientAuditDepths {
    /** Multiples of N the network is resampled to. */
    static final int[] RESAMPLING = {1, 2, 4};
    /** The user's gap shrinks at the predicted rate r_0 when its fitted rate is at least r_0 minus this. */
    static final double RATE_SLACK = 0.5;

    private GradientAuditDepths() {
    }

    /** Exact backprop of one convention at N, 2N, 4N (the network resampled), the tool's adjoint error there and its fit (null: not fitted). */
    record Ladder(Convention convention, int[] depths, double[][] exact, double[] ownErrors, RateFit fit) {
        /**
         * The rate the user's gap must reach: the smaller of the tool's measured rate and the paper's (1 for Euler,
         * 2 for a scheme of order 2 or more), since another correct recovery may be less accurate than the tool's.
         */
        double predictedRate() {
            double paper = paperRate(convention);
            return fit == null ? paper : Math.min(paper, fit.rate());
        }

        /** The fastest rate an adjoint's recovery error may shrink at: the larger of the paper's and the tool's measured rate. */
        double fastestRate() {
            double paper = paperRate(convention);
            return fit == null ? paper : Math.max(paper, fit.rate());
        }
    }

    /** The user's gradients for the network resampled to 2N and 4N. */
    record Resampled(GradientAuditInput at2N, GradientAuditInput at4N) {
        /** Reads {@code --gradients-2n} and {@code --gradients-4n}; null when neither is given. */
        static Resampled read(Path at2N, Path at4N, List<WeightKinds.Kind> kinds) {
            if (at2N == null && at4N == null) {
                return null;
            }
            if (at2N == null || at4N == null) {
                throw new BadInputException((at2N == null ? "--gradients-4n" : "--gradients-2n") + " needs "
                        + (at2N == null ? "--gradients-2n" : "--gradients-4n") + ": the gap's rate is fitted over N, 2N and 4N");
            }
            return new Resampled(GradientAuditInput.read("--gradients-2n", at2N, kinds), GradientAuditInput.read("--gradients-4n", at4N, kinds));
        }

        boolean singlePrecision() {
            return at2N.singlePrecision() || at4N.singlePrecision();
        }

        /** Whether the files hold as many layers as convention {@code c}'s network resampled to 2N and 4N. */
        boolean fits(Convention c) {
            int depth = c.net().depth();
            return at2N.layers() == c.scheme().weightCount(2 * depth) && at4N.layers() == c.scheme().weightCount(4 * depth);
        }

        /** The conventions whose resampled networks have the files' layer counts; bad input when there are none. */
        List<Convention> matching(List<Convention> conventions) {
            List<Convention> out = new ArrayList<>();
            List<String> expected = new ArrayList<>();
            for (Convention c : conventions) {
                if (fits(c)) {
                    out.add(c);
                }
                int depth = c.net().depth();
                expected.add(c.scheme().name() + " " + c.scheme().weightCount(2 * depth) + " and " + c.scheme().weightCount(4 * depth));
            }
            if (out.isEmpty()) {
                throw new BadInputException("--gradients-2n " + at2N.file() + " and --gradients-4n " + at4N.file() + ": " + at2N.layers()
                        + " and " + at4N.layers() + " layers match no convention's network resampled to 2N and 4N (layers expected: "
                        + String.join("; ", expected) + ")");
            }
            return out;
        }
    }

    /** A judgement across depth: the user's gaps at N, 2N, 4N, their fit (null: fewer than 2 above round-off), verdict and reason. */
    record Judgement(Verdict verdict, String reason, double[] gaps, RateFit fit) {
    }

    /** The tool's adjoint error against backprop, convention {@code c}, at N, 2N, 4N (network resampled), fitted. */
    static Ladder ladder(Subject s, Convention c) {
        int[] depths = new int[RESAMPLING.length];
        double[][] exact = new double[RESAMPLING.length][];
        double[] errors = new double[RESAMPLING.length];
        for (int i = 0; i < RESAMPLING.length; i++) {
            ResNet net = RESAMPLING[i] == 1 ? c.net() : DepthResampling.resample(c.net(), RESAMPLING[i] * c.net().depth());
            int count = net.weights().count();
            exact[i] = GradientAuditParts.compute(net, s.inputs(), s.batch(), s.loss().get(), Recovery.STORED, false).layers(count);
            double[] adjoint = GradientAuditParts.compute(net, s.inputs(), s.batch(), s.loss().get(), Recovery.REVERSE, false).layers(count);
            depths[i] = net.depth();
            errors[i] = GradientAuditReferences.relativeError(adjoint, exact[i]);
        }
        RateFit fit;
        try {
            fit = RateFit.fit(c.scheme().name() + " adjoint gradient error", depths, errors, 1, Integer.MAX_VALUE, 0);
        } catch (IllegalArgumentException e) {
            fit = null;
        }
        return new Ladder(c, depths, exact, errors, fit);
    }

    /**
     * The user's gradients at N ({@code atN}), 2N and 4N against the ladder's exact gradients: exact at every depth
     * ({@code holds}); exact at N only ({@code fails}: the code does not follow the resampled network); otherwise
     * the gap's rate over the depths where it is above round-off, within {@link #RATE_SLACK} of the range from
     * {@link Ladder#predictedRate} to {@link Ladder#fastestRate} and above 0 ({@code finding}: a recovery error) or not
     * ({@code fails}: a bug; a gap shrinking much faster than any adjoint's was not a recovery error at N either).
     */
    static Judgement judge(Ladder ladder, double[] atN, Resampled user, double tolerance) {
        double[][] theirs = {atN, user.at2N().data(), user.at4N().data()};
        double[] gaps = new double[RESAMPLING.length];
        boolean exactAll = true;
        for (int i = 0; i < gaps.length; i++) {
            gaps[i] = GradientAuditReferences.relativeError(theirs[i], ladder.exact()[i]);
            exactAll &= gaps[i] <= tolerance;
        }
        String scheme = ladder.convention().scheme().name();
        String listed = String.format("%.3e, %.3e, %.3e at N = %d, %d, %d", gaps[0], gaps[1], gaps[2], ladder.depths()[0],
                ladder.depths()[1], ladder.depths()[2]);
        if (exactAll) {
            return new Judgement(Verdict.HOLDS, "at 2N and 4N too the gradients are " + scheme + "'s exact gradients to round-off ("
                    + listed + ")", gaps, null);
        }
        if (gaps[0] <= tolerance) {
            return new Judgement(Verdict.FAILS, "the gradients are " + scheme + "'s exact gradient at N but not at 2N or 4N (" + listed
                    + "): the code does not follow the resampled network (a depth or step size fixed in the code?)", gaps, null);
        }
        RateFit fit;
        try {
            fit = RateFit.fit("the user's gradient gap to " + scheme + " backprop", ladder.depths(), gaps, 1, Integer.MAX_VALUE, tolerance);
        } catch (IllegalArgumentException e) {
            return new Judgement(Verdict.FAILS, "a bug: the gap to " + scheme + "'s exact gradient is at round-off at 2N and 4N but not at N ("
                    + listed + ")", gaps, null);
        }
        double predicted = ladder.predictedRate();
        double fastest = ladder.fastestRate();
        if (fit.rate() > fastest + RATE_SLACK) {
            return new Judgement(Verdict.FAILS, String.format("a bug: the gap to %s's exact gradient shrinks faster than an adjoint's "
                    + "recovery error can (%s: rate %.3g, above %.3g + %.1f): the gradients at N are not those of the code at 2N and 4N",
                    scheme, listed, fit.rate(), fastest, RATE_SLACK), gaps, fit);
        }
        if (fit.rate() >= predicted - RATE_SLACK && fit.rate() > 0) {
            return new Judgement(Verdict.FINDING, String.format("the gap to %s's exact gradient shrinks at rate %.3g (%s), at least the "
                    + "predicted %.3g - %.1f: an adjoint, correct up to its recovery error", scheme, fit.rate(), listed, predicted,
                    RATE_SLACK), gaps, fit);
        }
        return new Judgement(Verdict.FAILS, String.format("a bug: the gap to %s's exact gradient does not shrink at the adjoint's rate "
                + "(%s: rate %.3g, below the predicted %.3g - %.1f)", scheme, listed, fit.rate(), predicted, RATE_SLACK), gaps, fit);
    }

    /** The table across depth: per N, the user's gap to exact backprop and the tool's adjoint error. */
    static ClaimResult table(Map<String, Object> config, Ladder ladder, Judgement j, Verdict verdict, Resampled resampled) {
        Map<String, Object> c = new LinkedHashMap<>(config);
        c.put("gradients2N", resampled.at2N().file().toString());
        c.put("gradients4N", resampled.at4N().file().toString());
        c.put("acrossDepthConvention", ladder.convention().scheme().name());
        c.put("predictedRate", ladder.predictedRate());
        List<Map<String, Object>> rows = new ArrayList<>();
        for (int i = 0; i < ladder.depths().length; i++) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("N", ladder.depths()[i]);
            row.put("userGap", j.gaps()[i]);
            row.put("adjointError", ladder.ownErrors()[i]);
            rows.add(row);
        }
        List<RateFit> fits = new ArrayList<>();
        if (j.fit() != null) {
            fits.add(j.fit());
        }
        if (ladder.fit() != null) {
            fits.add(ladder.fit());
        }
        return new ClaimResult("gradient-audit-depths", c, rows, fits, verdict, List.of(j.reason()));
    }

    /** The paper's rate of the adjoint's recovery error: 1 for a first-order scheme, 2 otherwise. */
    static int paperRate(Convention c) {
        return c.scheme().tableau().order() > 1 ? 2 : 1;
    }
}
