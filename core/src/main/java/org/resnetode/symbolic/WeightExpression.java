package org.resnetode.symbolic;

import java.util.function.DoubleUnaryOperator;
import org.resnetode.checks.BadInputException;
import org.resnetode.checks.Printable;

/**
 * A weight profile a(t) given by the user as a polynomial or trigonometric polynomial in t: numbers, {@code t},
 * {@code pi}, {@code + - * /}, integer powers {@code ^k} (0 <= k <= 20), {@code sin(...)} and {@code cos(...)} of arguments linear in t;
 * division only by expressions free of t. Parsed once into a Symja expression (for the derivation) and a double
 * function (for the numeric cross-check, evaluated independently of Symja).
 */
public final class WeightExpression {
    /** The deepest nesting of parentheses, signs and sin/cos calls accepted. */
    public static final int MAX_DEPTH = 100;

    private final String text;
    private final String symja;
    private final DoubleUnaryOperator function;
    private final Taylor taylor;

    private WeightExpression(String text, String symja, DoubleUnaryOperator function, Taylor taylor) {
        this.text = text;
        this.symja = symja;
        this.function = function;
        this.taylor = taylor;
    }

    /**
     * Parses {@code text}.
     *
     * @throws BadInputException naming the text, the position and what was expected; parentheses, signs and function
     *     calls nested deeper than {@value #MAX_DEPTH} levels are refused (a hostile text cannot exhaust the stack)
     */
    public static WeightExpression parse(String text) {
        Parser p = new Parser(text);
        Node n = p.sum();
        if (p.i != text.length()) {
            throw p.error("unexpected '" + Printable.of(String.valueOf(text.charAt(p.i)), 1) + "'");
        }
        // a divisor whose double is not 0 may still be exactly 0 (sin(pi) is 1.2e-16 in doubles): Symja decides
        for (String divisor : p.divisors) {
            if ("True".equals(SymbolicEngine.eval("PossibleZeroQ(" + divisor + ")"))) {
                throw new BadInputException("weight expression '" + Printable.of(text, 60) + "': division by zero (the divisor "
                        + SymbolicEngine.abbreviate(divisor) + " is exactly 0)");
            }
        }
        // the numeric cross-checks evaluate a(t) in doubles on [0, 1]
        for (double t : new double[] {0, 0.5, 1}) {
            if (!Double.isFinite(n.f.applyAsDouble(t))) {
                throw new BadInputException("weight expression '" + Printable.of(text, 60) + "': a(" + t + ") "
                        + (Double.isNaN(n.f.applyAsDouble(t)) ? "is not a number" : "overflows the range of a double (about 1.8e308)"));
            }
        }
        return new WeightExpression(text, n.symja, n.f, n.taylor);
    }

    public String text() { return text; }

    /** The expression in Symja syntax, in the symbol t. */
    public String symja() { return symja; }

    /** a(t) in double arithmetic. */
    public DoubleUnaryOperator function() { return function; }

    /**
     * The derivatives {@code a(t), a'(t), ..., a^{(order)}(t)} in double arithmetic, by Taylor arithmetic on the parsed
     * expression (independently of Symja).
     */
    public double[] derivatives(double t, int order) {
        double[] c = taylor.at(t, order);
        double factorial = 1;
        for (int k = 1; k <= order; k++) {
            factorial *= k;
            c[k] *= factorial;
        }
        return c;
    }

    /** The normalised Taylor coefficients {@code u^{(k)}(t)/k!}, k = 0..order, of a sub-expression at t. */
    @FunctionalInterface
    private interface Taylor {
        double[] at(double t, int order);

        static Taylor constant(double v) {
            return (t, order) -> {
                double[] c = new double[order + 1];
                c[0] = v;
                return c;
            };
        }

        /** Cauchy product {@code (u w)_n = Σ_k u_k w_{n-k}}. */
        static double[] product(double[] u, double[] w) {
            double[] c = new double[u.length];
            for (int n = 0; n < c.length; n++) {
                for (int k = 0; k <= n; k++) {
                    c[n] += u[k] * w[n - k];
                }
            }
            return c;
        }

        /**
         * sin and cos of a series u: {@code s_0 = sin u_0, c_0 = cos u_0},
         * {@code s_n = (1/n) Σ_{k=1}^n k u_k c_{n-k}}, {@code c_n = -(1/n) Σ_{k=1}^n k u_k s_{n-k}} (from s' = u' c, c' = -u' s).
         */
        static double[][] sinCos(double[] u) {
            double[] s = new double[u.length];
            double[] c = new double[u.length];
            s[0] = Math.sin(u[0]);
            c[0] = Math.cos(u[0]);
            for (int n = 1; n < u.length; n++) {
                for (int k = 1; k <= n; k++) {
                    s[n] += k * u[k] * c[n - k];
                    c[n] -= k * u[k] * s[n - k];
                }
                s[n] /= n;
                c[n] /= n;
            }
            return new double[][] {s, c};
        }
    }

    /** A parsed sub-expression: Symja text, double function, Taylor coefficients, and whether it depends on t. */
    private record Node(String symja, DoubleUnaryOperator f, Taylor taylor, boolean hasT) {
    }

    private static final class Parser {
        private final String s;
        private int i;
        private int depth;
        /** The Symja text of every divisor (free of t, so a constant), to be checked for an exact zero. */
        private final java.util.List<String> divisors = new java.util.ArrayList<>();

        Parser(String s) {
            this.s = s;
        }

        Node sum() {
            enter();
            Node n = terms();
            depth--;
            return n;
        }

        Node terms() {
            Node left = product();
            while (true) {
                skip();
                if (peek('+') || peek('-')) {
                    char op = s.charAt(i++);
                    Node right = product();
                    DoubleUnaryOperator f = left.f();
                    DoubleUnaryOperator g = right.f();
                    Taylor u = left.taylor();
                    Taylor w = right.taylor();
                    double sign = op == '+' ? 1 : -1;
                    left = new Node("(" + left.symja() + op + right.symja() + ")",
                            op == '+' ? t -> f.applyAsDouble(t) + g.applyAsDouble(t) : t -> f.applyAsDouble(t) - g.applyAsDouble(t),
                            (t, order) -> {
                                double[] c = u.at(t, order);
                                double[] d = w.at(t, order);
                                for (int k = 0; k <= order; k++) {
                                    c[k] += sign * d[k];
                                }
                                return c;
                            }, left.hasT() || right.hasT());
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
                    if (op == '/') {
                        double divisor = right.f().applyAsDouble(0);
                        if (divisor == 0 || !Double.isFinite(divisor)) {
                            i = at;
                            throw error(divisor == 0 ? "division by zero" : "the divisor overflows the range of a double (about 1.8e308)");
                        }
                        divisors.add(right.symja());
                    }
                    DoubleUnaryOperator f = left.f();
                    DoubleUnaryOperator g = right.f();
                    Taylor u = left.taylor();
                    Taylor w = right.taylor();
                    // a divisor is free of t: its series is the constant w_0
                    left = new Node("(" + left.symja() + op + right.symja() + ")",
                            op == '*' ? t -> f.applyAsDouble(t) * g.applyAsDouble(t) : t -> f.applyAsDouble(t) / g.applyAsDouble(t),
                            op == '*' ? (t, order) -> Taylor.product(u.at(t, order), w.at(t, order)) : (t, order) -> {
                                double[] c = u.at(t, order);
                                double divisor = g.applyAsDouble(t);
                                for (int k = 0; k <= order; k++) {
                                    c[k] /= divisor;
                                }
                                return c;
                            }, left.hasT() || right.hasT());
                } else {
                    return left;
                }
            }
        }

        Node unary() {
            skip();
            if (peek('-') || peek('+')) {
                char op = s.charAt(i++);
                enter();
                Node n = unary();
                depth--;
                DoubleUnaryOperator f = n.f();
                Taylor u = n.taylor();
                return op == '+' ? n : new Node("(-" + n.symja() + ")", t -> -f.applyAsDouble(t), (t, order) -> {
                    double[] c = u.at(t, order);
                    for (int k = 0; k <= order; k++) {
                        c[k] = -c[k];
                    }
                    return c;
                }, n.hasT());
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
            while (i < s.length() && asciiDigit(s.charAt(i))) {
                i++;
            }
            if (start == i || i - start > 2 || Integer.parseInt(s.substring(start, i)) > 20) {
                i = start;
                throw error("expected an integer exponent 0..20");
            }
            int k = Integer.parseInt(s.substring(start, i));
            DoubleUnaryOperator f = base.f();
            Taylor u = base.taylor();
            return new Node("(" + base.symja() + ")^" + k, t -> Math.pow(f.applyAsDouble(t), k), (t, order) -> {
                double[] b = u.at(t, order);
                double[] c = Taylor.constant(1).at(t, order);
                for (int j = 0; j < k; j++) {
                    c = Taylor.product(c, b);
                }
                return c;
            }, base.hasT() && k > 0);
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
            if (asciiDigit(c) || c == '.') {
                int start = i;
                while (i < s.length() && (asciiDigit(s.charAt(i)) || s.charAt(i) == '.')) {
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
                        t -> v, Taylor.constant(v), false);
            }
            if (asciiLetter(c)) {
                int start = i;
                while (i < s.length() && asciiLetter(s.charAt(i))) {
                    i++;
                }
                String word = s.substring(start, i);
                switch (word) {
                    case "t":
                        return new Node("t", t -> t, (t, order) -> {
                            double[] series = Taylor.constant(t).at(t, order);
                            if (order >= 1) {
                                series[1] = 1;
                            }
                            return series;
                        }, true);
                    case "pi":
                        return new Node("Pi", t -> Math.PI, Taylor.constant(Math.PI), false);
                    case "sin":
                    case "cos": {
                        expect('(');
                        int at = i;
                        Node arg = sum();
                        if (!affine(arg)) {
                            String argument = s.substring(at, i).strip();
                            i = at;
                            throw error(word + " takes an argument linear in t (w*t + f: a trigonometric polynomial), not '"
                                    + Printable.of(argument, 30) + "'");
                        }
                        expect(')');
                        DoubleUnaryOperator f = arg.f();
                        Taylor u = arg.taylor();
                        int which = word.equals("sin") ? 0 : 1;
                        Taylor taylor = (t, order) -> Taylor.sinCos(u.at(t, order))[which];
                        return word.equals("sin") ? new Node("Sin(" + arg.symja() + ")", t -> Math.sin(f.applyAsDouble(t)), taylor, arg.hasT())
                                : new Node("Cos(" + arg.symja() + ")", t -> Math.cos(f.applyAsDouble(t)), taylor, arg.hasT());
                    }
                    default:
                        i = start;
                        throw error("unknown name '" + Printable.of(word, 20) + "' (expected t, pi, sin, cos)");
                }
            }
            throw error("unexpected '" + Printable.of(String.valueOf(c), 1) + "'");
        }

        /**
         * Whether {@code u} is w t + f: its Taylor coefficients of orders 2..{@value #AFFINE_ORDERS} at t = 1/2 vanish
         * (exactly, since the coefficients of constants and of t are exact zeros from order 2 on), which decides it for
         * every polynomial of degree up to that order and for any argument holding sin or cos of t.
         */
        static boolean affine(Node u) {
            double[] c = u.taylor().at(0.5, AFFINE_ORDERS);
            for (int k = 2; k <= AFFINE_ORDERS; k++) {
                if (c[k] != 0) {
                    return false;
                }
            }
            return true;
        }

        static final int AFFINE_ORDERS = 40;

        static boolean asciiDigit(char c) {
            return c >= '0' && c <= '9';
        }

        static boolean asciiLetter(char c) {
            return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z';
        }

        /** One level deeper into the text; refuses nesting beyond {@link #MAX_DEPTH}. */
        void enter() {
            if (++depth > MAX_DEPTH) {
                throw error("nested deeper than " + MAX_DEPTH + " levels");
            }
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

        BadInputException error(String problem) {
            return new BadInputException("weight expression '" + Printable.of(s, 60) + "': " + problem + " at character " + (i + 1));
        }
    }
}
