package org.resnetode.scheme;

import java.math.BigInteger;
import java.util.List;
import java.util.Locale;
import org.apache.commons.math3.fraction.BigFraction;
import org.resnetode.checks.Printable;

/**
 * An explicit Runge-Kutta scheme as data: {@code y_i = x + h Σ_{j<i} a_ij k_j},
 * {@code k_i = f(y_i, θ(t + c_i h))}, {@code x' = x + h Σ_i b_i k_i}. The entries are exact rationals; the
 * tableau validates itself on construction: explicit ({@code a_ij = 0} for {@code j >= i}), row sums
 * {@code c_i = Σ_j a_ij}, stage times in [0, 1] (stage weights are interpolated between θ_n and θ_{n+1}),
 * and its order is read off the order conditions {@code Φ(τ) = 1/γ(τ)} over all rooted trees τ
 * ({@link OrderConditions}). Immutable: the entries are handed out one by one ({@link #a(int, int)}, {@link #b(int)},
 * {@link #c(int)}) or as fresh copies ({@link #a()}, {@link #b()}, {@link #c()}), never as the tableau's own arrays.
 */
public final class ButcherTableau {
    /** Most stages accepted (the order conditions are checked up to {@link OrderConditions#MAX_ORDER}). */
    public static final int MAX_STAGES = 16;

    /** {@code x_{n+1} = x_n + h f(x_n, θ_n)}. */
    public static final ButcherTableau EULER = builtIn("euler", new String[][] {{}}, new String[] {"1"}, 1);

    /** Explicit trapezoid: {@code k1 = f(x_n, θ_n)}, {@code k2 = f(x_n + h k1, θ_{n+1})}, {@code x_{n+1} = x_n + (h/2)(k1 + k2)}. */
    public static final ButcherTableau HEUN = builtIn("heun", new String[][] {{}, {"1"}}, new String[] {"1/2", "1/2"}, 2);

    /** Explicit midpoint: {@code k2 = f(x_n + (h/2) k1, θ_{n+1/2})}, {@code x_{n+1} = x_n + h k2}. */
    public static final ButcherTableau MIDPOINT = builtIn("midpoint", new String[][] {{}, {"1/2"}}, new String[] {"0", "1"}, 2);

    /** Ralston's second-order method (minimal truncation-error bound): stage at 2/3, weights 1/4, 3/4. */
    public static final ButcherTableau RALSTON = builtIn("ralston", new String[][] {{}, {"2/3"}}, new String[] {"1/4", "3/4"}, 2);

    /** Kutta's third-order method: stages at 0, 1/2, 1 with {@code y_3 = x - h k1 + 2h k2}, weights 1/6, 2/3, 1/6. */
    public static final ButcherTableau KUTTA3 = builtIn("rk3", new String[][] {{}, {"1/2"}, {"-1", "2"}},
            new String[] {"1/6", "2/3", "1/6"}, 3);

    /** Classical RK4 (stages at t, t+h/2, t+h/2, t+h; weights interpolated at c = 1/2). */
    public static final ButcherTableau RK4 = builtIn("rk4", new String[][] {{}, {"1/2"}, {"0", "1/2"}, {"0", "0", "1"}},
            new String[] {"1/6", "1/3", "1/3", "1/6"}, 4);

    /** Kutta's 3/8 rule (stages at 0, 1/3, 2/3, 1; weights 1/8, 3/8, 3/8, 1/8). */
    public static final ButcherTableau RK38 = builtIn("rk38",
            new String[][] {{}, {"1/3"}, {"-1/3", "1"}, {"1", "-1", "1"}}, new String[] {"1/8", "3/8", "3/8", "1/8"}, 4);

    /** Every built-in tableau, in order of increasing order. */
    public static final List<ButcherTableau> BUILT_IN = List.of(EULER, HEUN, MIDPOINT, RALSTON, KUTTA3, RK4, RK38);

    private final String name;
    private final BigFraction[][] exactA;
    private final BigFraction[] exactB;
    private final BigFraction[] exactC;
    private final double[][] a;
    private final double[] b;
    private final double[] c;
    private final int order;

    /**
     * Validates and builds a tableau from exact entries: {@code a} has s rows, row i holding at least the
     * i entries {@code a_i0..a_i,i-1} (a square matrix is accepted when its diagonal and upper part are 0);
     * {@code c} may be null (then {@code c_i = Σ_j a_ij}).
     *
     * @throws IllegalArgumentException naming the first violated condition
     */
    public ButcherTableau(String name, BigFraction[][] a, BigFraction[] b, BigFraction[] c) {
        this(name, a, b, c, true);
    }

    /**
     * A deliberately inconsistent tableau for the negative controls of the claims ({@code --control broken-tableau}):
     * {@code t} with its weights b multiplied by {@code scale}, so {@code Σ b_i = scale} and the scheme discretises
     * {@code x' = scale · f} instead of the Neural ODE. Its order is 0; nothing but a control should build one.
     */
    public static ButcherTableau withScaledWeights(ButcherTableau t, BigFraction scale) {
        int s = t.stages();
        BigFraction[] b = new BigFraction[s];
        for (int i = 0; i < s; i++) {
            b[i] = t.exactB[i].multiply(scale);
        }
        return new ButcherTableau(t.name + "-broken", t.exactA, b, t.exactC, false);
    }

    private ButcherTableau(String name, BigFraction[][] a, BigFraction[] b, BigFraction[] c, boolean consistent) {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("tableau: the name is empty");
        }
        int s = b.length;
        if (s < 1 || s > MAX_STAGES) {
            throw new IllegalArgumentException("tableau " + name + ": b has " + s + " entries, expected 1.." + MAX_STAGES + " stages");
        }
        if (a.length != s) {
            throw new IllegalArgumentException("tableau " + name + ": A has " + a.length + " rows but b has " + s + " entries");
        }
        if (c != null && c.length != s) {
            throw new IllegalArgumentException("tableau " + name + ": c has " + c.length + " entries but b has " + s);
        }
        this.name = name;
        this.exactA = new BigFraction[s][s];
        this.exactB = b.clone();
        this.exactC = new BigFraction[s];
        for (int i = 0; i < s; i++) {
            if (a[i].length < i || a[i].length > s) {
                throw new IllegalArgumentException("tableau " + name + ": row " + i + " of A has " + a[i].length
                        + " entries, expected " + i + " (strictly lower part) or " + s + " (square)");
            }
            BigFraction rowSum = BigFraction.ZERO;
            for (int j = 0; j < s; j++) {
                BigFraction v = j < a[i].length ? a[i][j] : BigFraction.ZERO;
                if (j >= i && !isZero(v)) {
                    throw new IllegalArgumentException("tableau " + name + " is implicit: a[" + i + "][" + j + "] = " + text(v)
                            + " (only explicit tableaux, a_ij = 0 for j >= i, are supported)");
                }
                exactA[i][j] = v;
                rowSum = rowSum.add(v);
            }
            exactC[i] = c == null ? rowSum : c[i];
            if (!exactC[i].equals(rowSum)) {
                throw new IllegalArgumentException("tableau " + name + ": c[" + i + "] = " + text(exactC[i])
                        + " but row " + i + " of A sums to " + text(rowSum) + " (c_i = Σ_j a_ij is required)");
            }
            if (exactC[i].compareTo(BigFraction.ZERO) < 0 || exactC[i].compareTo(BigFraction.ONE) > 0) {
                throw new IllegalArgumentException("tableau " + name + ": c[" + i + "] = " + text(exactC[i])
                        + " is outside [0, 1] (stage weights are interpolated between θ_n and θ_{n+1})");
            }
        }
        this.a = new double[s][];
        this.b = new double[s];
        this.c = new double[s];
        for (int i = 0; i < s; i++) {
            this.a[i] = new double[i];
            for (int j = 0; j < i; j++) {
                this.a[i][j] = exactA[i][j].doubleValue();
            }
            this.b[i] = exactB[i].doubleValue();
            this.c[i] = exactC[i].doubleValue();
            if (!Double.isFinite(this.b[i]) || java.util.Arrays.stream(this.a[i]).anyMatch(v -> !Double.isFinite(v))) {
                throw new IllegalArgumentException("tableau " + name + ": row " + i + " of A or b[" + i
                        + "] is beyond the range of a double (|entry| < 1.8e308 is required)");
            }
        }
        this.order = OrderConditions.order(exactA, exactB);
        if (consistent && order < 1) {
            throw new IllegalArgumentException("tableau " + name + " is not consistent: Σ b_i = " + text(sum(exactB)) + ", expected 1");
        }
    }

    /** A tableau from rational strings such as "1/6", checked to have the expected order. */
    private static ButcherTableau builtIn(String name, String[][] a, String[] b, int expectedOrder) {
        BigFraction[][] exactA = new BigFraction[a.length][];
        for (int i = 0; i < a.length; i++) {
            exactA[i] = new BigFraction[a[i].length];
            for (int j = 0; j < a[i].length; j++) {
                exactA[i][j] = parseRational(a[i][j]);
            }
        }
        BigFraction[] exactB = new BigFraction[b.length];
        for (int i = 0; i < b.length; i++) {
            exactB[i] = parseRational(b[i]);
        }
        return new ButcherTableau(name, exactA, exactB, null).requireOrder(expectedOrder);
    }

    /**
     * Returns this tableau when its order (from the order conditions) is {@code declared}.
     *
     * @throws IllegalArgumentException otherwise
     */
    public ButcherTableau requireOrder(int declared) {
        if (declared != order) {
            throw new IllegalArgumentException("tableau " + name + " declares order " + declared + " but satisfies the order "
                    + "conditions up to order " + order + (order == OrderConditions.MAX_ORDER ? " (the highest checked)" : ""));
        }
        return this;
    }

    /**
     * An exact rational: an integer ("3", "-2"), a fraction ("1/6", "-2/3") or a decimal ("0.25", "1e-1").
     *
     * @throws IllegalArgumentException naming the text when it is none of these
     */
    public static BigFraction parseRational(String text) {
        String t = text.strip();
        String quoted = "'" + Printable.of(text, 40) + "'";
        try {
            int slash = t.indexOf('/');
            if (slash >= 0) {
                BigInteger num = new BigInteger(t.substring(0, slash).strip());
                BigInteger den = new BigInteger(t.substring(slash + 1).strip());
                if (den.signum() == 0) {
                    throw new IllegalArgumentException(quoted + " has a zero denominator");
                }
                return new BigFraction(num, den);
            }
            java.math.BigDecimal d = new java.math.BigDecimal(t);
            if (Math.abs(d.scale()) > 1000) {
                throw new IllegalArgumentException(quoted + " has an exponent beyond ±1000");
            }
            return d.scale() >= 0 ? new BigFraction(d.unscaledValue(), BigInteger.TEN.pow(d.scale()))
                    : new BigFraction(d.toBigIntegerExact());
        } catch (NumberFormatException | ArithmeticException e) {
            throw new IllegalArgumentException(quoted + " is not a rational number (expected e.g. 1/6, -2, 0.25)");
        }
    }

    /** An exact rational as text: "1/6", "-2", "0". */
    public static String text(BigFraction v) {
        return v.getDenominator().equals(BigInteger.ONE) ? v.getNumerator().toString()
                : v.getNumerator() + "/" + v.getDenominator();
    }

    public String name() { return name; }

    /** Number of stages s. */
    public int stages() { return b.length; }

    /** The classical order read off the order conditions (at most {@link OrderConditions#MAX_ORDER}). */
    public int order() { return order; }

    /** A copy of the strictly lower part of A as doubles, row i of length i. */
    public double[][] a() {
        double[][] copy = new double[a.length][];
        for (int i = 0; i < a.length; i++) {
            copy[i] = a[i].clone();
        }
        return copy;
    }

    /** A copy of the weights b as doubles. */
    public double[] b() { return b.clone(); }

    /** A copy of the stage times c as doubles. */
    public double[] c() { return c.clone(); }

    /** The tableau's own A (row i of length i), for this package's step loops alone, which never write it. */
    double[][] sharedA() { return a; }

    /** The tableau's own b, for this package's step loops alone, which never write it. */
    double[] sharedB() { return b; }

    /** {@code a_ij} as a double, for {@code j < i}. */
    public double a(int i, int j) { return a[i][j]; }

    /** {@code b_i} as a double. */
    public double b(int i) { return b[i]; }

    /** {@code c_i} as a double. */
    public double c(int i) { return c[i]; }

    /** {@code a_ij} exactly, 0 for {@code j >= i}. */
    public BigFraction exactA(int i, int j) { return exactA[i][j]; }

    public BigFraction exactB(int i) { return exactB[i]; }

    public BigFraction exactC(int i) { return exactC[i]; }

    /** Largest stage time: 0 when a step reads only θ_n (Euler), 1 when it also reads θ_{n+1}. */
    public double lastStageTime() {
        double m = 0;
        for (double ci : c) {
            m = Math.max(m, ci);
        }
        return m;
    }

    /** {@link #lastStageTime()} exactly. */
    public BigFraction exactLastStageTime() {
        BigFraction m = BigFraction.ZERO;
        for (BigFraction ci : exactC) {
            m = ci.compareTo(m) > 0 ? ci : m;
        }
        return m;
    }

    /**
     * The stability polynomial {@code R(z) = 1 + z bᵀ (I - zA)^{-1} 1 = Σ_{k=0}^{s} r_k z^k}, {@code r_0 = 1},
     * {@code r_k = bᵀ A^{k-1} 1}: one step on {@code x' = λ x} multiplies x by {@code R(hλ)}. Coefficients r_0..r_s.
     */
    public BigFraction[] stabilityPolynomial() {
        int s = stages();
        BigFraction[] r = new BigFraction[s + 1];
        r[0] = BigFraction.ONE;
        BigFraction[] v = new BigFraction[s];
        java.util.Arrays.fill(v, BigFraction.ONE);
        for (int k = 1; k <= s; k++) {
            r[k] = dot(exactB, v);
            BigFraction[] next = new BigFraction[s];
            for (int i = 0; i < s; i++) {
                next[i] = dot(exactA[i], v);
            }
            v = next;
        }
        return r;
    }

    /** The order of R(z) as an approximation of e^z: the largest p with {@code r_k = 1/k!} for k <= p. */
    public int linearOrder() {
        BigFraction[] r = stabilityPolynomial();
        BigInteger factorial = BigInteger.ONE;
        for (int k = 1; k < r.length; k++) {
            factorial = factorial.multiply(BigInteger.valueOf(k));
            if (!r[k].equals(new BigFraction(BigInteger.ONE, factorial))) {
                return k - 1;
            }
        }
        return r.length - 1;
    }

    static BigFraction dot(BigFraction[] x, BigFraction[] y) {
        BigFraction s = BigFraction.ZERO;
        for (int i = 0; i < x.length; i++) {
            s = s.add(x[i].multiply(y[i]));
        }
        return s;
    }

    private static BigFraction sum(BigFraction[] x) {
        BigFraction s = BigFraction.ZERO;
        for (BigFraction v : x) {
            s = s.add(v);
        }
        return s;
    }

    private static boolean isZero(BigFraction v) {
        return v.getNumerator().signum() == 0;
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "%s (%d stages, order %d)", name, stages(), order);
    }
}
