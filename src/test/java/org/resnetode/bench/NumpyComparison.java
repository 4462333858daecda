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
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

/**
 * {@code bin/benchmark numpy [threads]}: for each workload of issue 6 (d = hidden, batch, N), runs the NumPy
 * anchor {@code ../shared/anchors/numpy_mlp_gradient.py} (best of 5, OPENBLAS_CORETYPE and OPENBLAS_L2_SIZE
 * removed from its environment alone) and right after it {@link GradientBenchmark} (backprop and adjoint, JMH),
 * then prints one table: times, NumPy's time over ours (above 1: faster than NumPy), and adjoint over backprop.
 * Without python3 or NumPy it says so and prints the project's times alone.
 */
public final class NumpyComparison {
    static final String[] WORKLOADS = {"8,64,4096", "64,64,1024", "128,128,256"};
    static final Path ANCHOR = Path.of("..", "shared", "anchors", "numpy_mlp_gradient.py");
    private static final Pattern BACKPROP_MS = Pattern.compile("\"backprop_ms\":\\s*([0-9.eE+-]+)");

    private NumpyComparison() {
    }

    public static void main(String[] args) throws IOException, InterruptedException, RunnerException {
        int threads = args.length > 0 ? Integer.parseInt(args[0]) : 0;
        String missing = anchorMissing();
        if (missing != null) {
            System.err.println("numpy anchor skipped: " + missing + "; printing the project's times alone");
        }
        List<String> rows = new ArrayList<>();
        for (String workload : WORKLOADS) {
            double numpy = missing == null ? anchor(workload) : Double.NaN;
            double backprop = Double.NaN;
            double adjoint = Double.NaN;
            for (RunResult r : new Runner(options(workload, threads)).run()) {
                double ms = r.getPrimaryResult().getScore();
                if (r.getParams().getBenchmark().endsWith(".backprop")) {
                    backprop = ms;
                } else {
                    adjoint = ms;
                }
            }
            String[] w = workload.split(",");
            rows.add(String.format(Locale.ROOT, "| %s, %s, %s | %s | %.1f | %s | %.1f | %.2f |", w[0], w[1], w[2],
                    Double.isNaN(numpy) ? "n/a" : String.format(Locale.ROOT, "%.1f", numpy), backprop,
                    Double.isNaN(numpy) ? "n/a" : String.format(Locale.ROOT, "%.2f×", numpy / backprop), adjoint,
                    adjoint / backprop));
        }
        System.out.printf("%nOne gradient, Euler, f = W2 tanh(W1 x), kernel threads: %s (times in ms; NumPy / backprop"
                + " above 1 = faster than NumPy; targets: ≥ 3× at d = 8, ≥ 1× at d = 64 and 128, adjoint / backprop ≤ 1.3)%n",
                threads == 0 ? "all " + Runtime.getRuntime().availableProcessors() + " cores" : threads);
        System.out.println("| d = hidden, batch, N | NumPy backprop | backprop | NumPy / backprop | adjoint | adjoint / backprop |");
        System.out.println("| --- | --- | --- | --- | --- | --- |");
        rows.forEach(System.out::println);
    }

    /** Why the anchor cannot run, or null when python3 imports NumPy and the script is there. */
    static String anchorMissing() throws InterruptedException {
        if (!Files.isRegularFile(ANCHOR)) {
            return ANCHOR + " not found (run from the repository root, next to ../shared)";
        }
        try {
            Process p = new ProcessBuilder("python3", "-c", "import numpy").redirectErrorStream(true).start();
            p.getInputStream().readAllBytes();
            return p.waitFor() == 0 ? null : "python3 cannot import numpy";
        } catch (IOException e) {
            return "python3 not found";
        }
    }

    /** The anchor's best backprop time (ms) on one workload: {@code python3 ANCHOR d d batch N 5}. */
    static double anchor(String workload) throws IOException, InterruptedException {
        String[] w = workload.split(",");
        ProcessBuilder pb = new ProcessBuilder("python3", ANCHOR.toString(), w[0], w[0], w[1], w[2], "5");
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

    static Options options(String workload, int threads) {
        return new OptionsBuilder()
                .include(GradientBenchmark.class.getName() + "\\.")
                .param("workload", workload)
                .param("threads", Integer.toString(threads))
                .warmupIterations(3).warmupTime(TimeValue.seconds(1))
                .measurementIterations(5).measurementTime(TimeValue.seconds(1))
                .forks(1)
                .build();
    }
}
