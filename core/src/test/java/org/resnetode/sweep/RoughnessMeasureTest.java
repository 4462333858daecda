package org.resnetode.sweep;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.resnetode.checks.BadInputException;
import org.resnetode.claim.ClaimResult;
import org.resnetode.claim.RoughnessClaim;
import org.resnetode.claim.RoughnessConfig;
import org.resnetode.claim.RoughnessPaths;
import org.resnetode.io.Parquet;

/**
 * Roughness grids: a row is the roughness claim's own row for its (family, scheme, H), the decoupled negative control
 * fails, defaults derived from the family and the ladder, refusals naming their axes, and a stopped sweep resumes to
 * the same files.
 */
class RoughnessMeasureTest {
    private static final Sweep.Listener QUIET = new Sweep.Listener() {
    };

    private static Grid grid() {
        return new Grid("roughness", Map.of(Axis.FAMILY, List.of("linear", "theta2"), Axis.SCHEME, List.of("euler", "heun"),
                Axis.HURST, List.of(0.75), Axis.DEPTHS, List.of("8:64"), Axis.PATHS, List.of(64L)));
    }

    @Test
    void rowsAreTheRoughnessClaimsOwnRows(@TempDir Path dir) {
        Sweep.Outcome o = Sweep.run(grid(), 100, dir.resolve("s"), false, new ThreadRunner(), List.of(Axis.SCHEME), QUIET);
        List<String> names = SweepMeasure.columns("roughness").stream().map(Parquet.Column::name).toList();
        assertThat(o.rows()).hasSize(4);
        for (SweepRow row : o.rows()) {
            Object[] v = row.values();
            String family = (String) v[names.indexOf("family")];
            String scheme = (String) v[names.indexOf("scheme")];
            // the claim's own route: the paths of one configuration, assembled into one result per (family, scheme)
            RoughnessConfig c = new RoughnessConfig(family, List.of(scheme), 0.75, new int[] {8, 16, 32, 64}, 64, 64 * 128, 0,
                    RoughnessConfig.defaultAmplitude(family), 1, false);
            ClaimResult direct = RoughnessClaim.assemble(List.of(RoughnessPaths.measure(c))).get(0);
            Map<String, Object> expected = direct.rows().get(0);
            assertThat(v[names.indexOf("verdict")]).isEqualTo(direct.verdict().label());
            assertThat(v[names.indexOf("rate")]).isEqualTo(expected.get("rate"));
            assertThat(v[names.indexOf("rateLow")]).isEqualTo(expected.get("ciLow"));
            assertThat(v[names.indexOf("rateHigh")]).isEqualTo(expected.get("ciHigh"));
            assertThat(v[names.indexOf("fitPoints")]).isEqualTo((long) (Integer) expected.get("acceptedDepths"));
            // min(1, H + 1/2) for Euler's one-sided quadrature, H + 1/2 for Heun's trapezoid (MATH.md section 7)
            assertThat(v[names.indexOf("predicted")]).isEqualTo(scheme.equals("euler") ? 1.0 : 1.25);
            assertThat(v[names.indexOf("errorLast")]).isEqualTo(expected.get("errorLast"));
            assertThat(v[names.indexOf("krHigh")]).isEqualTo(expected.get("krHigh"));
            assertThat(v[names.indexOf("amplitude")]).isEqualTo(family.equals("theta2") ? 0.5 : 1.0);
            assertThat(v[names.indexOf("referenceGrid")]).isEqualTo(8192L);
            assertThat((Double) v[names.indexOf("exactPredictionRate")]).matches(x -> family.equals("linear") == Double.isFinite(x));
        }
    }

    @Test
    void theDecoupledControlFails(@TempDir Path dir) {
        Grid g = new Grid("roughness", Map.of(Axis.HURST, List.of(0.75), Axis.DEPTHS, List.of("8:64"), Axis.PATHS, List.of(64L),
                Axis.CONTROL, List.of("decoupled")));
        SweepRow row = Sweep.run(g, 10, dir.resolve("c"), false, new ThreadRunner(), List.of(), QUIET).rows().get(0);
        List<String> names = SweepMeasure.columns("roughness").stream().map(Parquet.Column::name).toList();
        assertThat(row.values()[names.indexOf("verdict")]).isEqualTo("fails");
        assertThat((String) row.values()[names.indexOf("note")]).contains("fails");
        assertThat((Double) row.values()[names.indexOf("rate")]).isLessThan(0.5);
    }

    @Test
    void aStoppedSweepResumesToTheSameFilesAndTheGridFileReadsBack(@TempDir Path dir) throws Exception {
        Path whole = dir.resolve("whole");
        Sweep.run(grid(), 100, whole, false, new ThreadRunner(), List.of(), QUIET);
        String canonical = Files.readString(whole.resolve("grid.json"));
        assertThat(canonical).doesNotContain("amplitude").doesNotContain("referenceGrid").contains("\"hurst\": [0.75]");
        assertThat(Sweep.canonical(GridFile.parse(canonical))).isEqualTo(canonical);
        Path stopped = dir.resolve("stopped");
        Files.createDirectories(stopped);
        Files.copy(whole.resolve("grid.json"), stopped.resolve("grid.json"));
        List<String> lines = Files.readAllLines(whole.resolve("rows.csv"));
        Files.writeString(stopped.resolve("journal.csv"), lines.get(0) + "\n" + lines.get(3) + "\n");
        Sweep.Outcome o = Sweep.run(grid(), 100, stopped, true, new ThreadRunner(), List.of(), QUIET);
        assertThat(o.resumed()).isEqualTo(1);
        assertThat(o.measured()).isEqualTo(3);
        for (String f : List.of("grid.json", "rows.csv", "rows.parquet", "summary.json", "summary.md")) {
            assertThat(Files.readAllBytes(stopped.resolve(f))).as(f).isEqualTo(Files.readAllBytes(whole.resolve(f)));
        }
    }

    @Test
    void refusalsNameTheirAxes() {
        assertRefused(Map.of(Axis.HURST, List.of(0.5, 1.5)), "axis 'hurst' = 1.5 in the configuration roughness|family=linear,");
        assertRefused(Map.of(Axis.PATHS, List.of(1L)), "axis 'paths' = 1 in");
        // no single axis put back to its default makes it acceptable
        assertRefused(Map.of(Axis.PATHS, List.of(1L), Axis.HURST, List.of(1.5)), "the values in the configuration roughness|");
        assertRefused(Map.of(Axis.DEPTHS, List.of("16:100")), "axis 'depths' = 16:100 in");
        assertRefused(Map.of(Axis.FAMILY, List.of("tanh"), Axis.REFERENCE_GRID, List.of(64L)),
                "axis 'family' = tanh or axis 'referenceGrid' = 64 in");
        assertRefused(Map.of(Axis.FAMILY, List.of("theta2"), Axis.AMPLITUDE, List.of(30.0)),
                "axis 'family' = theta2 or axis 'amplitude' = 30.0 in");
        assertRefused(Map.of(Axis.SCHEME, List.of("heun-reference")), "axis 'scheme' = heun-reference in");
        assertRefused(Map.of(Axis.CONTROL, List.of("wrong")), "axis 'control': unknown control 'wrong' (expected one of [none, decoupled])");
        assertThatThrownBy(() -> new Grid("roughness", Map.of(Axis.DIM, List.of(2L)))).isInstanceOf(BadInputException.class)
                .hasMessageContaining("axis 'dim' does not apply to claim roughness (its axes: [family, scheme, hurst,");
    }

    private static void assertRefused(Map<Axis, List<Object>> axes, String message) {
        assertThatThrownBy(() -> new Grid("roughness", axes).tasks(100)).isInstanceOf(BadInputException.class)
                .hasMessageContaining(message);
    }
}
