package org.resnetode.claim;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.resnetode.checks.BadInputException;
import org.resnetode.checks.Checks;
import org.resnetode.io.JsonReader;
import org.resnetode.io.Npy;
import org.resnetode.io.NpyArray;
import org.resnetode.io.Npz;
import org.resnetode.network.WeightKinds;

/**
 * The gradients a user's code produced, read for the audit: a {@code .npz} or {@code .json} with one array per
 * weight kind (the network file's names: {@code W1}, {@code W2}, {@code A}, {@code W}, {@code theta}), layers on the
 * first axis ({@code (K, rows, cols)}, or {@code (S, stages, rows, cols)} for per-stage gradients), or a {@code .npy}
 * flat vector in the network's layer order (θ_0's kinds, then θ_1's, ...). {@code data} holds {@code layers}
 * blocks of {@code size} values laid out like the network's weights. {@code singlePrecision}: every value is a
 * float32 number (what a float32 implementation writes), so round-off is judged at float32's precision.
 */
record GradientAuditInput(Path file, int layers, int size, double[] data, boolean singlePrecision) {

    /** Reads {@code file}, given as {@code option} (messages name it). */
    static GradientAuditInput read(String option, Path file, List<WeightKinds.Kind> kinds) {
        String name = file.getFileName().toString().toLowerCase(java.util.Locale.ROOT);
        Checks.readableFile(option + " " + file, file);
        int p = kinds.stream().mapToInt(WeightKinds.Kind::size).sum();
        try {
            if (name.endsWith(".npy")) {
                NpyArray a = Npy.read(Files.readAllBytes(file), file.toString());
                if (a.data().length == 0 || a.data().length % p != 0) {
                    throw new BadInputException(option + " " + file + ": " + a.data().length + " values is not a whole number of layers of "
                            + p + " parameters (the network's θ_n)");
                }
                return of(option, file, a.data().length / p, p, a.data());
            }
            if (name.endsWith(".npz")) {
                return byKind(option, file, kinds, p, Npz.read(file));
            }
            if (name.endsWith(".json")) {
                Object root = JsonReader.parse(Files.readString(file, StandardCharsets.UTF_8));
                if (!(root instanceof Map<?, ?> m)) {
                    throw new BadInputException(option + " " + file + ": expected a JSON object with one array per weight kind");
                }
                Map<String, NpyArray> arrays = new java.util.LinkedHashMap<>();
                for (WeightKinds.Kind kind : kinds) {
                    if (m.containsKey(kind.name())) {
                        arrays.put(kind.name(), nested(option, file, kind.name(), m.get(kind.name())));
                    }
                }
                return byKind(option, file, kinds, p, arrays);
            }
        } catch (IOException e) {
            throw new BadInputException(option + " " + file + ": cannot be read (" + e.getMessage() + ")", e);
        } catch (BadInputException e) {
            throw e;
        } catch (IllegalArgumentException e) {
            throw new BadInputException(option + " " + e.getMessage(), e);
        }
        throw new BadInputException(option + " " + file + ": expected a .npz, .json or .npy file");
    }

    /** One array per kind, every kind with the same layer axis (or axes: steps × stages), into the weights' layout. */
    private static GradientAuditInput byKind(String option, Path file, List<WeightKinds.Kind> kinds, int p, Map<String, NpyArray> arrays) {
        int layers = -1;
        String first = null;
        double[] data = null;
        for (WeightKinds.Kind kind : kinds) {
            NpyArray a = arrays.get(kind.name());
            if (a == null) {
                throw new BadInputException(option + " " + file + ": no array '" + kind.name() + "' (expected "
                        + kinds.stream().map(WeightKinds.Kind::name).toList() + ", layers on the first axis)");
            }
            int[] shape = a.shape();
            if (!layersOf(shape, kind)) {
                throw new BadInputException(option + " " + file + ": array '" + kind.name() + "' has shape " + Arrays.toString(shape)
                        + ", expected (layers, " + kind.rows() + ", " + kind.cols() + ") or (steps, stages, " + kind.rows() + ", "
                        + kind.cols() + ")");
            }
            int count = a.data().length / kind.size();
            if (layers >= 0 && count != layers) {
                throw new BadInputException(option + " " + file + ": array '" + kind.name() + "' holds " + count + " layers, '"
                        + first + "' " + layers);
            }
            if (data == null) {
                layers = count;
                first = kind.name();
                data = new double[Math.multiplyExact(layers, p)];
            }
            for (int n = 0; n < layers; n++) {
                System.arraycopy(a.data(), n * kind.size(), data, n * p + kind.offset(), kind.size());
            }
        }
        return of(option, file, layers, p, data);
    }

    /** Whether the array is the kind's matrix behind one or two leading (layer) axes; a scalar kind's may drop the matrix axes. */
    private static boolean layersOf(int[] shape, WeightKinds.Kind kind) {
        int r = shape.length;
        if (r >= 3 && r <= 4 && shape[r - 2] == kind.rows() && shape[r - 1] == kind.cols()) {
            return true;
        }
        return kind.size() == 1 && (r == 1 || r == 2);
    }

    private static GradientAuditInput of(String option, Path file, int layers, int p, double[] data) {
        if (layers < 1) {
            throw new BadInputException(option + " " + file + ": no layers");
        }
        boolean single = true;
        for (int i = 0; i < data.length; i++) {
            if (!Double.isFinite(data[i])) {
                throw new BadInputException(option + " " + file + ": layer " + i / p + " parameter " + i % p + " is " + data[i]);
            }
            single &= (double) (float) data[i] == data[i];
        }
        return new GradientAuditInput(file, layers, p, data, single);
    }

    /** A rectangular nested JSON array of numbers as a shaped array. */
    private static NpyArray nested(String option, Path file, String name, Object value) {
        List<Integer> shape = new ArrayList<>();
        Object v = value;
        while (v instanceof List<?> l) {
            shape.add(l.size());
            v = l.isEmpty() ? null : l.get(0);
        }
        int[] dims = shape.stream().mapToInt(Integer::intValue).toArray();
        long count = 1;
        for (int s : dims) {
            count *= s;
        }
        if (dims.length == 0 || count == 0 || count > Integer.MAX_VALUE - 8) {
            throw new BadInputException(option + " " + file + ": '" + name + "' is not a non-empty array of numbers");
        }
        double[] data = new double[(int) count];
        int[] next = {0};
        flatten(option, file, name, value, dims, 0, data, next);
        return new NpyArray(dims, data);
    }

    private static void flatten(String option, Path file, String at, Object value, int[] dims, int axis, double[] out, int[] next) {
        if (axis == dims.length) {
            if (!(value instanceof Number num)) {
                throw new BadInputException(option + " " + file + ": " + at + " is not a number");
            }
            out[next[0]++] = num.doubleValue();
            return;
        }
        if (!(value instanceof List<?> l) || l.size() != dims[axis]) {
            throw new BadInputException(option + " " + file + ": " + at + " is not an array of " + dims[axis] + " entries (the array is not rectangular)");
        }
        for (int i = 0; i < l.size(); i++) {
            flatten(option, file, at + "[" + i + "]", l.get(i), dims, axis + 1, out, next);
        }
    }
}
