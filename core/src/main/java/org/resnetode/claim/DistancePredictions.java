package org.resnetode.claim;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.resnetode.linalg.Gemv;
import org.resnetode.model.DepthProfile;
import org.resnetode.model.MatrixExponential;
import org.resnetode.model.Norms;
import org.resnetode.model.ResidualFunction;
import org.resnetode.ode.OdeReference;
import org.resnetode.scheme.Scheme;
import org.resnetode.stats.Richardson;
import org.resnetode.symbolic.EulerExpansion;
import org.resnetode.symbolic.MatrixPolynomial;
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

    /**
     * Judges, through {@code policy}, the agreement with the symbolic layer where it states a prediction; records
     * nothing where it has none.
     */
    static void compare(SweepConfig cfg, ResidualFunction f, DepthProfile profile, Scheme scheme, double[] x0,
                        List<DistanceMeasurement> ms, List<Map<String, Object>> rows, VerdictPolicy policy) {
        if (!scheme.equals(Scheme.EULER)) {
            return;
        }
        boolean thetaSquaredAlternation = f.name().equals("theta2") && profile.name().equals("alternating")
                && cfg.zeroMean() && cfg.amplitude() == 1;
        if (thetaSquaredAlternation) {
            thetaSquared(ms, rows, policy);
        } else if (f.name().equals("linear") && profile.name().equals("constant")) {
            double[] a = new double[f.parameterCount()];
            profile.layer(0, 1, a, 0);
            constantLinear(a, f.dim(), x0, ms, rows, policy);
        }
    }

    /** Rows get the closed form {@code (1+1/N)^N - e^{(N+2)/(3N)}}; the limit comes from Symja's Limit and Integrate. */
    private static void thetaSquared(List<DistanceMeasurement> ms, List<Map<String, Object>> rows, VerdictPolicy policy) {
        double worst = 0;
        int compared = 0;
        for (int i = 0; i < ms.size(); i++) {
            double predicted = ThetaSquaredAlternating.exactDistance(ms.get(i).depth());
            rows.get(i).put("predicted", predicted);
            if (ms.get(i).accepted()) {
                worst = Math.max(worst, Math.abs(ms.get(i).error() - predicted) / predicted);
                compared++;
            }
        }
        if (!policy.enoughRows("symbolic closed form (1+1/N)^N - e^((N+2)/(3N))", compared, ms.size(), 1)) {
            return;
        }
        agreement(String.format(Locale.ROOT, "symbolic: ResNet -> %.6f (Limit), ODE -> %.6f (Integrate), limit distance "
                        + "e - e^(1/3) = %.6f; expansion %s; measured vs closed form on %d accepted rows",
                ThetaSquaredAlternating.resnetLimit(), ThetaSquaredAlternating.odeLimit(),
                ThetaSquaredAlternating.limitDistance(), ThetaSquaredAlternating.distanceExpansion(), compared), worst, policy);
    }

    /**
     * Rows get {@code ||c_1 h + c_2 h² + c_3 h³||} with {@code c_k = e^A P_k(A) x_0}, h = 1/N. On the last two
     * depths N, 2N, Richardson extrapolation of the measured errors is compared with the same extrapolation of
     * these predictions (both estimate {@code ||c_1||} with the same O(1/N²) bias); the comparison is made only
     * where the neglected term, bounded by {@code ||c_4|| h³} relative to {@code ||c_1||}, is ten times below
     * the agreement required; otherwise (pre-asymptotic depths) the comparison is not made and the claim is inconclusive.
     */
    private static void constantLinear(double[] a, int d, double[] x0, List<DistanceMeasurement> ms,
                                       List<Map<String, Object>> rows, VerdictPolicy policy) {
        double[][] c = new double[5][];
        for (int k = 1; k <= 4; k++) {
            c[k] = expansionVector(EulerExpansion.exponentialPolynomial(k), a, d, x0);
        }
        double[] predicted = new double[ms.size()];
        for (int i = 0; i < ms.size(); i++) {
            predicted[i] = threeTerms(c, 1.0 / ms.get(i).depth());
            rows.get(i).put("predicted", predicted[i]);
        }
        int last = ms.size() - 1;
        double leading = Norms.euclidean(c[1]);
        if (last < 1 || ms.get(last).depth() != 2 * ms.get(last - 1).depth() || !ms.get(last).accepted()
                || !ms.get(last - 1).accepted() || ms.get(last).error() <= DistanceClaim.ROUND_OFF_FLOOR) {
            policy.inconclusive("symbolic leading constant ||A² e^A x_0|| / 2 not compared: the ladder does not end with "
                    + "two accepted depths N, 2N above round-off");
            return;
        }
        int n = ms.get(last - 1).depth();
        double neglected = Norms.euclidean(c[4]) / ((double) n * n * n) / leading;
        if (neglected > AGREEMENT / 10) {
            policy.inconclusive(String.format(Locale.ROOT, "symbolic leading constant ||A² e^A x_0|| / 2 = %.6e not compared "
                    + "at N = %d: the neglected O(1/N³) term (%.1e relative) is too large there", leading, n, neglected));
            return;
        }
        double measured = Richardson.leadingConstant(n, ms.get(last - 1).error(), ms.get(last).error(), 1);
        double expected = Richardson.leadingConstant(n, predicted[last - 1], predicted[last], 1);
        double gap = Math.abs(measured - expected) / leading;
        agreement(String.format(Locale.ROOT, "symbolic: error = ||e^A (P1(A)/N + P2(A)/N² + P3(A)/N³ + ...) x0|| with P1(a) = -a²/2 "
                + "from Symja's expansion of (1+ah)^(1/h); leading constant ||A² e^A x0||/2 = %.6e; Richardson on N = %d, %d "
                + "gives %.6e from the measured errors, %.6e from the expansion", leading, n, 2 * n, measured, expected), gap, policy);
    }

    /** {@code ||c_1 h + c_2 h² + c_3 h³||}. */
    private static double threeTerms(double[][] c, double h) {
        double s = 0;
        for (int k = 0; k < c[1].length; k++) {
            double v = ((c[3][k] * h + c[2][k]) * h + c[1][k]) * h;
            s += v * v;
        }
        return Math.sqrt(s);
    }

    /** {@code e^A P(A) x_0} for the polynomial {@code P(a) = Σ_j p_j a^j}, A a d×d row-major matrix. */
    private static double[] expansionVector(double[] p, double[] a, int d, double[] x0) {
        double[] out = new double[d];
        Gemv.multiply(MatrixExponential.exp(a, d), 0, d, d, MatrixPolynomial.apply(p, a, d, x0), out);
        return out;
    }

    /** The numeric and symbolic layers agree when their relative gap is at most {@link #AGREEMENT} (a NaN gap is not judged). */
    private static void agreement(String comparison, double gap, VerdictPolicy policy) {
        if (policy.finite(comparison + ": relative gap", gap)) {
            policy.band(comparison + ": relative gap", gap, 0, AGREEMENT, 0, Double.NaN, 0);
        }
    }
}
