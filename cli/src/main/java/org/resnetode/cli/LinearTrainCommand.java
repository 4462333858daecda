package org.resnetode.cli;

import org.resnetode.checks.BadInputException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.Callable;
import org.resnetode.claim.ClaimResult;
import org.resnetode.claim.DistanceMeasurement;
import org.resnetode.claim.Progress;
import org.resnetode.claim.RegularizationConfig;
import org.resnetode.claim.Verdict;
import org.resnetode.model.Gaussian;
import org.resnetode.model.LinearFamily;
import org.resnetode.model.Weights;
import org.resnetode.report.Column;
import org.resnetode.report.TableLayout;
import org.resnetode.scheme.Scheme;
import org.resnetode.train.linear.LinearLoss;
import org.resnetode.train.linear.LinearTrainer;
import org.resnetode.train.linear.LinearTraining;
import org.resnetode.train.linear.Smoothness;
import org.resnetode.train.linear.Targets;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "linear-train", mixinStandardHelpOptions = true,
        description = {"Trains one linear ResNet x_{n+1} = (I + A_n/N) x_n by gradient descent with the depth-scaled step "
                + "(MATH.md section 3), with the O(N d³) prefix/suffix gradient, and tracks every K steps the loss and "
                + "S(t) = N max_n ||A_{n+1} - A_n||. Opt-in comparisons: --limit, the distance to the limit (Richardson: a 2N "
                + "run trained alongside, 2 max_n ||A^N_n - A^{2N}_{2n}||, twice the training's own cost), and --ode, the "
                + "distance ||x_N - x(1)|| between the network and its Neural ODE (a certified ODE reference at every tracked step).",
                "Exit 1 when training diverges (the step is named; use a smaller --lr)."})
public final class LinearTrainCommand implements Callable<Integer> {
    /** The limit distance keeps the 2N run's even layers at every tracked step: skipped above this many doubles. */
    static final long LIMIT_MEMORY_DOUBLES = 1L << 25;

    /** The columns of every run: step, time, loss, S(t). */
    static final List<Column> TRAINING_COLUMNS = List.of(
            new Column("step", "step", "%d"),
            new Column("t", "t", "%.4g"),
            new Column("loss", "loss", "%.4e"),
            new Column("S", "S(t)", "%.5g"));
    static final Column LIMIT_COLUMN = new Column("limitDistance", "max_n ||A^N_n - A(t_n)||", "%.4e");
    static final Column ODE_COLUMN = new Column("odeDistance", "||x_N - x(1)||", "%.4e");

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Mixin
    LinearTrainingOptions training;

    @Option(names = "--depth", paramLabel = "N", defaultValue = "64", description = "Depth N >= 1. Default: ${DEFAULT-VALUE}.")
    int depth;

    @Option(names = "--steps", paramLabel = "K", description = "Number of steps (instead of --time).")
    Integer steps;

    @Option(names = "--loss", defaultValue = "matrix",
            description = "matrix: ½ ||P - B||_F²; data: ½ mean ||P x_i - y_i||² on --samples Gaussian inputs x_i with y_i = B x_i. "
                    + "Default: ${DEFAULT-VALUE}.")
    String loss;

    @Option(names = "--samples", paramLabel = "M", defaultValue = "256", description = "Samples of the data loss. Default: ${DEFAULT-VALUE}.")
    int samples;

    @Option(names = "--limit", description = "Also train a 2N run (twice the training's own cost) and track the distance to the limit.")
    boolean limit;

    @Option(names = "--ode", description = "Also track the distance ||x_N - x(1)|| to the Neural ODE (a certified reference per tracked step).")
    boolean ode;

    @Mixin
    OutputOptions output;

    @Override
    public Integer call() {
        output.prepare();
        ClaimResult result;
        try {
            result = measure();
        } catch (LinearTraining.Divergence e) {
            spec.commandLine().getErr().println("resnet-ode: " + e.getMessage());
            return Main.EXIT_FAILED_CLAIM;
        }
        TableLayout layout = TableLayout.of("linear-train", "Linear ResNet training", r -> "Linear ResNet training: d = "
                + r.config().get("dim") + ", N = " + r.config().get("depth") + ", target " + r.config().get("target"), r -> columns());
        return ClaimOutput.emit(layout, List.of(result), output, spec.commandLine().getOut(), spec.commandLine().getErr(), Map.of());
    }

    /** The training columns, then the comparisons asked for. */
    List<Column> columns() {
        List<Column> columns = new ArrayList<>(TRAINING_COLUMNS);
        if (limit) {
            columns.add(LIMIT_COLUMN);
        }
        if (ode) {
            columns.add(ODE_COLUMN);
        }
        return columns;
    }

    ClaimResult measure() {
        if (depth < 1) {
            throw new BadInputException("depth must be at least 1, got " + depth);
        }
        training.refuseIgnoredOptions(spec);
        Applies.require(spec, "--time", steps == null, "does not apply with --steps " + steps
                + " (both set the number of steps: --time T runs round(T/η) of them; give one)");
        Applies.require(spec, "--loss-target", false, "does not apply to linear-train (a training run, not a claim: no loss is "
                + "required; regularization judges it)");
        RegularizationConfig cfg = training.config(new int[] {depth});
        LinearTraining.Settings settings = steps == null ? cfg.settings()
                : new LinearTraining.Settings(cfg.learningRate(), steps, cfg.trackEvery());
        int d = cfg.dim();
        LinearLoss objective = objective(d, cfg.seed());
        Progress progress = output.progress(spec.commandLine().getErr());
        int tracked = settings.steps() / settings.trackEvery() + 2;
        List<String> notes = new ArrayList<>();
        List<double[]> doubled = new ArrayList<>();
        if (limit && (long) tracked * depth * d * d > LIMIT_MEMORY_DOUBLES) {
            notes.add(String.format("distance to the limit skipped: the 2N run's snapshots would need %d MB; use a larger --track-every",
                    (long) tracked * depth * d * d * 8 >> 20));
        } else if (limit) {
            LinearTrainer twice = new LinearTrainer(objective, 2 * depth, LinearTrainer.initialWeights(cfg.initialProfile(), d, 2 * depth));
            LinearTraining.run(twice, settings, (step, time, l, s, w) -> doubled.add(Smoothness.evenLayers(w, depth, d)));
            progress.report("linear-train: 2N = " + 2 * depth + " run for the limit distance done");
        }
        LinearTrainer trainer = new LinearTrainer(objective, depth, LinearTrainer.initialWeights(cfg.initialProfile(), d, depth));
        double[] x0 = DistanceMeasurement.unitInput(d, cfg.seed());
        List<Map<String, Object>> rows = new ArrayList<>();
        long start = System.nanoTime();
        LinearTraining.run(trainer, settings, (step, time, l, s, w) -> {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("step", step);
            row.put("t", time);
            row.put("loss", l);
            row.put("S", s);
            int k = rows.size();
            if (limit) {
                row.put("limitDistance", doubled.isEmpty() ? Double.NaN : Smoothness.limitDistanceFromEven(w, doubled.get(k), d));
            }
            if (ode) {
                row.put("odeDistance", odeDistance(w, d, x0));
            }
            rows.add(row);
            progress.report(String.format("linear-train step %d t=%.3g loss=%.3e S=%.4g", step, time, l, s));
        });
        double seconds = (System.nanoTime() - start) / 1e9;
        notes.add(String.format("%d steps of N = %d, d = %d in %.3f s including tracking (%.3f GFLOP/s at 6 N d³ flops per step)",
                settings.steps(), depth, d, seconds, 6.0 * depth * d * d * d * settings.steps() / seconds / 1e9));
        notes.add("a training run, not a claim: 'holds' means it finished without diverging");
        Map<String, Object> config = cfg.describe();
        if (!limit) {
            config.remove("limitReference");
        }
        config.put("depth", depth);
        config.put("loss", loss);
        config.put("steps", settings.steps());
        return new ClaimResult("linear-train", config, rows, List.of(), Verdict.HOLDS, notes);
    }

    private LinearLoss objective(int d, long seed) {
        double[] b = Targets.parse(training.target, d, seed);
        Applies.require(spec, "--samples", loss.equals("data"), "applies to --loss data only, not to --loss " + loss);
        if (loss.equals("matrix")) {
            return LinearLoss.matrix(b, d);
        }
        if (!loss.equals("data")) {
            throw new BadInputException("unknown loss '" + loss + "' (expected matrix or data)");
        }
        if (samples < 1) {
            throw new BadInputException("--samples must be at least 1, got " + samples);
        }
        SplittableRandom rng = new SplittableRandom(seed ^ 0x9E3779B97F4A7C15L);
        double[] x = new double[samples * d];
        for (int i = 0; i < x.length; i++) {
            x[i] = Gaussian.next(rng);
        }
        double[] y = new double[samples * d];
        for (int i = 0; i < samples; i++) {
            for (int r = 0; r < d; r++) {
                double s = 0;
                for (int c = 0; c < d; c++) {
                    s += b[r * d + c] * x[i * d + c];
                }
                y[i * d + r] = s;
            }
        }
        return LinearLoss.dataSet(x, y, samples, d);
    }

    /** ||x_N - x(1)|| of the network with these weights against its Neural ODE (NaN when the reference cannot be certified). */
    private double odeDistance(double[] w, int d, double[] x0) {
        DistanceMeasurement m = DistanceMeasurement.measure(new LinearFamily(d), new Weights(depth, d * d, w.clone()), Scheme.EULER,
                depth, x0);
        return m.accepted() ? m.error() : Double.NaN;
    }
}
