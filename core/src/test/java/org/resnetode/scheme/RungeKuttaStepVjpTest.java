package org.resnetode.scheme;

import static org.assertj.core.api.Assertions.assertThat;
import static org.resnetode.TestVectors.centralDifference;
import static org.resnetode.TestVectors.gaussian;
import static org.resnetode.TestVectors.relativeError;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.resnetode.model.Families;
import org.resnetode.model.ResidualFunction;

/**
 * {@link RungeKuttaStep#vjp} against central finite differences (ε = 1e-6) of {@code <pOut, apply(x, θ_n, θ_{n+1})>}
 * in x, θ_n and θ_{n+1}, for Euler, Heun and RK4, forward and reverse; {@code apply} against hand-written
 * steps; and the closed-form round trips of MATH.md sections 4 and 5.
 */
class RungeKuttaStepVjpTest {
    private static final double STEP = 1e-6;
    private static final double TOLERANCE = 1e-7;
    private static final double H = 0.3;

    static Stream<Arguments> cases() {
        List<Arguments> out = new ArrayList<>();
        ButcherTableau[] tableaux = {ButcherTableau.EULER, ButcherTableau.HEUN, ButcherTableau.MIDPOINT, ButcherTableau.RALSTON,
            ButcherTableau.RK4};
        String[][] families = {{"tanh", "3", "0"}, {"mlp", "2", "4"}, {"linear", "2", "0"}, {"theta2", "1", "0"}};
        for (ButcherTableau t : tableaux) {
            for (boolean reverse : new boolean[] {false, true}) {
                for (String[] f : families) {
                    out.add(Arguments.of(t, reverse, f[0], Integer.parseInt(f[1]), Integer.parseInt(f[2])));
                }
            }
        }
        return out.stream();
    }

    @ParameterizedTest(name = "{0} reverse={1} {2} d={3}")
    @MethodSource("cases")
    void vjpMatchesCentralDifferencesOfApply(ButcherTableau tableau, boolean reverse, String name, int d, int hidden) {
        ResidualFunction f = Families.create(name, d, hidden);
        RungeKuttaStep step = reverse ? RungeKuttaStep.reverse(tableau, f) : RungeKuttaStep.forward(tableau, f);
        int p = f.parameterCount();
        SplittableRandom rng = new SplittableRandom(name.hashCode() + 7L * tableau.stages() + (reverse ? 1 : 0));
        int offN = 2;
        int offNext = offN + p + 1;
        double[] w = gaussian(rng, offNext + p + 3, 1.2 / Math.sqrt(d));
        double[] x = gaussian(rng, d, 1);
        double[] pOut = gaussian(rng, d, 1);
        int gOffN = p + 4;                  // θ_{n+1}'s gradient first, θ_n's after it
        int gOffNext = 1;
        double[] prior = gaussian(rng, 2 * p + 6, 1);
        double[] g = prior.clone();
        double[] pIn = gaussian(rng, d, 5);
        step.vjp(w, offN, offNext, H, x, pOut, pIn, g, gOffN, gOffNext);

        double[] fdX = centralDifference(v -> loss(step, w, offN, offNext, v, pOut), x, 0, d, STEP);
        assertThat(relativeError(pIn, 0, fdX)).as("pIn").isLessThan(TOLERANCE);
        boolean readsNext = tableau.lastStageTime() > 0;
        for (int which = 0; which < 2; which++) {
            int off = which == 0 ? offN : offNext;
            int gOff = which == 0 ? gOffN : gOffNext;
            double[] fd = centralDifference(v -> loss(step, v, offN, offNext, x, pOut), w, off, p, STEP);
            double[] added = new double[p];
            for (int j = 0; j < p; j++) {
                added[j] = g[gOff + j] - prior[gOff + j];
            }
            if (which == 1 && !readsNext) {
                assertThat(fd).containsOnly(0.0);
                assertThat(added).as("Euler leaves θ_{n+1}'s gradient untouched").containsOnly(0.0);
            } else {
                assertThat(relativeError(added, 0, fd)).as(which == 0 ? "gθ_n" : "gθ_{n+1}").isLessThan(TOLERANCE);
            }
        }
        for (int i = 0; i < g.length; i++) {
            boolean inBlock = (i >= gOffN && i < gOffN + p) || (i >= gOffNext && i < gOffNext + p);
            if (!inBlock) {
                assertThat(g[i]).as("g[%d] outside both blocks", i).isEqualTo(prior[i]);
            }
        }
        // pIn may alias pOut
        double[] alias = pOut.clone();
        step.vjp(w, offN, offNext, H, x, alias, alias, prior.clone(), gOffN, gOffNext);
        assertThat(alias).containsExactly(pIn);
    }

    /** Hand-written steps from the stage formulas of MATH.md section 1 and 5, with family values only. */
    @ParameterizedTest(name = "{0} reverse={1} {2} d={3}")
    @MethodSource("cases")
    void applyMatchesHandWrittenSteps(ButcherTableau tableau, boolean reverse, String name, int d, int hidden) {
        ResidualFunction f = Families.create(name, d, hidden);
        RungeKuttaStep step = reverse ? RungeKuttaStep.reverse(tableau, f) : RungeKuttaStep.forward(tableau, f);
        int p = f.parameterCount();
        SplittableRandom rng = new SplittableRandom(99 + d);
        double[] t0 = gaussian(rng, p, 1);
        double[] t1 = gaussian(rng, p, 1);
        double[] w = concat(t0, t1);
        double[] x = gaussian(rng, d, 1);
        double s = reverse ? -H : H;
        double[] first = reverse && tableau.lastStageTime() > 0 ? t1 : t0;
        double[] last = reverse ? t0 : t1;
        double[] expected;
        if (tableau == ButcherTableau.EULER) {
            expected = axpy(s, value(f, t0, x), x);
        } else if (tableau == ButcherTableau.HEUN) {
            double[] k1 = value(f, first, x);
            double[] k2 = value(f, last, axpy(s, k1, x));
            expected = axpy(s / 2, k2, axpy(s / 2, k1, x));
        } else if (tableau == ButcherTableau.MIDPOINT) {
            // stage 2 at t_n + h/2 forward, t_{n+1} - h/2 reverse: the mean weight both ways
            double[] k1 = value(f, first, x);
            double[] k2 = value(f, axpy(0.5, t1, scale(0.5, t0)), axpy(s / 2, k1, x));
            expected = axpy(s, k2, x);
        } else if (tableau == ButcherTableau.RALSTON) {
            // stage 2 at t_n + 2h/3 forward (θ_n + 2/3 (θ_{n+1} - θ_n)), t_{n+1} - 2h/3 reverse (θ_n + 1/3 (θ_{n+1} - θ_n))
            double sigma = reverse ? 1.0 / 3 : 2.0 / 3;
            double[] k1 = value(f, first, x);
            double[] k2 = value(f, axpy(sigma, t1, scale(1 - sigma, t0)), axpy(2 * s / 3, k1, x));
            expected = axpy(3 * s / 4, k2, axpy(s / 4, k1, x));
        } else {
            double[] mid = axpy(0.5, t1, scale(0.5, t0));
            double[] k1 = value(f, first, x);
            double[] k2 = value(f, mid, axpy(s / 2, k1, x));
            double[] k3 = value(f, mid, axpy(s / 2, k2, x));
            double[] k4 = value(f, last, axpy(s, k3, x));
            expected = axpy(s / 6, k4, axpy(s / 3, k3, axpy(s / 3, k2, axpy(s / 6, k1, x))));
        }
        double[] out = new double[d];
        step.apply(w, 0, p, H, x, out);
        assertThat(out).containsExactly(expected, within(1e-14));
        double[] io = x.clone();
        step.apply(w, 0, p, H, io, io);
        assertThat(io).as("out may alias x").containsExactly(out);
    }

    /** MATH.md 4: f = a x, forward Euler then reverse Euler multiplies by (1 + ah)(1 - ah) = 1 - a²h². */
    @Test
    void eulerRoundTripMultipliesByOneMinusASquaredHSquared() {
        ResidualFunction f = Families.create("linear", 1, 0);
        RungeKuttaStep fwd = RungeKuttaStep.forward(ButcherTableau.EULER, f);
        RungeKuttaStep rev = RungeKuttaStep.reverse(ButcherTableau.EULER, f);
        for (double a : new double[] {-3, -0.7, 0.2, 1, 2.5}) {
            for (double h : new double[] {1.0 / 8, 1.0 / 100, 1.0 / 1000}) {
                double[] w = {a, 123.0};        // θ_{n+1} must not be read
                double[] x = {1.3};
                fwd.apply(w, 0, 1, h, x, x);
                rev.apply(w, 0, 1, h, x, x);
                double expected = 1 - a * a * h * h;
                assertThat(x[0] / 1.3).as("a=%s h=%s", a, h).isCloseTo(expected, within(1e-14 * expected));
            }
        }
    }

    /**
     * MATH.md 5: with S = a_n + a_{n+1}, P = a_n a_{n+1}, forward Heun is 1 + hS/2 + h²P/2, reverse Heun
     * 1 - hS/2 + h²P/2; their product is (1 + h²P/2)² - h²S²/4 = 1 - (h²/4)(a_{n+1} - a_n)² + h⁴P²/4.
     */
    @Test
    void heunRoundTripMatchesTheClosedForm() {
        ResidualFunction f = Families.create("linear", 1, 0);
        RungeKuttaStep fwd = RungeKuttaStep.forward(ButcherTableau.HEUN, f);
        RungeKuttaStep rev = RungeKuttaStep.reverse(ButcherTableau.HEUN, f);
        double[][] pairs = {{1, 1}, {0.5, -0.5}, {-2, 1.3}, {2.2, 2.1}, {0, 3}};
        for (double[] pair : pairs) {
            for (double h : new double[] {1.0 / 4, 1.0 / 64, 1.0 / 1024}) {
                double a0 = pair[0];
                double a1 = pair[1];
                double[] x = {-0.8};
                fwd.apply(pair, 0, 1, h, x, x);
                rev.apply(pair, 0, 1, h, x, x);
                double expected = 1 - h * h / 4 * (a1 - a0) * (a1 - a0) + h * h * h * h * a0 * a0 * a1 * a1 / 4;
                assertThat(x[0] / -0.8).as("a=(%s,%s) h=%s", a0, a1, h).isCloseTo(expected, within(1e-14 * expected));
            }
        }
    }

    private static double loss(RungeKuttaStep step, double[] w, int offN, int offNext, double[] x, double[] pOut) {
        double[] out = new double[x.length];
        step.apply(w, offN, offNext, H, x, out);
        double s = 0;
        for (int k = 0; k < out.length; k++) {
            s += pOut[k] * out[k];
        }
        return s;
    }


    private static double[] value(ResidualFunction f, double[] theta, double[] x) {
        double[] out = new double[f.dim()];
        f.value(theta, 0, x, out, new double[f.workSize()]);
        return out;
    }

    /** {@code s a + b}. */
    private static double[] axpy(double s, double[] a, double[] b) {
        double[] out = b.clone();
        for (int i = 0; i < a.length; i++) {
            out[i] += s * a[i];
        }
        return out;
    }

    private static double[] scale(double s, double[] a) {
        return axpy(s, a, new double[a.length]);
    }

    private static double[] concat(double[] a, double[] b) {
        double[] out = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }

}
