package org.resnetode.cli;

import org.resnetode.checks.BadInputException;
import org.resnetode.checks.Printable;
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
        if (spec.equals("heun-reference")) {
            // the paper code's depth convention (N - 1 steps over N weights), not a tableau: symbolic would derive Heun's
            throw new BadInputException("--tableau heun-reference is a depth convention of the numeric commands, not a tableau; "
                    + "its steps are Heun's: use --tableau heun");
        }
        return Scheme.byName(spec).tableau();
    }

    /** A list of rationals such as {@code [1, -1/2, 0.25]}. */
    static BigFraction[] vector(String what, String text) {
        Object v = new Nested(what, text).parse();
        if (!(v instanceof List<?> list) || list.stream().anyMatch(x -> !(x instanceof BigFraction))) {
            throw new BadInputException(what + ": expected a list of rationals like [1, -1/2], got '" + Printable.of(text, 60) + "'");
        }
        return list.toArray(new BigFraction[0]);
    }

    /** A square matrix of rationals such as {@code [[0,1],[-1,0]]}. */
    static BigFraction[][] matrix(String what, String text) {
        Object v = new Nested(what, text).parse();
        if (!(v instanceof List<?> rows) || rows.isEmpty()) {
            throw new BadInputException(what + ": expected a square matrix like [[0,1],[-1,0]], got '" + Printable.of(text, 60) + "'");
        }
        BigFraction[][] m = new BigFraction[rows.size()][];
        for (int i = 0; i < m.length; i++) {
            if (!(rows.get(i) instanceof List<?> row) || row.size() != m.length || row.stream().anyMatch(x -> !(x instanceof BigFraction))) {
                throw new BadInputException(what + ": row " + i + " is not a list of " + m.length
                        + " rationals (a square matrix like [[0,1],[-1,0]] is expected), in '" + Printable.of(text, 60) + "'");
            }
            m[i] = row.toArray(new BigFraction[0]);
        }
        return m;
    }

    /** Nested lists of rational tokens: {@code [[1/2, 3], [-1, 0.5]]}, at most {@value #MAX_DEPTH} levels deep. */
    private static final class Nested {
        static final int MAX_DEPTH = 2;
        private final String what;
        private final String s;
        private int i;
        private int depth;

        Nested(String what, String s) {
            this.what = what;
            this.s = s;
        }

        Object parse() {
            Object v = value();
            skip();
            if (i != s.length()) {
                throw error("unexpected '" + Printable.of(String.valueOf(s.charAt(i)), 1) + "'");
            }
            return v;
        }

        private Object value() {
            skip();
            if (i >= s.length()) {
                throw error("unexpected end");
            }
            if (s.charAt(i) == '[') {
                if (++depth > MAX_DEPTH) {
                    throw error("lists nested deeper than " + MAX_DEPTH + " levels (a vector or a matrix is expected)");
                }
                i++;
                List<Object> items = new ArrayList<>();
                skip();
                if (i < s.length() && s.charAt(i) == ']') {
                    i++;
                    depth--;
                    return items;
                }
                while (true) {
                    items.add(value());
                    skip();
                    if (i < s.length() && s.charAt(i) == ',') {
                        i++;
                    } else if (i < s.length() && s.charAt(i) == ']') {
                        i++;
                        depth--;
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
                throw error("unexpected '" + Printable.of(String.valueOf(s.charAt(i)), 1) + "'");
            }
            BigFraction value;
            try {
                value = ButcherTableau.parseRational(s.substring(start, i));
            } catch (IllegalArgumentException e) {
                throw new BadInputException(what + ": " + e.getMessage());
            }
            // every derivation is cross-checked in doubles: an entry beyond their range cannot be
            double asDouble = value.doubleValue();
            if (Double.isInfinite(asDouble) || value.getNumerator().signum() != 0 && Math.abs(asDouble) < Double.MIN_NORMAL) {
                throw new BadInputException(what + ": the entry '" + Printable.of(s.substring(start, i), 40)
                        + "' is beyond the range of a double (about 2.2e-308 to 1.8e308), which the numeric cross-check uses");
            }
            return value;
        }

        private void skip() {
            while (i < s.length() && Character.isWhitespace(s.charAt(i))) {
                i++;
            }
        }

        private BadInputException error(String problem) {
            return new BadInputException(what + ": " + problem + " at character " + (i + 1) + " of '" + Printable.of(s, 60) + "'");
        }
    }
}
