package org.resnetode.bench;

import java.util.Locale;
import java.util.SplittableRandom;
import org.resnetode.linalg.Gemm;

/**
 * {@code KernelShapes ROWS D SECONDS}: GFLOP/s of the six products one row block of ROWS rows does per layer of the MLP
 * gradient (d = hidden = D), each alone on the calling thread with its data in cache, timed by the thread's CPU time (so
 * that other processes on a shared machine do not count); with {@code nn W Xt}, the product inside nt's transposed route.
 */
public final class KernelShapes {
    private KernelShapes() {
    }

    public static void main(String[] args) {
        int r = Integer.parseInt(args[0]);
        int d = Integer.parseInt(args[1]);
        double seconds = Double.parseDouble(args[2]);
        SplittableRandom rng = new SplittableRandom(1);
        double[] x = fill(rng, r * d), w1 = fill(rng, d * d), w2 = fill(rng, d * d), u = fill(rng, r * d);
        double[] p = fill(rng, r * d), q = fill(rng, r * d), out = new double[r * d], g = new double[2 * d * d];
        double[] wt = fill(rng, d * r), ct = new double[d * r];
        String[] names = {"nt X W1t", "nn W Xt (nt inside)", "tn Pt U +=", "nn P W2", "tn Qt X +=", "nn Q W1"};
        for (int pass = 0; pass < 2; pass++) {
            for (int s = 0; s < names.length; s++) {
                long reps = 0;
                java.lang.management.ThreadMXBean mx = java.lang.management.ManagementFactory.getThreadMXBean();
                long start = mx.getCurrentThreadCpuTime();
                long end = start + (long) (seconds * 1e9);
                while (mx.getCurrentThreadCpuTime() < end) {
                    for (int i = 0; i < 50; i++) {
                        switch (s) {
                            case 0 -> Gemm.nt(x, 0, w1, 0, u, 0, r, d, d, 0);
                            case 1 -> Gemm.nn(w1, 0, wt, 0, ct, 0, d, r, d, 0);
                            case 2 -> Gemm.tn(p, 0, u, 0, g, 0, d, d, r, 1);
                            case 3 -> Gemm.nn(p, 0, w2, 0, q, 0, r, d, d, 0);
                            case 4 -> Gemm.tn(q, 0, x, 0, g, d * d, d, d, r, 1);
                            default -> Gemm.nn(q, 0, w1, 0, out, 0, r, d, d, 0);
                        }
                    }
                    reps += 50;
                }
                double t = (mx.getCurrentThreadCpuTime() - start) / 1e9;
                if (pass == 1) {
                    System.out.printf(Locale.ROOT, "%-22s %6.1f GFLOP/s  %6.1f us%n", names[s], 2.0 * r * d * d * reps / t / 1e9, t / reps * 1e6);
                }
            }
        }
    }

    private static double[] fill(SplittableRandom rng, int n) {
        double[] a = new double[n];
        for (int i = 0; i < n; i++) {
            a[i] = rng.nextGaussian() * 0.1;
        }
        return a;
    }
}
