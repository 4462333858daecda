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
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.OptionsBuilder;

/**
 * {@code bin/benchmark numpy [threads]}: for each workload of issue 6 (d = hidden, batch, N), the NumPy anchor
 * {@code ../shared/anchors/numpy_mlp_gradient.py} (best of {@value #REPEATS}, OPENBLAS_CORETYPE and OPENBLAS_L2_SIZE
 * removed from its environment alone) and right after it {@link GradientBenchmark} (backprop and adjoint, JMH single
 * shots, best of {@value #REPEATS} after {@value #WARMUP} warm-up shots of several gradients, like the anchor's best-of). The whole sequence runs
 * {@value #ROUNDS} times, interleaved, each round in fresh JMH forks: this machine is shared, its speed drifts by 10 to
 * 30% over minutes, and one fork differs from the next (eight forks of the d = 128 adjoint, one after the other: best
 * shots from 176 to 259 ms), so a slow spell or fork that hit only one side of a ratio measured once would decide it
 * (with three rounds one run's d = 128 adjoint / backprop came out 1.53, its rounds 1.58, 2.40, 1.09). The table gives each side's best over
 * all rounds, the ratios of those bests (NumPy over ours, above 1: faster than NumPy; adjoint over backprop) and the
 * ratio in each round, so the spread is in view. The anchor is looked up as {@code ../shared/anchors} from the
 * repository, then {@code ../../shared/anchors} (a worktree one level deeper); without it, python3 or NumPy it says
 * which and prints the project's times alone.
 */
public final class NumpyComparison {
    static final String[] WORKLOADS = {"8,64,4096", "64,64,1024", "128,128,256"};
    static final int REPEATS = 5;
    static final int ROUNDS = 5;
    /**
     * Warm-up shots before the measured ones, each of at least {@value #WARMUP_MULTIPLY_ADDS} multiply-adds' worth of
     * gradients ({@link #warmupBatch}): at d = 8 a gradient takes some 15 ms, and twenty single gradients (0.3 s) left
     * part of its code uncompiled (JFR: 9% of the samples in the Vector API's interpreted fall-backs after 40 gradients,
     * 2% after 400), which made d = 8's ratios swing most.
     */
    static final int WARMUP = 20;
    static final double WARMUP_MULTIPLY_ADDS = 1e9;
    static final List<Path> ANCHORS = List.of(Path.of("..", "shared", "anchors", "numpy_mlp_gradient.py"),
            Path.of("..", "..", "shared", "anchors", "numpy_mlp_gradient.py"));
    private static final Pattern BACKPROP_MS = Pattern.compile("\"backprop_ms\":\\s*([0-9.eE+-]+)");

    private NumpyComparison() {
    }

    public static void main(String[] args) throws IOException, InterruptedException, RunnerException {
        int threads = args.length > 0 ? Integer.parseInt(args[0]) : 0;
        Path anchor = ANCHORS.stream().filter(Files::isRegularFile).findFirst().orElse(null);
        String missing = anchorMissing(anchor);
        if (missing != null) {
            System.err.println("numpy anchor skipped: " + missing + "; printing the project's times alone");
        }
        double[][][] times = new double[WORKLOADS.length][ROUNDS][];
        for (int round = 0; round < ROUNDS; round++) {
            for (int w = 0; w < WORKLOADS.length; w++) {
                System.err.printf("round %d of %d, workload %s%n", round + 1, ROUNDS, WORKLOADS[w]);
                times[w][round] = measure(WORKLOADS[w], anchor, missing == null, threads);
            }
        }
        System.out.printf("%nOne gradient, Euler, f = W2 tanh(W1 x), kernel threads: %s (ms, best of %d shots in each of %d"
                + " interleaved rounds; NumPy / backprop above 1 = faster than NumPy; targets: ≥ 3× at d = 8, ≥ 1× at"
                + " d = 64 and 128, adjoint / backprop ≤ 1.3)%n",
                threads == 0 ? "all " + Runtime.getRuntime().availableProcessors() + " cores" : threads, REPEATS, ROUNDS);
        System.out.println("| d = hidden, batch, N | NumPy backprop | backprop | adjoint | NumPy / backprop | adjoint / backprop"
                + " | NumPy / backprop by round | adjoint / backprop by round |");
        System.out.println("| --- | --- | --- | --- | --- | --- | --- | --- |");
        for (int w = 0; w < WORKLOADS.length; w++) {
            System.out.println(row(WORKLOADS[w], times[w]));
        }
    }

    /** NumPy's, backprop's and the adjoint's best times (ms) in one round of one workload; NumPy's NaN without the anchor. */
    static double[] measure(String workload, Path anchor, boolean withAnchor, int threads)
            throws IOException, InterruptedException, RunnerException {
        double numpy = withAnchor ? anchor(anchor, workload) : Double.NaN;
        double backprop = Double.NaN;
        double adjoint = Double.NaN;
        for (RunResult r : new Runner(options(workload, threads)).run()) {
            double ms = r.getPrimaryResult().getStatistics().getMin();
            if (r.getParams().getBenchmark().endsWith(".backprop")) {
                backprop = ms;
            } else {
                adjoint = ms;
            }
        }
        return new double[] {numpy, backprop, adjoint};
    }

    /** One table row: each side's best over the rounds (NumPy, backprop, adjoint), the ratios of the bests, the ratios by round. */
    static String row(String workload, double[][] rounds) {
        double[] best = {Double.POSITIVE_INFINITY, Double.POSITIVE_INFINITY, Double.POSITIVE_INFINITY};
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
        return String.format(Locale.ROOT, "| %s, %s, %s | %s | %.1f | %.1f | %s | %s | %s | %s |", w[0], w[1], w[2],
                Double.isNaN(rounds[0][0]) ? "n/a" : String.format(Locale.ROOT, "%.1f", best[0]), best[1], best[2],
                ratio(best[0], best[1], "×"), ratio(best[2], best[1], ""), numpyByRound, adjointByRound);
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

    /** Gradients per warm-up shot: {@link #WARMUP_MULTIPLY_ADDS} over backprop's 7 N B d m multiply-adds, at least one (d = 8: 8). */
    static int warmupBatch(String workload) {
        String[] w = workload.split(",");
        double d = Double.parseDouble(w[0]);
        double multiplyAdds = 7 * Double.parseDouble(w[2]) * Double.parseDouble(w[1]) * d * d;
        return Math.max(1, (int) (WARMUP_MULTIPLY_ADDS / multiplyAdds));
    }

    static Options options(String workload, int threads) {
        return new OptionsBuilder()
                .include(GradientBenchmark.class.getName() + "\\.")
                .param("workload", workload)
                .param("threads", Integer.toString(threads))
                .mode(Mode.SingleShotTime)
                .timeUnit(TimeUnit.MILLISECONDS)
                .warmupIterations(WARMUP)
                .warmupBatchSize(warmupBatch(workload))
                .measurementIterations(REPEATS)
                .forks(1)
                .build();
    }
}
