package org.resnetode.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.resnetode.claim.ClaimResult;
import org.resnetode.claim.Verdict;
import org.resnetode.stats.RateFit;
import org.resnetode.train.linear.TrainingHistory;

/** Claim R's tables, headlines and Figure 2 on hand-made results and histories. */
class RegularizationOutputsTest {

    private static ClaimResult result(String claim, List<Map<String, Object>> rows, List<RateFit> fits) {
        return new ClaimResult(claim, Map.of("dim", 3, "target", "random:0.5", "profile", "zero", "trainingTime", 10.0,
                "depths", List.of(16, 32), "claimedScale", 0.5), rows, fits, Verdict.HOLDS, List.of());
    }

    @Test
    void headlinesTitlesAndColumnsPerKind() {
        RateFit fit = new RateFit("limitDistance", 0.998, 0.99, 1.01, 16, 1024, 7, 0);
        RateFit other = new RateFit("odeDistance", 0.5, 0.4, 0.6, 16, 1024, 7, 0);
        assertThat(RegularizationReport.headline(result("regularization", List.of(), List.of(other, fit))))
                .isEqualTo("limitDistance rate 0.998 [0.990, 1.010]");
        assertThat(RegularizationReport.headline(result("regularization", List.of(), List.of(other))))
                .isEqualTo("no rate of the distance to the limit");
        ClaimResult commuting = result("regularization-commuting",
                List.of(Map.of("closedFormError", 2e-15), Map.of("closedFormError", 3e-12)), List.of());
        assertThat(RegularizationReport.headline(commuting)).isEqualTo("closed form to 3.0e-12 relative");
        ClaimResult scan = result("regularization-scan", List.of(Map.of(), Map.of(), Map.of()), List.of());
        assertThat(RegularizationReport.headline(scan)).isEqualTo("3 cells (d, s)");
        assertThat(RegularizationReport.columns(scan)).isSameAs(RegularizationReport.SCAN);
        assertThat(RegularizationReport.columns(commuting)).isSameAs(RegularizationReport.COMMUTING);
        assertThat(RegularizationReport.columns(result("regularization", List.of(), List.of()))).isSameAs(RegularizationReport.LADDER);
        assertThat(RegularizationReport.title(scan)).contains("claimed for s <= 0.5");
        assertThat(RegularizationReport.title(commuting)).startsWith("Claim R, commuting case: random:0.5");
        assertThat(RegularizationReport.title(result("regularization", List.of(), List.of()))).contains("d = 3", "training time 10.0");
    }

    @Test
    void curveReadsOneEntryOfEveryLayerAtItsDepthTime() {
        // d = 2, N = 3: entry (1, 0) of layer n is the third value of its block
        double[] w = {0, 0, 5, 0, 0, 0, 6, 0, 0, 0, 7, 0};
        double[][] c = WeightPlots.curve(w, 3, 2, 1, 0);
        assertThat(c[0]).containsExactly(0, 1.0 / 3, 2.0 / 3);
        assertThat(c[1]).containsExactly(5, 6, 7);
    }

    /** About six curves per chart: every stride-th tracked time, and the last one always. */
    @Test
    void shownTimesThinTheTrackedOnesAndKeepTheLast() {
        assertThat(WeightPlots.shownTimes(8)).containsExactly(0, 1, 2, 3, 4, 5, 6, 7);
        assertThat(WeightPlots.shownTimes(21)).containsExactly(0, 4, 8, 12, 16, 20);
        assertThat(WeightPlots.shownTimes(13)).containsExactly(0, 2, 4, 6, 8, 10, 12);
        assertThat(WeightPlots.shownTimes(14)).containsExactly(0, 2, 4, 6, 8, 10, 12, 13);
        assertThat(WeightPlots.shownTimes(1)).containsExactly(0);
    }

    @Test
    void figureTwoRendersPngAndSvgPerDepthAndOverallWithoutWriting(@TempDir Path dir) throws Exception {
        Map<Integer, TrainingHistory> histories = new TreeMap<>();
        for (int n : new int[] {2, 4}) {
            TrainingHistory h = new TrainingHistory(true);
            for (int k = 0; k <= 7; k++) {
                h.tracked(k, k * 0.5, 1.0 / (k + 1), 0, new double[n * 4]);
            }
            histories.put(n, h);
        }
        Map<Path, byte[]> files = WeightPlots.figure2(dir, histories, 2, 0, 1);
        assertThat(files.keySet()).containsExactly(dir.resolve("weights-N2.png"), dir.resolve("weights-N2.svg"),
                dir.resolve("weights-N4.png"), dir.resolve("weights-N4.svg"), dir.resolve("weights-depths.png"),
                dir.resolve("weights-depths.svg"));
        assertThat(new String(files.get(dir.resolve("weights-N2.svg")), java.nio.charset.StandardCharsets.UTF_8)).contains("<svg");
        assertThat(files.get(dir.resolve("weights-depths.png"))).startsWith((byte) 0x89, (byte) 'P', (byte) 'N', (byte) 'G');
        assertThat(dir).isEmptyDirectory();
        assertThatThrownBy(() -> WeightPlots.figure2(dir, histories, 2, 2, 0)).hasMessageContaining("outside a 2×2 layer");
        assertThatThrownBy(() -> WeightPlots.figure2(dir, histories, 2, 0, -1)).hasMessageContaining("outside a 2×2 layer");
    }
}
