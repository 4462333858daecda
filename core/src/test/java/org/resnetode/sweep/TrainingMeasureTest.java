package org.resnetode.sweep;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.resnetode.checks.BadInputException;
import org.resnetode.claim.ClaimResult;
import org.resnetode.claim.Control;
import org.resnetode.claim.Progress;
import org.resnetode.claim.RegularizationClaim;
import org.resnetode.claim.RegularizationConfig;
import org.resnetode.io.Parquet;
import org.resnetode.train.DataReader;
import org.resnetode.train.Dataset;
import org.resnetode.train.Trainer;
import org.resnetode.train.TrainingRun;

/**
 * Training grids: a linear-train row is claim R's own result, its unscaled-step control fails, a diverging run is a
 * {@code diverged} row; a train row holds what the {@code train} command's route measures at each depth; refusals name
 * their axes.
 */
class TrainingMeasureTest {
    private static final Sweep.Listener QUIET = new Sweep.Listener() {
    };

    private static List<SweepRow> run(Path dir, Grid g) {
        return Sweep.run(g, 100, dir, false, new ThreadRunner(), List.of(), QUIET).rows();
    }

    private static Object cell(String claim, SweepRow row, String column) {
        return row.values()[SweepMeasure.columns(claim).stream().map(Parquet.Column::name).toList().indexOf(column)];
    }

    @Test
    void linearTrainRowsAreClaimRsOwnResultAndItsControlFails(@TempDir Path dir) {
        Grid g = new Grid("linear-train", Map.of(Axis.DIM, List.of(3L), Axis.DEPTHS, List.of("8:32"), Axis.TIME, List.of(20.0),
                Axis.TRACK_EVERY, List.of(10L), Axis.LOSS_TARGET, List.of(1e-2), Axis.CONTROL, List.of("none", "unscaled-step")));
        List<SweepRow> rows = run(dir.resolve("l"), g);
        ClaimResult direct = RegularizationClaim.run(new RegularizationConfig(3, "random:0.5", 1, new int[] {8, 16, 32}, 0.25, 20,
                10, RegularizationConfig.ZERO, 0.5, 1e-2), Control.NONE, Progress.SILENT);
        SweepRow row = rows.get(0);
        assertThat(cell("linear-train", row, "verdict")).isEqualTo(direct.verdict().label()).isEqualTo("holds");
        assertThat(cell("linear-train", row, "rate")).isEqualTo(direct.fit("limitDistance").rate());
        assertThat(cell("linear-train", row, "odeRate")).isEqualTo(direct.fit("odeDistance").rate());
        assertThat(cell("linear-train", row, "fitPoints")).isEqualTo(3L);
        double lossMax = direct.rows().stream().mapToDouble(r -> (Double) r.get("finalLoss")).max().orElseThrow();
        assertThat(cell("linear-train", row, "finalLossMax")).isEqualTo(lossMax);
        assertThat(cell("linear-train", row, "limitDistanceLast")).isEqualTo(direct.rows().get(2).get("limitDistance"));
        assertThat(cell("linear-train", rows.get(1), "verdict")).isEqualTo("fails");
        assertThat((String) cell("linear-train", rows.get(1), "note")).contains("unscaled-step");
    }

    @Test
    void aDivergingRunIsADivergedRowNotTheEndOfTheSurvey(@TempDir Path dir) {
        Grid g = new Grid("linear-train", Map.of(Axis.DIM, List.of(2L), Axis.DEPTHS, List.of("8:16"), Axis.LEARNING_RATE,
                List.of(0.25, 5.0), Axis.TIME, List.of(100.0)));
        List<SweepRow> rows = run(dir.resolve("d"), g);
        assertThat(cell("linear-train", rows.get(0), "verdict")).isNotEqualTo("diverged");
        assertThat(cell("linear-train", rows.get(1), "verdict")).isEqualTo("diverged");
        assertThat((String) cell("linear-train", rows.get(1), "note")).contains("diverged");
        assertThat((Double) cell("linear-train", rows.get(1), "rate")).isNaN();
        assertThat(read(dir.resolve("d/summary.json"))).contains("\"refused\": 0, \"diverged\": 1}");
        Grid t = new Grid("train", Map.of(Axis.HIDDEN, List.of(4L), Axis.DEPTHS, List.of("4,8"), Axis.TRAIN_ROWS, List.of(32L),
                Axis.BATCH, List.of(8L), Axis.LEARNING_RATE, List.of(1e4)));
        SweepRow diverged = run(dir.resolve("t"), t).get(0);
        assertThat(cell("train", diverged, "verdict")).isEqualTo("diverged");
        assertThat((String) cell("train", diverged, "note")).startsWith("N = 4: training diverged");
    }

    @Test
    void trainRowsHoldWhatTheTrainCommandsRouteMeasures(@TempDir Path dir) {
        Grid g = new Grid("train", Map.of(Axis.INIT, List.of("smooth", "iid"), Axis.HIDDEN, List.of(4L), Axis.DEPTHS,
                List.of("4:16"), Axis.TRAIN_ROWS, List.of(64L), Axis.BATCH, List.of(32L)));
        List<SweepRow> rows = run(dir.resolve("t"), g);
        Dataset.Split all = DataReader.digits().split(DataReader.DIGITS_TEST_ROWS);
        Dataset.Split data = new Dataset.Split(all.train().slice(0, 64), all.test());
        int[] depths = {4, 8, 16};
        for (SweepRow row : rows) {
            String init = (String) cell("train", row, "init");
            double[] smoothness = new double[depths.length];
            Trainer.Epoch last = null;
            for (int i = 0; i < depths.length; i++) {
                TrainingRun.Settings s = new TrainingRun.Settings("mlp", "euler", depths[i], 4, init, "constant", 1.0, Double.NaN,
                        "backprop", "sgd", 0.1, 0.9, 1);
                last = TrainingRun.create(s, data, null).trainer(32, 1).run(1, 1, new Trainer.Listener() {
                }).get(0);
                smoothness[i] = last.smoothness();
            }
            double growth = Math.log(smoothness[2] / smoothness[0]) / Math.log(4);
            assertThat(cell("train", row, "smoothnessFirst")).isEqualTo(smoothness[0]);
            assertThat(cell("train", row, "smoothnessLast")).isEqualTo(smoothness[2]);
            assertThat(cell("train", row, "smoothnessGrowth")).isEqualTo(growth);
            assertThat(cell("train", row, "lossLast")).isEqualTo(last.loss());
            assertThat(cell("train", row, "testAccuracyLast")).isEqualTo(last.testAccuracy());
            // the increments max ||Δθ|| = S / N: from a constant start they fall at least like 1/N, from iid draws not at all
            double rate = (Double) cell("train", row, "rate");
            assertThat(init.equals("smooth") ? rate > 0.9 : Math.abs(rate) < 0.2).as(init + " rate " + rate).isTrue();
            assertThat(cell("train", row, "verdict")).as(init).isEqualTo("holds");
            assertThat(cell("train", row, "note")).isEqualTo("");
        }
    }

    @Test
    void weightsThatNeverMoveAreInconclusiveAndTheLadderIsTakenInDepthOrder(@TempDir Path dir) {
        // an mlp from zero weights has zero gradients in its layers: no increment to fit, no growth exponent
        Grid g = new Grid("train", Map.of(Axis.INIT, List.of("zero", "smooth"), Axis.HIDDEN, List.of(4L), Axis.DEPTHS,
                List.of("4,8", "8,4"), Axis.TRAIN_ROWS, List.of(32L)));
        List<SweepRow> rows = run(dir.resolve("z"), g);
        SweepRow zero = rows.get(0);
        assertThat(cell("train", zero, "verdict")).isEqualTo("inconclusive");
        assertThat((Double) cell("train", zero, "rate")).isNaN();
        assertThat(cell("train", zero, "fitPoints")).isEqualTo(0L);
        assertThat((Double) cell("train", zero, "smoothnessGrowth")).isNaN();
        assertThat((String) cell("train", zero, "note")).contains("growth exponent");
        // two depths are enough for a rate; a ladder listed from the top measures the same
        assertThat(cell("train", rows.get(2), "fitPoints")).isEqualTo(2L);
        List<String> names = SweepMeasure.columns("train").stream().map(Parquet.Column::name).toList();
        int verdict = names.indexOf("verdict");
        for (int pair : new int[] {0, 2}) {
            Object[] up = rows.get(pair).values();
            Object[] down = rows.get(pair + 1).values();
            assertThat(List.of(down).subList(verdict, down.length)).isEqualTo(List.of(up).subList(verdict, up.length));
        }
        assertThat(read(dir.resolve("z/summary.json"))).contains("\"inconclusive\": 2, \"refused\": 0, \"diverged\": 0}");
    }

    private static String read(Path p) {
        try {
            return java.nio.file.Files.readString(p);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Test
    void trainingRefusalsNameTheirAxes() {
        assertRefused("train", Map.of(Axis.TRAIN_ROWS, List.of(99_999L)), "axis 'trainRows' = 99999 in");
        assertRefused("train", Map.of(Axis.OPTIMISER, List.of("rmsprop")), "axis 'optimiser' = rmsprop in");
        assertRefused("train", Map.of(Axis.DEPTHS, List.of("16")), "axis 'depths' = 16 in");
        assertRefused("train", Map.of(Axis.PROFILE, List.of("iid")), "axis 'profile' = iid in");
        assertRefused("train", Map.of(Axis.FAMILY, List.of("theta2")), "axis 'family' = theta2 in");
        assertRefused("train", Map.of(Axis.MOMENTUM, List.of(1.0)), "axis 'momentum' = 1.0 in");
        assertRefused("train", Map.of(Axis.GRADIENT, List.of("finite")), "axis 'gradient' = finite in");
        assertRefused("linear-train", Map.of(Axis.LEARNING_RATE, List.of(-1.0)), "axis 'lr' = -1.0 in");
        assertRefused("linear-train", Map.of(Axis.TARGET, List.of("wobbly")), "axis 'target' = wobbly in");
        assertRefused("linear-train", Map.of(Axis.INIT, List.of("wavy")), "axis 'init' = wavy in");
        assertRefused("linear-train", Map.of(Axis.CONTROL, List.of("decoupled")), "axis 'control' = decoupled in");
    }

    private static void assertRefused(String claim, Map<Axis, List<Object>> axes, String message) {
        assertThatThrownBy(() -> new Grid(claim, axes).tasks(100)).isInstanceOf(BadInputException.class)
                .hasMessageContaining(message);
    }
}
