package org.resnetode.network;

import org.resnetode.checks.BadInputException;
import java.util.List;

/**
 * How a family lays out θ_n, as the named matrices a network file stores (one array per kind, layers on the
 * first axis, as {@code numpy.savez} writes them): mlp {@code W1} (m × d) then {@code W2} (d × m); linear
 * {@code A} (d × d); tanh {@code W} (d × d); theta2 {@code theta} (1 × 1).
 */
public final class WeightKinds {
    private WeightKinds() {
    }

    /** One weight matrix of θ_n: its name, shape, and where it starts in the flat θ_n. */
    public record Kind(String name, int rows, int cols, int offset) {
        public int size() {
            return rows * cols;
        }
    }

    public static List<Kind> of(String family, int dim, int hidden) {
        switch (family) {
            case "mlp":
                return List.of(new Kind("W1", hidden, dim, 0), new Kind("W2", dim, hidden, hidden * dim));
            case "linear":
                return List.of(new Kind("A", dim, dim, 0));
            case "tanh":
                return List.of(new Kind("W", dim, dim, 0));
            case "theta2":
                return List.of(new Kind("theta", 1, 1, 0));
            default:
                throw new BadInputException("unknown family '" + family + "' (expected one of "
                        + org.resnetode.model.Families.NAMES + ")");
        }
    }
}
