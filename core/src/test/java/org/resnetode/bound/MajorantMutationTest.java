package org.resnetode.bound;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.math.MathContext;
import org.junit.jupiter.api.Test;

/**
 * The majorant recurrences of the tanh, mlp and theta2 fields against the same recurrences evaluated in BigDecimal (60
 * digits) from the exact norms of small dyadic blocks (their row sums, differences and h = 1/N are exact): each
 * computed K_k is at least the exact value (outward rounding) and within {@code 1e-13} relative of it (a few roundings
 * per order). A recurrence term dropped, a sign turned or an index shifted moves some K_k by far more than that.
 */
class MajorantMutationTest {
    private static final MathContext MC = new MathContext(60);
    private static final int ORDER = 7;

    private static BigDecimal big(double v) {
        return new BigDecimal(v);
    }

    /** {@code Y_0 = min(1, Z_0)}, {@code V_0 = 1}, {@code Y_k = Σ_{j=1}^k j Z_j V_{k-j} / k}, {@code V_k = Σ_j Y_j Y_{k-j}}. */
    private static void tanhMajorant(BigDecimal[] zeta, int k, BigDecimal[] y, BigDecimal[] v) {
        if (k == 0) {
            y[0] = zeta[0].min(BigDecimal.ONE);
            v[0] = BigDecimal.ONE;
            return;
        }
        BigDecimal s = BigDecimal.ZERO;
        for (int j = 1; j <= k; j++) {
            s = s.add(BigDecimal.valueOf(j).multiply(zeta[j]).multiply(v[k - j]));
        }
        y[k] = s.divide(BigDecimal.valueOf(k), MC);
        BigDecimal t = BigDecimal.ZERO;
        for (int j = 0; j <= k; j++) {
            t = t.add(y[j].multiply(y[k - j]));
        }
        v[k] = t;
    }

    /**
     * The majorant of {@code W2 tanh(W1 x)} in BigDecimal: {@code K_0 = ||z|| + h α2/m}, {@code Z_k = α1 K_k + β1 K_{k-1}},
     * Y from {@link #tanhMajorant}, {@code K_{k+1} = h (α2 Y_k + β2 Y_{k-1}) / (k+1)}.
     */
    private static BigDecimal[] fieldMajorant(int depth, double zNorm, int m, BigDecimal alpha1, BigDecimal beta1,
                                              BigDecimal alpha2, BigDecimal beta2) {
        BigDecimal h = BigDecimal.ONE.divide(BigDecimal.valueOf(depth), MC);
        BigDecimal[] k = new BigDecimal[ORDER + 1];
        BigDecimal[] zeta = new BigDecimal[ORDER + 1];
        BigDecimal[] y = new BigDecimal[ORDER + 1];
        BigDecimal[] v = new BigDecimal[ORDER + 1];
        k[0] = big(zNorm).add(h.multiply(alpha2).divide(BigDecimal.valueOf(m), MC));
        for (int i = 0; i < ORDER; i++) {
            zeta[i] = alpha1.multiply(k[i]);
            if (i >= 1) {
                zeta[i] = zeta[i].add(beta1.multiply(k[i - 1]));
            }
            tanhMajorant(zeta, i, y, v);
            BigDecimal f = alpha2.multiply(y[i]);
            if (i >= 1) {
                f = f.add(beta2.multiply(y[i - 1]));
            }
            k[i + 1] = h.multiply(f).divide(BigDecimal.valueOf(i + 1), MC);
        }
        return k;
    }

    private static void assertOutwardAndClose(double[] computed, BigDecimal[] exact, int count, String what) {
        for (int k = 0; k < count; k++) {
            assertThat(big(computed[k]).compareTo(exact[k])).as("%s: K_%d = %s >= exact %s", what, k, computed[k], exact[k])
                    .isGreaterThanOrEqualTo(0);
            assertThat(computed[k]).as("%s: K_%d close to exact %s", what, k, exact[k])
                    .isLessThanOrEqualTo(exact[k].doubleValue() * (1 + 1e-13));
        }
    }

    /** Z_j chosen with Z_0 below 1 and above 1 (the min of Y_0 both ways), the rest spread over orders of magnitude. */
    @Test
    void tanhMajorantIsItsRecurrenceRoundedUp() {
        double[][] cases = {{0.75, 0.5, 3, 0.125, 2.5, 1, 0.0625, 4}, {2.5, 1.5, 0.25, 8, 0.5, 0.375, 6, 0.001}};
        for (double[] zeta : cases) {
            double[] out = new double[ORDER + 1];
            double[] work = new double[ORDER + 1];
            BigDecimal[] z = new BigDecimal[ORDER + 1];
            BigDecimal[] y = new BigDecimal[ORDER + 1];
            BigDecimal[] v = new BigDecimal[ORDER + 1];
            for (int k = 0; k <= ORDER; k++) {
                z[k] = big(zeta[k]);
                BallTanh.majorant(zeta, k, out, work);
                tanhMajorant(z, k, y, v);
            }
            assertOutwardAndClose(out, y, ORDER + 1, "Y, Z_0 = " + zeta[0]);
            assertOutwardAndClose(work, v, ORDER + 1, "V, Z_0 = " + zeta[0]);
        }
    }

    /**
     * {@code tanh(W x)}, d = 2, W from [[0.5, -0.25], [0.125, 1]] to [[1, 0.5], [-0.75, 0.25]]: α = max row sum = 1.5,
     * β = ||Δ||_∞ = 1.625 (Δ = [[0.5, 0.75], [-0.875, -0.75]]); K_0 = ||z|| + h/m, Z_k = α K_k + β K_{k-1},
     * K_{k+1} = h Y_k / (k+1).
     */
    @Test
    void tanhFieldMajorantIsItsRecurrence() {
        double[] w = {0.5, -0.25, 0.125, 1, 1, 0.5, -0.75, 0.25};
        for (int depth : new int[] {1, 4}) {
            for (int m : new int[] {1, 2, 8}) {
                TanhBall field = new TanhBall(2, ORDER);
                field.depth(depth);
                field.knots(w, 0, 4, false);
                double zNorm = 1.75;
                double[] out = new double[ORDER + 1];
                field.majorant(zNorm, m, out, 0, ORDER);
                // tanh(W x) is W2 tanh(W1 x) with W2 = I: α2 = 1, β2 = 0
                BigDecimal[] k = fieldMajorant(depth, zNorm, m, big(1.5), big(1.625), BigDecimal.ONE, BigDecimal.ZERO);
                assertOutwardAndClose(out, k, ORDER + 1, "tanh N = " + depth + ", m = " + m);
            }
        }
    }

    /**
     * {@code W2 tanh(W1 x)}, d = 1, hidden 2: W1 from (0.5, -1.5)^T to (2, 0.25)^T (α1 = 2, β1 = 1.75), W2 from
     * (0.75, 0.5) to (-0.25, 0.5) (α2 = 1.25, β2 = 1); K_0 = ||z|| + h α2/m, Z_k = α1 K_k + β1 K_{k-1},
     * K_{k+1} = h (α2 Y_k + β2 Y_{k-1}) / (k+1).
     */
    @Test
    void mlpFieldMajorantIsItsRecurrence() {
        double[] w = {0.5, -1.5, 0.75, 0.5, 2, 0.25, -0.25, 0.5};
        for (int depth : new int[] {1, 8}) {
            for (int m : new int[] {1, 4}) {
                MlpBall field = new MlpBall(1, 2, ORDER);
                field.depth(depth);
                field.knots(w, 0, 4, false);
                double zNorm = 0.625;
                double[] out = new double[ORDER + 1];
                field.majorant(zNorm, m, out, 0, ORDER);
                BigDecimal[] k = fieldMajorant(depth, zNorm, m, big(2), big(1.75), big(1.25), BigDecimal.ONE);
                assertOutwardAndClose(out, k, ORDER + 1, "mlp N = " + depth + ", m = " + m);
            }
        }
    }

    /**
     * θ² x with θ from θ_a to θ_b: t = max |θ|, β = |θ_b - θ_a|, K_0 = |z| e^{h t²/m} bounded by
     * {@code 1 + a + a²} (a = h t²/m <= 1) or e^a (BigDecimal series; the code's e^a is Math.exp rounded up by two ulps),
     * K_{k+1} = h (t² K_k + 2tβ K_{k-1} + β² K_{k-2}) / (k+1).
     */
    @Test
    void thetaSquaredMajorantIsItsRecurrence() {
        double[][] knots = {{-1.5, 0.5}, {0.75, 2.5}, {1.25, -3}};
        for (double[] theta : knots) {
            for (int depth : new int[] {1, 16}) {
                for (int m : new int[] {1, 4}) {
                    ThetaSquaredBall field = new ThetaSquaredBall(ORDER);
                    field.depth(depth);
                    field.knots(theta, 0, 1, false);
                    double zNorm = 1.25;
                    double[] out = new double[ORDER + 1];
                    field.majorant(zNorm, m, out, 0, ORDER);
                    BigDecimal h = BigDecimal.ONE.divide(BigDecimal.valueOf(depth), MC);
                    BigDecimal t = big(Math.max(Math.abs(theta[0]), Math.abs(theta[1])));
                    BigDecimal beta = big(theta[1]).subtract(big(theta[0])).abs();
                    BigDecimal t2 = t.multiply(t);
                    BigDecimal cross = t.multiply(beta).multiply(BigDecimal.valueOf(2));
                    BigDecimal b2 = beta.multiply(beta);
                    BigDecimal a = h.multiply(t2).divide(BigDecimal.valueOf(m), MC);
                    BigDecimal growth = a.compareTo(BigDecimal.ONE) <= 0 ? BigDecimal.ONE.add(a).add(a.multiply(a))
                            : BigSeries.exp(a, MC);
                    BigDecimal[] k = new BigDecimal[ORDER + 1];
                    k[0] = big(zNorm).multiply(growth);
                    for (int i = 0; i < ORDER; i++) {
                        BigDecimal s = t2.multiply(k[i]);
                        if (i >= 1) {
                            s = s.add(cross.multiply(k[i - 1]));
                        }
                        if (i >= 2) {
                            s = s.add(b2.multiply(k[i - 2]));
                        }
                        k[i + 1] = h.multiply(s).divide(BigDecimal.valueOf(i + 1), MC);
                    }
                    String what = String.format("θ %s -> %s, N = %d, m = %d", theta[0], theta[1], depth, m);
                    assertOutwardAndClose(out, k, ORDER + 1, what);
                }
            }
        }
    }

    /**
     * The recurrence continued from a partial run ({@code from > 0}) gives the same K_k as one run: K_0 is written only by
     * a run from 0, and orders before {@code from} are read, not recomputed.
     */
    @Test
    void aContinuedMajorantEqualsOneRun() {
        double[] w = {0.5, -0.25, 0.125, 1, 1, 0.5, -0.75, 0.25};
        BallField[] fields = {new TanhBall(2, ORDER), new MlpBall(1, 2, ORDER), new ThetaSquaredBall(ORDER)};
        for (BallField field : fields) {
            field.depth(2);
            field.knots(w, 0, 4, false);
            double[] once = new double[ORDER + 1];
            field.majorant(0.5, 2, once, 0, ORDER);
            double[] split = new double[ORDER + 1];
            field.majorant(0.5, 2, split, 0, 3);
            double[] marker = split.clone();
            field.majorant(9, 2, split, 3, ORDER);
            assertThat(split[0]).as("%s: K_0 kept by a run from 3", field.getClass().getSimpleName()).isEqualTo(marker[0]);
            assertThat(split).as(field.getClass().getSimpleName()).containsExactly(once);
        }
    }
}
