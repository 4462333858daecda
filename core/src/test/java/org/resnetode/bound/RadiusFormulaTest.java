package org.resnetode.bound;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The radii that are plain blocks ({@link RoundOff#blockUp}) against their documented formulas (bound.md §2, §4)
 * evaluated exactly in BigDecimal from the same stored inputs: each must be at least the formula (it is an upper bound
 * of it) and at most {@code 1 + 1e-12} times it plus 1e-300 (it is that formula, not a larger one). The inputs carry
 * radii of the size of the values, so every term of a formula, propagated radii included, is visible at first order.
 */
class RadiusFormulaTest {
    private static final MathContext UP = new MathContext(60, RoundingMode.CEILING);
    private static final BigDecimal SLACK = new BigDecimal("1e-12");
    private final SplittableRandom rng = new SplittableRandom(4);

    private static BigDecimal big(double x) {
        return new BigDecimal(x);
    }

    private static void isTheFormula(double actual, BigDecimal formula, String what) {
        BigDecimal a = big(actual);
        assertThat(a.compareTo(formula)).as("%s: %s >= %s", what, actual, formula).isGreaterThanOrEqualTo(0);
        BigDecimal ceiling = formula.multiply(BigDecimal.ONE.add(SLACK)).add(new BigDecimal("1e-300"));
        assertThat(a.compareTo(ceiling)).as("%s: %s <= %s (1 + 1e-12)", what, actual, formula).isLessThanOrEqualTo(0);
    }

    /** y's radius Σ_j (j/k)(|ζ_j| e(v_{k-j}) + e(ζ_j)(|v_{k-j}| + e(v_{k-j}))) + γ_{2k+3} (j/k) |ζ_j| |v_{k-j}|; v's alike. */
    @Test
    void tanhRadiiAreTheirFormulas() {
        int capacity = 6;
        for (int trial = 0; trial < 50; trial++) {
            int n = rng.nextInt(1, 4);
            BallTanh t = new BallTanh(n, capacity);
            for (int k = 0; k <= capacity; k++) {
                double largest = 0;
                for (int i = 0; i < n; i++) {
                    t.zeta[k * n + i] = rng.nextDouble() * 2 - 1;
                    largest = Math.max(largest, Math.abs(t.zeta[k * n + i]));
                }
                t.zetaNorm[k] = largest;
                t.zetaRad[k] = rng.nextDouble() * 0.3;
            }
            for (int k = 0; k <= capacity; k++) {
                t.next(k);
            }
            for (int k = 1; k <= capacity; k++) {
                BigDecimal y = BigDecimal.ZERO;
                BigDecimal gammaY = big(RoundOff.gamma(2 * k + 3));
                for (int j = 1; j <= k; j++) {
                    BigDecimal weight = BigDecimal.valueOf(j).divide(BigDecimal.valueOf(k), UP);
                    BigDecimal vn = big(t.vNorm[k - j]);
                    BigDecimal vr = big(t.vRad[k - j]);
                    BigDecimal zn = big(t.zetaNorm[j]);
                    y = y.add(weight.multiply(zn.multiply(vr).add(big(t.zetaRad[j]).multiply(vn.add(vr)))))
                            .add(gammaY.multiply(weight).multiply(zn).multiply(vn));
                }
                isTheFormula(t.yRad[k], y, "yRad[" + k + "]");
                BigDecimal v = BigDecimal.ZERO;
                BigDecimal gammaV = big(RoundOff.gamma(k + 2));
                for (int j = 0; j <= k; j++) {
                    BigDecimal yn = big(t.yNorm[k - j]);
                    BigDecimal yr = big(t.yRad[k - j]);
                    v = v.add(big(t.yNorm[j]).multiply(yr)).add(big(t.yRad[j]).multiply(yn.add(yr)))
                            .add(gammaV.multiply(big(t.yNorm[j])).multiply(yn));
                }
                isTheFormula(t.vRad[k], v, "vRad[" + k + "]");
            }
        }
    }

    /**
     * {@link AffineMatrix#apply}'s radius {@code α e_k + ||Δ|| e_{k-1} + γ α |x_k| + γ ||Δ|| |x_{k-1}|},
     * {@code α = ||A_a|| + u0 ||Δ||}, γ = γ_{cols+6}, from the matrix's own norm bounds.
     */
    @Test
    void productRadiusIsItsFormula() {
        int rows = 3;
        int cols = 4;
        int orders = 4;
        BigDecimal gamma = big(RoundOff.gamma(cols + 6));
        for (int trial = 0; trial < 50; trial++) {
            double[] w = new double[2 * rows * cols];
            for (int i = 0; i < w.length; i++) {
                w[i] = rng.nextDouble() * 2 - 1;
            }
            AffineMatrix m = new AffineMatrix(rows, cols, orders);
            m.knots(w, 0, rows * cols, false);
            double u0 = rng.nextInt(4) / 4.0;
            double[] x = new double[orders * cols];
            double[] xNorm = new double[orders];
            double[] xRad = new double[orders];
            for (int k = 0; k < orders; k++) {
                for (int j = 0; j < cols; j++) {
                    x[k * cols + j] = rng.nextDouble() * 2 - 1;
                    xNorm[k] = Math.max(xNorm[k], Math.abs(x[k * cols + j]));
                }
                xRad[k] = rng.nextDouble() * 0.3;
            }
            double[] out = new double[rows];
            for (int k = 0; k < orders; k++) {
                double radius = m.apply(k, u0, x, cols, xNorm, xRad, out, 0);
                BigDecimal alpha = big(m.normA).add(big(u0).multiply(big(m.normDelta)));
                BigDecimal previousRad = k >= 1 ? big(xRad[k - 1]) : BigDecimal.ZERO;
                BigDecimal previousNorm = k >= 1 ? big(xNorm[k - 1]) : BigDecimal.ZERO;
                BigDecimal formula = alpha.multiply(big(xRad[k])).add(big(m.normDelta).multiply(previousRad))
                        .add(gamma.multiply(alpha.multiply(big(xNorm[k])).add(big(m.normDelta).multiply(previousNorm))));
                isTheFormula(radius, formula, "order " + k + ", u0 " + u0);
            }
        }
    }

    /** The four right sides of {@link TanhSeriesTail}'s induction, tanh (F = Y) and mlp (F = α2 Y + β2w (Y_{q-1} + Y)). */
    @Test
    void tailRightSidesAreTheirFormulas() {
        for (int trial = 0; trial < 200; trial++) {
            boolean tanh = rng.nextBoolean();
            double alpha = rng.nextDouble() * 3;
            double betaW = rng.nextDouble();
            double alpha2 = tanh ? -1 : rng.nextDouble() * 3;
            double beta2W = tanh ? 0 : rng.nextDouble();
            double hw = rng.nextDouble() * 0.1;
            int n = rng.nextInt(2, 12);
            double xq = rng.nextDouble() * 1e-3;
            double xSum = xq + rng.nextDouble() * 1e-2;
            double py = rng.nextDouble() * 1e-3;
            double pv = rng.nextDouble() * 1e-3;
            double zLo = rng.nextDouble();
            double twoYLo = 2 * rng.nextDouble();
            double vLo = rng.nextDouble();
            double yLast = rng.nextDouble() * 1e-2;
            double t = rng.nextDouble() * 1e-3;
            double v = rng.nextDouble() * 1e-2;
            isTheFormula(TanhSeriesTail.z(alpha, betaW, xq, xSum, t), big(alpha).multiply(big(xq).add(big(t))).add(big(betaW).multiply(big(xSum).add(big(t)))), "z");
            double z = rng.nextDouble();
            isTheFormula(TanhSeriesTail.y(py, vLo, zLo, z, v), big(py).add(big(z).multiply(big(vLo).add(big(v)))).add(big(zLo).multiply(big(v))), "y");
            double y = rng.nextDouble() * 1e-2;
            isTheFormula(TanhSeriesTail.v(pv, twoYLo, y), big(pv).add(big(y).multiply(big(twoYLo).add(big(y)))), "v");
            BigDecimal f = tanh ? big(y)
                    : big(alpha2).multiply(big(y)).add(big(beta2W).multiply(big(yLast).add(big(y))));
            isTheFormula(TanhSeriesTail.t(hw, n, alpha2, beta2W, yLast, tanh, y), big(hw).multiply(f).divide(BigDecimal.valueOf(n), UP), "t");
        }
    }

    /**
     * {@link BallField#integrate}: {@code x_[k+1] = fl(fl(h/(k+1)) g)} and its radius
     * {@code (h/(k+1))(1 + γ_3)(gRad + γ_3 ||g||)}, h = 1/N exactly (gRad = 0 in some trials: the rounding term alone).
     */
    @Test
    void integrationRadiusIsItsFormula() {
        BigDecimal gamma = big(RoundOff.gamma(3));
        for (int trial = 0; trial < 200; trial++) {
            int d = rng.nextInt(1, 5);
            int order = 6;
            int depth = rng.nextInt(1, 5000);
            LinearBall field = new LinearBall(d, order);
            field.depth(depth);
            int k = rng.nextInt(order);
            double[] g = new double[d];
            double gNorm = 0;
            for (int i = 0; i < d; i++) {
                g[i] = rng.nextDouble() * 2 - 1;
                gNorm = Math.max(gNorm, Math.abs(g[i]));
            }
            double gRad = rng.nextBoolean() ? 0 : rng.nextDouble() * 0.1;
            field.integrate(k, g, 0, gRad);
            for (int i = 0; i < d; i++) {
                assertThat(field.c[(k + 1) * d + i]).isEqualTo(1.0 / depth / (k + 1) * g[i]);
            }
            BigDecimal factor = BigDecimal.ONE.divide(BigDecimal.valueOf((long) depth * (k + 1)), UP).multiply(BigDecimal.ONE.add(gamma));
            isTheFormula(field.cRad[k + 1], factor.multiply(big(gRad).add(gamma.multiply(big(gNorm)))), "integrate, k = " + k);
        }
    }

    /**
     * {@link BallField#tail} from coefficients with radii of their own size: the smaller of the lemma's bounds at the two
     * λ (the ratio {@code S_q / S_{q-1}} and the balanced rate), {@code S_k = (|c_k| + e_k) w^k}, evaluated here in
     * double on the same S_k (so the comparison allows 1e-12 below and 1e-9 above).
     */
    @Test
    void seriesTailIsTheLemmaOnTheBalls() {
        int checked = 0;
        for (int trial = 0; trial < 500; trial++) {
            int order = 8;
            LinearBall field = new LinearBall(1, order);
            int q = rng.nextInt(2, order);
            double w = Math.scalb(1.0, -rng.nextInt(0, 4));
            double size = 1;
            for (int k = 0; k <= q; k++) {
                size *= rng.nextDouble() * 0.5;
                field.cNorm[k] = size;
                field.cRad[k] = size * rng.nextDouble() * 0.5;
            }
            double a0 = rng.nextDouble() * 0.5;
            double a1 = rng.nextDouble() * 0.2;
            double a2 = rng.nextBoolean() ? 0 : rng.nextDouble() * 0.1;
            double tail = field.tail(a0, a1, a2, Math.cbrt(a2), q, w);
            double[] s = new double[q + 1];
            for (int k = 0; k <= q; k++) {
                s[k] = (field.cNorm[k] + field.cRad[k]) * Math.pow(w, k);
            }
            int n = q + 1;
            double expected = Math.min(lemma(a0, a1, a2, n, s[q] / s[q - 1], s, q),
                    lemma(a0, a1, a2, n, a0 / n + Math.sqrt(a1 / n) + Math.cbrt(a2 / n), s, q));
            if (expected == Double.POSITIVE_INFINITY) {
                assertThat(tail).isEqualTo(Double.POSITIVE_INFINITY);
                continue;
            }
            assertThat(tail).as("trial %d", trial).isBetween(expected * (1 - 1e-12), expected * (1 + 1e-9));
            checked++;
        }
        assertThat(checked).isGreaterThan(250);
    }

    private static double lemma(double a0, double a1, double a2, int n, double lambda, double[] s, int q) {
        if (!(lambda > 0 && lambda < 1)) {
            return Double.POSITIVE_INFINITY;
        }
        double rho = (a0 + a1 / lambda + a2 / (lambda * lambda)) / n;
        double rate = Math.max(rho, lambda);
        if (!(rate < 1)) {
            return Double.POSITIVE_INFINITY;
        }
        double largest = Math.max(s[q], Math.max(lambda * s[q - 1], lambda * lambda * s[q - 2]));
        return rho * largest / (1 - rate);
    }
}
