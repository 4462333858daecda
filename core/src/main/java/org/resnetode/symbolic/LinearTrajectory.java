package org.resnetode.symbolic;

import org.resnetode.checks.BadInputException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.commons.math3.fraction.BigFraction;
import org.resnetode.linalg.Gemv;
import org.resnetode.model.LinearFamily;
import org.resnetode.model.MatrixExponential;
import org.resnetode.model.Weights;
import org.resnetode.scheme.ButcherTableau;
import org.resnetode.scheme.ResNet;
import org.resnetode.scheme.Scheme;

/**
 * Closed-form linear trajectories (MATH.md sections 1, 3, 6): a constant matrix A with rational entries, the ResNet
 * {@code x_n = R(A/N)^n x_0} (Euler: {@code (I + A/N)^n x_0}) and the Neural ODE {@code x(t) = e^{tA} x_0}, with
 * {@code e^{tA}} from the eigenvalues (Sylvester's formula {@code Σ_i e^{tλ_i} Π_{j≠i} (A - λ_j)/(λ_i - λ_j)} for
 * distinct eigenvalues; {@code e^{tλ} Σ_{k<d} t^k (A - λ)^k / k!} for a single eigenvalue, the Jordan case; Putzer's
 * {@code Σ_j e^{tλ}[λ_1..λ_j] Π_{k<j} (A - λ_k)} with confluent divided differences otherwise; {@link MatrixSpectrum}).
 * The trajectory error, for all t, is {@code x_{tN} - x(t) = e^{tA} Σ_k E_k(A, t) h^k x_0} with the scalar series
 * {@code exp(t (Log R(a h)/h - a)) - 1 = Σ_k E_k(a, t) h^k} applied to A (all functions of one matrix commute).
 * Symja's symbolic {@code MatrixExp} with a symbol t stays unevaluated, hence the eigenvalue route.
 */
public final class LinearTrajectory {
    /** Largest dimension handled symbolically. */
    public static final int MAX_DIM = 6;

    /** Relative agreement between the leading coefficient and Richardson on the ResNet. */
    public static final double RICHARDSON_AGREEMENT = 1e-6;

    /** Order of the series used for the Richardson check's control variate. */
    private static final int CONTROL_ORDER = 10;

    private LinearTrajectory() {
    }

    /** Eigenvalues, x(t), the leading trajectory error term and the distance's leading constant. */
    public static List<Derivation> derive(ButcherTableau tableau, BigFraction[][] a, BigFraction[] x0) {
        int d = a.length;
        if (d < 1 || d > MAX_DIM || x0.length != d) {
            throw new BadInputException("the matrix must be d×d with 1 <= d <= " + MAX_DIM + " and x_0 of dimension d, got "
                    + d + "×" + d + " and " + x0.length);
        }
        String matrix = symja(a);
        String x = vector(x0);
        List<Derivation> out = new ArrayList<>();
        String eigenName = "eigenvalues of A";
        String eigenvalues = SymbolicEngine.derive(eigenName, () -> {
            String l = MatrixSpectrum.eigenvalues(a);
            double trace = SymbolicEngine.evalNumeric("Re(Total(" + l + "))");
            double det = SymbolicEngine.evalNumeric("Re(Apply(Times, " + l + "))");
            BigFraction[] exact = traceAndDeterminant(a);
            if (!(Math.abs(trace - exact[0].doubleValue()) <= 1e-12 * (1 + Math.abs(trace))
                    && Math.abs(det - exact[1].doubleValue()) <= 1e-12 * (1 + Math.abs(det)))) {
                throw new IllegalStateException("the eigenvalues " + l + " sum to " + trace + " and multiply to " + det
                        + ", but tr A = " + ButcherTableau.text(exact[0]) + " and det A = " + ButcherTableau.text(exact[1]));
            }
            out.add(Derivation.of(eigenName, l, Double.NaN, "their sum is tr A = " + ButcherTableau.text(exact[0])
                    + " and their product det A = " + ButcherTableau.text(exact[1]) + " (exact rational arithmetic), to 1e-12"));
            return l;
        });
        String flowName = "x(t) = e^(tA) x_0";
        String flow = SymbolicEngine.derive(flowName, () -> {
            String m = MatrixSpectrum.exponential(matrix, eigenvalues, d);
            String xt = SymbolicEngine.eval((eigenvalues.contains("I") ? "Simplify(ComplexExpand(" + MatrixSpectrum.times(m, x, d) + "))" : MatrixSpectrum.times(m, x, d)));
            StringBuilder check = new StringBuilder("against the Padé exponential (model.MatrixExponential) times x_0:");
            for (double t : new double[] {0.5, 1.0}) {
                double[] numeric = expTimes(a, x0, t);
                for (int i = 0; i < d; i++) {
                    double v = SymbolicEngine.evalNumeric("Re(ReplaceAll(" + xt + "[[" + (i + 1) + "]], t->" + t + "))");
                    if (!(Math.abs(v - numeric[i]) <= 1e-12 * (1 + Math.abs(numeric[i])))) {
                        throw new IllegalStateException("component " + i + " at t = " + t + " is " + v + ", the Padé exponential gives " + numeric[i]);
                    }
                }
                check.append(String.format(Locale.ROOT, " agrees at t = %s to 1e-12;", t));
            }
            out.add(Derivation.of(flowName, xt, Double.NaN, check.toString()));
            return m;
        });
        out.addAll(leadingError(tableau, a, x0, matrix, x, flow));
        return out;
    }

    /** {@code x_{tN} - x(t) ~ e^{tA} E_p(A, t) x_0 h^p} and, at t = 1, its norm checked by Richardson on the ResNet. */
    private static List<Derivation> leadingError(ButcherTableau tableau, BigFraction[][] a, BigFraction[] x0, String matrix,
                                                 String x, String flow) {
        String name = "leading term of x_(tN) - x(t) for " + tableau.name();
        return SymbolicEngine.derive(name, () -> {
            ExactSeries e = series(tableau);
            int p = 1;
            while (p <= e.order() && e.vanishes(p)) {
                p++;
            }
            if (p > e.order()) {
                throw new IllegalStateException("no error term up to h^" + e.order());
            }
            int d = a.length;
            String poly = SymbolicEngine.eval("Expand(" + e.coefficient(p) + ")");
            String term = "Sum(Coefficient(" + poly + ", a, j)*MatrixPower(" + matrix + ", j), {j, 0, Exponent(" + poly + ", a)})";
            String termTimesX = SymbolicEngine.eval("(" + term + ")." + x);
            String vectorTerm = SymbolicEngine.eval(flow.contains("I") ? "Simplify(ComplexExpand(" + MatrixSpectrum.times(flow, termTimesX, d) + "))"
                    : MatrixSpectrum.times(flow, termTimesX, d));
            double[] c = new double[d];
            for (int i = 0; i < d; i++) {
                c[i] = SymbolicEngine.evalNumeric("Re(ReplaceAll(" + vectorTerm + "[[" + (i + 1) + "]], t->1))");
            }
            String check = richardson(tableau, a, x0, e, p, c);
            double norm = 0;
            for (double v : c) {
                norm += v * v;
            }
            norm = Math.sqrt(norm);
            List<Derivation> ds = new ArrayList<>();
            ds.add(Derivation.of(name + " (coefficient of h^" + p + ", a vector in t)", vectorTerm, Double.NaN, check));
            ds.add(Derivation.of("leading constant C of ||x_N - x(1)|| ~ C / N^" + p + " for " + tableau.name(),
                    "Norm(ReplaceAll(" + vectorTerm + ", t->1))", norm, check));
            return ds;
        });
    }

    /**
     * Richardson, component by component (those above 1e-3 of the largest), on the ResNet's
     * {@code x_N - e^A x_0} less the derived terms h^{p+1}..h^K, against {@code c = e^A E_p(A, 1) x_0}.
     */
    private static String richardson(ButcherTableau tableau, BigFraction[][] a, BigFraction[] x0, ExactSeries e, int p, double[] c) {
        int d = a.length;
        double[] flat = doubles(a, 1.0);
        double[] x = doubles(x0);
        double[] exact = expTimes(a, x0, 1.0);
        double[][] higher = new double[e.order() + 1][];
        for (int k = p + 1; k <= e.order(); k++) {
            higher[k] = MatrixPolynomial.apply(e.polynomial(k, 1, 0, 1.0), flat, d, exact);
        }
        double largest = 0;
        for (double v : c) {
            largest = Math.max(largest, Math.abs(v));
        }
        int[] ladder = ScalarNetworks.ladder(p);
        if (largest == 0) {
            return exactness(tableau, flat, x, exact, p);
        }
        double worst = 0;
        List<String> belowRoundOff = new ArrayList<>();
        int checked = 0;
        for (int i = 0; i < d; i++) {
            if (Math.abs(c[i]) < 1e-3 * largest) {
                continue;
            }
            double measured = richardsonComponent(tableau, flat, x, exact, higher, e.order(), p, i, 1.0, ladder);
            double gap = Math.abs(measured - c[i]) / Math.abs(c[i]);
            if (!(gap <= RICHARDSON_AGREEMENT)) {
                // the ResNet is linear in x_0: in exact arithmetic the estimate from s x_0, divided by s, is the same number,
                // so the spread over a few s measures the estimate's own round-off; a gap within ROUND_OFF_MARGIN of it
                // says the coefficient lies below what Richardson resolves on doubles, not that the derivation is wrong
                double noise = 0;
                for (double scale : ROUND_OFF_SCALES) {
                    noise = Math.max(noise, Math.abs(richardsonComponent(tableau, flat, x, exact, higher, e.order(), p, i, scale,
                            ladder) - measured));
                }
                if (!(Math.abs(measured - c[i]) <= ROUND_OFF_MARGIN * noise)) {
                    throw new IllegalStateException(String.format(Locale.ROOT, "component %d of the leading term is %.12g but "
                            + "Richardson on the ResNet gives %.12g (relative gap %.2e > %.0e; round-off of the estimate %.1e)", i,
                            c[i], measured, gap, RICHARDSON_AGREEMENT, noise));
                }
                belowRoundOff.add(String.format(Locale.ROOT, "%d (gap %.1e, round-off %.1e)", i, Math.abs(measured - c[i]), noise));
                continue;
            }
            checked++;
            worst = Math.max(worst, gap);
        }
        int finest = ladder[0] << ladder[1];
        if (checked == 0) {
            return String.format(Locale.ROOT, "at t = 1, Richardson (N = %d..%d) on the ResNet cannot check the leading term: the "
                    + "gap of every component %s lies within %.0fx the estimate's own round-off (the spread over x_0 scaled by "
                    + "%s): the coefficient (largest %.3g) is below what doubles resolve to %.0e; the derivation stands on Symja "
                    + "alone", ladder[0], finest, belowRoundOff, ROUND_OFF_MARGIN, java.util.Arrays.toString(ROUND_OFF_SCALES),
                    largest, RICHARDSON_AGREEMENT);
        }
        return String.format(Locale.ROOT, "at t = 1, Richardson (N = %d..%d) on the ResNet's x_N - e^A x_0 (Padé exponential), less "
                + "the derived terms h^%d..h^%d, agrees component by component to %.2e (<= %.0e)%s", ladder[0],
                finest, p + 1, e.order(), worst, RICHARDSON_AGREEMENT, belowRoundOff.isEmpty() ? ""
                        : "; within round-off only: component(s) " + belowRoundOff);
    }

    /** Scalings of x_0 whose spread measures the Richardson estimate's round-off (not powers of two: they round differently). */
    private static final double[] ROUND_OFF_SCALES = {4.0 / 3, 8.0 / 7, 16.0 / 11};

    /** A gap up to this multiple of the measured round-off is attributed to round-off. */
    private static final double ROUND_OFF_MARGIN = 10;

    /**
     * Richardson's estimate of component {@code i} of the leading coefficient from the ResNet started at {@code scale x_0}
     * (the exact flow and the derived higher terms scaled alike), divided by {@code scale}.
     */
    private static double richardsonComponent(ButcherTableau tableau, double[] flat, double[] x, double[] exact, double[][] higher,
                                              int order, int p, int i, double scale, int[] ladder) {
        int d = x.length;
        return ScalarNetworks.leadingCoefficient(n -> {
            double[] xn = new double[d];
            for (int k = 0; k < d; k++) {
                xn[k] = scale * x[k];
            }
            double[] w = new double[Scheme.of(tableau).weightCount(n) * d * d];
            for (int k = 0; k < w.length; k += d * d) {
                System.arraycopy(flat, 0, w, k, d * d);
            }
            new ResNet(new LinearFamily(d), Scheme.of(tableau), new Weights(w.length / (d * d), d * d, w), n).forward(xn, xn);
            double control = 0;
            for (int k = order; k > p; k--) {
                control = (control + scale * higher[k][i]) / n;
            }
            return (xn[i] - scale * exact[i] - control / Math.pow(n, p)) / scale;
        }, p, order - p + 1, ladder[0], ladder[1])[0];
    }

    /**
     * The leading term vanishes (e.g. a nilpotent A with A^p = 0 and a tableau exact up to h^p): the ResNet must then
     * reproduce {@code e^A x_0} to round-off, 1e-13 (1 + ||e^A x_0||), at N = 1, 2, 4, ..., 64.
     */
    private static String exactness(ButcherTableau tableau, double[] flat, double[] x, double[] exact, int p) {
        int d = x.length;
        double size = 0;
        for (double v : exact) {
            size = Math.max(size, Math.abs(v));
        }
        double worst = 0;
        for (int n = 1; n <= 64; n *= 2) {
            double[] xn = x.clone();
            double[] w = new double[Scheme.of(tableau).weightCount(n) * d * d];
            for (int k = 0; k < w.length; k += d * d) {
                System.arraycopy(flat, 0, w, k, d * d);
            }
            new ResNet(new LinearFamily(d), Scheme.of(tableau), new Weights(w.length / (d * d), d * d, w), n).forward(xn, xn);
            for (int i = 0; i < d; i++) {
                worst = Math.max(worst, Math.abs(xn[i] - exact[i]));
            }
        }
        if (!(worst <= 1e-13 * (1 + size))) {
            throw new IllegalStateException(String.format(Locale.ROOT, "the coefficient of h^%d vanishes for this A, but the "
                    + "ResNet misses e^A x_0 by %.3g", p, worst));
        }
        return String.format(Locale.ROOT, "the coefficient of h^%d is the zero vector for this A; the ResNet reproduces e^A x_0 "
                + "(Padé exponential) at N = 1..64 to %.2e (round-off)", p, worst);
    }

    /**
     * The commuting training case of MATH.md 3b: the trained weight {@code D_N(∞) = N (B^{1/N} - I)} for a diagonal
     * target B with entries b > 0, expanded in h = 1/N: {@code (b^h - 1)/h = Σ_k (log b)^{k+1} h^k / (k+1)!} (the
     * limit ODE weight log B, the 1/N constant (log B)²/2). Checked entry by entry at N = 1000 against
     * {@code N expm1(log(b)/N)} in doubles, to the size of the first neglected term.
     */
    public static Derivation commutingLimit(BigFraction[] b, int order) {
        requireCommutingTarget(b, order);
        String name = "N (B^(1/N) - I) for B = diag" + vector(b) + " to h^" + order;
        return SymbolicEngine.derive(name, () -> {
            ExactSeries one = ExactSeries.constant(BigFraction.ONE, order + 1, "L");
            ExactSeries series = one.variable(0).multiply(one.variable(1)).exp().subtract(one).divideByH();
            String entry = series.toSymja();
            StringBuilder diagonal = new StringBuilder("{");
            double worst = 0;
            int n = 1000;
            for (int i = 0; i < b.length; i++) {
                double log = Math.log(b[i].doubleValue());
                double[] c = series.at(log);
                double truncated = 0;
                for (int k = c.length - 1; k >= 0; k--) {
                    truncated = truncated / n + c[k];
                }
                double direct = n * Math.expm1(log / n);
                double neglected = Math.pow(Math.abs(log), order + 2) / factorial(order + 2) / Math.pow(n, order + 1);
                double gap = Math.abs(truncated - direct);
                if (!(gap <= 2 * neglected + 1e-13 * Math.abs(direct))) {
                    throw new IllegalStateException("entry " + i + ": the expansion gives " + truncated + " at N = 1000, "
                            + "N expm1(log(b)/N) gives " + direct);
                }
                worst = Math.max(worst, gap);
                diagonal.append(i == 0 ? "" : ",").append(SymbolicEngine.eval("ReplaceAll(" + entry + ", {L->Log(" + ButcherTableau.text(b[i]) + ")})"));
            }
            return Derivation.of(name, diagonal.append("}").toString(), Double.NaN, String.format(Locale.ROOT,
                    "each entry (b^h - 1)/h = Σ_k (log b)^(k+1) h^k/(k+1)!, at N = 1000 against N expm1(log(b)/N) in doubles: "
                            + "largest gap %.2e, within the first neglected term", worst));
        });
    }

    /** @throws BadInputException unless B has 1..16 positive diagonal entries and 1 <= order <= the maximum */
    public static void requireCommutingTarget(BigFraction[] b, int order) {
        if (b.length < 1 || b.length > 16) {
            throw new BadInputException("the commuting target needs 1..16 diagonal entries, got " + b.length);
        }
        for (BigFraction v : b) {
            if (v.getNumerator().signum() <= 0) {
                throw new BadInputException("the commuting target's diagonal entries must be positive, got " + ButcherTableau.text(v));
            }
        }
        StabilityExpansion.requireOrder(order);
    }

    private static double factorial(int m) {
        double f = 1;
        for (int i = 2; i <= m; i++) {
            f *= i;
        }
        return f;
    }

    /** {@code exp(t (Log R(a h)/h - a)) - 1} in the variables h, a, t. */
    static ExactSeries series(ButcherTableau tableau) {
        ExactSeries one = ExactSeries.constant(BigFraction.ONE, CONTROL_ORDER + 1, "a", "t");
        ExactSeries z = one.variable(0).multiply(one.variable(1));
        ExactSeries r = one.of(BigFraction.ZERO);
        ExactSeries power = one;
        for (BigFraction rk : tableau.stabilityPolynomial()) {
            r = r.add(power.scale(rk));
            power = power.multiply(z);
        }
        ExactSeries exponent = r.subtract(one).log1p().divideByH();
        exponent = exponent.subtract(exponent.variable(1)).multiply(exponent.variable(2));
        return exponent.exp().subtract(exponent.of(BigFraction.ONE));
    }

    /** {@code e^{tA} x_0} in doubles by the Padé route of {@code model.MatrixExponential}. */
    static double[] expTimes(BigFraction[][] a, BigFraction[] x0, double t) {
        int d = a.length;
        double[] out = new double[d];
        Gemv.multiply(MatrixExponential.exp(doubles(a, t), d), 0, d, d, doubles(x0), out);
        return out;
    }

    /** {@code t A} row-major in doubles. */
    private static double[] doubles(BigFraction[][] a, double t) {
        int d = a.length;
        double[] out = new double[d * d];
        for (int i = 0; i < d; i++) {
            for (int j = 0; j < d; j++) {
                out[i * d + j] = t * a[i][j].doubleValue();
            }
        }
        return out;
    }

    private static double[] doubles(BigFraction[] v) {
        double[] out = new double[v.length];
        for (int i = 0; i < v.length; i++) {
            out[i] = v[i].doubleValue();
        }
        return out;
    }

    /** {tr A, det A} exactly (Laplace expansion, d <= {@link #MAX_DIM}). */
    private static BigFraction[] traceAndDeterminant(BigFraction[][] a) {
        BigFraction trace = BigFraction.ZERO;
        for (int i = 0; i < a.length; i++) {
            trace = trace.add(a[i][i]);
        }
        return new BigFraction[] {trace, determinant(a)};
    }

    private static BigFraction determinant(BigFraction[][] a) {
        int d = a.length;
        if (d == 1) {
            return a[0][0];
        }
        BigFraction det = BigFraction.ZERO;
        for (int col = 0; col < d; col++) {
            BigFraction[][] minor = new BigFraction[d - 1][d - 1];
            for (int i = 1; i < d; i++) {
                for (int j = 0, k = 0; j < d; j++) {
                    if (j != col) {
                        minor[i - 1][k++] = a[i][j];
                    }
                }
            }
            BigFraction term = a[0][col].multiply(determinant(minor));
            det = col % 2 == 0 ? det.add(term) : det.subtract(term);
        }
        return det;
    }

    static String symja(BigFraction[][] a) {
        StringBuilder s = new StringBuilder("{");
        for (int i = 0; i < a.length; i++) {
            s.append(i == 0 ? "" : ",").append(vector(a[i]));
        }
        return s.append("}").toString();
    }

    static String vector(BigFraction[] v) {
        StringBuilder s = new StringBuilder("{");
        for (int i = 0; i < v.length; i++) {
            s.append(i == 0 ? "" : ",").append("(").append(ButcherTableau.text(v[i])).append(")");
        }
        return s.append("}").toString();
    }
}
