package org.resnetode.claim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.resnetode.model.Constants;

/** The Java Euler bound against the symbolic layer's Claim D expression, row by row. */
class DistanceBoundSymbolicTest {
    private static DistanceMeasurement accepted(int n, Constants c, double tv) {
        return new DistanceMeasurement(n, 1e-3, DistanceMeasurement.eulerBound(c, tv, n), tv, c, 1, 1e-12, 1e-16, null);
    }

    private static List<String> run(List<DistanceMeasurement> ms, DistanceBoundSymbolic.JavaBound bound, List<Verdict> out) {
        List<String> notes = new ArrayList<>();
        VerdictPolicy policy = new VerdictPolicy(notes);
        DistanceBoundSymbolic.compare(ms, bound, policy);
        out.add(policy.verdict());
        return notes;
    }

    @Test
    void symjaEvaluatesTheBoundAtExactRationals() {
        // e^{1/2} / 14 (1/2 · 2 + 3 · 5/4) = e^{1/2} · 19/56, by hand
        assertThat(DistanceBoundSymbolic.evaluate(new Constants(0.5, 3, 2), 1.25, 7))
                .isCloseTo(Math.exp(0.5) * 19 / 56, within(1e-15));
        // L_x = 0: 1/(2N) L_θ TV
        assertThat(DistanceBoundSymbolic.evaluate(new Constants(0, 4, 7), 0.5, 8)).isCloseTo(0.125, within(1e-16));
    }

    @Test
    void theJavaFormulaAgreesOnEveryAcceptedRow() {
        List<DistanceMeasurement> ms = List.of(accepted(8, new Constants(2.25, 1.5, 0.75), 12.5),
                accepted(4096, new Constants(7.125, 0.3, 3), 1e3),
                new DistanceMeasurement(16, Double.NaN, Double.NaN, 1, new Constants(1, 1, 1), 1, 1e-14, 1, "refused"));
        List<Verdict> verdict = new ArrayList<>();
        List<String> notes = run(ms, DistanceMeasurement::eulerBound, verdict);
        assertThat(verdict).containsExactly(Verdict.HOLDS);
        assertThat(notes).singleElement().asString().contains("on 2 rows").contains("E^Lx/(2*N)*(Lx*M+Lt*TV)");
    }

    @Test
    void theClaimsComparisonUsesTheJavaEulerBound() {
        List<String> notes = new ArrayList<>();
        VerdictPolicy policy = new VerdictPolicy(notes);
        DistanceBoundSymbolic.compare(List.of(accepted(32, new Constants(1.5, 2, 0.5), 3)), policy);
        assertThat(policy.verdict()).isEqualTo(Verdict.HOLDS);
        assertThat(notes).singleElement().asString().contains("on 1 rows");
    }

    @Test
    void aBoundWithTheWrongExponentFails() {
        // fault 25's formula: e^{L_x / N} for e^{L_x}
        List<DistanceMeasurement> ms = List.of(accepted(64, new Constants(2, 1, 1), 10));
        List<Verdict> verdict = new ArrayList<>();
        List<String> notes = run(ms, (c, tv, n) -> Math.exp(c.lx() / n) / (2.0 * n) * (c.lx() * c.m() + c.lTheta() * tv), verdict);
        assertThat(verdict).containsExactly(Verdict.FAILS);
        assertThat(notes).singleElement().asString().contains("outside the band");
    }

    @Test
    void aBoundOffByOneUlpThousandFoldStillAgreesButOneInAMillionFails() {
        List<DistanceMeasurement> ms = List.of(accepted(64, new Constants(2, 1, 1), 10));
        List<Verdict> near = new ArrayList<>();
        run(ms, (c, tv, n) -> DistanceMeasurement.eulerBound(c, tv, n) * (1 + 1e-13), near);
        List<Verdict> far = new ArrayList<>();
        run(ms, (c, tv, n) -> DistanceMeasurement.eulerBound(c, tv, n) * (1 + 1e-6), far);
        assertThat(near).containsExactly(Verdict.HOLDS);
        assertThat(far).containsExactly(Verdict.FAILS);
    }

    @Test
    void aZeroBoundAgreesWithZeroAndNoRowsRecordNothing() {
        List<Verdict> zero = new ArrayList<>();
        run(List.of(accepted(8, new Constants(0, 0, 0), 0)), DistanceMeasurement::eulerBound, zero);
        assertThat(zero).containsExactly(Verdict.HOLDS);
        List<Verdict> none = new ArrayList<>();
        List<String> notes = run(List.of(), DistanceMeasurement::eulerBound, none);
        assertThat(notes).isEmpty();
    }
}
