package org.resnetode.bound;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.resnetode.model.LinearFamily;
import org.resnetode.model.ThetaSquaredFamily;
import org.resnetode.model.Weights;
import org.resnetode.scheme.ResNet;
import org.resnetode.scheme.Scheme;

/**
 * The certified bound's validated Taylor route ({@link CertifiedBound#validated}; the closed form that {@code certify}
 * takes for scalar linear fields is checked by {@link ScalarLinearFlowTest}) against the same quantities computed
 * exactly: for small linear networks (and theta2) the Neural
 * ODE with piecewise-linear θ(t) is solved in BigDecimal at 60 digits by its Taylor series to order 60 on every knot
 * interval (an independent route: no intervals, no remainder, no shadow), and
 * <ul>
 *   <li>the exact x(T) lies within the certified radius r_N of the shadow end point z_N,</li>
 *   <li>the exact distance {@code ||x_N - x(T)||} is at most the bound, and on smooth weights at N = 16 at least
 *       {@code 1/(1 + RADIUS_SHARE)} of it (the tightness the refinement stops at).</li>
 * </ul>
 */
class ExactEnclosureTest {
    private static final MathContext MC = new MathContext(60);
    private static final int TAYLOR_TERMS = 60;

    @Test
    void linearBoundEnclosesTheExactDistance() {
        SplittableRandom rng = new SplittableRandom(2026);
        for (int trial = 0; trial < 12; trial++) {
            int d = 1 + trial % 3;
            int n = new int[] {1, 3, 16}[trial % 3];
            Scheme scheme = trial % 2 == 0 ? Scheme.EULER : Scheme.HEUN;
            int count = scheme.weightCount(n);
            double[] w = new double[count * d * d];
            double[] base = new double[d * d];
            for (int i = 0; i < base.length; i++) {
                base[i] = rng.nextDouble() * 2 - 1;
            }
            for (int k = 0; k < count; k++) {
                for (int i = 0; i < base.length; i++) {
                    // smooth in depth: θ(t) = θ̄ (1 + 0.5 sin(3t))
                    w[k * d * d + i] = base[i] * (1 + 0.5 * Math.sin(3.0 * k / n));
                }
            }
            double[] x0 = new double[d];
            for (int i = 0; i < d; i++) {
                x0[i] = rng.nextDouble() * 2 - 1;
            }
            check(new ResNet(new LinearFamily(d), scheme, new Weights(count, d * d, w), n), x0, n == 16);
        }
    }

    @Test
    void thetaSquaredBoundEnclosesTheExactDistance() {
        for (int n : new int[] {2, 5, 16}) {
            double[] w = new double[n];
            for (int k = 0; k < n; k++) {
                w[k] = k % 2 == 0 ? 1 : -1; // the alternating example of MATH.md section 2
            }
            check(new ResNet(new ThetaSquaredFamily(), Scheme.EULER, new Weights(n, 1, w), n), new double[] {1}, false);
        }
    }

    private static void check(ResNet net, double[] x0, boolean smooth) {
        int d = x0.length;
        double[] xN = new double[d];
        net.forward(x0, xN);
        BoundResult b = new CertifiedBound(net).validated(x0, xN);
        BigDecimal[] exact = exactSolution(net, x0);
        BigDecimal toShadow = BigDecimal.ZERO;
        BigDecimal toOutput = BigDecimal.ZERO;
        for (int i = 0; i < d; i++) {
            BigDecimal s = new BigDecimal(b.shadow()[i]).subtract(exact[i]);
            BigDecimal o = new BigDecimal(xN[i]).subtract(exact[i]);
            toShadow = toShadow.add(s.multiply(s));
            toOutput = toOutput.add(o.multiply(o));
        }
        toShadow = toShadow.sqrt(MC);
        toOutput = toOutput.sqrt(MC);
        assertThat(new BigDecimal(b.radius()).compareTo(toShadow)).as("r_N %s >= exact ||z_N - x(T)|| %s (%s)", b.radius(),
                toShadow, net.scheme().name()).isGreaterThanOrEqualTo(0);
        assertThat(new BigDecimal(b.bound()).compareTo(toOutput)).as("bound %s >= exact ||x_N - x(T)|| %s", b.bound(), toOutput)
                .isGreaterThanOrEqualTo(0);
        if (smooth) {
            // the refinement stops once r_N <= RADIUS_SHARE ||x_N - z_N||
            assertThat(toOutput.doubleValue() / b.bound()).as("tightness against the exact distance")
                    .isGreaterThanOrEqualTo(1 / (1 + CertifiedBound.RADIUS_SHARE));
        }
    }

    /**
     * x(T) of {@code x' = f(x, θ(t))}, θ affine on every knot interval [t_k, t_k + 1/N] (constant after the last knot),
     * by the Taylor series of order {@value #TAYLOR_TERMS} in s on each interval: f linear in x with the matrix
     * {@code M(s) = M0 + s M1 + s² M2} (linear: M = A(s); theta2: M = θ(s)²), {@code x_[k+1] = (Σ_j M_j x_[k-j]) / (k+1)}.
     */
    static BigDecimal[] exactSolution(ResNet net, double[] x0) {
        int d = x0.length;
        Weights weights = net.weights();
        double[] w = weights.data();
        int last = weights.count() - 1;
        boolean squared = net.family() instanceof ThetaSquaredFamily;
        BigDecimal h = BigDecimal.ONE.divide(BigDecimal.valueOf(net.depth()), MC);
        BigDecimal nn = BigDecimal.valueOf(net.depth());
        BigDecimal[] x = new BigDecimal[d];
        for (int i = 0; i < d; i++) {
            x[i] = new BigDecimal(x0[i]);
        }
        for (int k = 0; k < net.steps(); k++) {
            int a = weights.offset(Math.min(k, last));
            int bOff = weights.offset(Math.min(k + 1, last));
            BigDecimal[][][] m = new BigDecimal[3][d][d];
            for (int i = 0; i < d; i++) {
                for (int j = 0; j < d; j++) {
                    int e = squared ? 0 : i * d + j;
                    BigDecimal t0 = new BigDecimal(w[a + e]);
                    BigDecimal t1 = new BigDecimal(w[bOff + e]).subtract(t0).multiply(nn);
                    if (squared) {
                        m[0][i][j] = t0.multiply(t0);
                        m[1][i][j] = t0.multiply(t1).multiply(BigDecimal.valueOf(2));
                        m[2][i][j] = t1.multiply(t1);
                    } else {
                        m[0][i][j] = t0;
                        m[1][i][j] = t1;
                        m[2][i][j] = BigDecimal.ZERO;
                    }
                }
            }
            BigDecimal[][] c = new BigDecimal[TAYLOR_TERMS + 1][];
            c[0] = x;
            for (int q = 0; q < TAYLOR_TERMS; q++) {
                c[q + 1] = new BigDecimal[d];
                for (int i = 0; i < d; i++) {
                    BigDecimal s = BigDecimal.ZERO;
                    for (int j = 0; j <= Math.min(q, 2); j++) {
                        for (int l = 0; l < d; l++) {
                            s = s.add(m[j][i][l].multiply(c[q - j][l], MC), MC);
                        }
                    }
                    c[q + 1][i] = s.divide(BigDecimal.valueOf(q + 1), MC);
                }
            }
            BigDecimal[] next = new BigDecimal[d];
            for (int i = 0; i < d; i++) {
                BigDecimal v = c[TAYLOR_TERMS][i];
                for (int q = TAYLOR_TERMS - 1; q >= 0; q--) {
                    v = v.multiply(h, MC).add(c[q][i], MC);
                }
                next[i] = v;
            }
            x = next;
        }
        return x;
    }
}
