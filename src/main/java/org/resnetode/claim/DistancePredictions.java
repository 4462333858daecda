package org.resnetode.claim;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.resnetode.model.DepthProfile;
import org.resnetode.model.ResidualFunction;
import org.resnetode.ode.OdeReference;
import org.resnetode.scheme.Scheme;
import org.resnetode.stats.Richardson;
import org.resnetode.symbolic.EulerExpansion;
import org.resnetode.symbolic.ThetaSquaredAlternating;

/**
 * Compares Claim D's measurements with the symbolic layer where it has a prediction: the θ² x example
 * with θ_n = ±1 (exact distance and its limit e - e^{1/3}) and the scalar linear ResNet with a constant
 * weight a (leading constant {@code a² e^a / 2} of the error, against Richardson on the measured errors).
 * The two layers must agree: a disagreement fails the claim.
 */
final class DistancePredictions {
    /** Measured errors are trusted to 1/{@link OdeReference#REQUIRED_MARGIN} of themselves (the reference's self-check). */
    static final double AGREEMENT = 1 / OdeReference.REQUIRED_MARGIN;

    private DistancePredictions() {
    }

    static Verdict compare(SweepConfig cfg, ResidualFunction f, DepthProfile profile, Scheme scheme, double[] x0,
                           List<DistanceMeasurement> ms, List<Map<String, Object>> rows, List<String> notes) {
        if (!scheme.equals(Scheme.EULER)) {
            return Verdict.HOLDS;
        }
        boolean thetaSquaredAlternation = f.name().equals("theta2") && profile.name().equals("alternating")
                && cfg.zeroMean() && cfg.amplitude() == 1;
        if (thetaSquaredAlternation) {
            return thetaSquared(ms, rows, notes);
        }
        if (f.name().equals("linear") && f.dim() == 1 && profile.name().equals("constant")) {
            double[] a = new double[1];
            profile.layer(0, 1, a, 0);
            return scalarLinear(a[0], Math.abs(x0[0]), ms, rows, notes);
        }
        return Verdict.HOLDS;
    }

    /** Rows get the closed form {@code (1+1/N)^N - e^{(N+2)/(3N)}}; the limit comes from Symja's Limit and Integrate. */
    private static Verdict thetaSquared(List<DistanceMeasurement> ms, List<Map<String, Object>> rows, List<String> notes) {
        double worst = 0;
        for (int i = 0; i < ms.size(); i++) {
            double predicted = ThetaSquaredAlternating.exactDistance(ms.get(i).depth());
            rows.get(i).put("predicted", predicted);
            if (ms.get(i).accepted()) {
                worst = Math.max(worst, Math.abs(ms.get(i).error() - predicted) / predicted);
            }
        }
        notes.add(String.format(Locale.ROOT, "symbolic: ResNet -> %.6f (Limit), ODE -> %.6f (Integrate), limit distance "
                        + "e - e^(1/3) = %.6f; expansion %s; measured vs closed form: largest relative gap %.2e",
                ThetaSquaredAlternating.resnetLimit(), ThetaSquaredAlternating.odeLimit(),
                ThetaSquaredAlternating.limitDistance(), ThetaSquaredAlternating.distanceExpansion(), worst));
        return agreement(worst, notes);
    }

    /** {@code |x0| |c_1/N + c_2/N²|} from the symbolic expansion of {@code (1 + a h)^{1/h}}; Richardson on the last two depths. */
    private static Verdict scalarLinear(double a, double scale, List<DistanceMeasurement> ms, List<Map<String, Object>> rows,
                                        List<String> notes) {
        double[] c = EulerExpansion.coefficients(a, 2);
        for (int i = 0; i < ms.size(); i++) {
            double h = 1.0 / ms.get(i).depth();
            rows.get(i).put("predicted", scale * Math.abs(c[1] * h + c[2] * h * h));
        }
        int last = ms.size() - 1;
        if (last < 1 || ms.get(last).depth() != 2 * ms.get(last - 1).depth() || ms.get(last).error() <= DistanceClaim.ROUND_OFF_FLOOR) {
            notes.add("symbolic leading constant a² e^a / 2 not compared: the ladder does not end with N, 2N above round-off");
            return Verdict.HOLDS;
        }
        double measured = Richardson.leadingConstant(ms.get(last - 1).depth(), ms.get(last - 1).error(), ms.get(last).error(), 1);
        double predicted = scale * EulerExpansion.leadingErrorConstant(a);
        double gap = Math.abs(measured - predicted) / predicted;
        notes.add(String.format(Locale.ROOT, "symbolic: error = |x0| |c1/N + c2/N² + ...| with |c1| = a² e^a/2 = %.6e (a = %.4f); "
                + "Richardson on N = %d, %d gives %.6e: relative gap %.2e", predicted, a, ms.get(last - 1).depth(),
                ms.get(last).depth(), measured, gap));
        return agreement(gap, notes);
    }

    private static Verdict agreement(double gap, List<String> notes) {
        if (gap <= AGREEMENT) {
            return Verdict.HOLDS;
        }
        notes.add(String.format(Locale.ROOT, "the numeric and symbolic layers disagree by %.2e (more than %.0e)", gap, AGREEMENT));
        return Verdict.FAILS;
    }
}
