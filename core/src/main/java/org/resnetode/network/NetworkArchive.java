package org.resnetode.network;

import org.resnetode.checks.BadInputException;
import org.resnetode.checks.Checks;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.resnetode.io.NpyArray;
import org.resnetode.io.Npz;
import org.resnetode.model.Families;

/**
 * A network from a NumPy {@code .npz} archive, as {@code numpy.savez} writes it from a PyTorch or JAX model: one
 * array per weight kind with layers on the first axis ({@link WeightKinds}: {@code W1} (K, m, d) and {@code W2}
 * (K, d, m) for mlp, {@code A} (K, d, d) for linear, {@code W} (K, d, d) for tanh, {@code theta} (K, 1, 1) or (K,)
 * for theta2), optional {@code inputs} and {@code targets} (B, d). The family is read off the names; K weight
 * layers make a depth-K Euler network or a depth-(K-1) Heun network. Other arrays (e.g. stored outputs or
 * gradients) are ignored.
 */
public final class NetworkArchive {
    private NetworkArchive() {
    }

    public static NetworkFile read(Path file, String scheme) {
        Map<String, NpyArray> arrays = Npz.read(file);
        String family = family(arrays, file);
        List<WeightKinds.Kind> probe = WeightKinds.of(family, 1, 1);
        NpyArray first = arrays.get(probe.get(0).name());
        int layers = first.rank() == 0 ? 0 : first.shape()[0];
        if (layers < 1) {
            throw new BadInputException(file + ": array '" + probe.get(0).name() + "' has no layers on its first axis");
        }
        int dim;
        int hidden;
        switch (family) {
            case "mlp":
                requireRank(file, arrays.get("W1"), "W1", 3);
                dim = arrays.get("W1").shape()[2];
                hidden = arrays.get("W1").shape()[1];
                break;
            case "theta2":
                dim = 1;
                hidden = 1;
                break;
            default:
                requireRank(file, first, probe.get(0).name(), 3);
                dim = first.shape()[1];
                hidden = dim;
        }
        Families.create(family, dim, hidden);
        List<WeightKinds.Kind> kinds = WeightKinds.of(family, dim, hidden);
        int p = kinds.stream().mapToInt(WeightKinds.Kind::size).sum();
        requireInputsUnderTheirName(file, arrays, kinds, dim);
        double[] flat = new double[(int) Checks.arrayFits(file + ": " + layers + " layers of " + p + " parameters", (long) layers * p)];
        for (WeightKinds.Kind kind : kinds) {
            NpyArray a = arrays.get(kind.name());
            Checks.finite(file + ": array '" + kind.name() + "'", a.data());
            boolean matrix = a.rank() == 3 && a.shape()[1] == kind.rows() && a.shape()[2] == kind.cols();
            boolean scalars = a.rank() == 1 && kind.size() == 1;
            if (!(matrix || scalars) || a.shape()[0] != layers) {
                throw new BadInputException(file + ": array '" + kind.name() + "' has shape "
                        + java.util.Arrays.toString(a.shape()) + ", expected (" + layers + ", " + kind.rows() + ", " + kind.cols() + ")");
            }
            for (int n = 0; n < layers; n++) {
                System.arraycopy(a.data(), n * kind.size(), flat, n * p + kind.offset(), kind.size());
            }
        }
        org.resnetode.scheme.Scheme s = org.resnetode.scheme.Scheme.byName(scheme);
        int depth = depthFor(s, layers);
        return new NetworkFile(family, scheme, dim, hidden, depth, flat, null,
                rows(file, arrays, "inputs", dim), rows(file, arrays, "targets", dim), Map.of("source", file.toString()));
    }

    /** The depth N at which {@code scheme} reads {@code layers} weight samples (Euler: N = K; Heun: N = K - 1). */
    public static int depthFor(org.resnetode.scheme.Scheme scheme, int layers) {
        int depth = layers - (scheme.weightCount(scheme.minimumDepth()) - scheme.minimumDepth());
        if (depth < scheme.minimumDepth()) {
            throw new BadInputException(layers + " weight layers are too few for scheme " + scheme.name());
        }
        return depth;
    }

    private static String family(Map<String, NpyArray> arrays, Path file) {
        for (String family : Families.NAMES) {
            List<WeightKinds.Kind> kinds = WeightKinds.of(family, 1, 1);
            if (kinds.stream().allMatch(k -> arrays.containsKey(k.name()))) {
                return family;
            }
        }
        throw new BadInputException(file + ": no weight arrays found (expected W1 and W2 for mlp, A for linear, W for "
                + "tanh or theta for theta2, layers on the first axis); the archive has " + arrays.keySet());
    }

    /**
     * Without an array named 'inputs' the network runs on a seeded batch; an archive that holds a batch of inputs under
     * another name (a (batch, d) array such as 'x' or 'X_test') is refused rather than silently measured on other inputs.
     * Extra arrays of other shapes (outputs or gradients kept for a cross-check) are left alone.
     */
    private static void requireInputsUnderTheirName(Path file, Map<String, NpyArray> arrays, List<WeightKinds.Kind> kinds,
                                                    int dim) {
        if (arrays.containsKey("inputs")) {
            return;
        }
        java.util.Set<String> weights = new java.util.HashSet<>();
        kinds.forEach(k -> weights.add(k.name()));
        for (Map.Entry<String, NpyArray> e : arrays.entrySet()) {
            NpyArray a = e.getValue();
            if (!weights.contains(e.getKey()) && !e.getKey().equals("targets") && a.rank() == 2 && a.shape()[1] == dim) {
                throw new BadInputException(file + ": array '" + org.resnetode.checks.Printable.of(e.getKey(), 40)
                        + "' of shape " + java.util.Arrays.toString(a.shape()) + " looks like a batch of inputs, but inputs "
                        + "are read from an array named 'inputs' only: rename it, or remove it to run on a seeded batch");
            }
        }
    }

    private static void requireRank(Path file, NpyArray a, String name, int rank) {
        if (a.rank() != rank) {
            throw new BadInputException(file + ": array '" + name + "' has " + a.rank() + " axes, expected " + rank
                    + " (layers, rows, columns)");
        }
    }

    private static double[][] rows(Path file, Map<String, NpyArray> arrays, String name, int dim) {
        NpyArray a = arrays.get(name);
        if (a == null) {
            return null;
        }
        if (a.rank() != 2 || a.shape()[1] != dim) {
            throw new BadInputException(file + ": array '" + name + "' has shape " + java.util.Arrays.toString(a.shape())
                    + ", expected (batch, " + dim + ")");
        }
        Checks.finite(file + ": array '" + name + "'", a.data());
        double[][] out = new double[a.shape()[0]][];
        for (int i = 0; i < out.length; i++) {
            out[i] = java.util.Arrays.copyOfRange(a.data(), i * dim, (i + 1) * dim);
        }
        return out;
    }
}
