package org.resnetode.network;

import org.resnetode.checks.BadInputException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.resnetode.model.Families;
import org.resnetode.io.JsonReader;
import org.resnetode.scheme.Scheme;

/** The JSON text of a {@link NetworkFile}, both ways; numbers are written exactly (shortest round-trip form). */
final class NetworkJson {
    private NetworkJson() {
    }

    static String write(NetworkFile n) {
        StringBuilder sb = new StringBuilder("{\"format\": \"").append(NetworkFile.FORMAT).append("\", \"version\": ")
                .append(NetworkFile.VERSION).append(",\n \"family\": \"").append(n.family()).append("\", \"scheme\": \"")
                .append(n.scheme()).append("\", \"dimension\": ").append(n.dimension());
        if (n.family().equals("mlp")) {
            sb.append(", \"hidden\": ").append(n.hidden());
        }
        int p = n.kinds().stream().mapToInt(WeightKinds.Kind::size).sum();
        int count = n.layers().length / p;
        sb.append(", \"depth\": ").append(n.depth()).append(", \"layers\": ").append(count).append(",\n \"weights\": {");
        List<WeightKinds.Kind> kinds = n.kinds();
        for (int k = 0; k < kinds.size(); k++) {
            WeightKinds.Kind kind = kinds.get(k);
            sb.append(k == 0 ? "" : ",").append("\n  \"").append(kind.name()).append("\": [");
            for (int layer = 0; layer < count; layer++) {
                sb.append(layer == 0 ? "\n   " : ",\n   ");
                matrix(sb, n.layers(), layer * p + kind.offset(), kind.rows(), kind.cols());
            }
            sb.append("]");
        }
        sb.append("}");
        if (n.head() != null) {
            LinearHead h = n.head();
            sb.append(",\n \"head\": {\"loss\": \"").append(h.loss()).append("\", \"weight\": ");
            matrix(sb, h.parameters(), 0, h.outputs(), h.dim());
            sb.append(", \"bias\": ");
            row(sb, h.parameters(), h.biasOffset(), h.outputs());
            sb.append("}");
        }
        rows(sb, "inputs", n.inputs());
        rows(sb, "targets", n.targets());
        if (!n.training().isEmpty()) {
            sb.append(",\n \"training\": {");
            boolean first = true;
            for (Map.Entry<String, Object> e : new java.util.TreeMap<>(n.training()).entrySet()) {
                sb.append(first ? "" : ", ");
                first = false;
                quoted(sb, e.getKey()).append(": ");
                Object v = e.getValue();
                if (v instanceof Number num && !Double.isFinite(num.doubleValue())) {
                    sb.append("null");
                } else if (v instanceof Number || v instanceof Boolean) {
                    sb.append(v);
                } else {
                    quoted(sb, String.valueOf(v));
                }
            }
            sb.append("}");
        }
        return sb.append("}\n").toString();
    }

    /** A JSON string: quotes, backslashes and control characters escaped. */
    private static StringBuilder quoted(StringBuilder sb, String s) {
        sb.append('"');
        for (char c : s.toCharArray()) {
            if (c == '"' || c == '\\') {
                sb.append('\\').append(c);
            } else if (c < 0x20) {
                sb.append(String.format("\\u%04x", (int) c));
            } else {
                sb.append(c);
            }
        }
        return sb.append('"');
    }

    private static void rows(StringBuilder sb, String name, double[][] rows) {
        if (rows == null) {
            return;
        }
        sb.append(",\n \"").append(name).append("\": [");
        for (int i = 0; i < rows.length; i++) {
            sb.append(i == 0 ? "" : ", ");
            row(sb, rows[i], 0, rows[i].length);
        }
        sb.append("]");
    }

    private static void matrix(StringBuilder sb, double[] a, int off, int rows, int cols) {
        sb.append('[');
        for (int r = 0; r < rows; r++) {
            sb.append(r == 0 ? "" : ", ");
            row(sb, a, off + r * cols, cols);
        }
        sb.append(']');
    }

    private static void row(StringBuilder sb, double[] a, int off, int n) {
        sb.append('[');
        for (int i = 0; i < n; i++) {
            sb.append(i == 0 ? "" : ", ").append(a[off + i]);
        }
        sb.append(']');
    }

    static NetworkFile read(Path path) {
        String text;
        try {
            text = Files.readString(path, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw new BadInputException("network file " + path + " does not exist");
        } catch (IOException | java.io.UncheckedIOException e) {
            throw new BadInputException("cannot read network file " + path + ": " + e.getMessage());
        }
        Object root;
        try {
            root = JsonReader.parse(text);
        } catch (BadInputException e) {
            throw new BadInputException(path + ": " + e.getMessage());
        }
        try {
            return parse(root);
        } catch (BadInputException e) {
            throw new BadInputException(path + ": " + e.getMessage());
        }
    }

    /** The validated network of a parsed JSON document; errors name the JSON path ({@code $.weights.W1[3]}). */
    static NetworkFile parse(Object root) {
        Map<String, Object> m = object(root, "$");
        Object format = m.get("format");
        if (!NetworkFile.FORMAT.equals(format)) {
            throw new BadInputException("$.format is " + describe(format) + ", expected \"" + NetworkFile.FORMAT + "\"");
        }
        int version = integer(m, "version", 1);
        if (version != NetworkFile.VERSION) {
            throw new BadInputException("$.version is " + version + ", this reader reads version " + NetworkFile.VERSION);
        }
        String family = string(m, "family");
        if (!Families.NAMES.contains(family)) {
            throw new BadInputException("$.family is " + describe(family) + ", expected one of " + Families.NAMES);
        }
        String scheme = string(m, "scheme");
        if (!Scheme.NAMES.contains(scheme)) {
            throw new BadInputException("$.scheme is " + describe(scheme) + ", expected one of " + Scheme.NAMES);
        }
        int d = integer(m, "dimension", 1);
        int hidden = family.equals("mlp") ? integer(m, "hidden", 1) : 0;
        int depth = integer(m, "depth", Scheme.byName(scheme).minimumDepth());
        int count = Scheme.byName(scheme).weightCount(depth);
        List<WeightKinds.Kind> kinds = WeightKinds.of(family, d, hidden);
        long p = kinds.stream().mapToLong(k -> (long) k.rows() * k.cols()).sum();
        if (p > Families.MAX_PARAMETERS || p * count > Integer.MAX_VALUE - 8) {
            throw new BadInputException("$: " + count + " layers of " + p + " parameters are more than one array holds");
        }
        if (m.containsKey("layers") && integer(m, "layers", 1) != count) {
            throw new BadInputException("$.layers is " + m.get("layers") + ", but depth " + depth + " with scheme "
                    + scheme + " reads " + count + " weight layers");
        }
        double[] layers = new double[(int) (p * count)];
        Map<String, Object> weights = object(m.get("weights"), "$.weights");
        for (String key : weights.keySet()) {
            if (kinds.stream().noneMatch(k -> k.name().equals(key))) {
                throw new BadInputException("$.weights." + org.resnetode.checks.Printable.of(key, 30) + " is not a weight of family "
                        + family + " (expected " + kinds.stream().map(WeightKinds.Kind::name).toList() + ")");
            }
        }
        for (WeightKinds.Kind kind : kinds) {
            String at = "$.weights." + kind.name();
            List<Object> stack = array(weights.get(kind.name()), at, count, "the weight layers of depth " + depth + " (" + scheme + ")");
            for (int n = 0; n < count; n++) {
                matrix(stack.get(n), at + "[" + n + "]", kind.rows(), kind.cols(), layers, (int) (n * p) + kind.offset());
            }
        }
        LinearHead head = m.containsKey("head") ? head(m.get("head"), d) : null;
        double[][] inputs = m.containsKey("inputs") ? rows(m.get("inputs"), "$.inputs", -1, d) : null;
        double[][] targets = m.containsKey("targets")
                ? rows(m.get("targets"), "$.targets", inputs == null ? -1 : inputs.length, -1) : null;
        Map<String, Object> training = m.containsKey("training") ? object(m.get("training"), "$.training") : null;
        return new NetworkFile(family, scheme, d, hidden, depth, layers, head, inputs, targets, training);
    }

    private static LinearHead head(Object value, int d) {
        Map<String, Object> h = object(value, "$.head");
        Object loss = h.get("loss");
        if (!LinearHead.CROSS_ENTROPY.equals(loss) && !LinearHead.SQUARED_ERROR.equals(loss)) {
            throw new BadInputException("$.head.loss is " + describe(loss) + ", expected \"" + LinearHead.CROSS_ENTROPY
                    + "\" or \"" + LinearHead.SQUARED_ERROR + "\"");
        }
        List<Object> w = array(h.get("weight"), "$.head.weight", -1, "");
        if (w.isEmpty()) {
            throw new BadInputException("$.head.weight is empty, expected at least one output row");
        }
        int outputs = w.size();
        double[] params = new double[outputs * d + outputs];
        matrix(h.get("weight"), "$.head.weight", outputs, d, params, 0);
        vector(h.get("bias"), "$.head.bias", outputs, params, outputs * d);
        return new LinearHead((String) loss, outputs, d, params);
    }

    private static double[][] rows(Object value, String at, int count, int width) {
        List<Object> l = array(value, at, count, count < 0 ? "" : "one per input");
        double[][] out = new double[l.size()][];
        for (int i = 0; i < out.length; i++) {
            int w = width >= 0 ? width : array(l.get(i), at + "[" + i + "]", -1, "").size();
            if (i > 0 && width < 0 && w != out[0].length) {
                throw new BadInputException(at + "[" + i + "] has " + w + " values, expected " + out[0].length + " as " + at + "[0]");
            }
            out[i] = new double[w];
            vector(l.get(i), at + "[" + i + "]", w, out[i], 0);
        }
        return out;
    }

    private static void matrix(Object value, String at, int rows, int cols, double[] out, int off) {
        List<Object> r = array(value, at, rows, rows + " rows");
        for (int i = 0; i < rows; i++) {
            vector(r.get(i), at + "[" + i + "]", cols, out, off + i * cols);
        }
    }

    private static void vector(Object value, String at, int n, double[] out, int off) {
        List<Object> v = array(value, at, n, n + " numbers");
        for (int i = 0; i < n; i++) {
            Object x = v.get(i);
            if (!(x instanceof Number num) || !Double.isFinite(num.doubleValue())) {
                throw new BadInputException(at + "[" + i + "] is " + describe(x) + ", expected a finite number");
            }
            out[off + i] = num.doubleValue();
        }
    }

    @SuppressWarnings("unchecked")
    private static List<Object> array(Object value, String at, int length, String what) {
        if (!(value instanceof List<?> l)) {
            throw new BadInputException(at + " is " + describe(value) + ", expected an array");
        }
        if (length >= 0 && l.size() != length) {
            throw new BadInputException(at + " has " + l.size() + " entries, expected " + length
                    + (what.isEmpty() ? "" : " (" + what + ")"));
        }
        return (List<Object>) l;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> object(Object value, String at) {
        if (!(value instanceof Map<?, ?> m)) {
            throw new BadInputException(at + " is " + describe(value) + ", expected an object");
        }
        return new LinkedHashMap<>((Map<String, Object>) m);
    }

    private static String string(Map<String, Object> m, String key) {
        Object v = m.get(key);
        if (!(v instanceof String s)) {
            throw new BadInputException("$." + key + " is " + describe(v) + ", expected a string");
        }
        return s;
    }

    private static int integer(Map<String, Object> m, String key, int min) {
        Object v = m.get(key);
        if (!(v instanceof Long l) || l < min || l > Integer.MAX_VALUE) {
            throw new BadInputException("$." + key + " is " + describe(v) + ", expected an integer of at least " + min);
        }
        return (int) (long) l;
    }

    private static String describe(Object v) {
        if (v == null) {
            return "missing or null";
        }
        if (v instanceof String s) {
            return "\"" + org.resnetode.checks.Printable.of(s, 30) + "\"";
        }
        if (v instanceof List<?>) {
            return "an array";
        }
        if (v instanceof Map<?, ?>) {
            return "an object";
        }
        return v.toString();
    }
}
