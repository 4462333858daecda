package org.resnetode.bench;

import org.resnetode.bound.BoundResult;
import org.resnetode.bound.CertifiedBound;
import org.resnetode.claim.DistanceMeasurement;
import org.resnetode.model.DepthProfile;
import org.resnetode.model.DepthProfiles;
import org.resnetode.model.Families;
import org.resnetode.model.ResidualFunction;
import org.resnetode.model.Weights;
import org.resnetode.scheme.ResNet;
import org.resnetode.scheme.Scheme;

/**
 * Issue 19's cost table: the certified bound's time over the time of the forward pass it certifies, same JVM,
 * interleaved (forward, certify, forward, certify, ...) after untimed warm-up rounds, the minimum of each over the
 * rounds, for every family, d = 8 and 16 (theta2: d = 1), N = 64..4096, Euler and RK4, smooth (fourier) weights. Run:
 * {@code java -cp target/test-classes:target/classes:$(cat target/bench.classpath) org.resnetode.bench.BoundCost
 * [rounds [families [schemes]]]} after {@code bin/benchmark}'s build line (default 15 rounds, every family, euler and rk4; lists
 * comma-separated). One thread; the figures are wall-clock nanoseconds, minima over the rounds. {@code steady SECONDS
 * family:scheme:d:N ...} times single rows in steady state instead ({@link #steady}).
 */
public final class BoundCost {
    /** Untimed rounds before each row's timed ones. */
    private static final int WARM_UP = 5;

    private BoundCost() {
    }

    public static void main(String[] args) {
        if (args.length > 0 && args[0].equals("steady")) {
            steady(Double.parseDouble(args[1]), java.util.Arrays.copyOfRange(args, 2, args.length));
            return;
        }
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 15;
        String[] families = args.length > 1 ? args[1].split(",") : new String[] {"linear", "tanh", "mlp", "theta2"};
        String[] schemes = args.length > 2 ? args[2].split(",") : new String[] {"euler", "rk4"};
        System.out.printf("%-7s %-6s %3s %5s %12s %12s %8s %10s%n", "family", "scheme", "d", "N", "forward ns", "certify ns",
                "ratio", "tightness");
        for (String scheme : schemes) {
            for (String family : families) {
                for (int d : family.equals("theta2") ? new int[] {1} : new int[] {8, 16}) {
                    for (int depth : new int[] {64, 256, 1024, 4096}) {
                        row(family, Scheme.byName(scheme), d, depth, rounds);
                    }
                }
            }
        }
    }

    private static void row(String family, Scheme scheme, int d, int depth, int rounds) {
        ResidualFunction f = Families.create(family, d, d);
        DepthProfile profile = DepthProfiles.create("fourier", f, 1, 1.0, false);
        ResNet net = new ResNet(f, scheme, Weights.sample(profile, scheme.weightCount(depth), depth), depth);
        double[] x0 = DistanceMeasurement.unitInput(d, 1);
        double[] xN = new double[d];
        // repeat the forward pass so that one timing is well above the clock's resolution
        int repeat = Math.max(1, 200_000 / (depth * d * d));
        long forward = Long.MAX_VALUE;
        long certify = Long.MAX_VALUE;
        BoundResult b = null;
        // the first WARM_UP rounds let the JIT compile this row's paths; they are not timed
        for (int r = -WARM_UP; r < rounds; r++) {
            long t0 = System.nanoTime();
            for (int i = 0; i < repeat; i++) {
                net.forward(x0, xN);
            }
            long t1 = System.nanoTime();
            b = new CertifiedBound(net).certify(x0, xN);
            long t2 = System.nanoTime();
            if (r >= 0) {
                forward = Math.min(forward, (t1 - t0) / repeat);
                certify = Math.min(certify, t2 - t1);
            }
        }
        double error = new org.resnetode.ode.OdeReference(f, net.weights(), net.stepSize()).distance(x0, net.finalTime(), xN)
                .distance();
        System.out.printf("%-7s %-6s %3d %5d %12d %12d %8.2f %10.4f%n", family, scheme.name(), d, depth, forward, certify,
                (double) certify / forward, error / b.bound());
    }

    /**
     * Steady state ({@code steady SECONDS family:scheme:d:N ...}): per row, one certify then ten forward passes, repeated
     * for the given seconds after a one-second warm-up, the minimum of each, and the last bound's order Q (0: the closed
     * form of scalar linear fields, theta2 and linear at d = 1), substeps, value, and its tightness against the error
     * measured by {@code OdeReference} (untimed); the tables of bound.md sections 7.0, 7.1 and 8.
     */
    private static void steady(double seconds, String[] rows) {
        for (String row : rows) {
            String[] p = row.split(":");
            int d = Integer.parseInt(p[2]);
            int depth = Integer.parseInt(p[3]);
            Scheme scheme = Scheme.byName(p[1]);
            ResidualFunction f = Families.create(p[0], d, d);
            DepthProfile profile = DepthProfiles.create("fourier", f, 1, 1.0, false);
            ResNet net = new ResNet(f, scheme, Weights.sample(profile, scheme.weightCount(depth), depth), depth);
            double[] x0 = DistanceMeasurement.unitInput(d, 1);
            double[] xN = new double[d];
            net.forward(x0, xN);
            long warm = System.nanoTime() + 1_000_000_000L;
            long end = warm + (long) (seconds * 1e9);
            long certify = Long.MAX_VALUE;
            long forward = Long.MAX_VALUE;
            BoundResult b = null;
            for (long now = System.nanoTime(); now < end; now = System.nanoTime()) {
                long t0 = System.nanoTime();
                b = new CertifiedBound(net).certify(x0, xN);
                long t1 = System.nanoTime();
                for (int i = 0; i < 10; i++) {
                    net.forward(x0, xN);
                }
                long t2 = System.nanoTime();
                if (t0 > warm) {
                    certify = Math.min(certify, t1 - t0);
                    forward = Math.min(forward, (t2 - t1) / 10);
                }
            }
            double error = new org.resnetode.ode.OdeReference(f, net.weights(), net.stepSize())
                    .distance(x0, net.finalTime(), xN).distance();
            System.out.printf("%-7s %-6s %3d %5d %12d %12d %8.2f  Q %2d  substeps %7d  bound %.17g  error %.6g  tightness %.4f%n",
                    p[0], p[1], d, depth, forward, certify, (double) certify / forward, b.order(), b.substeps(), b.bound(),
                    error, error / b.bound());
        }
    }
}
