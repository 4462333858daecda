package org.resnetode.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.resnetode.TestVectors.gaussian;

import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The certified constants hold on sampled points: random θ pairs (and points on the segment between
 * them), random and adversarial states in the ball {@code ||x|| <= R}. Norm bounds are the maxima of
 * {@code parameterNorms} over the θ's used. The left-hand sides are evaluated in floating point, so
 * each inequality allows their rounding: relative 1e-12, plus 1e-14 of the operands of a difference.
 */
class CertifiedConstantsTest {
    private static final double ROUNDING = 1 + 1e-12;
    private static final double[] LAMBDAS = {0, 0.25, 0.5, 0.75, 1};

    static Stream<Arguments> families() {
        return Stream.of(Arguments.of("linear", 3, 0), Arguments.of("linear", 1, 0),
                Arguments.of("tanh", 4, 0), Arguments.of("tanh", 1, 0),
                Arguments.of("mlp", 3, 5), Arguments.of("mlp", 2, 1), Arguments.of("theta2", 1, 0));
    }

    @ParameterizedTest(name = "{0} d={1} hidden={2}")
    @MethodSource("families")
    void constantsHoldOnSampledPointsAndSegments(String name, int d, int hidden) {
        ResidualFunction f = Families.create(name, d, hidden);
        int p = f.parameterCount();
        SplittableRandom rng = new SplittableRandom(name.hashCode() * 31L + d);
        double[] scales = {0.1, 1, 4};
        double[] radii = {0.5, 1, 3};
        for (int trial = 0; trial < 30; trial++) {
            double scale = scales[trial % 3];
            double radius = radii[(trial / 3) % 3];
            double[] ta = gaussian(rng, p, scale);
            double[] tb = trial % 2 == 0 ? gaussian(rng, p, scale) : add(ta, gaussian(rng, p, 1e-3 * scale));
            double[][] thetas = new double[LAMBDAS.length][];
            double[] bounds = new double[f.normCount()];
            for (int l = 0; l < LAMBDAS.length; l++) {
                thetas[l] = lerp(ta, tb, LAMBDAS[l]);
                double[] norms = new double[f.normCount()];
                f.parameterNorms(thetas[l], 0, norms);
                for (int i = 0; i < norms.length; i++) {
                    bounds[i] = Math.max(bounds[i], norms[i]);
                }
            }
            Constants c = f.constants(bounds, radius);
            for (int k = 0; k < 20; k++) {
                double[] x = inBall(rng, d, radius, k % 4 == 0);
                double[] y = k % 3 == 0 ? clampToBall(add(x, gaussian(rng, d, 1e-4)), radius) : inBall(rng, d, radius, k % 5 == 0);
                for (int l = 0; l < LAMBDAS.length; l++) {
                    double[] th = thetas[l];
                    double[] fx = value(f, th, x);
                    double[] fy = value(f, th, y);
                    double dxy = Norms.distance(x, 0, y, 0, d);
                    assertWithinRounding("Lx, trial " + trial, Norms.distance(fx, 0, fy, 0, d), c.lx() * dxy,
                            Norms.euclidean(fx) + Norms.euclidean(fy));
                    assertThat(Norms.euclidean(fx)).as("M, trial %d", trial).isLessThanOrEqualTo(c.m() * ROUNDING);
                    for (int l2 = l + 1; l2 < LAMBDAS.length; l2++) {
                        double dth = Norms.distance(th, 0, thetas[l2], 0, p);
                        double[] fx2 = value(f, thetas[l2], x);
                        assertWithinRounding("Lθ, trial " + trial, Norms.distance(fx, 0, fx2, 0, d), c.lTheta() * dth,
                                Norms.euclidean(fx) + Norms.euclidean(fx2));
                    }
                }
            }
        }
    }

    /** Convexity promised by {@code parameterNorms}: norms on a segment are at most those of its ends. */
    @ParameterizedTest(name = "{0} d={1} hidden={2}")
    @MethodSource("families")
    void parameterNormsAreConvexAlongSegments(String name, int d, int hidden) {
        ResidualFunction f = Families.create(name, d, hidden);
        SplittableRandom rng = new SplittableRandom(7 + d);
        for (int trial = 0; trial < 20; trial++) {
            double[] ta = gaussian(rng, f.parameterCount(), 1);
            double[] tb = gaussian(rng, f.parameterCount(), 1);
            double[] na = new double[f.normCount()];
            double[] nb = new double[f.normCount()];
            double[] nm = new double[f.normCount()];
            f.parameterNorms(ta, 0, na);
            f.parameterNorms(tb, 0, nb);
            for (double lambda : new double[] {0.1, 0.5, 0.9}) {
                f.parameterNorms(lerp(ta, tb, lambda), 0, nm);
                for (int i = 0; i < nm.length; i++) {
                    assertThat(nm[i]).isLessThanOrEqualTo(((1 - lambda) * na[i] + lambda * nb[i]) * ROUNDING);
                }
            }
        }
    }

    /** The spectral norm of a d×d block lies between a power-iteration lower bound and the Frobenius norm. */
    @Test
    void spectralNormIsBetweenPowerIterationAndFrobenius() {
        SplittableRandom rng = new SplittableRandom(3);
        for (int d = 1; d <= 6; d++) {
            double[] a = gaussian(rng, d * d, 1);
            double[] v = topRightSingularVector(a, 0, d, d);
            double lower = Norms.euclidean(multiply(a, 0, d, d, v));
            double[] out = new double[1];
            Families.create("linear", d, 0).parameterNorms(a, 0, out);
            assertThat(out[0]).isGreaterThanOrEqualTo(lower).isLessThanOrEqualTo(lower * (1 + 1e-8));
            assertThat(out[0]).isLessThanOrEqualTo(Norms.euclidean(a) * (1 + 1e-9));
        }
    }

    /** Linear family: each constant is attained (up to the 1e-10 SVD margin) by an adversarial choice. */
    @Test
    void linearConstantsAreAttainedByAdversarialPoints() {
        int d = 4;
        double radius = 2;
        ResidualFunction f = Families.create("linear", d, 0);
        double[] a = gaussian(new SplittableRandom(5), d * d, 1);
        double[] norms = new double[1];
        f.parameterNorms(a, 0, norms);
        Constants c = f.constants(norms, radius);
        double[] v = topRightSingularVector(a, 0, d, d);
        double[] x = scale(v, radius);
        double[] y = scale(v, -radius);
        double lx = Norms.distance(value(f, a, x), 0, value(f, a, y), 0, d) / (2 * radius);
        assertThat(lx).isLessThanOrEqualTo(c.lx()).isGreaterThan(c.lx() * (1 - 1e-8));
        assertThat(Norms.euclidean(value(f, a, x))).isLessThanOrEqualTo(c.m()).isGreaterThan(c.m() * (1 - 1e-8));
        // ΔA = u x^T / R: ||ΔA x|| = ||u|| R = ||ΔA||_F R
        double[] u = gaussian(new SplittableRandom(6), d, 1e-2);
        double[] b = a.clone();
        for (int i = 0; i < d; i++) {
            for (int j = 0; j < d; j++) {
                b[i * d + j] += u[i] * x[j] / radius;
            }
        }
        double lTheta = Norms.distance(value(f, a, x), 0, value(f, b, x), 0, d) / Norms.distance(a, 0, b, 0, d * d);
        assertThat(lTheta).isLessThanOrEqualTo(c.lTheta() * ROUNDING).isGreaterThan(c.lTheta() * (1 - 1e-9));
    }

    /** θ² family: closed forms {@code L_x = t²}, {@code L_θ = 2 t R}, {@code M = t² R}, attained at x = R. */
    @Test
    void thetaSquaredConstantsAreTheClosedForms() {
        ResidualFunction f = Families.create("theta2", 1, 0);
        Constants c = f.constants(new double[] {1.5}, 2);
        assertThat(c.lx()).isEqualTo(2.25);
        assertThat(c.lTheta()).isEqualTo(6.0);
        assertThat(c.m()).isEqualTo(4.5);
        double[] x = {2};
        double ratio = Math.abs(value(f, new double[] {1.5}, x)[0] - value(f, new double[] {1.4999}, x)[0]) / 1e-4;
        assertThat(ratio).isLessThanOrEqualTo(c.lTheta() * ROUNDING).isGreaterThan(c.lTheta() * (1 - 1e-4));
    }

    /** Tanh family: near x = 0 the slope of tanh is 1, so {@code L_x = ||W||_2} is approached. */
    @Test
    void tanhLipschitzConstantIsApproachedNearTheOrigin() {
        int d = 3;
        ResidualFunction f = Families.create("tanh", d, 0);
        double[] w = gaussian(new SplittableRandom(8), d * d, 1);
        double[] norms = new double[1];
        f.parameterNorms(w, 0, norms);
        Constants c = f.constants(norms, 1);
        double[] v = topRightSingularVector(w, 0, d, d);
        double eps = 1e-5;
        double ratio = Norms.distance(value(f, w, scale(v, eps)), 0, value(f, w, scale(v, -eps)), 0, d) / (2 * eps);
        assertThat(ratio).isLessThanOrEqualTo(c.lx() * ROUNDING).isGreaterThan(c.lx() * (1 - 1e-6));
    }

    /**
     * MLP, {@code L_θ = hypot(a, s2 R)}: in the unsaturated regime (s1 R = 0.01, u = tanh(W1 x) ≈ W1 x) with
     * x = R v1(W1), ΔW2 ∝ e u^T and ΔW1 ∝ w x^T (w, e the top singular pair of W2) both terms of
     * {@code ΔW2 u + W2 ΔW1 x} point along e; weighting them by (||u||, s2 R) attains the bound to O(1e-4).
     */
    @Test
    void mlpParameterLipschitzConstantIsAttainedWhenUnsaturated() {
        int d = 3;
        int m = 4;
        double radius = 1;
        ResidualFunction f = Families.create("mlp", d, m);
        SplittableRandom rng = new SplittableRandom(12);
        double[] theta = gaussian(rng, 2 * m * d, 1);
        double[] norms = new double[2];
        f.parameterNorms(theta, 0, norms);
        for (int i = 0; i < m * d; i++) {
            theta[i] *= 0.01 / norms[0];             // s1 = 0.01
            theta[m * d + i] *= 0.01 / norms[1];     // s2 = 0.01: both terms of the same size
        }
        double[] x = scale(topRightSingularVector(theta, 0, m, d), radius);
        double[] u = new double[m];
        for (int j = 0; j < m; j++) {
            u[j] = Math.tanh(multiply(theta, 0, m, d, x)[j]);
        }
        double[] w = topRightSingularVector(theta, m * d, d, m);
        double[] w2w = multiply(theta, m * d, d, m, w);
        double s2 = Norms.euclidean(w2w);
        double[] e = scale(w2w, 1 / s2);
        double alpha = Norms.euclidean(u);
        double beta = s2 * radius;
        double eps = 1e-6 / Math.hypot(alpha, beta);
        double[] delta = new double[2 * m * d];
        for (int j = 0; j < m; j++) {
            for (int k = 0; k < d; k++) {
                delta[j * d + k] = eps * beta * w[j] * x[k] / radius;                   // ΔW1 = β w x^T / R
                delta[m * d + k * m + j] = eps * alpha * e[k] * u[j] / Norms.euclidean(u); // ΔW2 = α e u^T / ||u||
            }
        }
        double[] moved = add(theta, delta);
        double[] bounds = new double[2];
        double[] other = new double[2];
        f.parameterNorms(theta, 0, bounds);
        f.parameterNorms(moved, 0, other);
        bounds[0] = Math.max(bounds[0], other[0]);
        bounds[1] = Math.max(bounds[1], other[1]);
        Constants c = f.constants(bounds, radius);
        double ratio = Norms.distance(value(f, theta, x), 0, value(f, moved, x), 0, d) / Norms.euclidean(delta);
        assertThat(ratio).isLessThanOrEqualTo(c.lTheta()).isGreaterThan(c.lTheta() * (1 - 1e-3));
    }

    @ParameterizedTest(name = "{0} d={1} hidden={2}")
    @MethodSource("families")
    void constantsAreNondecreasingInEachBoundAndTheRadius(String name, int d, int hidden) {
        ResidualFunction f = Families.create(name, d, hidden);
        SplittableRandom rng = new SplittableRandom(11);
        for (int trial = 0; trial < 50; trial++) {
            double[] b = new double[f.normCount()];
            for (int i = 0; i < b.length; i++) {
                b[i] = 3 * rng.nextDouble();
            }
            double r = 3 * rng.nextDouble();
            Constants c = f.constants(b, r);
            Constants cr = f.constants(b, r * 1.5);
            assertNotBelow(cr, c);
            for (int i = 0; i < b.length; i++) {
                double[] b2 = b.clone();
                b2[i] *= 1.5;
                assertNotBelow(f.constants(b2, r), c);
            }
        }
    }

    /**
     * {@code lhs <= rhs} for a left-hand side that is a difference of two computed values of size
     * {@code scale}: its rounding error is a few ulps of {@code scale}, allowed as {@code 1e-14 scale}.
     */
    private static void assertWithinRounding(String what, double lhs, double rhs, double scale) {
        assertThat(lhs).as(what).isLessThanOrEqualTo(rhs * ROUNDING + 1e-14 * scale);
    }

    private static void assertNotBelow(Constants big, Constants small) {
        assertThat(big.lx()).isGreaterThanOrEqualTo(small.lx());
        assertThat(big.lTheta()).isGreaterThanOrEqualTo(small.lTheta());
        assertThat(big.m()).isGreaterThanOrEqualTo(small.m());
    }

    private static double[] value(ResidualFunction f, double[] theta, double[] x) {
        double[] out = new double[f.dim()];
        f.value(theta, 0, x, out, new double[f.workSize()]);
        return out;
    }

    /** Power iteration on A^T A for the rows×cols row-major block of {@code a} at {@code off}: a unit vector. */
    static double[] topRightSingularVector(double[] a, int off, int rows, int cols) {
        double[] v = new double[cols];
        java.util.Arrays.fill(v, 1);
        v[0] = 1.3;
        for (int it = 0; it < 5000; it++) {
            double[] av = multiply(a, off, rows, cols, v);
            double[] w = new double[cols];
            for (int i = 0; i < rows; i++) {
                for (int j = 0; j < cols; j++) {
                    w[j] += a[off + i * cols + j] * av[i];
                }
            }
            v = scale(w, 1 / Norms.euclidean(w));
        }
        return v;
    }

    private static double[] multiply(double[] a, int off, int rows, int cols, double[] v) {
        double[] out = new double[rows];
        for (int i = 0; i < rows; i++) {
            for (int j = 0; j < cols; j++) {
                out[i] += a[off + i * cols + j] * v[j];
            }
        }
        return out;
    }

    private static double[] inBall(SplittableRandom rng, int d, double radius, boolean onSphere) {
        double[] x = gaussian(rng, d, 1);
        double r = onSphere ? radius : radius * Math.pow(rng.nextDouble(), 1.0 / d);
        return scale(x, r / Norms.euclidean(x));
    }

    private static double[] clampToBall(double[] x, double radius) {
        return Norms.euclidean(x) <= radius ? x : scale(x, radius / Norms.euclidean(x));
    }

    private static double[] lerp(double[] a, double[] b, double lambda) {
        return lambda == 1 ? b.clone() : add(scale(a, 1 - lambda), scale(b, lambda));
    }

    private static double[] add(double[] a, double[] b) {
        double[] out = a.clone();
        for (int i = 0; i < a.length; i++) {
            out[i] += b[i];
        }
        return out;
    }

    private static double[] scale(double[] a, double s) {
        double[] out = new double[a.length];
        for (int i = 0; i < a.length; i++) {
            out[i] = s * a[i];
        }
        return out;
    }

}
