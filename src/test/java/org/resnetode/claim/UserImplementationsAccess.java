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
}
