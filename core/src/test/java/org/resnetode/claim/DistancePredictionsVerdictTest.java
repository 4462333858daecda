package org.resnetode.claim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.resnetode.model.Constants;
import org.resnetode.model.DepthProfile;
import org.resnetode.model.DepthProfiles;
import org.resnetode.model.Families;
import org.resnetode.model.ResidualFunction;
import org.resnetode.scheme.Scheme;

/**
 * Claim D against the symbolic layer ({@link DistancePredictions#compare}), on made-up measurements whose errors come
 * from closed forms computed here: the scalar linear ResNet {@code |(1 + a/N)^N - e^a| x_0} and the θ² alternation
 * {@code (1 + 1/N)^N - e^{(N+2)/(3N)}}. Exact errors agree with the symbolic layer; errors 1% off must fail.
 */
class DistancePredictionsVerdictTest {
    private static final int[] LADDER = {64, 128, 256, 512};
    private static final Constants C = new Constants(1, 1, 1);

    private static DistanceMeasurement accepted(int n, double error) {
        return new DistanceMeasurement(n, error, 10, 1, C, 1, 1e-12, 1e-16, null);
    }

    private record Compared(List<Map<String, Object>> rows, List<String> notes, Verdict verdict) {
    }

    private static Compared compare(SweepConfig cfg, double[] x0, List<DistanceMeasurement> ms) {
        ResidualFunction f = Families.create(cfg.family(), cfg.dim(), cfg.hidden());
        DepthProfile profile = DepthProfiles.create(cfg.profile(), f, cfg.seed(), cfg.amplitude(), cfg.zeroMean());
        List<Map<String, Object>> rows = new ArrayList<>();
        for (int i = 0; i < ms.size(); i++) {
            rows.add(new LinkedHashMap<>());
        }
        List<String> notes = new ArrayList<>();
        VerdictPolicy policy = new VerdictPolicy(notes);
        DistancePredictions.compare(cfg, f, profile, Scheme.byName(cfg.scheme()), x0, ms, rows, policy);
        return new Compared(rows, notes, policy.verdict());
    }

    private static SweepConfig scalarLinear(String scheme) {
        return new SweepConfig("linear", "constant", scheme, 1, 1, LADDER, 1, 1.0, false, 64, 0);
    }

    /** The constant weight a of the scalar linear family (the profile's value, an input of the test). */
    private static double scalarWeight() {
        ResidualFunction f = Families.create("linear", 1, 1);
        double[] a = new double[f.parameterCount()];
        DepthProfiles.create("constant", f, 1, 1.0, false).layer(0, 1, a, 0);
        return a[0];
    }

    /** Euler error of x' = a x on [0, 1] from x_0, scaled by {@code factor}: {@code factor |(1 + a/N)^N - e^a| |x_0|}. */
    private static List<DistanceMeasurement> scalarErrors(double a, double x0, double factor) {
        List<DistanceMeasurement> ms = new ArrayList<>();
        for (int n : LADDER) {
            ms.add(accepted(n, factor * Math.abs(Math.pow(1 + a / n, n) - Math.exp(a)) * Math.abs(x0)));
        }
        return ms;
    }

    /**
     * {@code (1 + a h)^{1/h} = e^a (1 - (a²/2) h + (a³/3 + a⁴/8) h² - (a⁴/4 + a⁵/6 + a⁶/48) h³ + O(h⁴))}, by hand:
     * exp of {@code log(1 + a h)/h - a = -a²h/2 + a³h²/3 - a⁴h³/4 + ...} to third order.
     */
    @Test
    void exactScalarErrorsAgreeWithTheExpansionAndGetItsThreeTermPrediction() {
        double a = scalarWeight();
        assertThat(Math.abs(a)).isGreaterThan(0.01);
        double x0 = 0.8;
        Compared c = compare(scalarLinear("euler"), new double[] {x0}, scalarErrors(a, x0, 1));
        assertThat(c.verdict()).isEqualTo(Verdict.HOLDS);
        assertThat(c.notes()).anyMatch(n -> n.startsWith("holds: symbolic: error = ||e^A"));
        double p1 = -a * a / 2;
        double p2 = a * a * a / 3 + Math.pow(a, 4) / 8;
        double p3 = -(Math.pow(a, 4) / 4 + Math.pow(a, 5) / 6 + Math.pow(a, 6) / 48);
        for (int i = 0; i < LADDER.length; i++) {
            double h = 1.0 / LADDER[i];
            double predicted = Math.abs(Math.exp(a) * (p1 * h + p2 * h * h + p3 * h * h * h) * x0);
            assertThat((Double) c.rows().get(i).get("predicted")).isCloseTo(predicted, within(1e-12 * predicted));
            // and the three terms are the error itself to O(h⁴)
            double exact = Math.abs(Math.pow(1 + a * h, LADDER[i]) - Math.exp(a)) * x0;
            assertThat(predicted).isCloseTo(exact, within(Math.pow(h, 4) * 10));
        }
    }

    @Test
    void scalarErrorsOnePercentOffTheExpansionFail() {
        double a = scalarWeight();
        Compared c = compare(scalarLinear("euler"), new double[] {1}, scalarErrors(a, 1, 1.01));
        assertThat(c.verdict()).isEqualTo(Verdict.FAILS);
        // Richardson on 256, 512 gives 1.01 ||c_1||: relative gap 1e-2, ten times the agreement 1e-3
        assertThat(c.notes()).anyMatch(n -> n.startsWith("fails: symbolic: error = ||e^A") && n.contains("relative gap = 0.01000"));
        Compared slightly = compare(scalarLinear("euler"), new double[] {1}, scalarErrors(a, 1, 1.0009));
        assertThat(slightly.verdict()).isEqualTo(Verdict.HOLDS);
    }

    @Test
    void aLastErrorAtRoundOffOrASingleRowIsNotCompared() {
        double a = scalarWeight();
        List<DistanceMeasurement> ms = scalarErrors(a, 1, 1);
        ms.set(3, accepted(512, DistanceClaim.ROUND_OFF_FLOOR));
        assertThat(compare(scalarLinear("euler"), new double[] {1}, ms).verdict()).isEqualTo(Verdict.INCONCLUSIVE);
        List<DistanceMeasurement> one = List.of(accepted(64, 0.01));
        SweepConfig single = new SweepConfig("linear", "constant", "euler", 1, 1, new int[] {64}, 1, 1.0, false, 64, 0);
        assertThat(compare(single, new double[] {1}, one).verdict()).isEqualTo(Verdict.INCONCLUSIVE);
        List<DistanceMeasurement> secondLastRefused = scalarErrors(a, 1, 1);
        secondLastRefused.set(2, new DistanceMeasurement(256, 1e-3, 10, 1, C, 1, 1e-14, 1e-3, "refused"));
        assertThat(compare(scalarLinear("euler"), new double[] {1}, secondLastRefused).verdict()).isEqualTo(Verdict.INCONCLUSIVE);
    }

    /** The symbolic layer predicts the Euler ResNet only: Heun, other profiles and families are not compared. */
    @Test
    void withoutAPredictionNothingIsRecorded() {
        double a = scalarWeight();
        for (SweepConfig cfg : List.of(scalarLinear("heun"),
                new SweepConfig("linear", "fourier", "euler", 1, 1, LADDER, 1, 1.0, false, 64, 0),
                new SweepConfig("tanh", "constant", "euler", 1, 1, LADDER, 1, 1.0, false, 64, 0),
                new SweepConfig("theta2", "alternating", "euler", 1, 1, LADDER, 1, 1.0, false, 64, 0),
                new SweepConfig("theta2", "alternating", "euler", 1, 1, LADDER, 1, 2.0, true, 64, 0),
                new SweepConfig("theta2", "fourier", "euler", 1, 1, LADDER, 1, 1.0, true, 64, 0))) {
            Compared c = compare(cfg, new double[] {1}, scalarErrors(a, 1, 1.5));
            assertThat(c.notes()).as(cfg.describe().toString()).isEmpty();
            assertThat(c.rows()).allMatch(Map::isEmpty);
        }
    }

    /** θ_n = ±1, θ² x: the ResNet gives (1 + 1/N)^N, the ODE e^{(N+2)/(3N)} (MATH.md, the alternating example). */
    @Test
    void thetaSquaredAtItsClosedFormHoldsAndOnlyAcceptedRowsAreCompared() {
        SweepConfig cfg = new SweepConfig("theta2", "alternating", "euler", 1, 1, LADDER, 1, 1.0, true, 64, 0);
        List<DistanceMeasurement> ms = new ArrayList<>();
        double[] closed = new double[LADDER.length];
        for (int i = 0; i < LADDER.length; i++) {
            int n = LADDER[i];
            closed[i] = Math.pow(1 + 1.0 / n, n) - Math.exp((n + 2.0) / (3.0 * n));
            ms.add(accepted(n, closed[i]));
        }
        // a refused row far off the closed form is shown its prediction but not compared
        ms.set(0, new DistanceMeasurement(64, 5 * closed[0], 10, 1, C, 1, 1e-14, 1, "refused"));
        Compared c = compare(cfg, new double[] {1}, ms);
        assertThat(c.verdict()).isEqualTo(Verdict.HOLDS);
        assertThat(c.notes()).anyMatch(n -> n.startsWith("holds: symbolic: ResNet -> 2.718282 (Limit), ODE -> 1.395612 (Integrate)")
                && n.contains("on 3 accepted rows"));
        for (int i = 0; i < LADDER.length; i++) {
            assertThat((Double) c.rows().get(i).get("predicted")).isCloseTo(closed[i], within(1e-12));
        }
        // 0.2% off on one accepted row: relative gap 2e-3 > 1e-3
        ms.set(3, accepted(512, 1.002 * closed[3]));
        assertThat(compare(cfg, new double[] {1}, ms).verdict()).isEqualTo(Verdict.FAILS);
    }
}
