package org.resnetode.sweep;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.resnetode.checks.BadInputException;
import org.resnetode.claim.ClaimResult;
import org.resnetode.claim.DistanceClaim;
import org.resnetode.claim.Progress;
import org.resnetode.stats.RateFit;

/** Sweeps into a directory: the rows are the claims' own results, a stopped sweep resumes to the same files. */
class SweepTest {
    private static final List<String> FILES = List.of("grid.json", "rows.csv", "rows.parquet", "summary.json", "summary.md");

    /** Counts what the listener is told. */
    private static final class Counter implements Sweep.Listener {
        int total;
        int resumed;
        int measured;

        @Override
        public void start(int total, int alreadyMeasured) {
            this.total = total;
            this.resumed = alreadyMeasured;
        }

        @Override
        public void measured(SweepRow row) {
            measured++;
        }
    }

    /** Six distance configurations of d = 2 on 8..64, one of them refused (amplitude 1e3: e^{L_x} overflows). */
    private static Grid grid() {
        return new Grid("distance", Map.of(Axis.FAMILY, List.of("linear", "tanh"), Axis.DIM, List.of(2L),
                Axis.AMPLITUDE, List.of(0.5, 1e3), Axis.DEPTHS, List.of("8:64"), Axis.FIT_FROM, List.of(8L),
                Axis.SEED, List.of(1L, 2L)));
    }

    @Test
    void rowsAreTheClaimsOwnResultsAndRefusalsDoNotEndTheSurvey(@TempDir Path dir) {
        Counter c = new Counter();
        Sweep.Outcome o = Sweep.run(grid(), 100, dir.resolve("s"), false, new ThreadRunner(), List.of(Axis.FAMILY), c);
        assertThat(c.total).isEqualTo(8);
        assertThat(c.measured).isEqualTo(8);
        assertThat(o.rows()).hasSize(8);
        List<String> names = SweepMeasure.columns("distance").stream().map(org.resnetode.io.Parquet.Column::name).toList();
        for (SweepRow row : o.rows()) {
            Object[] v = row.values();
            SweepTask task = grid().tasks(100).get(row.index());
            assertThat(row.key()).isEqualTo(task.key());
            if ((Double) task.value(Axis.AMPLITUDE) > 1) {
                assertThat(v[names.indexOf("verdict")]).isEqualTo("refused");
                assertThat((String) v[names.indexOf("note")]).contains("e^{L_x} overflows");
                continue;
            }
            ClaimResult direct = DistanceClaim.run(DepthMeasure.config(task), Progress.SILENT);
            RateFit fit = direct.fit("error");
            assertThat(v[names.indexOf("verdict")]).isEqualTo(direct.verdict().label());
            assertThat(v[names.indexOf("rate")]).isEqualTo(fit.rate());
            assertThat(v[names.indexOf("rateLow")]).isEqualTo(fit.ci95Low());
            assertThat(v[names.indexOf("fitPoints")]).isEqualTo((long) fit.points());
            Map<String, Object> deepest = direct.rows().get(direct.rows().size() - 1);
            assertThat(v[names.indexOf("error")]).isEqualTo(deepest.get("error"));
            double min = direct.rows().stream().mapToDouble(r -> (Double) r.get("tightness")).min().orElseThrow();
            assertThat(v[names.indexOf("minTightness")]).isEqualTo(min);
            double max = direct.rows().stream().mapToDouble(r -> (Double) r.get("tightness")).max().orElseThrow();
            assertThat(v[names.indexOf("maxTightness")]).isEqualTo(max);
            assertThat(v[names.indexOf("boundViolationCount")]).isEqualTo(0L);
        }
        String md = read(dir.resolve("s/summary.md"));
        assertThat(md).contains("| family | configurations | holds | finding | fails | inconclusive | refused | rate median")
                .contains("| linear | 4 |").contains("| tanh | 4 |");
        assertThat(dir.resolve("s/journal.csv")).doesNotExist();
    }

    @Test
    void adjointRowsAreTheAdjointClaimsOwnResult(@TempDir Path dir) {
        Grid g = new Grid("adjoint", Map.of(Axis.DIM, List.of(2L), Axis.DEPTHS, List.of("8:32"), Axis.FIT_FROM, List.of(8L),
                Axis.BATCH, List.of(1L)));
        SweepRow row = Sweep.run(g, 10, dir.resolve("a"), false, new ThreadRunner(), List.of(), new Counter()).rows().get(0);
        List<String> names = SweepMeasure.columns("adjoint").stream().map(org.resnetode.io.Parquet.Column::name).toList();
        ClaimResult direct = org.resnetode.claim.AdjointClaim.run(DepthMeasure.config(g.tasks(10).get(0)), Progress.SILENT);
        Object[] v = row.values();
        assertThat(v[names.indexOf("verdict")]).isEqualTo(direct.verdict().label());
        assertThat(v[names.indexOf("rate")]).isEqualTo(direct.fit("gradientError").rate());
        assertThat(v[names.indexOf("recoveryRate")]).isEqualTo(direct.fit("recoveryError").rate());
        Map<String, Object> deepest = direct.rows().get(direct.rows().size() - 1);
        assertThat(v[names.indexOf("gradientError")]).isEqualTo(deepest.get("gradientError"));
        assertThat(v[names.indexOf("recoveryError")]).isEqualTo(deepest.get("recoveryError"));
        assertThat(v[names.indexOf("batch")]).isEqualTo(1L);
    }

    @Test
    void aStoppedSweepResumesToTheSameFiles(@TempDir Path dir) throws Exception {
        Path whole = dir.resolve("whole");
        Sweep.run(grid(), 100, whole, false, new ThreadRunner(), List.of(), new Counter());
        // a sweep stopped after three rows, the last line cut short by the kill
        Path stopped = dir.resolve("stopped");
        Files.createDirectories(stopped);
        Files.copy(whole.resolve("grid.json"), stopped.resolve("grid.json"));
        List<String> lines = Files.readAllLines(whole.resolve("rows.csv"));
        String journal = String.join("\n", lines.subList(0, 4)) + "\n" + lines.get(4).substring(0, 20);
        Files.writeString(stopped.resolve("journal.csv"), journal);
        Counter c = new Counter();
        Sweep.Outcome o = Sweep.run(grid(), 100, stopped, true, new ThreadRunner(), List.of(), c);
        assertThat(c.resumed).isEqualTo(3);
        assertThat(c.measured).isEqualTo(5);
        assertThat(o.measured()).isEqualTo(5);
        for (String f : FILES) {
            assertThat(Files.readAllBytes(stopped.resolve(f))).as(f).isEqualTo(Files.readAllBytes(whole.resolve(f)));
        }
        // resuming a finished sweep measures nothing and rewrites the same files
        Counter again = new Counter();
        Sweep.run(grid(), 100, stopped, true, new ThreadRunner(), List.of(), again);
        assertThat(again.measured).isZero();
        assertThat(Files.readAllBytes(stopped.resolve("rows.parquet"))).isEqualTo(Files.readAllBytes(whole.resolve("rows.parquet")));
    }

    @Test
    void directoriesAreJudgedBeforeAnyWork(@TempDir Path dir) throws Exception {
        Path done = dir.resolve("done");
        Sweep.run(grid(), 100, done, false, new ThreadRunner(), List.of(), new Counter());
        assertThatThrownBy(() -> Sweep.run(grid(), 100, done, false, new ThreadRunner(), List.of(), new Counter()))
                .isInstanceOf(BadInputException.class).hasMessageContaining("holds a sweep already");
        Grid other = new Grid("distance", Map.of(Axis.SEED, List.of(9L)));
        assertThatThrownBy(() -> Sweep.run(other, 100, done, true, new ThreadRunner(), List.of(), new Counter()))
                .isInstanceOf(BadInputException.class).hasMessageContaining("ran another grid");
        assertThatThrownBy(() -> Sweep.run(grid(), 100, dir.resolve("none"), true, new ThreadRunner(), List.of(), new Counter()))
                .isInstanceOf(BadInputException.class).hasMessageContaining("no sweep there");
        assertThatThrownBy(() -> Sweep.run(grid(), 100, dir.resolve("g"), false, new ThreadRunner(), List.of(Axis.BATCH), new Counter()))
                .isInstanceOf(BadInputException.class).hasMessageContaining("--group-by batch: that axis does not apply to claim distance");
        assertThat(dir.resolve("g")).doesNotExist();
        Path fresh = dir.resolve("fresh");
        assertThatThrownBy(() -> Sweep.run(grid(), 3, fresh, false, new ThreadRunner(), List.of(), new Counter()))
                .isInstanceOf(BadInputException.class).hasMessageContaining("--max-configs 3");
        assertThat(fresh).doesNotExist();
        Files.writeString(done.resolve("journal.csv"), "index,key\n");
        assertThatThrownBy(() -> Sweep.run(grid(), 100, done, true, new ThreadRunner(), List.of(), new Counter()))
                .isInstanceOf(BadInputException.class).hasMessageContaining("another table");
    }

    @Test
    void summariesGroupByTheNamedAxes() {
        List<org.resnetode.io.Parquet.Column> columns = SweepMeasure.columns("distance");
        List<String> names = columns.stream().map(org.resnetode.io.Parquet.Column::name).toList();
        List<SweepRow> rows = new ArrayList<>();
        double[] rates = {0.9, 1.3, 1.0, Double.NaN};
        String[] verdicts = {"holds", "fails", "holds", "refused"};
        for (int i = 0; i < 4; i++) {
            Object[] v = new Object[columns.size()];
            for (int c = 0; c < v.length; c++) {
                v[c] = switch (columns.get(c).type()) {
                    case LONG -> 0L;
                    case DOUBLE -> Double.NaN;
                    case BOOLEAN -> false;
                    case STRING -> "";
                };
            }
            v[names.indexOf("family")] = i < 3 ? "linear" : "tanh";
            v[names.indexOf("verdict")] = verdicts[i];
            v[names.indexOf("rate")] = rates[i];
            rows.add(new SweepRow(i, "k" + i, v));
        }
        List<SweepSummary.Group> groups = SweepSummary.groups(columns, rows, List.of(Axis.FAMILY), SweepSummary.VERDICTS);
        assertThat(groups).hasSize(2);
        assertThat(groups.get(0).key()).containsExactly("linear");
        assertThat(groups.get(0).configurations()).isEqualTo(3);
        assertThat(groups.get(0).verdicts()).containsEntry("holds", 2).containsEntry("fails", 1).containsEntry("refused", 0);
        assertThat(groups.get(0).figures().get("rate")).containsExactly(1.0, 0.9, 1.3);
        assertThat(groups.get(1).figures().get("rate")[0]).isNaN();
        assertThat(SweepSummary.median(new double[] {1, 2, 3, 10})).isEqualTo(2.5);
        assertThat(SweepSummary.markdown("distance", List.of(Axis.FAMILY), groups))
                .contains("| linear | 3 | 2 | 0 | 1 | 0 | 0 | 1.000 [0.9000, 1.300] |");
        assertThat(SweepSummary.json("distance", List.of(Axis.FAMILY), groups, 4))
                .contains("\"family\": \"linear\", \"configurations\": 3, \"verdicts\": {\"holds\": 2, \"finding\": 0, \"fails\": 1")
                .contains("\"rate\": {\"median\": 1.0, \"min\": 0.9, \"max\": 1.3}");
    }

    private static String read(Path p) {
        try {
            return Files.readString(p, StandardCharsets.UTF_8);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
