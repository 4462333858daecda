package org.resnetode.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.resnetode.checks.BadInputException;
import org.resnetode.claim.ClaimResult;
import org.resnetode.claim.Verdict;
import org.resnetode.stats.RateFit;

/** Regression mode on synthetic results: what moved is named, what did not is not. */
class BaselineTest {
    private static ClaimResult result(String scheme, Verdict verdict, List<RateFit> fits, String... notes) {
        Map<String, Object> config = new LinkedHashMap<>();
        config.put("family", "mlp");
        config.put("profile", "fourier");
        config.put("scheme", scheme);
        config.put("zeroMean", false);
        return new ClaimResult("adjoint", config, List.of(), fits, verdict, List.of(notes));
    }

    private static RateFit rate(double r, double lo, double hi) {
        return new RateFit("gradientError", r, lo, hi, 64, 4096, 7, -1.0);
    }

    private static ClaimResult heun(double r, double lo, double hi, Verdict v) {
        return result("heun", v, List.of(rate(r, lo, hi)));
    }

    @Test
    void nothingMovesAgainstItself() {
        List<ClaimResult> base = List.of(heun(3.002, 3.001, 3.004, Verdict.FINDING), result("euler", Verdict.HOLDS, List.of(),
                "holds: largest difference = 3.059e-05, stated band [0.000, 0.001000]"));
        assertThat(Baseline.compare(base, base)).isEmpty();
    }

    @Test
    void anOrderDropFromThreeToTwoIsNamedWithItsVerdict() {
        List<String> moved = Baseline.compare(List.of(heun(3.002, 3.001, 3.004, Verdict.FINDING)),
                List.of(heun(1.996, 1.990, 2.002, Verdict.HOLDS)));
        assertThat(moved).containsExactly("adjoint[mlp/fourier/heun]: verdict finding -> holds",
                "adjoint[mlp/fourier/heun]: rate of gradientError 3.002 [3.001, 3.004] -> 1.996 [1.990, 2.002]");
    }

    @Test
    void aRateMovesOnlyBeyondTheToleranceAndOutsideTheInterval() {
        RateFit base = rate(1.0, 0.99, 1.01);
        // 0.09 away: within the rate band's tolerance, although the intervals are disjoint
        assertThat(Baseline.rateMoved(base, rate(1.09, 1.08, 1.10))).isFalse();
        // 0.3 away but the intervals overlap: the data cannot tell
        assertThat(Baseline.rateMoved(rate(1.2, 0.9, 1.5), rate(1.5, 1.3, 1.7))).isFalse();
        assertThat(Baseline.rateMoved(base, rate(1.2, 1.15, 1.25))).isTrue();
        assertThat(Baseline.rateMoved(base, rate(0.8, 0.75, 0.85))).isTrue();
        assertThat(Baseline.rateMoved(base, rate(Double.NaN, Double.NaN, Double.NaN))).isTrue();
        assertThat(Baseline.rateMoved(rate(Double.NaN, Double.NaN, Double.NaN), rate(Double.NaN, 0, 0))).isFalse();
    }

    @Test
    void aJudgedFigureMovesBeyondTenPercentOrRoundOff() {
        assertThat(Baseline.figureMoved(3.0e-5, 3.2e-5)).isFalse();
        assertThat(Baseline.figureMoved(3.0e-5, 3.4e-5)).isTrue();
        assertThat(Baseline.figureMoved(-0.8876, -0.7)).isTrue();
        assertThat(Baseline.figureMoved(0.0, 1e-16)).isFalse();
        assertThat(Baseline.figureMoved(0.0, 1e-3)).isTrue();
        assertThat(Baseline.figureMoved(Double.NaN, Double.NaN)).isFalse();
        assertThat(Baseline.figureMoved(1.0, Double.NaN)).isTrue();
    }

    @Test
    void figuresAreReadFromTheJudgedNotesKeyedWithoutTheirNumbers() {
        ClaimResult r = result("euler", Verdict.HOLDS, List.of(),
                "holds: largest |ℓ_adjoint - ℓ_backprop| over the epochs, euler, N = 16 (initial loss 2.48) = 7.785e-05, stated band [0.000, 0.001000]",
                "holds: rate of gradient error over N = 64..1024 (95% interval [1.0, 1.1]) = 1.01, stated band [0.9000, 1.100]",
                "finding: growth = -0.8876, stated band [-Infinity, 0.5000]; beyond the paper",
                "inconclusive: gap is NaN",
                "a plain note = 3, with no band");
        assertThat(Baseline.judged(r)).containsExactly(
                Map.entry("largest |ℓ_adjoint - ℓ_backprop| over the epochs, euler, N = # (initial loss #)", 7.785e-05),
                Map.entry("growth", -0.8876));
        ClaimResult moved = result("euler", Verdict.HOLDS, List.of(),
                "holds: largest |ℓ_adjoint - ℓ_backprop| over the epochs, euler, N = 16 (initial loss 2.51) = 9.0e-05, stated band [0.000, 0.001000]",
                "holds: spread = 0.05, stated band [0.000, 0.1]");
        assertThat(Baseline.compare(List.of(r), List.of(moved))).containsExactly(
                "adjoint[mlp/fourier/euler]: largest |ℓ_adjoint - ℓ_backprop| over the epochs, euler, N = # (initial loss #) 7.785e-05 -> 9.000e-05",
                "adjoint[mlp/fourier/euler]: growth judged in the baseline (-0.8876), not now",
                "adjoint[mlp/fourier/euler]: spread = 0.05000 judged now, not in the baseline");
    }

    @Test
    void resultsAndFitsOnOneSideOnlyAreNamed() {
        ClaimResult fitted = heun(3.0, 2.9, 3.1, Verdict.FINDING);
        ClaimResult unfitted = result("heun", Verdict.FINDING, List.of());
        assertThat(Baseline.compare(List.of(fitted), List.of(unfitted)))
                .containsExactly("adjoint[mlp/fourier/heun]: rate of gradientError fitted in the baseline (3.000), not now");
        assertThat(Baseline.compare(List.of(unfitted), List.of(fitted)))
                .containsExactly("adjoint[mlp/fourier/heun]: rate of gradientError 3.000 fitted now, not in the baseline");
        // a baseline result the run did not measure is not compared; a run result without a baseline is named
        assertThat(Baseline.compare(List.of(fitted, result("euler", Verdict.HOLDS, List.of())), List.of(fitted))).isEmpty();
        assertThat(Baseline.compare(List.of(), List.of(fitted)))
                .containsExactly("adjoint[mlp/fourier/heun]: no baseline result to compare with");
    }

    @Test
    void repeatedKeysAreMatchedInOrder() {
        ClaimResult a = heun(3.0, 2.99, 3.01, Verdict.FINDING);
        ClaimResult b = heun(2.0, 1.99, 2.01, Verdict.HOLDS);
        assertThat(Baseline.compare(List.of(a, b), List.of(a, b))).isEmpty();
        assertThat(Baseline.compare(List.of(a, b), List.of(b, a))).hasSize(4)
                .contains("adjoint[mlp/fourier/heun] #2: verdict holds -> finding");
    }

    @Test
    void theExitCodeIsOneExactlyWhenSomethingMoved() {
        StringWriter text = new StringWriter();
        List<ClaimResult> base = List.of(heun(3.002, 3.001, 3.004, Verdict.FINDING));
        assertThat(Baseline.exitCode(Path.of("b"), base, base, new PrintWriter(text))).isZero();
        assertThat(text.toString()).contains("1 results match the baseline b");
        text.getBuffer().setLength(0);
        assertThat(Baseline.exitCode(Path.of("b"), base, List.of(heun(2.0, 1.99, 2.01, Verdict.HOLDS)), new PrintWriter(text)))
                .isEqualTo(1);
        assertThat(text.toString()).contains("2 quantities moved against the baseline b (exit 1):")
                .contains("  adjoint[mlp/fourier/heun]: verdict finding -> holds");
    }

    @Test
    void readsTheCommandsFilesAndRefusesWhatIsNotThere(@TempDir Path dir) throws Exception {
        List<ClaimResult> written = new ArrayList<>(List.of(heun(3.0, 2.9, 3.1, Verdict.FINDING), heun(1.0, 0.9, 1.1, Verdict.HOLDS)));
        Files.writeString(dir.resolve("adjoint.json"), Json.writeAll(written));
        List<ClaimResult> read = Baseline.read(dir, List.of("adjoint"));
        assertThat(Baseline.compare(written, read)).isEmpty();
        assertThat(read).hasSize(2);
        assertThatThrownBy(() -> Baseline.read(dir, List.of("distance"))).isInstanceOf(BadInputException.class)
                .hasMessageContaining("--baseline").hasMessageContaining("distance.json");
        assertThatThrownBy(() -> Baseline.read(dir.resolve("none"), List.of("adjoint"))).isInstanceOf(BadInputException.class)
                .hasMessageContaining("not a directory");
        Files.writeString(dir.resolve("memory.json"), "{\"claim\": 3}");
        assertThatThrownBy(() -> Baseline.read(dir, List.of("memory"))).isInstanceOf(BadInputException.class)
                .hasMessageContaining("memory.json is not a claim result");
    }
}
