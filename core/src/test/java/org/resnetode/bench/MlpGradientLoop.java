package org.resnetode.bench;

import java.util.Locale;

/**
 * {@code MlpGradientLoop WORKLOAD METHOD SECONDS [THREADS]}: runs {@link GradientBenchmark}'s backprop or adjoint on one
 * workload (d = hidden, batch, N) for that many seconds and prints the best and median shot (ms), e.g. under JDK
 * Flight Recorder ({@code -XX:StartFlightRecording}) to see where a gradient's time goes.
 */
public final class MlpGradientLoop {
    private MlpGradientLoop() {
    }

    public static void main(String[] args) {
        GradientBenchmark benchmark = new GradientBenchmark();
        benchmark.workload = args[0];
        boolean adjoint = args[1].equals("adjoint");
        double seconds = Double.parseDouble(args[2]);
        benchmark.threads = args.length > 3 ? Integer.parseInt(args[3]) : 0;
        benchmark.setUp();
        long end = System.nanoTime() + (long) (seconds * 1e9);
        java.util.List<Double> shots = new java.util.ArrayList<>();
        double sink = 0;
        java.util.List<Double> cpu = new java.util.ArrayList<>();
        java.lang.management.ThreadMXBean mx = java.lang.management.ManagementFactory.getThreadMXBean();
        while (System.nanoTime() < end) {
            long start = System.nanoTime();
            long cpuStart = mx.getCurrentThreadCpuTime();
            sink += adjoint ? benchmark.adjoint() : benchmark.backprop();
            shots.add((System.nanoTime() - start) / 1e6);
            cpu.add((mx.getCurrentThreadCpuTime() - cpuStart) / 1e6);
        }
        java.util.Collections.sort(shots);
        java.util.Collections.sort(cpu);
        System.out.printf(Locale.ROOT, "%s %s: %d shots, best %.1f ms, median %.1f ms, calling thread's CPU time median %.1f ms (loss sum %.3g)%n",
                args[0], args[1], shots.size(), shots.get(0), shots.get(shots.size() / 2), cpu.get(cpu.size() / 2), sink);
    }
}
