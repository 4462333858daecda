package org.resnetode.cli;

import org.resnetode.checks.BadInputException;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.resnetode.train.linear.LinearLoss;
import org.resnetode.train.linear.LinearTrainer;
import org.resnetode.train.linear.Targets;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "linear-bench", mixinStandardHelpOptions = true,
        description = {"Benchmark of linear-ResNet training (MATH.md section 3): the project's trainer and the NumPy anchor "
                + "shared/anchors/numpy_linear_training.py on the same workloads (d, N, steps; zero initialisation, "
                + "B = I + 0.5 G/√d, the same learning rate) in one invocation, with throughput at 6 N d³ flops per step and the "
                + "ratio NumPy / project. Targets (issue 20, on the median ratio): >= 10× at d <= 8, >= 1.5× at d = 64 and 128.",
                "NumPy runs as `env -u OPENBLAS_CORETYPE -u OPENBLAS_L2_SIZE python3 ANCHOR D N STEPS LR SEED`. The Java side runs on "
                        + "--threads threads (default: all cores, as NumPy's BLAS does) and is warmed up on the same workload first "
                        + "(at least 2 s); then --repeats rounds, each a Java run and a NumPy run "
                        + "back to back: each side's best run, and the median over the rounds of each round's ratio (the machine's "
                        + "speed drifts between rounds, not within one). "
                        + "A benchmark, not a claim: exit 0 whether or not the targets are met (2 when python3 or NumPy is missing)."})
public final class LinearBenchCommand implements Callable<Integer> {
    private static final String ANCHOR = "shared/anchors/numpy_linear_training.py";
    private static final Pattern SECONDS = Pattern.compile("\"seconds\":\\s*([0-9.eE+-]+)");
    /** Least time the Java side runs its workload before the timed rounds (the JIT compiles the kernels meanwhile). */
    private static final long WARM_UP_NANOS = 2_000_000_000L;

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Option(names = "--workloads", split = ";", paramLabel = "D:N:STEPS",
            defaultValue = "4:1024:40;8:1024:40;64:256:4;128:64:4",
            description = "Workloads d:N:steps separated by ';'. Default: ${DEFAULT-VALUE}.")
    List<String> workloads;

    @Option(names = "--lr", defaultValue = "0.05", description = "Learning rate of both sides. Default: ${DEFAULT-VALUE}.")
    double learningRate;

    @Option(names = "--repeats", defaultValue = "5", description = "Timed rounds per workload (a Java run and a NumPy run each). Default: ${DEFAULT-VALUE}.")
    int repeats;

    @picocli.CommandLine.Mixin
    ThreadOptions threads;

    @Option(names = "--anchor", paramLabel = "FILE",
            description = "The NumPy anchor script (default: ../shared/anchors/numpy_linear_training.py, searched upward from the working directory).")
    Path anchor;

    @Override
    public Integer call() {
        if (repeats < 1) {
            throw new BadInputException("--repeats must be at least 1, got " + repeats);
        }
        threads.apply();
        List<int[]> parsed = workloads.stream().map(LinearBenchCommand::parse).toList();
        Path script = anchor != null ? anchor : findAnchor();
        if (!Files.isRegularFile(script)) {
            throw new BadInputException("NumPy anchor " + script + " not found (pass --anchor FILE)");
        }
        PrintWriter out = spec.commandLine().getOut();
        boolean header = false;
        for (int[] dns : parsed) {
            double flops = 6.0 * dns[1] * Math.pow(dns[0], 3) * dns[2];
            double java = Double.POSITIVE_INFINITY;
            double numpy = Double.POSITIVE_INFINITY;
            long warm = System.nanoTime() + WARM_UP_NANOS;
            do {
                timeJava(dns[0], dns[1], dns[2]);
            } while (System.nanoTime() < warm);
            double[] ratios = new double[repeats];
            for (int r = 0; r < repeats; r++) {
                double javaRun = timeJava(dns[0], dns[1], dns[2]);
                double numpyRun = timeNumpy(script, dns[0], dns[1], dns[2]);
                java = Math.min(java, javaRun);
                numpy = Math.min(numpy, numpyRun);
                ratios[r] = numpyRun / javaRun;
            }
            Arrays.sort(ratios);
            double median = repeats % 2 == 1 ? ratios[repeats / 2] : (ratios[repeats / 2 - 1] + ratios[repeats / 2]) / 2;
            if (!header) {
                // after the first workload ran on both sides: a failing anchor leaves no table begun on stdout
                out.println("   d      N  steps   java s  java GFLOP/s  numpy s  numpy GFLOP/s  ratio  median  target  met");
                header = true;
            }
            double target = dns[0] <= 8 ? 10 : 1.5;
            out.println(String.format(Locale.ROOT, "%4d %6d %6d %8.4f %13.3f %8.4f %14.3f %6.2f %7.2f %6.1fx  %s", dns[0], dns[1], dns[2],
                    java, flops / java / 1e9, numpy, flops / numpy / 1e9, numpy / java, median, target, median >= target ? "yes" : "no"));
            out.flush();
        }
        out.println("ratio = NumPy's best seconds / the project's best; median = the median of the rounds' ratios (higher is faster); machine: "
                + Runtime.getRuntime().availableProcessors() + " cores visible to the JVM, the project on " + org.resnetode.linalg.Parallelism.current());
        return 0;
    }

    /** Seconds of {@code steps} depth-scaled steps of the project's trainer (zero init, B = I + 0.5 G/√d). */
    private double timeJava(int d, int n, int steps) {
        LinearTrainer trainer = new LinearTrainer(LinearLoss.matrix(Targets.random(0.5, d, 0), d), n, new double[n * d * d]);
        long start = System.nanoTime();
        double loss = 0;
        for (int s = 0; s < steps; s++) {
            loss = trainer.step(learningRate);
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        if (!Double.isFinite(loss)) {
            throw new BadInputException("the benchmark training diverged at d = " + d + ", N = " + n + ": use a smaller --lr");
        }
        return seconds;
    }

    /** The anchor's own timing of its loop ("seconds" of its JSON line). */
    private double timeNumpy(Path script, int d, int n, int steps) {
        List<String> command = List.of("env", "-u", "OPENBLAS_CORETYPE", "-u", "OPENBLAS_L2_SIZE", "python3", script.toString(),
                Integer.toString(d), Integer.toString(n), Integer.toString(steps), Double.toString(learningRate), "0");
        String output;
        int code;
        try {
            Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
            output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            code = p.waitFor();
        } catch (IOException e) {
            throw new BadInputException("cannot run python3 for the NumPy baseline (" + e.getMessage() + "): install Python 3 with NumPy");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while running the NumPy baseline", e);
        }
        if (code != 0 && output.contains("No module named 'numpy'")) {
            throw new BadInputException("python3 has no NumPy: install it (pip install numpy) to run the baseline");
        }
        if (code == 127 || output.contains("python3: No such file") || output.contains("env: 'python3'")) {
            throw new BadInputException("python3 not found: install Python 3 with NumPy to run the baseline");
        }
        Matcher m = SECONDS.matcher(output);
        String last = output.strip().lines().reduce((a, b) -> b).orElse("");
        String printed = last.isEmpty() ? "it printed nothing" : "its last line: " + org.resnetode.checks.Printable.of(last, 120);
        if (code != 0) {
            throw new BadInputException("the NumPy anchor " + script + " failed (exit " + code + "); " + printed);
        }
        if (!m.find()) {
            throw new BadInputException("the NumPy anchor " + script + " printed no \"seconds\" value (is it "
                    + "numpy_linear_training.py?); " + printed);
        }
        return Double.parseDouble(m.group(1));
    }

    private static int[] parse(String workload) {
        String[] parts = workload.split(":", -1);
        String what = "--workloads '" + org.resnetode.checks.Printable.of(workload, 40) + "'";
        if (parts.length != 3) {
            throw new BadInputException(what + ": expected D:N:STEPS, all at least 1");
        }
        int[] v = new int[3];
        for (int k = 0; k < 3; k++) {
            v[k] = org.resnetode.checks.Numbers.parseInt(what, parts[k]);
            org.resnetode.checks.Checks.positive(what + ": " + new String[] {"D", "N", "STEPS"}[k], v[k]);
        }
        // the trainer keeps the N + 1 prefix products of d×d blocks in one array
        org.resnetode.checks.Checks.arrayFits(what, ((long) v[1] + 1) * v[0] * v[0]);
        return v;
    }

    /** {@code ../shared/anchors/...} relative to the working directory or any of its parents. */
    private static Path findAnchor() {
        Path dir = Path.of("").toAbsolutePath();
        for (Path p = dir; p != null; p = p.getParent()) {
            Path candidate = p.resolve(ANCHOR);
            if (Files.isRegularFile(candidate)) {
                return candidate;
            }
        }
        return dir.resolve("..").resolve(ANCHOR).normalize();
    }
}
