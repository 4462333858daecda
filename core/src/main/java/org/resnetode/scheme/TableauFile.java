package org.resnetode.scheme;

import org.resnetode.checks.BadInputException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.apache.commons.math3.fraction.BigFraction;
import org.resnetode.io.JsonReader;
import org.resnetode.checks.Printable;

/**
 * A Butcher tableau given as data by the user, from a parsed JSON tree (objects as {@link Map}s, arrays as
 * {@link List}s, integers as {@link Long}, as {@code report.JsonReader} returns them):
 *
 * <pre>
 *   {"name": "rk4", "A": [[], ["1/2"], ["0", "1/2"], ["0", "0", "1"]],
 *    "b": ["1/6", "1/3", "1/3", "1/6"], "c": ["0", "1/2", "1/2", "1"], "order": 4}
 * </pre>
 *
 * Entries are exact rationals as strings ("1/6", "-2", "0.25") or integers; rows of A may be the strictly
 * lower part or the full square row; {@code c} and {@code order} are optional and, when present, checked
 * ({@code c_i = Σ_j a_ij}, the order conditions). Every problem is one {@link org.resnetode.checks.BadInputException}
 * naming the source, the path in the file and what was expected.
 */
public final class TableauFile {
    private TableauFile() {
    }

    /** The validated tableau in the JSON file {@code path}; every problem is one line naming the file. */
    public static ButcherTableau read(Path path) {
        String text;
        try {
            text = Files.readString(path);
        } catch (IOException | RuntimeException e) {
            throw new BadInputException("tableau file " + path + ": cannot be read (" + e.getMessage() + ")");
        }
        Object tree;
        try {
            tree = JsonReader.parse(text);
        } catch (RuntimeException e) {
            throw new BadInputException("tableau file " + path + ": malformed JSON (" + e.getMessage() + ")");
        }
        return fromTree(path.toString(), tree);
    }

    /** The validated tableau described by {@code tree}; {@code source} (a file name) prefixes every error. */
    public static ButcherTableau fromTree(String source, Object tree) {
        String where = "tableau file " + source + ": ";
        if (!(tree instanceof Map<?, ?> object)) {
            throw new BadInputException(where + "expected a JSON object with keys A, b (and optional name, c, order)");
        }
        for (Object key : object.keySet()) {
            if (!List.of("name", "A", "b", "c", "order").contains(key)) {
                throw new BadInputException(where + "unknown key '" + Printable.of(String.valueOf(key), 30) + "' (expected name, A, b, c, order)");
            }
        }
        Object nameValue = object.containsKey("name") ? object.get("name") : "tableau";
        if (!(nameValue instanceof String name) || !name.matches("[A-Za-z0-9_.+-]{1,40}")) {
            throw new BadInputException(where + "name: expected 1 to 40 letters, digits or _.+-");
        }
        List<?> rows = list(object, "A", where);
        BigFraction[][] a = new BigFraction[rows.size()][];
        for (int i = 0; i < rows.size(); i++) {
            if (!(rows.get(i) instanceof List<?> row)) {
                throw new BadInputException(where + "A[" + i + "]: expected an array (a row of A)");
            }
            a[i] = rationals(row, "A[" + i + "]", where);
        }
        BigFraction[] b = rationals(list(object, "b", where), "b", where);
        BigFraction[] c = object.containsKey("c") ? rationals(list(object, "c", where), "c", where) : null;
        ButcherTableau tableau;
        try {
            tableau = new ButcherTableau(name, a, b, c);
            if (object.containsKey("order")) {
                if (!(object.get("order") instanceof Long order) || order < 1 || order > OrderConditions.MAX_ORDER) {
                    throw new BadInputException("order: expected an integer 1.." + OrderConditions.MAX_ORDER
                            + ", got " + Printable.of(String.valueOf(object.get("order")), 30));
                }
                tableau.requireOrder(order.intValue());
            }
        } catch (IllegalArgumentException | BadInputException e) {
            throw new BadInputException(where + e.getMessage(), e);
        }
        return tableau;
    }

    private static List<?> list(Map<?, ?> object, String key, String where) {
        if (!object.containsKey(key)) {
            throw new BadInputException(where + "missing key '" + key + "'");
        }
        if (!(object.get(key) instanceof List<?> list)) {
            throw new BadInputException(where + key + ": expected an array");
        }
        return list;
    }

    private static BigFraction[] rationals(List<?> values, String path, String where) {
        BigFraction[] out = new BigFraction[values.size()];
        for (int i = 0; i < out.length; i++) {
            Object v = values.get(i);
            String at = path + "[" + i + "]";
            if (v instanceof Long integer) {
                out[i] = new BigFraction(integer);
            } else if (v instanceof String text) {
                try {
                    out[i] = ButcherTableau.parseRational(text);
                } catch (IllegalArgumentException e) {
                    throw new BadInputException(where + at + ": " + e.getMessage());
                }
            } else {
                throw new BadInputException(where + at + ": expected an exact rational as a string like \"1/6\" (or an integer), got "
                        + (v instanceof Double ? "the inexact number " + v : Printable.of(String.valueOf(v), 30)));
            }
        }
        return out;
    }
}
