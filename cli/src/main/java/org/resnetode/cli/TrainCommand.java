package org.resnetode.cli;

import org.resnetode.checks.BadInputException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import org.resnetode.train.DataReader;
import org.resnetode.train.Dataset;
import org.resnetode.train.Trainer;
import org.resnetode.train.TrainingRun;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "train", mixinStandardHelpOptions = true,
        description = {"Trains a ResNet x -> x_N (family, scheme, depth N, h = 1/N) followed by a linear head: cross-entropy "
                + "for class labels, squared error for real targets; minibatch SGD with momentum (or Adam), gradients by "
                + "backprop or the memory-free adjoint.",
                "Prints one JSON line per epoch on stdout (loss, train/test accuracy, seconds, stored state doubles, "
                        + "smoothness N max_n ||θ_{n+1} - θ_n||, the weights' smoothness exponent from their variogram now and at "
                        + "the start); a progress bar on a terminal, plain lines otherwise (stderr).",
                "Data: --data digits (bundled UCI optical digits, pixels / 16, last 360 rows held out) or a CSV file: "
                        + "features, then a label 0..C-1 (--classes C) or T real targets (--targets T); no header."},
        footer = {"", "Exit codes: 0 trained, 1 diverged (loss NaN or grown by 1e6; the last good checkpoint is kept), 2 bad input."})
public final class TrainCommand implements Callable<Integer> {
    @Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--data", defaultValue = "digits", description = "digits or a CSV file (.csv or .csv.gz). Default: ${DEFAULT-VALUE}.")
    String data;
    @Option(names = "--classes", defaultValue = "10", description = "Classes of a CSV file's label column. Default: ${DEFAULT-VALUE}.")
    int classes;
    @Option(names = "--targets", defaultValue = "0", description = "The last T columns of a CSV file are real targets (squared error).")
    int targets;
    @Option(names = "--test-rows", description = "Rows held out at the end of the data (default: 360 for digits, a fifth of a file).")
    Integer testRows;
    @Option(names = "--train-rows", description = "Train on the first R training rows only (default: all).")
    Integer trainRows;
    @Option(names = "--family", defaultValue = "mlp", description = "Residual family. Default: ${DEFAULT-VALUE}.")
    String family;
    @Option(names = "--scheme", defaultValue = "euler", description = "A built-in tableau (euler, heun, midpoint, ralston, rk3, "
            + "rk4, rk38), heun-reference, or a tableau file ending in .json. Default: ${DEFAULT-VALUE}.")
    String scheme;
    @Option(names = "--depth", defaultValue = "64", description = "Depth N >= 1 (h = 1/N). Default: ${DEFAULT-VALUE}.")
    int depth;
    @Option(names = "--hidden", description = "Hidden width of the mlp family (default: d, the feature count).")
    Integer hidden;
    @Option(names = "--init", defaultValue = "smooth", description = "smooth, iid, zero or fbm (θ_n = θ̄ + σ B^H(n/N), one "
            + "fractional Brownian path per weight entry, σ = --amplitude in absolute units, H = --hurst). Default: ${DEFAULT-VALUE}.")
    String init;
    @Option(names = "--hurst", paramLabel = "H", description = "Hurst index H in (0, 1) of --init fbm (default: 0.5, Brownian motion).")
    Double hurst;
    @Option(names = "--profile", defaultValue = "constant",
            description = "Smooth depth profile of --init smooth: constant (one draw for every layer), polynomial or fourier. Default: ${DEFAULT-VALUE}.")
    String profile;
    @Option(names = "--amplitude", defaultValue = "1.0", description = "Depth variation of a polynomial or fourier profile, or σ of --init fbm. Default: ${DEFAULT-VALUE}.")
    double amplitude;
    @Option(names = "--gradient", defaultValue = "backprop", description = "backprop or adjoint. Default: ${DEFAULT-VALUE}.")
    String gradient;
    @Option(names = "--optimiser", defaultValue = "sgd", description = "sgd (with --momentum) or adam. Default: ${DEFAULT-VALUE}.")
    String optimiser;
    @Option(names = "--epochs", defaultValue = "10", description = "Epochs >= 1. Default: ${DEFAULT-VALUE}.")
    int epochs;
    @Option(names = "--batch", defaultValue = "64", description = "Batch size >= 1. Default: ${DEFAULT-VALUE}.")
    int batch;
    @Option(names = "--lr", defaultValue = "0.1", description = "Learning rate. Default: ${DEFAULT-VALUE}.")
    double lr;
    @Option(names = "--momentum", defaultValue = "0.9", description = "SGD momentum in [0, 1). Default: ${DEFAULT-VALUE}.")
    double momentum;
    @Option(names = "--seed", defaultValue = "1", description = "Seed of the weights and the shuffling. Default: ${DEFAULT-VALUE}.")
    long seed;
    @Option(names = "--save", paramLabel = "FILE", description = "Write the network (JSON network format) after every epoch, atomically.")
    Path save;
    @Option(names = "--resume", paramLabel = "FILE", description = "Continue training the network in FILE (same shape as this run).")
    Path resume;
    @Option(names = {"-q", "--quiet"}, description = "No progress on stderr.")
    boolean quiet;
    @CommandLine.Mixin
    ThreadOptions threads;

    @Override
    public Integer call() {
        if (epochs < 1) {
            throw new BadInputException("epochs must be at least 1, got " + epochs);
        }
        requireWritable(save);
        threads.apply();
        refuseIgnoredOptions();
        TrainingRun.Settings settings = new TrainingRun.Settings(family, scheme, depth, hidden, init, profile, amplitude,
                hurst != null ? hurst : "fbm".equals(init) ? org.resnetode.model.DepthProfiles.DEFAULT_HURST : Double.NaN,
                gradient, optimiser, lr, momentum, seed);
        TrainingRun run = TrainingRun.create(settings, split(), resume);
        Trainer trainer = run.trainer(batch, seed);
        org.resnetode.model.Weights now = run.net().weights();
        org.resnetode.model.Weights start = new org.resnetode.model.Weights(now.count(), now.size(), now.data().clone());
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        int[] saved = {0};
        boolean bar = !quiet && System.console() != null;
        try (ProgressBar pb = bar ? new ProgressBarBuilder().setTaskName("train").setInitialMax(epochs).continuousUpdate().build() : null) {
            trainer.run(run.firstEpoch(), epochs, new Trainer.Listener() {
                @Override
                public void step(int epoch, int step, int steps, double loss) {
                    if (pb != null) {
                        pb.maxHint((long) epochs * steps);
                        pb.step();
                        pb.setExtraMessage(String.format("epoch %d loss %.4f", epoch, loss));
                    }
                }

                @Override
                public void epoch(Trainer.Epoch e) {
                    if (save != null) {
                        run.checkpoint(settings, e).write(save);
                        saved[0] = e.epoch();
                    }
                    out.println(TrainingRun.json(e, run.net(), gradient, start));
                    out.flush();
                    if (!quiet && pb == null) {
                        err.println(String.format("epoch %d: loss %.4f, train accuracy %.4f, test accuracy %.4f, %.1f s",
                                e.epoch(), e.loss(), e.trainAccuracy(), e.testAccuracy(), e.seconds()));
                    }
                }
            });
        } catch (Trainer.DivergedException e) {
            err.println("resnet-ode: " + e.getMessage() + "; try a smaller --lr (now " + lr + ")"
                    + (save == null ? "" : saved[0] > 0 ? "; " + save + " keeps the last good checkpoint (epoch " + saved[0] + ")"
                    : java.nio.file.Files.exists(save) ? "; " + save + " is left as it was (no epoch of this run finished)"
                    : "; nothing was saved (no epoch finished)"));
            return Main.EXIT_FAILED_CLAIM;
        }
        return 0;
    }

    /** Options the chosen configuration would ignore: refused, naming both (README: none is accepted and ignored). */
    private void refuseIgnoredOptions() {
        org.resnetode.checks.Checks.oneOf("family", family, org.resnetode.model.Families.NAMES);
        boolean digits = data.equals(DataReader.DIGITS);
        Applies.require(spec, "--classes", !digits, "applies to a CSV file given by --data, not to --data digits (10 classes)");
        Applies.require(spec, "--targets", !digits, "applies to a CSV file given by --data, not to --data digits (class labels)");
        Applies.require(spec, "--classes", targets == 0, "does not apply with --targets " + targets + " (real targets, no classes)");
        Applies.require(spec, "--hidden", "mlp".equals(family), "applies to --family mlp only, not to " + family);
        for (String option : new String[] {"--init", "--profile", "--amplitude"}) {
            Applies.require(spec, option, resume == null, "does not apply with --resume: training continues from the weights saved in "
                    + resume + ", not from a new initialisation");
        }
        Applies.require(spec, "--profile", "smooth".equals(init), "applies to --init smooth only, not to --init " + init);
        Applies.require(spec, "--amplitude", "fbm".equals(init) || "smooth".equals(init) && !"constant".equals(profile),
                "applies to --init smooth with --profile polynomial or fourier, or to --init fbm, not to --init " + init
                        + " --profile " + profile + " (no depth variation)");
        Applies.require(spec, "--momentum", !"adam".equals(optimiser), "applies to --optimiser sgd, not to --optimiser adam");
        if (trainRows != null) {
            org.resnetode.checks.Checks.positive("--train-rows", trainRows);
        }
    }

    /** Refuses, before any training, a --save whose nearest existing directory cannot be written. */
    static void requireWritable(Path file) {
        if (file == null) {
            return;
        }
        if (java.nio.file.Files.isDirectory(file)) {
            throw new BadInputException("--save " + file + " is a directory, expected a file name");
        }
        Path dir = file.toAbsolutePath().getParent();
        while (dir != null && !java.nio.file.Files.exists(dir)) {
            dir = dir.getParent();
        }
        if (dir == null || !java.nio.file.Files.isDirectory(dir) || !java.nio.file.Files.isWritable(dir)) {
            throw new BadInputException("--save " + file + " cannot be written (" + dir + " is not a writable directory)");
        }
    }

    private Dataset.Split split() {
        Dataset all;
        int held;
        if (data.equals(DataReader.DIGITS)) {
            all = DataReader.digits();
            held = testRows == null ? DataReader.DIGITS_TEST_ROWS : testRows;
        } else {
            all = DataReader.file(Path.of(data), classes, targets);
            held = testRows == null ? Math.max(1, all.rows() / 5) : testRows;
        }
        Dataset.Split split = all.split(held);
        if (trainRows == null) {
            return split;
        }
        Applies.require(spec, "--train-rows", trainRows <= split.train().rows(), trainRows + " is more than the "
                + split.train().rows() + " training rows of --data " + data + " (after --test-rows " + held + ")");
        return new Dataset.Split(split.train().slice(0, trainRows), split.test());
    }
}
