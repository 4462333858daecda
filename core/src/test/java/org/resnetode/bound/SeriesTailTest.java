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
 *   <li>theta2 with θ, Δ, z > 0: every coefficient is positive; the exact coefficients come from the exact recurrence
 *       in the test, the exact tail is summed to order 80, and the bound lies between it and the lemma's
 *       {@code ρ M_q / (1 - max(ρ, λ))} for {@code λ = x_[q] / x_[q-1]} evaluated on those coefficients (the code
 *       keeps the smaller of two λ).</li>
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

    @Test
    void thetaSquaredTailIsAboveTheExactTailAndAboutTheNextTerm() {
        for (double thetaA : new double[] {0.5, 1.5}) {
            for (double delta : new double[] {0, 0.25, 2}) {
                for (int depth : new int[] {2, 8, 64}) {
                    for (int q = 2; q <= 5; q++) {
                        ThetaSquaredBall f = new ThetaSquaredBall(8);
                        f.depth(depth);
                        f.knots(new double[] {thetaA, thetaA + delta}, 0, 1, false);
                        double z = 0.9;
                        f.start(new double[] {z});
                        for (int k = 0; k < q; k++) {
                            f.next(k, 0);
                        }
                        // the exact recurrence x_[k+1] = h (θ² x_[k] + 2θΔ x_[k-1] + Δ² x_[k-2]) / (k+1), θ = θ_a (u0 = 0)
                        double h = 1.0 / depth;
                        double[] x = new double[80];
                        x[0] = z;
                        for (int k = 0; k + 1 < x.length; k++) {
                            double s = thetaA * thetaA * x[k];
                            if (k >= 1) {
                                s += 2 * thetaA * delta * x[k - 1];
                            }
                            if (k >= 2) {
                                s += delta * delta * x[k - 2];
                            }
                            x[k + 1] = h * s / (k + 1);
                        }
                        double exact = 0;
                        for (int k = q + 1; k < x.length; k++) {
                            exact += x[k];
                        }
                        double tail = f.seriesTail(q, 1);
                        String where = String.format("θ = %s, Δ = %s, N = %d, q = %d", thetaA, delta, depth, q);
                        assertThat(tail).as(where).isGreaterThanOrEqualTo(exact * (1 - 1e-12));
                        double t = Math.max(thetaA, thetaA + delta);
                        double a0 = h * t * t;
                        double a1 = h * 2 * t * delta;
                        double a2 = h * delta * delta;
                        double lambda = x[q] / x[q - 1];
                        double rho = (a0 + a1 / lambda + a2 / (lambda * lambda)) / (q + 1);
                        double largest = Math.max(x[q], Math.max(lambda * x[q - 1], lambda * lambda * x[q - 2]));
                        if (Math.max(rho, lambda) < 1) {
                            double lemma = rho * largest / (1 - Math.max(rho, lambda));
                            assertThat(tail).as(where).isLessThanOrEqualTo(lemma * (1 + 1e-9));
                        }
                    }
                }
            }
        }
    }
}
