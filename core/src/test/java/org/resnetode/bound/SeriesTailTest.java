package org.resnetode.bound;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.resnetode.model.LinearFamily;
import org.resnetode.model.ThetaSquaredFamily;

/**
 * The series-tail remainder ({@link BallField#tail}) against the exact tail of the Taylor series:
 * <ul>
 *   <li>scalar {@code x' = a x}, a constant: the coefficients are {@code (h a)^k z / k!} and the tail
 *       {@code Σ_{k>q} |x_[k]| w^k = |z| (e^{|h a w|} - Σ_{k<=q} |h a w|^k / k!)} in closed form; with Δ = 0 the lemma
 *       gives, with {@code λ = S_q / S_{q-1} = |haw| / q}, {@code ρ = |haw| / (q+1)}, the bound
 *       {@code S_q ρ / (1 - λ)}, at most {@code 1 / (1 - |haw|/q)} times the exact tail (which is at least its first
 *       term {@code S_q ρ});</li>
 *   <li>theta2, and linear with a moving matrix: the exact coefficients come from the exact recurrence in the test,
 *       the exact tail is summed to order 80, and the bound lies between it and the smaller of the lemma's
 *       {@code ρ M_q / (1 - max(ρ, λ))} for its two λ, evaluated on those coefficients.</li>
 * </ul>
 */
class SeriesTailTest {

    private static LinearBall scalarLinear(double a, int depth, int order) {
        LinearBall f = new LinearBall(1, order);
        f.depth(depth);
        f.knots(new double[] {a, a}, 0, 1, false);
        return f;
    }

    private static double exactScalarTail(double z, double x, int q) {
        // |z| (e^x - Σ_{k<=q} x^k / k!) as the sum of the terms beyond q (x small: no cancellation)
        double term = Math.abs(z);
        for (int k = 1; k <= q; k++) {
            term *= x / k;
        }
        double sum = 0;
        for (int k = q + 1; k < q + 60; k++) {
            term *= x / k;
            sum += term;
        }
        return sum;
    }

    @Test
    void linearTailIsAboveTheExactTailAndWithinTheLemmasFactor() {
        for (double a : new double[] {-3, -0.5, 0.7, 2}) {
            for (int depth : new int[] {4, 16, 256}) {
                for (int q = 2; q <= 5; q++) {
                    for (int m : new int[] {1, 4}) {
                        LinearBall f = scalarLinear(a, depth, 8);
                        double w = 1.0 / m;
                        f.start(new double[] {0.8});
                        for (int k = 0; k < q; k++) {
                            f.next(k, 0);
                        }
                        double haw = Math.abs(a) * w / depth;
                        double exact = exactScalarTail(0.8, haw, q);
                        double tail = f.seriesTail(q, w);
                        String where = String.format("a = %s, N = %d, q = %d, m = %d", a, depth, q, m);
                        assertThat(tail).as(where).isGreaterThanOrEqualTo(exact);
                        double factor = 1 / (1 - haw / q);
                        assertThat(tail).as(where).isLessThanOrEqualTo(exact * factor * (1 + 1e-12));
                    }
                }
            }
        }
    }

    @Test
    void aZeroStateHasATailAtTheSubnormalMarginAndAnOverlongStepNone() {
        LinearBall f = scalarLinear(2, 16, 8);
        f.start(new double[] {0});
        f.next(0, 0);
        f.next(1, 0);
        // the coefficients are 0 with radii of a few subnormal margins
        assertThat(f.seriesTail(2, 1)).isBetween(0.0, 1e-300);
        // h a w = 100 / 3 per order beyond q = 2: the lemma's rate is above 1, no tail bound
        LinearBall g = scalarLinear(100, 1, 8);
        g.start(new double[] {1});
        g.next(0, 0);
        g.next(1, 0);
        assertThat(g.seriesTail(2, 1)).isInfinite();
    }

    /** The lemma's bound {@code ρ M_q / (1 - max(ρ, λ))} for one λ, from the exact weighted coefficients S (+∞ if rate >= 1). */
    private static double lemma(double a0, double a1, double a2, int q, double[] s, double lambda) {
        double rho = (a0 + a1 / lambda + a2 / (lambda * lambda)) / (q + 1);
        double rate = Math.max(rho, lambda);
        if (!(rate < 1)) {
            return Double.POSITIVE_INFINITY;
        }
        double largest = Math.max(s[q], Math.max(lambda * s[q - 1], lambda * lambda * s[q - 2]));
        return rho * largest / (1 - rate);
    }

    /**
     * The bound is at least the exact tail and at most the smaller of the lemma's two bounds (λ the ratio of the last two
     * weighted coefficients, and the balanced rate), both evaluated here on the exact coefficients.
     */
    private static void check(BallField f, double[] x, int q, int m, double a0, double a1, double a2, String where) {
        double w = 1.0 / m;
        double[] s = new double[x.length];
        double exact = 0;
        for (int k = 0; k < x.length; k++) {
            s[k] = Math.abs(x[k]) * Math.pow(w, k);
            if (k > q) {
                exact += s[k];
            }
        }
        double tail = f.seriesTail(q, w);
        assertThat(tail).as(where).isGreaterThanOrEqualTo(exact * (1 - 1e-12));
        int n = q + 1;
        double balanced = a0 / n + Math.sqrt(a1 / n) + Math.cbrt(a2 / n);
        double expected = Math.min(lemma(a0, a1, a2, q, s, s[q] / s[q - 1]), lemma(a0, a1, a2, q, s, balanced));
        assertThat(tail).as(where).isLessThanOrEqualTo(expected * (1 + 1e-9));
    }

    /** x_[k+1] = h (c0 x_[k] + c1 x_[k-1] + c2 x_[k-2]) / (k+1) from z, to order 80. */
    private static double[] coefficients(double z, double h, double c0, double c1, double c2) {
        double[] x = new double[80];
        x[0] = z;
        for (int k = 0; k + 1 < x.length; k++) {
            double s = c0 * x[k];
            if (k >= 1) {
                s += c1 * x[k - 1];
            }
            if (k >= 2) {
                s += c2 * x[k - 2];
            }
            x[k + 1] = h * s / (k + 1);
        }
        return x;
    }

    @Test
    void thetaSquaredTailIsBetweenTheExactTailAndTheLemma() {
        for (double thetaA : new double[] {0.5, 1.5}) {
            for (double delta : new double[] {0, 0.25, 2}) {
                for (int depth : new int[] {2, 8, 64}) {
                    for (int q = 2; q <= 5; q++) {
                        for (int m : new int[] {1, 2}) {
                            ThetaSquaredBall f = new ThetaSquaredBall(8);
                            f.depth(depth);
                            f.knots(new double[] {thetaA, thetaA + delta}, 0, 1, false);
                            double z = 0.9;
                            f.start(new double[] {z});
                            for (int k = 0; k < q; k++) {
                                f.next(k, 0);
                            }
                            double h = 1.0 / depth;
                            // θ(w)² = θ_a² + 2 θ_a Δ w + Δ² w² at u0 = 0: every coefficient positive
                            double[] x = coefficients(z, h, thetaA * thetaA, 2 * thetaA * delta, delta * delta);
                            double t = Math.max(thetaA, thetaA + delta);
                            double w = 1.0 / m;
                            check(f, x, q, m, h * t * t * w, h * 2 * t * delta * w * w, h * delta * delta * w * w * w,
                                    String.format("θ = %s, Δ = %s, N = %d, q = %d, m = %d", thetaA, delta, depth, q, m));
                        }
                    }
                }
            }
        }
    }

    @Test
    void linearTailWithAMovingMatrixIsBetweenTheExactTailAndTheLemma() {
        for (double a : new double[] {-2, 0.5, 3}) {
            for (double delta : new double[] {0.5, 4}) {
                for (int depth : new int[] {2, 16}) {
                    for (int q = 2; q <= 4; q++) {
                        for (int m : new int[] {1, 4}) {
                            LinearBall f = new LinearBall(1, 8);
                            f.depth(depth);
                            f.knots(new double[] {a, a + delta}, 0, 1, false);
                            f.start(new double[] {0.7});
                            for (int k = 0; k < q; k++) {
                                f.next(k, 0);
                            }
                            double h = 1.0 / depth;
                            double[] x = coefficients(0.7, h, a, delta, 0);
                            double w = 1.0 / m;
                            double alpha = Math.max(Math.abs(a), Math.abs(a + delta));
                            check(f, x, q, m, h * alpha * w, h * delta * w * w, 0,
                                    String.format("a = %s, Δ = %s, N = %d, q = %d, m = %d", a, delta, depth, q, m));
                        }
                    }
                }
            }
        }
    }

    /**
     * θ_a = 0, Δ = 1 (θ = w): {@code x_[1] = x_[2] = 0}, {@code x_[3] = h z / 3}, so the ratio λ of the last two
     * coefficients is infinite at q = 3 and the balanced λ alone gives the bound, still above the exact tail.
     */
    @Test
    void aVanishingCoefficientLeavesTheBalancedRate() {
        ThetaSquaredBall f = new ThetaSquaredBall(8);
        f.depth(4);
        f.knots(new double[] {0, 1}, 0, 1, false);
        f.start(new double[] {1});
        for (int k = 0; k < 3; k++) {
            f.next(k, 0);
        }
        double[] x = coefficients(1, 0.25, 0, 0, 1);
        assertThat(x[2]).isZero();
        double exact = 0;
        for (int k = 4; k < x.length; k++) {
            exact += x[k];
        }
        assertThat(f.seriesTail(3, 1)).isGreaterThanOrEqualTo(exact).isLessThan(Double.POSITIVE_INFINITY);
    }
}
