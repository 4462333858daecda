package org.resnetode.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code bin/benchmark numpy [threads]}: for each workload of issue 6 (d = hidden, batch, N), the NumPy anchor
 * {@code ../shared/anchors/numpy_mlp_gradient.py} (best of {@value #REPEATS}, OPENBLAS_CORETYPE and OPENBLAS_L2_SIZE
 * removed from its environment alone) and right after it {@link GradientBenchmark}'s backprop and adjoint gradients in
 * this JVM, {@value #REPEATS} shots of each <em>alternating</em> (backprop, adjoint, backprop, ...), after a warm-up
 * of at least {@value #WARMUP_SECONDS} s a workload. The whole sequence runs {@value #ROUNDS} times, interleaved. Why
 * this way: this machine is shared and its speed drifts by 10 to 50% within a minute (six JMH forks of the d = 64
 * backprop, one after the other: best shots from 95 to 162 ms), so two methods measured in separate forks a few seconds
 * apart, or NumPy and us in one pass, let a slow spell that hit one side decide a ratio (with JMH forks, two runs'
 * d = 64 adjoint / backprop came out 1.31 and 1.40 from rounds between 0.72 and 2.40). The table gives each side's best
 * over all rounds, the ratios of those bests (NumPy over ours, above 1: faster than NumPy; adjoint over backprop) and
 * the ratios in each round, so the spread is in view. The anchor is looked up as {@code ../shared/anchors} from the
 * repository, then {@code ../../shared/anchors} (a worktree one level deeper); without it, python3 or NumPy it says
 * which and prints the project's times alone.
 */
public final class NumpyComparison {
    static final String[] WORKLOADS = {"8,64,4096", "64,64,1024", "128,128,256"};
    static final int REPEATS = 5;
    static final int ROUNDS = 5;
    /** Seconds each workload's gradients run (alternating) before the first measured shot: the JIT compiles them meanwhile. */
    static final double WARMUP_SECONDS = 3;
    static final List<Path> ANCHORS = List.of(Path.of("..", "shared", "anchors", "numpy_mlp_gradient.py"),
            Path.of("..", "..", "shared", "anchors", "numpy_mlp_gradient.py"));
    private static final Pattern BACKPROP_MS = Pattern.compile("\"backprop_ms\":\\s*([0-9.eE+-]+)");

    private NumpyComparison() {
    }

    public static void main(String[] args) throws IOException, InterruptedException {
        int threads = args.length > 0 ? Integer.parseInt(args[0]) : 0;
        Path anchor = ANCHORS.stream().filter(Files::isRegularFile).findFirst().orElse(null);
        String missing = anchorMissing(anchor);
        if (missing != null) {
            System.err.println("numpy anchor skipped: " + missing + "; printing the project's times alone");
        }
        GradientBenchmark[] benchmarks = new GradientBenchmark[WORKLOADS.length];
        for (int w = 0; w < WORKLOADS.length; w++) {
            benchmarks[w] = new GradientBenchmark();
            benchmarks[w].workload = WORKLOADS[w];
            benchmarks[w].threads = threads;
            benchmarks[w].setUp();
            System.err.printf("warming up %s%n", WORKLOADS[w]);
            warmUp(benchmarks[w]);
        }
        double[][][] times = new double[WORKLOADS.length][ROUNDS][];
        for (int round = 0; round < ROUNDS; round++) {
            for (int w = 0; w < WORKLOADS.length; w++) {
                System.err.printf("round %d of %d, workload %s%n", round + 1, ROUNDS, WORKLOADS[w]);
                double numpy = missing == null ? anchor(anchor, WORKLOADS[w]) : Double.NaN;
                double[] ours = alternate(benchmarks[w]);
                times[w][round] = new double[] {numpy, ours[0], ours[1]};
            }
        }
        System.out.printf("%nOne gradient, Euler, f = W2 tanh(W1 x), kernel threads: %s (ms, best of %d shots in each of %d"
                + " interleaved rounds, backprop and adjoint shots alternating; NumPy / backprop above 1 = faster than NumPy; issue 20's targets on"
                + " the medians of the rounds' ratios: ≥ 5× at d = 8, ≥ 1.5× at d = 64 and 128, adjoint / backprop ≤ 1.5)%n",
                threads == 0 ? "all " + Runtime.getRuntime().availableProcessors() + " cores" : threads, REPEATS, ROUNDS);
        System.out.println("| d = hidden, batch, N | NumPy backprop | backprop | adjoint | NumPy / backprop | adjoint / backprop"
                + " | median NumPy / backprop | median adjoint / backprop | NumPy / backprop by round | adjoint / backprop by round |");
        System.out.println("| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |");
        for (int w = 0; w < WORKLOADS.length; w++) {
            System.out.println(row(WORKLOADS[w], times[w]));
        }
    }

    /** Backprop and adjoint gradients, alternating, until {@link #WARMUP_SECONDS} have passed. */
    static void warmUp(GradientBenchmark benchmark) {
        long end = System.nanoTime() + (long) (WARMUP_SECONDS * 1e9);
        while (System.nanoTime() < end) {
            benchmark.backprop();
            benchmark.adjoint();
        }
    }

    /** Backprop's and the adjoint's best times (ms) over {@link #REPEATS} shots of each, taken alternately. */
    static double[] alternate(GradientBenchmark benchmark) {
        double[] best = {Double.POSITIVE_INFINITY, Double.POSITIVE_INFINITY};
        double sink = 0;
        for (int shot = 0; shot < REPEATS; shot++) {
            for (int method = 0; method < 2; method++) {
                long start = System.nanoTime();
                sink += method == 0 ? benchmark.backprop() : benchmark.adjoint();
                best[method] = Math.min(best[method], (System.nanoTime() - start) / 1e6);
            }
        }
        if (!(sink > Double.NEGATIVE_INFINITY)) {
            throw new IllegalStateException("a gradient's loss was NaN");
        }
        return best;
    }

    /**
     * One table row: each side's best over the rounds (NumPy, backprop, adjoint), the ratios of the bests, the medians
     * of the rounds' ratios (each round's ratio is of shots taken seconds apart), the ratios by round.
     */
    static String row(String workload, double[][] rounds) {
        double[] best = {Double.POSITIVE_INFINITY, Double.POSITIVE_INFINITY, Double.POSITIVE_INFINITY};
        double[] numpyRatios = new double[rounds.length];
        double[] adjointRatios = new double[rounds.length];
        for (int r = 0; r < rounds.length; r++) {
            numpyRatios[r] = rounds[r][0] / rounds[r][1];
            adjointRatios[r] = rounds[r][2] / rounds[r][1];
        }
        StringBuilder numpyByRound = new StringBuilder();
        StringBuilder adjointByRound = new StringBuilder();
        for (double[] t : rounds) {
            for (int i = 0; i < 3; i++) {
                best[i] = Math.min(best[i], t[i]);
            }
            numpyByRound.append(numpyByRound.length() == 0 ? "" : ", ").append(ratio(t[0], t[1], "×"));
            adjointByRound.append(adjointByRound.length() == 0 ? "" : ", ").append(ratio(t[2], t[1], ""));
        }
        String[] w = workload.split(",");
        return String.format(Locale.ROOT, "| %s, %s, %s | %s | %.1f | %.1f | %s | %s | %s | %s | %s | %s |", w[0], w[1], w[2],
                Double.isNaN(rounds[0][0]) ? "n/a" : String.format(Locale.ROOT, "%.1f", best[0]), best[1], best[2],
                ratio(best[0], best[1], "×"), ratio(best[2], best[1], ""), ratio(median(numpyRatios), 1, "×"),
                ratio(median(adjointRatios), 1, ""), numpyByRound, adjointByRound);
    }

    /** The middle value of {@code values} (the mean of the two middle ones for an even count); NaN if any is NaN. */
    static double median(double[] values) {
        double[] sorted = values.clone();
        java.util.Arrays.sort(sorted);
        int n = sorted.length;
        return Double.isNaN(sorted[n - 1]) ? Double.NaN : n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    }

    private static String ratio(double numerator, double denominator, String unit) {
        return Double.isNaN(numerator) ? "n/a" : String.format(Locale.ROOT, "%.2f%s", numerator / denominator, unit);
    }

    /** Why the anchor cannot run, or null when python3 imports NumPy and the script is there. */
    static String anchorMissing(Path anchor) throws InterruptedException {
        if (anchor == null) {
            return ANCHORS.get(0) + " not found (bin/benchmark runs from the repository root, which sits next to shared/)";
        }
        try {
            Process p = new ProcessBuilder("python3", "-c", "import numpy").redirectErrorStream(true).start();
            p.getInputStream().readAllBytes();
            return p.waitFor() == 0 ? null : "python3 cannot import numpy";
        } catch (IOException e) {
            return "python3 not found";
        }
    }

    /** The anchor's best backprop time (ms) on one workload: {@code python3 ANCHOR d d batch N REPEATS}. */
    static double anchor(Path anchor, String workload) throws IOException, InterruptedException {
        String[] w = workload.split(",");
        ProcessBuilder pb = new ProcessBuilder("python3", anchor.toString(), w[0], w[0], w[1], w[2], Integer.toString(REPEATS));
        pb.environment().remove("OPENBLAS_CORETYPE");
        pb.environment().remove("OPENBLAS_L2_SIZE");
        Process p = pb.redirectError(ProcessBuilder.Redirect.INHERIT).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        int status = p.waitFor();
        Matcher m = BACKPROP_MS.matcher(out);
        if (status != 0 || !m.find()) {
            throw new IOException("the NumPy anchor failed (exit " + status + "): " + out.strip());
        }
        System.err.println("numpy anchor " + workload + ": " + out.strip());
        return Double.parseDouble(m.group(1));
    }

}
