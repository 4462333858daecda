package org.resnetode.claim;

import java.nio.file.Path;
import java.util.Map;

/** The user implementations of the audit's tests, for tests in other packages (the command line's). */
public final class UserImplementationsAccess {
    private UserImplementationsAccess() {
    }

    /** The network of {@code layers} weight layers as {@code dir/net.npz}. */
    public static Path network(Path dir, int layers) {
        return new UserImplementations(layers).writeNetwork(dir.resolve("net.npz"));
    }

    /** The gradients of {@code method} ({@link UserImplementations.Method}'s name) as an archive. */
    public static Path gradients(Path file, int layers, String method) {
        double[][][] g = new UserImplementations(layers).gradient(UserImplementations.Method.valueOf(method));
        return UserImplementations.writeNpz(file, Map.of("W", g));
    }

    /** The gradients of {@code method} for the network resampled to {@code factor} N ({@code count} layers) as an archive. */
    public static Path gradients(Path file, int layers, int factor, int count, String method) {
        double[][][] g = new UserImplementations(layers).resampled(factor, count).gradient(UserImplementations.Method.valueOf(method));
        return UserImplementations.writeNpz(file, Map.of("W", g));
    }

    /** A flat layer-major gradient of 1-kind square layers as {@code [layer][row][col]}. */
    public static double[][][] layers(double[] flat, int layers, int d) {
        double[][][] out = new double[layers][d][d];
        for (int k = 0; k < layers; k++) {
            for (int i = 0; i < d; i++) {
                System.arraycopy(flat, (k * d + i) * d, out[k][i], 0, d);
            }
        }
        return out;
    }

    /** Nested double arrays as a .npz archive. */
    public static Path archive(Path file, Map<String, Object> arrays) {
        return UserImplementations.writeNpz(file, new java.util.LinkedHashMap<>(arrays));
    }
}
