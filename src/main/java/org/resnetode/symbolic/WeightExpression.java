package org.resnetode.symbolic;

import java.util.function.DoubleUnaryOperator;

/**
 * A weight profile a(t) given by the user as a polynomial or trigonometric polynomial in t: numbers, {@code t},
 * {@code pi}, {@code + - * /}, integer powers {@code ^k} (0 <= k <= 20), {@code sin(...)} and {@code cos(...)};
 * division only by expressions free of t. Parsed once into a Symja expression (for the derivation) and a double
 * function (for the numeric cross-check, evaluated independently of Symja).
 */
public final class WeightExpression {
    private final String text;
    private final String symja;
    private final DoubleUnaryOperator function;

    private WeightExpression(String text, String symja, DoubleUnaryOperator function) {
        this.text = text;
        this.symja = symja;
        this.function = function;
    }

    /**
     * Parses {@code text}.
     *
     * @throws IllegalArgumentException naming the text, the position and what was expected
     */
    public static WeightExpression parse(String text) {
        Parser p = new Parser(text);
        Node n = p.sum();
        if (p.i != text.length()) {
            throw p.error("unexpected '" + text.charAt(p.i) + "'");
        }
        return new WeightExpression(text, n.symja, n.f);
    }

    public String text() { return text; }

    /** The expression in Symja syntax, in the symbol t. */
    public String symja() { return symja; }

    /** a(t) in double arithmetic. */
    public DoubleUnaryOperator function() { return function; }

    /** A parsed sub-expression: Symja text, double function, and whether it depends on t. */
    private record Node(String symja, DoubleUnaryOperator f, boolean hasT) {
    }

    private static final class Parser {
        private final String s;
        private int i;

        Parser(String s) {
            this.s = s;
        }

        Node sum() {
            Node left = product();
            while (true) {
                skip();
                if (peek('+') || peek('-')) {
                    char op = s.charAt(i++);
                    Node right = product();
                    DoubleUnaryOperator f = left.f();
                    DoubleUnaryOperator g = right.f();
                    left = new Node("(" + left.symja() + op + right.symja() + ")",
                            op == '+' ? t -> f.applyAsDouble(t) + g.applyAsDouble(t) : t -> f.applyAsDouble(t) - g.applyAsDouble(t),
                            left.hasT() || right.hasT());
                } else {
                    return left;
                }
            }
        }

        Node product() {
            Node left = unary();
            while (true) {
                skip();
                if (peek('*') || peek('/')) {
                    char op = s.charAt(i++);
                    int at = i;
                    Node right = unary();
                    if (op == '/' && right.hasT()) {
                        i = at;
                        throw error("division by an expression in t (only polynomials and trigonometric polynomials are supported)");
                    }
                    DoubleUnaryOperator f = left.f();
                    DoubleUnaryOperator g = right.f();
                    left = new Node("(" + left.symja() + op + right.symja() + ")",
                            op == '*' ? t -> f.applyAsDouble(t) * g.applyAsDouble(t) : t -> f.applyAsDouble(t) / g.applyAsDouble(t),
                            left.hasT() || right.hasT());
                } else {
                    return left;
                }
            }
        }

        Node unary() {
            skip();
            if (peek('-') || peek('+')) {
                char op = s.charAt(i++);
                Node n = unary();
                DoubleUnaryOperator f = n.f();
                return op == '+' ? n : new Node("(-" + n.symja() + ")", t -> -f.applyAsDouble(t), n.hasT());
            }
            return power();
        }

        Node power() {
            Node base = atom();
            skip();
            if (!peek('^')) {
                return base;
            }
            i++;
            skip();
            int start = i;
            while (i < s.length() && Character.isDigit(s.charAt(i))) {
                i++;
            }
            if (start == i || i - start > 2 || Integer.parseInt(s.substring(start, i)) > 20) {
                i = start;
                throw error("expected an integer exponent 0..20");
            }
            int k = Integer.parseInt(s.substring(start, i));
            DoubleUnaryOperator f = base.f();
            return new Node("(" + base.symja() + ")^" + k, t -> Math.pow(f.applyAsDouble(t), k), base.hasT() && k > 0);
        }

        Node atom() {
            skip();
            if (i >= s.length()) {
                throw error("unexpected end, expected a number, t, pi, sin(...), cos(...) or (...)");
            }
            char c = s.charAt(i);
            if (c == '(') {
                i++;
                Node n = sum();
                expect(')');
                return n;
            }
            if (Character.isDigit(c) || c == '.') {
                int start = i;
                while (i < s.length() && (Character.isDigit(s.charAt(i)) || s.charAt(i) == '.')) {
                    i++;
                }
                String number = s.substring(start, i);
                double v;
                try {
                    v = Double.parseDouble(number);
                } catch (NumberFormatException e) {
                    i = start;
                    throw error("malformed number '" + number + "'");
                }
                return new Node("(" + org.resnetode.scheme.ButcherTableau.text(org.resnetode.scheme.ButcherTableau.parseRational(number)) + ")",
                        t -> v, false);
            }
            if (Character.isLetter(c)) {
                int start = i;
                while (i < s.length() && Character.isLetter(s.charAt(i))) {
                    i++;
                }
                String word = s.substring(start, i);
                switch (word) {
                    case "t":
                        return new Node("t", t -> t, true);
                    case "pi":
                        return new Node("Pi", t -> Math.PI, false);
                    case "sin":
                    case "cos": {
                        expect('(');
                        Node arg = sum();
                        expect(')');
                        DoubleUnaryOperator f = arg.f();
                        return word.equals("sin") ? new Node("Sin(" + arg.symja() + ")", t -> Math.sin(f.applyAsDouble(t)), arg.hasT())
                                : new Node("Cos(" + arg.symja() + ")", t -> Math.cos(f.applyAsDouble(t)), arg.hasT());
                    }
                    default:
                        i = start;
                        throw error("unknown name '" + word + "' (expected t, pi, sin, cos)");
                }
            }
            throw error("unexpected '" + c + "'");
        }

        void expect(char c) {
            skip();
            if (!peek(c)) {
                throw error("expected '" + c + "'");
            }
            i++;
        }

        boolean peek(char c) {
            return i < s.length() && s.charAt(i) == c;
        }

        void skip() {
            while (i < s.length() && Character.isWhitespace(s.charAt(i))) {
                i++;
            }
        }

        IllegalArgumentException error(String problem) {
            return new IllegalArgumentException("weight expression '" + s + "': " + problem + " at character " + (i + 1));
        }
    }
}
