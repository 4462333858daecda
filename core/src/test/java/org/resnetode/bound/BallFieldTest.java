package org.resnetode.bound;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.resnetode.model.LinearFamily;
import org.resnetode.model.MlpFamily;
import org.resnetode.model.TanhFamily;
import org.resnetode.model.ThetaSquaredFamily;

/**
 * The Taylor coefficients in midpoint-radius arithmetic against the same coefficients computed in BigDecimal at 60
 * digits (h = 1/N, Δ = θ_b - θ_a and every recurrence exact up to 1e-60; tanh from the exponential series): the exact
 * coefficient lies within the radius, the radius is at round-off level, and the majorant bounds every exact coefficient.
 */
class BallFieldTest {
    private static final MathContext MC = new MathContext(60);
    private static final int ORDER = 6;

    private static double[] random(SplittableRandom rng, int n, double scale) {
        double[] v = new double[n];
        for (int i = 0; i < n; i++) {
            v[i] = (rng.nextDouble() * 2 - 1) * scale;
        }
        return v;
    }

    private static BigDecimal[] big(double[] v, int off, int n) {
        BigDecimal[] b = new BigDecimal[n];
        for (int i = 0; i < n; i++) {
            b[i] = new BigDecimal(v[off + i]);
        }
        return b;
    }

    /** {@code A(u0) x_k + Δ x_{k-1}} exactly, A row-major rows × cols at off of w, Δ from offB. */
    static BigDecimal[] affine(double[] w, int offA, int offB, int rows, int cols, BigDecimal u0, BigDecimal[][] x, int k) {
        BigDecimal[] out = new BigDecimal[rows];
        for (int i = 0; i < rows; i++) {
            BigDecimal s = BigDecimal.ZERO;
            for (int j = 0; j < cols; j++) {
                BigDecimal a = new BigDecimal(w[offA + i * cols + j]);
                BigDecimal delta = new BigDecimal(w[offB + i * cols + j]).subtract(a);
                s = s.add(a.add(u0.multiply(delta)).multiply(x[k][j]));
                if (k >= 1) {
                    s = s.add(delta.multiply(x[k - 1][j]));
                }
            }
            out[i] = s;
        }
        return out;
    }

    /** The tanh series of ζ in place: y_[k] from ζ_[0..k] (the recurrences of {@link BallTanh}, exact). */
    static BigDecimal[] tanhCoefficient(BigDecimal[][] zeta, BigDecimal[][] y, BigDecimal[][] v, int k) {
        int n = zeta[k].length;
        y[k] = new BigDecimal[n];
        v[k] = new BigDecimal[n];
        for (int i = 0; i < n; i++) {
            if (k == 0) {
                y[0][i] = BigSeries.tanh(zeta[0][i], MC);
            } else {
                BigDecimal s = BigDecimal.ZERO;
                for (int j = 1; j <= k; j++) {
                    s = s.add(BigDecimal.valueOf(j).multiply(zeta[j][i]).multiply(v[k - j][i]), MC);
                }
                y[k][i] = s.divide(BigDecimal.valueOf(k), MC);
            }
            BigDecimal sq = BigDecimal.ZERO;
            for (int j = 0; j <= k; j++) {
                sq = sq.add(y[j][i].multiply(y[k - j][i]), MC);
            }
            v[k][i] = k == 0 ? BigDecimal.ONE.subtract(sq) : sq.negate();
        }
        return y[k];
    }

    /** Exact x_[0..order] for one of the four families. */
    static BigDecimal[][] exactCoefficients(String family, double[] w, int offA, int offB, int d, int hidden,
                                            double[] z, int depth, BigDecimal u0, int order) {
        BigDecimal h = BigDecimal.ONE.divide(BigDecimal.valueOf(depth), MC);
        BigDecimal[][] x = new BigDecimal[order + 1][];
        x[0] = big(z, 0, d);
        BigDecimal[][] zeta = new BigDecimal[order + 1][];
        BigDecimal[][] y = new BigDecimal[order + 1][];
        BigDecimal[][] v = new BigDecimal[order + 1][];
        for (int k = 0; k < order; k++) {
            BigDecimal[] f;
            switch (family) {
                case "linear" -> f = affine(w, offA, offB, d, d, u0, x, k);
                case "tanh" -> {
                    zeta[k] = affine(w, offA, offB, d, d, u0, x, k);
                    f = tanhCoefficient(zeta, y, v, k);
                }
                case "mlp" -> {
                    zeta[k] = affine(w, offA, offB, hidden, d, u0, x, k);
                    tanhCoefficient(zeta, y, v, k);
                    f = affine(w, offA + hidden * d, offB + hidden * d, d, hidden, u0, y, k);
                }
                default -> {
                    BigDecimal a = new BigDecimal(w[offA]);
                    BigDecimal delta = new BigDecimal(w[offB]).subtract(a);
                    BigDecimal t0 = a.add(u0.multiply(delta));
                    BigDecimal[] q = {t0.multiply(t0), t0.multiply(delta).multiply(BigDecimal.valueOf(2)), delta.multiply(delta)};
                    BigDecimal s = BigDecimal.ZERO;
                    for (int j = 0; j <= Math.min(k, 2); j++) {
                        s = s.add(q[j].multiply(x[k - j][0]));
                    }
                    f = new BigDecimal[] {s};
                }
            }
            x[k + 1] = new BigDecimal[d];
            for (int i = 0; i < d; i++) {
                x[k + 1][i] = h.multiply(f[i], MC).divide(BigDecimal.valueOf(k + 1), MC);
            }
        }
        return x;
    }

    @Test
    void coefficientsEncloseTheExactOnesForEveryFamily() {
        SplittableRandom rng = new SplittableRandom(2019);
        for (String family : new String[] {"linear", "tanh", "mlp", "theta2"}) {
            for (int trial = 0; trial < 12; trial++) {
                int d = family.equals("theta2") ? 1 : 1 + trial % 4;
                int hidden = 1 + (trial * 7) % 5;
                int p = switch (family) {
                    case "linear", "tanh" -> d * d;
                    case "mlp" -> 2 * hidden * d;
                    default -> 1;
                };
                double[] w = random(rng, 3 * p, 1.5);
                int depth = new int[] {1, 3, 16, 1000}[trial % 4];
                int m = 1 << (trial % 3);
                int j = trial % m;
                double[] z = random(rng, d, 2);
                var f = switch (family) {
                    case "linear" -> new LinearFamily(d);
                    case "tanh" -> new TanhFamily(d);
                    case "mlp" -> new MlpFamily(d, hidden);
                    default -> new ThetaSquaredFamily();
                };
                BallField field = BallField.of(f, ORDER);
                field.depth(depth);
                boolean tail = trial % 5 == 4;
                int offB = tail ? p : 2 * p;
                field.knots(w, p, offB, tail);
                double u0 = (double) j / m;
                field.start(z);
                for (int k = 0; k < ORDER; k++) {
                    field.next(k, u0);
                }
                BigDecimal[][] exact = exactCoefficients(family, w, p, offB, d, hidden, z, depth, new BigDecimal(u0), ORDER);
                double[] majorant = new double[ORDER + 1];
                field.majorant(RoundOff.maxAbs(z, 0, d), m, majorant, 0, ORDER);
                for (int k = 0; k <= ORDER; k++) {
                    double largest = 0;
                    for (int i = 0; i < d; i++) {
                        BigDecimal miss = new BigDecimal(field.c[k * d + i]).subtract(exact[k][i]).abs();
                        assertThat(miss.compareTo(new BigDecimal(field.cRad[k])))
                                .as("%s trial %d: |x_[%d] - exact| = %s <= radius %s", family, trial, k, miss, field.cRad[k])
                                .isLessThanOrEqualTo(0);
                        largest = Math.max(largest, exact[k][i].abs().doubleValue());
                    }
                    assertThat(field.cNorm[k]).as("norm of x_[%d]", k).isCloseTo(largest, org.assertj.core.data.Offset.offset(
                            1e-12 * (1 + largest)));
                    assertThat(field.cRad[k]).as("%s radius of x_[%d] at round-off", family, k)
                            .isLessThanOrEqualTo(1e-11 * (1 + majorant[k]));
                    assertThat(majorant[k]).as("%s trial %d: majorant K_%d >= |x_[%d]| at the substep's start", family, trial, k, k)
                            .isGreaterThanOrEqualTo(largest * (1 - 1e-12));
                }
            }
        }
    }

    @Test
    void lipschitzBoundsAreTheStepTimesTheNorms() {
        // A = diag(2, 1) at both knots: ||A||_2 = 2, so h L = 2/N
        double[] w = {2, 0, 0, 1, 2, 0, 0, 1};
        BallField linear = BallField.of(new LinearFamily(2), 3);
        linear.depth(4);
        linear.knots(w, 0, 4, false);
        assertThat(linear.lipschitz()).isBetween(0.5, 0.5 * (1 + 1e-14));
        BallField tanh = BallField.of(new TanhFamily(2), 3);
        tanh.depth(8);
        tanh.knots(w, 0, 4, false);
        assertThat(tanh.lipschitz()).isBetween(0.25, 0.25 * (1 + 1e-14));
        // mlp with W1 = [3, 0], W2 = [1; 0]... d = 2, hidden 1: W1 = (3, 4) (norm 5), W2 = (1, 2)^T (norm √5)
        double[] mlp = {3, 4, 1, 2, 3, 4, 1, 2};
        BallField both = BallField.of(new MlpFamily(2, 1), 3);
        both.depth(1);
        both.knots(mlp, 0, 4, false);
        assertThat(both.lipschitz()).isBetween(5 * Math.sqrt(5), 5 * Math.sqrt(5) * (1 + 1e-13));
        // theta2: θ from -3 to 2, sup θ² = 9
        BallField scalar = BallField.of(new ThetaSquaredFamily(), 3);
        scalar.depth(2);
        scalar.knots(new double[] {-3, 2}, 0, 1, false);
        assertThat(scalar.lipschitz()).isBetween(4.5, 4.5 * (1 + 1e-14));
    }

    @Test
    void growthBoundsTheExponential() {
        for (double a : new double[] {0, 1e-9, 0.01, 0.3, 0.5, 1, 2, 7}) {
            double g = BallField.growth(a, 1);
            assertThat(g).as("e^%s", a).isGreaterThanOrEqualTo(Math.exp(a)).isLessThanOrEqualTo(1 + a + a * a + 1e-15 + (a > 1 ? Math.exp(a) : 0));
        }
        assertThat(BallField.growth(4, 8)).isGreaterThanOrEqualTo(Math.exp(0.5)).isLessThanOrEqualTo(1.75 + 1e-15);
        assertThat(BallField.grownNorm(2, 0.5, 1)).isBetween(2 * Math.exp(0.5), 2 * 1.75 * (1 + 1e-15));
    }
}
