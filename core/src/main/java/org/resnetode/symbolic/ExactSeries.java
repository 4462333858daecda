package org.resnetode.symbolic;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.commons.math3.fraction.BigFraction;
import org.resnetode.scheme.ButcherTableau;

/**
 * Exact truncated power series in h whose coefficients are polynomials with rational coefficients in further
 * variables (a, or a(t) and its derivatives): {@code Σ_{k=0}^{K} p_k(v_1, ..., v_m) h^k}, every product
 * truncated after h^K. This is the workhorse of the expansions in h = 1/N: Symja's {@code Series} of
 * {@code Log} and {@code Exp} of such polynomials takes seconds to tens of seconds per call at K = 6..8 and
 * crashes on some inputs (a NullPointerException in {@code Series(Exp(...) - 1)}), while these exact
 * rational operations take milliseconds; Symja then simplifies, integrates and prints the coefficients.
 *
 * <p>Variable 0 is h; a monomial is its exponent vector. Immutable.
 */
final class ExactSeries {
    private final String[] variables;
    private final int order;
    /** Monomial (exponents, h first) -> nonzero coefficient, in a fixed (lexicographic) order. */
    private final TreeMap<Monomial, BigFraction> terms;

    /** Exponent vector with lexicographic order, so that printing is deterministic. */
    record Monomial(int[] exponents) implements Comparable<Monomial> {
        @Override
        public boolean equals(Object o) {
            return o instanceof Monomial m && Arrays.equals(exponents, m.exponents);
        }

        @Override
        public int hashCode() {
            return Arrays.hashCode(exponents);
        }

        @Override
        public int compareTo(Monomial o) {
            return Arrays.compare(exponents, o.exponents);
        }

        @Override
        public String toString() {
            return Arrays.toString(exponents);
        }
    }

    private ExactSeries(String[] variables, int order, TreeMap<Monomial, BigFraction> terms) {
        this.variables = variables;
        this.order = order;
        this.terms = terms;
    }

    /** The constant c, in the variables {@code h, variables...}, truncated after h^order. */
    static ExactSeries constant(BigFraction c, int order, String... variables) {
        String[] all = new String[variables.length + 1];
        all[0] = "h";
        System.arraycopy(variables, 0, all, 1, variables.length);
        TreeMap<Monomial, BigFraction> t = new TreeMap<>();
        if (c.getNumerator().signum() != 0) {
            t.put(new Monomial(new int[all.length]), c);
        }
        return new ExactSeries(all, order, t);
    }

    /** The variable of index {@code index} (0 is h) in the same ring as this series. */
    ExactSeries variable(int index) {
        int[] e = new int[variables.length];
        e[index] = 1;
        TreeMap<Monomial, BigFraction> t = new TreeMap<>();
        if (index != 0 || order >= 1) {
            t.put(new Monomial(e), BigFraction.ONE);
        }
        return new ExactSeries(variables, order, t);
    }

    /** A rational constant in the same ring. */
    ExactSeries of(BigFraction c) {
        return constant(c, order, Arrays.copyOfRange(variables, 1, variables.length));
    }

    ExactSeries add(ExactSeries o) {
        TreeMap<Monomial, BigFraction> t = new TreeMap<>(terms);
        o.terms.forEach((m, c) -> accumulate(t, m, c));
        return new ExactSeries(variables, order, t);
    }

    ExactSeries subtract(ExactSeries o) {
        return add(o.scale(BigFraction.MINUS_ONE));
    }

    ExactSeries scale(BigFraction c) {
        TreeMap<Monomial, BigFraction> t = new TreeMap<>();
        if (c.getNumerator().signum() != 0) {
            terms.forEach((m, v) -> t.put(m, v.multiply(c)));
        }
        return new ExactSeries(variables, order, t);
    }

    /** The product, terms beyond h^order dropped. */
    ExactSeries multiply(ExactSeries o) {
        TreeMap<Monomial, BigFraction> t = new TreeMap<>();
        for (Map.Entry<Monomial, BigFraction> x : terms.entrySet()) {
            for (Map.Entry<Monomial, BigFraction> y : o.terms.entrySet()) {
                int[] e = new int[variables.length];
                for (int i = 0; i < e.length; i++) {
                    e[i] = x.getKey().exponents()[i] + y.getKey().exponents()[i];
                }
                if (e[0] <= order) {
                    accumulate(t, new Monomial(e), x.getValue().multiply(y.getValue()));
                }
            }
        }
        return new ExactSeries(variables, order, t);
    }

    /** {@code Σ_{m>=0} u^m / m!} for this series u, which must vanish at h = 0. */
    ExactSeries exp() {
        requireNoConstantInH("exp");
        ExactSeries sum = of(BigFraction.ONE);
        ExactSeries power = of(BigFraction.ONE);
        for (int m = 1; m <= order; m++) {
            power = power.multiply(this).scale(new BigFraction(1, m));
            sum = sum.add(power);
        }
        return sum;
    }

    /** {@code log(1 + u) = Σ_{m>=1} (-1)^{m+1} u^m / m} for this series u, which must vanish at h = 0. */
    ExactSeries log1p() {
        requireNoConstantInH("log1p");
        ExactSeries sum = of(BigFraction.ZERO);
        ExactSeries power = of(BigFraction.ONE);
        for (int m = 1; m <= order; m++) {
            power = power.multiply(this);
            sum = sum.add(power.scale(new BigFraction(m % 2 == 1 ? 1 : -1, m)));
        }
        return sum;
    }

    /** Divides by h; requires no h^0 term. The result is truncated one order lower. */
    ExactSeries divideByH() {
        requireNoConstantInH("division by h");
        TreeMap<Monomial, BigFraction> t = new TreeMap<>();
        terms.forEach((m, v) -> {
            int[] e = m.exponents().clone();
            e[0]--;
            t.put(new Monomial(e), v);
        });
        return new ExactSeries(variables, order - 1, t);
    }

    /** The same series truncated after h^k (k <= order). */
    ExactSeries truncate(int k) {
        TreeMap<Monomial, BigFraction> t = new TreeMap<>();
        terms.forEach((m, v) -> {
            if (m.exponents()[0] <= k) {
                t.put(m, v);
            }
        });
        return new ExactSeries(variables, k, t);
    }

    int order() {
        return order;
    }

    /** The coefficient of h^k as a series without h, in the same variables and order. */
    ExactSeries coefficientSeries(int k) {
        TreeMap<Monomial, BigFraction> t = new TreeMap<>();
        terms.forEach((m, v) -> {
            if (m.exponents()[0] == k) {
                int[] e = m.exponents().clone();
                e[0] = 0;
                t.put(new Monomial(e), v);
            }
        });
        return new ExactSeries(variables, order, t);
    }

    /**
     * The derivative in t of a series whose variables after h are {@code d_0 = a(t), d_1 = a'(t), ...} in order:
     * {@code Σ_i (∂/∂d_i) · d_{i+1}} (product rule). The last variable must not occur: its derivative has no name.
     */
    ExactSeries derivativeInT() {
        TreeMap<Monomial, BigFraction> t = new TreeMap<>();
        terms.forEach((m, v) -> {
            int[] e = m.exponents();
            if (e[e.length - 1] != 0) {
                throw new IllegalStateException("the derivative of " + variables[e.length - 1] + " is beyond the series' variables");
            }
            for (int i = 1; i < e.length - 1; i++) {
                if (e[i] > 0) {
                    int[] de = e.clone();
                    de[i]--;
                    de[i + 1]++;
                    accumulate(t, new Monomial(de), v.multiply(e[i]));
                }
            }
        });
        return new ExactSeries(variables, order, t);
    }

    /** True when the series is zero. */
    boolean isZero() {
        return terms.isEmpty();
    }

    /**
     * The h^k coefficient as double coefficients (entry 0 of each row) and exponents of the variables after h (entries
     * 1..): a form that evaluates in double arithmetic without rationals.
     */
    double[][] numericTerms(int k) {
        List<double[]> rows = new ArrayList<>();
        terms.forEach((m, v) -> {
            if (m.exponents()[0] == k) {
                double[] row = new double[variables.length];
                row[0] = v.doubleValue();
                for (int i = 1; i < row.length; i++) {
                    row[i] = m.exponents()[i];
                }
                rows.add(row);
            }
        });
        return rows.toArray(new double[0][]);
    }

    /** The coefficient of h^k as a Symja polynomial in the other variables ("0" when it vanishes). */
    String coefficient(int k) {
        List<String> parts = new ArrayList<>();
        terms.forEach((m, v) -> {
            if (m.exponents()[0] == k) {
                StringBuilder s = new StringBuilder("(").append(ButcherTableau.text(v)).append(")");
                for (int i = 1; i < variables.length; i++) {
                    int e = m.exponents()[i];
                    if (e > 0) {
                        s.append("*").append(variables[i]).append(e == 1 ? "" : "^" + e);
                    }
                }
                parts.add(s.toString());
            }
        });
        return parts.isEmpty() ? "0" : String.join("+", parts);
    }

    /** True when the coefficient of h^k is the zero polynomial. */
    boolean vanishes(int k) {
        return terms.keySet().stream().noneMatch(m -> m.exponents()[0] == k);
    }

    /** The series evaluated at values of the variables other than h, as coefficients of h^0..h^order. */
    double[] at(double... values) {
        double[] c = new double[order + 1];
        terms.forEach((m, v) -> {
            double term = v.doubleValue();
            for (int i = 1; i < variables.length; i++) {
                term *= Math.pow(values[i - 1], m.exponents()[i]);
            }
            c[m.exponents()[0]] += term;
        });
        return c;
    }

    /**
     * The coefficient of h^k as a polynomial in one variable (index {@code variable} >= 1), the others fixed at
     * {@code values} (one per variable other than h, in order; the entry of {@code variable} itself is ignored):
     * entry j is the coefficient of that variable^j.
     */
    double[] polynomial(int k, int variable, double... values) {
        int degree = terms.keySet().stream().filter(m -> m.exponents()[0] == k).mapToInt(m -> m.exponents()[variable]).max().orElse(0);
        double[] p = new double[degree + 1];
        terms.forEach((m, v) -> {
            if (m.exponents()[0] == k) {
                double term = v.doubleValue();
                for (int i = 1; i < variables.length; i++) {
                    if (i != variable) {
                        term *= Math.pow(values[i - 1], m.exponents()[i]);
                    }
                }
                p[m.exponents()[variable]] += term;
            }
        });
        return p;
    }

    /** The whole truncated series as a Symja expression in h and the other variables. */
    String toSymja() {
        List<String> parts = new ArrayList<>();
        for (int k = 0; k <= order; k++) {
            if (!vanishes(k)) {
                parts.add("(" + coefficient(k) + ")*h^" + k);
            }
        }
        return parts.isEmpty() ? "0" : String.join("+", parts);
    }

    private void requireNoConstantInH(String what) {
        if (terms.keySet().stream().anyMatch(m -> m.exponents()[0] == 0)) {
            throw new IllegalStateException(what + " of a series with an h^0 term");
        }
    }

    private static void accumulate(TreeMap<Monomial, BigFraction> t, Monomial m, BigFraction c) {
        BigFraction sum = t.getOrDefault(m, BigFraction.ZERO).add(c);
        if (sum.getNumerator().signum() == 0) {
            t.remove(m);
        } else {
            t.put(m, sum);
        }
    }
}
