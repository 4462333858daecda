package org.resnetode.bench;

import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * {@code ClassesAB CLASSES_A CLASSES_B WORKLOAD METHOD ROUNDS [THREADS]}: {@link GradientBenchmark}'s backprop or adjoint on one
 * workload with two builds of the main classes (e.g. a commit's {@code core/target/classes} copied aside, and the
 * working tree's) loaded side by side in one JVM, shots alternating A, B, A, B, ...; prints each build's median shot
 * and the median over rounds of B's time / A's time. Alternating shots in one JVM keep a shared machine's drifting
 * speed out of the ratio (the test classes and dependencies come from this JVM's class path).
 */
public final class ClassesAB {
    private ClassesAB() {
    }

    public static void main(String[] args) throws Exception {
        String workload = args[2];
        String method = args[3];
        int rounds = Integer.parseInt(args[4]);
        Object[] benchmarks = new Object[2];
        Method[] run = new Method[2];
        for (int v = 0; v < 2; v++) {
            List<URL> urls = new ArrayList<>();
            urls.add(Path.of(args[v]).toUri().toURL());
            for (String entry : System.getProperty("java.class.path").split(java.io.File.pathSeparator)) {
                if (!entry.endsWith("core/target/classes") && !entry.endsWith("core/target/classes/")) {
                    urls.add(Path.of(entry).toUri().toURL());
                }
            }
            ClassLoader loader = new URLClassLoader(urls.toArray(URL[]::new), ClassLoader.getPlatformClassLoader());
            Class<?> type = loader.loadClass(GradientBenchmark.class.getName());
            Object benchmark = type.getDeclaredConstructor().newInstance();
            type.getField("workload").set(benchmark, workload);
            type.getField("threads").setInt(benchmark, args.length > 5 ? Integer.parseInt(args[5]) : 0);
            type.getMethod("setUp").invoke(benchmark);
            benchmarks[v] = benchmark;
            run[v] = type.getMethod(method);
        }
        double[][] times = new double[2][rounds];
        double[][] cpu = new double[2][rounds];
        com.sun.management.OperatingSystemMXBean os =
                (com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory.getOperatingSystemMXBean();
        for (int r = -5; r < rounds; r++) {
            for (int v = 0; v < 2; v++) {
                long cpuStart = os.getProcessCpuTime();
                long start = System.nanoTime();
                run[v].invoke(benchmarks[v]);
                if (r >= 0) {
                    times[v][r] = (System.nanoTime() - start) / 1e6;
                    cpu[v][r] = (os.getProcessCpuTime() - cpuStart) / 1e6;
                }
            }
        }
        double[] ratio = new double[rounds];
        double[] cpuRatio = new double[rounds];
        for (int r = 0; r < rounds; r++) {
            ratio[r] = times[1][r] / times[0][r];
            cpuRatio[r] = cpu[1][r] / cpu[0][r];
        }
        System.out.printf(Locale.ROOT, "%s %s: A median %.1f ms, B median %.1f ms, median B / A %.3f (quartiles %.3f, %.3f)%n",
                workload, method, median(times[0]), median(times[1]), median(ratio), quantile(ratio, 0.25), quantile(ratio, 0.75));
        System.out.printf(Locale.ROOT, "  process CPU time (every thread, spinning included): A median %.1f ms, B median %.1f ms, median B / A %.3f"
                + " (quartiles %.3f, %.3f)%n", median(cpu[0]), median(cpu[1]), median(cpuRatio), quantile(cpuRatio, 0.25), quantile(cpuRatio, 0.75));
    }

    private static double median(double[] values) {
        return quantile(values, 0.5);
    }

    private static double quantile(double[] values, double q) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[(int) Math.round(q * (sorted.length - 1))];
    }
}
