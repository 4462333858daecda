package org.resnetode.spark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.resnetode.checks.BadInputException;
import org.resnetode.io.Parquet;
import org.resnetode.sweep.Axis;
import org.resnetode.sweep.Grid;
import org.resnetode.sweep.Sweep;
import org.resnetode.sweep.SweepMeasure;
import org.resnetode.sweep.SweepRow;
import org.resnetode.sweep.ThreadRunner;

/**
 * The Spark runner against the thread runner on a small grid: the same rows and the same files, byte for byte, on a
 * local[2] context; and the Parquet file the main jar writes, read back by Spark SQL (an independent reader) to the same
 * values, bit for bit.
 */
@Timeout(300)
class SparkRunnerTest {
    private static final Sweep.Listener QUIET = new Sweep.Listener() {
    };

    /** 8 distance configurations, two of them refused (amplitude 1e3: e^{L_x} overflows) so refused rows travel too. */
    private static Grid grid() {
        return new Grid("distance", Map.of(Axis.FAMILY, List.of("linear", "tanh"), Axis.DIM, List.of(2L),
                Axis.AMPLITUDE, List.of(0.5, 1e3), Axis.DEPTHS, List.of("8:64"), Axis.FIT_FROM, List.of(8L),
                Axis.SEED, List.of(1L, 2L)));
    }

    @Test
    void sparkRowsAndFilesEqualTheThreadRunnersAndSparkReadsTheParquetBack(@TempDir Path tmp) throws Exception {
        Path threads = tmp.resolve("threads");
        Path spark = tmp.resolve("spark");
        Sweep.Outcome a = Sweep.run(grid(), 100, threads, false, new ThreadRunner(), List.of(Axis.FAMILY), QUIET);
        Sweep.Outcome b = Sweep.run(grid(), 100, spark, false, new SparkRunner("local[2]"), List.of(Axis.FAMILY), QUIET);
        assertThat(b.rows()).isEqualTo(a.rows());
        int verdict = SweepMeasure.columns("distance").stream().map(Parquet.Column::name).toList().indexOf("verdict");
        assertThat(a.rows().stream().filter(r -> "refused".equals(r.values()[verdict])).count()).isEqualTo(4);
        for (String f : List.of("rows.csv", "rows.parquet", "summary.json", "summary.md", "grid.json")) {
            assertThat(Files.readAllBytes(spark.resolve(f))).as(f).isEqualTo(Files.readAllBytes(threads.resolve(f)));
        }
        SparkSession session = SparkSession.builder().master("local[1]").appName("parquet read-back")
                .config("spark.ui.enabled", "false").config("spark.driver.host", "127.0.0.1")
                .config("spark.driver.bindAddress", "127.0.0.1").getOrCreate();
        try {
            Dataset<Row> read = session.read().parquet(threads.resolve("rows.parquet").toString());
            List<Parquet.Column> columns = SweepMeasure.columns("distance");
            assertThat(read.columns()).containsExactlyElementsOf(columns.stream().map(Parquet.Column::name).toList());
            List<Row> rows = new ArrayList<>(read.collectAsList());
            rows.sort((x, y) -> Long.compare(x.getLong(0), y.getLong(0)));
            assertThat(rows).hasSize(a.rows().size());
            for (int i = 0; i < rows.size(); i++) {
                Object[] expected = a.rows().get(i).values();
                for (int c = 0; c < columns.size(); c++) {
                    Object got = rows.get(i).get(c);
                    if (expected[c] instanceof Double d) {
                        assertThat(Double.doubleToRawLongBits((Double) got)).as(columns.get(c).name() + " of row " + i)
                                .isEqualTo(Double.doubleToRawLongBits(d));
                    } else {
                        assertThat(got).as(columns.get(c).name() + " of row " + i).isEqualTo(expected[c]);
                    }
                }
            }
        } finally {
            session.stop();
        }
    }

    /**
     * A roughness grid (two families, a decoupled negative control), a linear-training grid and a
     * training grid: the Spark runner's files equal the thread runner's, byte for byte.
     */
    @Test
    void roughnessAndTrainingGridsGiveTheSameFilesOnSpark(@TempDir Path tmp) throws Exception {
        List<Grid> grids = List.of(
                new Grid("roughness", Map.of(Axis.FAMILY, List.of("linear", "affine"), Axis.HURST, List.of(0.75),
                        Axis.DEPTHS, List.of("8:32"), Axis.PATHS, List.of(16L), Axis.CONTROL, List.of("none", "decoupled"))),
                new Grid("linear-train", Map.of(Axis.DIM, List.of(2L, 3L), Axis.DEPTHS, List.of("8:32"), Axis.TIME, List.of(10.0))),
                new Grid("train", Map.of(Axis.INIT, List.of("smooth", "iid"), Axis.HIDDEN, List.of(4L), Axis.DEPTHS,
                        List.of("4,8"), Axis.TRAIN_ROWS, List.of(32L), Axis.BATCH, List.of(16L))));
        for (Grid g : grids) {
            Path threads = tmp.resolve(g.claim() + "-threads");
            Path spark = tmp.resolve(g.claim() + "-spark");
            List<Axis> by = List.of(g.measurement().axes().get(0));
            Sweep.Outcome a = Sweep.run(g, 100, threads, false, new ThreadRunner(), by, QUIET);
            Sweep.Outcome b = Sweep.run(g, 100, spark, false, new SparkRunner("local[2]"), by, QUIET);
            assertThat(b.rows()).as(g.claim()).isEqualTo(a.rows());
            int verdict = SweepMeasure.columns(g.claim()).stream().map(Parquet.Column::name).toList().indexOf("verdict");
            assertThat(a.rows()).as(g.claim()).noneMatch(r -> r.values()[verdict].equals("refused"));
            for (String f : List.of("rows.csv", "rows.parquet", "summary.json", "summary.md", "grid.json")) {
                assertThat(Files.readAllBytes(spark.resolve(f))).as(g.claim() + " " + f).isEqualTo(Files.readAllBytes(threads.resolve(f)));
            }
        }
    }

    @Test
    void anUnreachableMasterIsBadInputAtOnce() {
        long start = System.nanoTime();
        assertThatThrownBy(() -> new SparkRunner("spark://127.0.0.1:1").run(grid().tasks(100), row -> { }))
                .isInstanceOf(BadInputException.class).hasMessageContaining("cannot reach the Spark master");
        assertThat((System.nanoTime() - start) / 1e9).isLessThan(30);
        assertThatThrownBy(() -> SparkRunner.requireReachable("mesos://x")).isInstanceOf(BadInputException.class)
                .hasMessageContaining("expected local[*]");
        assertThatThrownBy(() -> SparkRunner.requireReachable("local[0]")).isInstanceOf(BadInputException.class);
    }

    @Test
    void localMastersRetryFailedTasksLikeAClusterDoes() {
        assertThat(SparkRunner.local("local[2]")).isEqualTo("local[2,4]");
        assertThat(SparkRunner.local("local[*]")).isEqualTo("local[*,4]");
        assertThat(SparkRunner.local("local")).isEqualTo("local[1,4]");
        assertThat(SparkRunner.local("spark://h:7077")).isEqualTo("spark://h:7077");
    }
}
