package org.resnetode.cli;

import java.util.ArrayList;
import java.util.List;
import org.apache.commons.math3.fraction.BigFraction;
import org.resnetode.scheme.ButcherTableau;
import org.resnetode.scheme.Scheme;

/** Parsing of the symbolic subcommands' inputs: a tableau by name or file, rational vectors and matrices. */
final class SymbolicInputs {
    private SymbolicInputs() {
    }

    /** A built-in tableau ({@link Scheme#NAMES}) or, for a name ending in .json, a tableau file. */
    static ButcherTableau tableau(String spec) {
        return Scheme.byName(spec).tableau();
    }

    /** A list of rationals such as {@code [1, -1/2, 0.25]}. */
    static BigFraction[] vector(String what, String text) {
        Object v = new Nested(what, text).parse();
        if (!(v instanceof List<?> list) || list.stream().anyMatch(x -> !(x instanceof BigFraction))) {
            throw new IllegalArgumentException(what + ": expected a list of rationals like [1, -1/2], got '" + text + "'");
        }
        return list.toArray(new BigFraction[0]);
    }

    /** A square matrix of rationals such as {@code [[0,1],[-1,0]]}. */
    static BigFraction[][] matrix(String what, String text) {
        Object v = new Nested(what, text).parse();
        if (!(v instanceof List<?> rows) || rows.isEmpty()) {
            throw new IllegalArgumentException(what + ": expected a square matrix like [[0,1],[-1,0]], got '" + text + "'");
        }
        BigFraction[][] m = new BigFraction[rows.size()][];
        for (int i = 0; i < m.length; i++) {
            if (!(rows.get(i) instanceof List<?> row) || row.size() != m.length || row.stream().anyMatch(x -> !(x instanceof BigFraction))) {
                throw new IllegalArgumentException(what + ": row " + i + " is not a list of " + m.length
                        + " rationals (a square matrix like [[0,1],[-1,0]] is expected), in '" + text + "'");
            }
            m[i] = row.toArray(new BigFraction[0]);
        }
        return m;
    }

    /** Nested lists of rational tokens: {@code [[1/2, 3], [-1, 0.5]]}. */
    private static final class Nested {
        private final String what;
        private final String s;
        private int i;

        Nested(String what, String s) {
            this.what = what;
            this.s = s;
        }

        Object parse() {
            Object v = value();
            skip();
            if (i != s.length()) {
                throw error("unexpected '" + s.charAt(i) + "'");
            }
            return v;
        }

        private Object value() {
            skip();
            if (i >= s.length()) {
                throw error("unexpected end");
            }
            if (s.charAt(i) == '[') {
                i++;
                List<Object> items = new ArrayList<>();
                skip();
                if (i < s.length() && s.charAt(i) == ']') {
                    i++;
                    return items;
                }
                while (true) {
                    items.add(value());
                    skip();
                    if (i < s.length() && s.charAt(i) == ',') {
                        i++;
                    } else if (i < s.length() && s.charAt(i) == ']') {
                        i++;
                        return items;
                    } else {
                        throw error("expected ',' or ']'");
                    }
                }
            }
            int start = i;
            while (i < s.length() && "0123456789+-/.eE".indexOf(s.charAt(i)) >= 0) {
                i++;
            }
            if (start == i) {
                throw error("unexpected '" + s.charAt(i) + "'");
            }
            try {
                return ButcherTableau.parseRational(s.substring(start, i));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(what + ": " + e.getMessage());
            }
        }

        private void skip() {
            while (i < s.length() && Character.isWhitespace(s.charAt(i))) {
                i++;
            }
        }

        private IllegalArgumentException error(String problem) {
            return new IllegalArgumentException(what + ": " + problem + " at character " + (i + 1) + " of '" + s + "'");
        }
    }
}
