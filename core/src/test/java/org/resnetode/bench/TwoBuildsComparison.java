package org.resnetode.bench;

import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;

/**
 * {@code TwoBuildsComparison FIRST SECOND WORKLOAD SECONDS THREADS METHOD}: {@link GradientBenchmark}'s {@code backprop} or
 * {@code adjoint} of two builds of this repository (FIRST and SECOND: worktrees whose {@code core/target/classes} and
 * {@code core/target/test-classes} are compiled) in one JVM, each in a class loader of its own, shots alternating for
 * SECONDS; prints each build's best and median shot and the median of the pairs' ratios (FIRST / SECOND, above 1: SECOND
 * faster), the first quarter of the pairs dropped as warm-up. On a shared machine two runs in separate processes see it
 * at different speeds; alternating shots in one process see it alike. The build loaded first ran 5–10% faster at
 * d = 8 whichever it was, so run it both ways (FIRST and SECOND swapped) and take the geometric mean of the two ratios.
 * The dependencies' class path is read from {@code core/target/bench.classpath} of the working directory
 * ({@code bin/benchmark} writes it).
 */
public final class TwoBuildsComparison {
    private TwoBuildsComparison() {
    }

    public static void main(String[] args) throws Exception {
        String[] trees = {args[0], args[1]};
        String workload = args[2];
        double seconds = Double.parseDouble(args[3]);
        int threads = Integer.parseInt(args[4]);
        String method = args[5];
        String dependencies = Files.readString(Path.of("core/target/bench.classpath")).trim();
        Object[] benchmarks = new Object[2];
        java.lang.reflect.Method[] shot = new java.lang.reflect.Method[2];
        for (int b = 0; b < 2; b++) {
            List<URL> urls = new ArrayList<>();
            urls.add(Path.of(trees[b], "core/target/classes").toUri().toURL());
            urls.add(Path.of(trees[b], "core/target/test-classes").toUri().toURL());
            for (String jar : dependencies.split(":")) {
                urls.add(Path.of(jar).toUri().toURL());
            }
            ClassLoader loader = new URLClassLoader(urls.toArray(new URL[0]), ClassLoader.getPlatformClassLoader());
            Class<?> type = loader.loadClass(GradientBenchmark.class.getName());
            Object benchmark = type.getDeclaredConstructor().newInstance();
            type.getField("workload").set(benchmark, workload);
            type.getField("threads").setInt(benchmark, threads);
            type.getMethod("setUp").invoke(benchmark);
            benchmarks[b] = benchmark;
            shot[b] = type.getMethod(method);
        }
        List<Double> first = new ArrayList<>();
        List<Double> second = new ArrayList<>();
        List<Double> ratios = new ArrayList<>();
        double sink = 0;
        long end = System.nanoTime() + (long) (seconds * 1e9);
        for (int i = 0; System.nanoTime() < end || i % 2 == 1; i++) {
            int b = i % 2;
            long start = System.nanoTime();
            sink += (double) shot[b].invoke(benchmarks[b]);
            double ms = (System.nanoTime() - start) / 1e6;
            if (b == 0) {
                first.add(ms);
            } else {
                second.add(ms);
                ratios.add(first.get(first.size() - 1) / ms);
            }
        }
        int warm = ratios.size() / 4;
        first = sorted(first.subList(warm, first.size()));
        second = sorted(second.subList(warm, second.size()));
        ratios = sorted(ratios.subList(warm, ratios.size()));
        System.out.printf(Locale.ROOT, "%s %s, %d threads (0: all cores): %s best %.1f ms, median %.1f | %s best %.1f ms, median %.1f | "
                        + "first / second: median of %d pair ratios %.3f (quartiles %.3f–%.3f) (loss sum %.3g)%n",
                workload, method, threads, args[0], first.get(0), median(first), args[1], second.get(0), median(second),
                ratios.size(), median(ratios), ratios.get(ratios.size() / 4), ratios.get(3 * ratios.size() / 4), sink);
    }

    private static List<Double> sorted(List<Double> values) {
        List<Double> copy = new ArrayList<>(values);
        Collections.sort(copy);
        return copy;
    }

    private static double median(List<Double> sorted) {
        return sorted.get(sorted.size() / 2);
    }
}
