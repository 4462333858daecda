package org.resnetode.claim;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.resnetode.model.Dense;
import org.resnetode.model.DepthProfile;
import org.resnetode.model.MatrixExponential;
import org.resnetode.model.Norms;
import org.resnetode.model.ResidualFunction;
import org.resnetode.ode.OdeReference;
import org.resnetode.scheme.Scheme;
import org.resnetode.stats.Richardson;
import org.resnetode.symbolic.EulerExpansion;
import org.resnetode.symbolic.ThetaSquaredAlternating;

/**
 * Compares Claim D's measurements with the symbolic layer where it has a prediction: the θ² x example
 * with θ_n = ±1 (exact distance and its limit e - e^{1/3}) and the linear ResNet with a constant matrix
 * A, scalar or not: Symja's expansion {@code (1 + a h)^{1/h} = e^a (1 + P_1(a) h + P_2(a) h² + ...)},
 * {@code P_1(a) = -a²/2}, holds for A since all functions of one matrix commute, so the error vector is
 * {@code e^A (P_1(A) h + P_2(A) h² + ...) x_0} and its leading constant {@code ||A² e^A x_0|| / 2} is
 * compared with Richardson on the measured errors. The two layers must agree: a disagreement fails the claim.
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
        if (f.name().equals("linear") && profile.name().equals("constant")) {
            double[] a = new double[f.parameterCount()];
            profile.layer(0, 1, a, 0);
            return constantLinear(a, f.dim(), x0, ms, rows, notes);
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

    /**
     * Rows get {@code ||c_1/N + c_2/N²||} with {@code c_k = e^A P_k(A) x_0}; the leading constant {@code ||c_1||}
     * is compared with Richardson on the last two depths.
     */
    private static Verdict constantLinear(double[] a, int d, double[] x0, List<DistanceMeasurement> ms,
                                          List<Map<String, Object>> rows, List<String> notes) {
        double[] c1 = expansionVector(EulerExpansion.exponentialPolynomial(1), a, d, x0);
        double[] c2 = expansionVector(EulerExpansion.exponentialPolynomial(2), a, d, x0);
        for (int i = 0; i < ms.size(); i++) {
            double h = 1.0 / ms.get(i).depth();
            double s = 0;
            for (int k = 0; k < d; k++) {
                double v = c1[k] * h + c2[k] * h * h;
                s += v * v;
            }
            rows.get(i).put("predicted", Math.sqrt(s));
        }
        int last = ms.size() - 1;
        if (last < 1 || ms.get(last).depth() != 2 * ms.get(last - 1).depth() || ms.get(last).error() <= DistanceClaim.ROUND_OFF_FLOOR) {
            notes.add("symbolic leading constant ||A² e^A x_0|| / 2 not compared: the ladder does not end with N, 2N above round-off");
            return Verdict.HOLDS;
        }
        double measured = Richardson.leadingConstant(ms.get(last - 1).depth(), ms.get(last - 1).error(), ms.get(last).error(), 1);
        double predicted = Norms.euclidean(c1);
        double gap = Math.abs(measured - predicted) / predicted;
        notes.add(String.format(Locale.ROOT, "symbolic: error = ||e^A (P1(A)/N + P2(A)/N² + ...) x0|| with P1(a) = -a²/2 from "
                + "Symja's expansion of (1+ah)^(1/h); leading constant ||A² e^A x0||/2 = %.6e; Richardson on N = %d, %d "
                + "gives %.6e: relative gap %.2e", predicted, ms.get(last - 1).depth(), ms.get(last).depth(), measured, gap));
        return agreement(gap, notes);
    }

    /** {@code e^A P(A) x_0} for the polynomial {@code P(a) = Σ_j p_j a^j}, A a d×d row-major matrix. */
    private static double[] expansionVector(double[] p, double[] a, int d, double[] x0) {
        double[] power = x0.clone();
        double[] sum = new double[d];
        double[] next = new double[d];
        for (int j = 0; j < p.length; j++) {
            for (int k = 0; k < d; k++) {
                sum[k] += p[j] * power[k];
            }
            Dense.multiply(a, 0, d, d, power, next);
            System.arraycopy(next, 0, power, 0, d);
        }
        double[] out = new double[d];
        Dense.multiply(MatrixExponential.exp(a, d), 0, d, d, sum, out);
        return out;
    }

    private static Verdict agreement(double gap, List<String> notes) {
        if (gap <= AGREEMENT) {
            return Verdict.HOLDS;
        }
        notes.add(String.format(Locale.ROOT, "the numeric and symbolic layers disagree by %.2e (more than %.0e)", gap, AGREEMENT));
        return Verdict.FAILS;
    }
}
