package org.resnetode.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import org.resnetode.checks.BadInputException;
import org.resnetode.sweep.Axis;
import org.resnetode.sweep.Grid;
import org.resnetode.sweep.GridFile;
import org.resnetode.sweep.RunnerProvider;
import org.resnetode.sweep.Sweep;
import org.resnetode.sweep.SweepRow;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "sweep", mixinStandardHelpOptions = true, versionProvider = Version.class,
        description = {"Runs a grid of configurations of one claim measurement (distance, adjoint, roughness, linear-train "
                + "or train): the product of the axes a grid file lists, one row per configuration in rows.csv and "
                + "rows.parquet, and summary.json and summary.md grouped by --group-by. The whole grid is judged before any "
                + "work, each configuration by the claim's own configuration record.",
                "Grid file: {\"claim\": \"distance\", \"axes\": {\"family\": [\"linear\", \"tanh\"], \"dim\": [2, 8], "
                        + "\"depths\": [\"64:1024\"], \"seed\": {\"from\": 1, \"to\": 100}}}; an axis not listed takes "
                        + "its default. Axes (defaults): distance and adjoint: family (linear), profile (fourier), scheme "
                        + "(euler), dim (8), hidden (d), amplitude (1.0), zeroMean (false), depths (8:1024), seed (1), "
                        + "fitFrom (64), batch (adjoint only, 4); roughness: family (linear), scheme (euler), hurst (0.5), "
                        + "depths (32:256), paths (400), referenceGrid (128 x the largest depth), mean (0.0), amplitude "
                        + "(0.5 for theta2, 1.0 otherwise), control (none; decoupled), seed (1); linear-train: dim (8), "
                        + "target (random:0.5), init (zero), initAmplitude (0.5), depths (16:128), lr (0.25), time (100.0), "
                        + "trackEvery (20), lossTarget (1e-10), control (none; unscaled-step), seed (1); train (bundled "
                        + "digits): family (mlp), hidden (16), scheme (euler), init (smooth), profile (constant), amplitude "
                        + "(1.0), depths (8:64), gradient (backprop), optimiser (sgd), lr (0.1), momentum (0.9), epochs (1), "
                        + "batch (64), trainRows (256), seed (1).",
                "Exit 0 when every row is measured (whatever the verdicts: the sweep is a survey), 2 on a bad grid."})
public final class SweepCommand implements Callable<Integer> {
    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Option(names = "--grid", paramLabel = "FILE", required = true, description = "The grid file (JSON).")
    Path grid;

    @Option(names = "--out", paramLabel = "DIR", description = "Directory of a new sweep (it must not hold one already).")
    Path out;

    @Option(names = "--resume", paramLabel = "DIR",
            description = "Continue the sweep in DIR: configurations already measured there (rows.csv, journal.csv) are not run again.")
    Path resume;

    @Option(names = "--runner", defaultValue = "threads",
            description = "threads (this JVM's cores) or spark (Apache Spark; run through bin/resnet-ode-spark). Default: ${DEFAULT-VALUE}.")
    String runner;

    @Option(names = "--master", paramLabel = "URL",
            description = "Spark master with --runner spark: local[*] (default), local[2], spark://host:7077, yarn.")
    String master;

    @Option(names = "--group-by", paramLabel = "AXES", split = ",",
            description = "Axes to group the summary by, comma-separated (e.g. family,profile). Default: one group.")
    List<String> groupBy = new ArrayList<>();

    @Option(names = "--max-configs", paramLabel = "N", defaultValue = "1000000",
            description = "Refuse a grid whose product exceeds N configurations. Default: ${DEFAULT-VALUE}.")
    long maxConfigs;

    @Option(names = {"-q", "--quiet"}, description = "No progress on stderr.")
    boolean quiet;

    @Mixin
    ThreadOptions threads;

    @Override
    public Integer call() {
        threads.apply();
        if ((out == null) == (resume == null)) {
            throw new BadInputException(out == null ? "name the sweep's directory: --out DIR (new) or --resume DIR (continue)"
                    : "--out and --resume both given: a sweep either starts (--out) or continues (--resume)");
        }
        if (maxConfigs < 1) {
            throw new BadInputException("--max-configs must be at least 1, got " + maxConfigs);
        }
        List<Axis> by = new ArrayList<>();
        for (String name : groupBy) {
            Axis a = Axis.byKey(name.trim());
            if (by.contains(a)) {
                throw new BadInputException("--group-by names axis '" + a.key() + "' twice");
            }
            by.add(a);
        }
        Grid g = GridFile.read(grid);
        var run = RunnerProvider.byName(runner, master);
        PrintWriter err = spec.commandLine().getErr();
        Path dir = resume != null ? resume : out;
        long started = System.nanoTime();
        Sweep.Outcome outcome;
        boolean bar = !quiet && System.console() != null;
        try (ProgressBar pb = bar ? new ProgressBarBuilder().setTaskName("sweep").continuousUpdate().build() : null) {
            outcome = Sweep.run(g, maxConfigs, dir, resume != null, run, by, new Sweep.Listener() {
                private int total;
                private int done;
                private int resumed;
                private long lastLine;

                @Override
                public void start(int total, int alreadyMeasured) {
                    this.total = total;
                    this.done = alreadyMeasured;
                    this.resumed = alreadyMeasured;
                    if (pb != null) {
                        pb.maxHint(total);
                        pb.stepTo(alreadyMeasured);
                    } else if (!quiet) {
                        err.printf(Locale.ROOT, "sweep: %d configurations, %d already in %s, runner %s%n", total,
                                alreadyMeasured, dir, run.name());
                        err.flush();
                    }
                }

                @Override
                public void measured(SweepRow row) {
                    done++;
                    if (pb != null) {
                        pb.step();
                        return;
                    }
                    long now = System.nanoTime();
                    if (!quiet && (now - lastLine > 1_000_000_000L || done == total)) {
                        lastLine = now;
                        double seconds = (now - started) / 1e9;
                        double left = seconds / (done - resumed) * (total - done);
                        err.printf(Locale.ROOT, "sweep: %d/%d done (%.0f%%), %.0f s elapsed, about %.0f s left%n", done, total,
                                100.0 * done / total, seconds, left);
                        err.flush();
                    }
                }
            });
        }
        PrintWriter o = spec.commandLine().getOut();
        o.printf(Locale.ROOT, "%d configurations (%d measured now, %d resumed) in %.1f s: %s%n", outcome.rows().size(),
                outcome.measured(), outcome.resumed(), (System.nanoTime() - started) / 1e9, dir.resolve("rows.parquet"));
        o.flush();
        return 0;
    }
}
