package org.resnetode.ode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.assertj.core.api.Assumptions.assumeThat;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.resnetode.model.Families;
import org.resnetode.model.Gaussian;
import org.resnetode.model.ResidualFunction;
import org.resnetode.model.Weights;

/**
 * The Neural ODE reference on linear problems with closed-form solutions: for {@code x' = a(t) x} with
 * a(t) the piecewise-linear interpolation of {@code (t_n, a_n)} (constant after the last knot),
 * {@code x(T) = x_0 exp(∫_0^T a)}, and the trapezoid rule integrates a piecewise-linear a exactly.
 */
class OdeReferenceTest {
    private static final ResidualFunction SCALAR = Families.create("linear", 1, 0);

    @Test
    void constantWeightGivesTheExponential() {
        for (double a : new double[] {-2, 0.4, 1.3}) {
            for (int n : new int[] {1, 8, 64}) {
                OdeReference ref = new OdeReference(SCALAR, constant(a, n), 1.0 / n);
                double exact = 0.7 * Math.exp(a);
                OdeSolution s = ref.solve(new double[] {0.7}, 1, 1e-8 * exact);
                assertThat(s.accurateFor(1e-8 * exact)).isTrue();
                assertThat(s.x()[0]).as("a=%s N=%d", a, n).isCloseTo(exact, within(1e-11 * exact));
            }
        }
    }

    @Test
    void piecewiseLinearWeightGivesTheExponentialOfTheTrapezoidIntegral() {
        SplittableRandom rng = new SplittableRandom(31);
        for (int n : new int[] {1, 4, 37, 256}) {
            for (int count : new int[] {n, n + 1}) {           // Euler (tail after t_{N-1}) and Heun samples
                double[] a = new double[count];
                for (int i = 0; i < count; i++) {
                    a[i] = 4 * rng.nextDouble() - 2;
                }
                OdeReference ref = new OdeReference(SCALAR, new Weights(count, 1, a), 1.0 / n);
                for (double t : new double[] {1, 0.5, 0.73, 1.37}) {
                    double exact = -1.1 * Math.exp(integral(a, 1.0 / n, t));
                    OdeSolution s = ref.solve(new double[] {-1.1}, t, 1e-8 * Math.abs(exact));
                    assertThat(s.x()[0]).as("N=%d count=%d T=%s", n, count, t)
                            .isCloseTo(exact, within(1e-11 * Math.abs(exact)));
                    // solve takes the closed form here (ScalarLinearSolution); the Dormand-Prince route on the same ODE
                    OdeSolution integrated = ref.solveChecked(new double[] {-1.1}, t, 1e-12);
                    assertThat(integrated.x()[0]).as("DOP853 N=%d count=%d T=%s", n, count, t)
                            .isCloseTo(exact, within(1e-10 * Math.abs(exact)));
                }
            }
        }
    }

    /** Diagonal A_n: each coordinate is an independent scalar problem with its own piecewise-linear rate. */
    @Test
    void diagonalLinearSystemSolvesEachCoordinateIndependently() {
        int d = 3;
        int n = 12;
        SplittableRandom rng = new SplittableRandom(5);
        double[] w = new double[n * d * d];
        double[][] rates = new double[d][n];
        for (int k = 0; k < n; k++) {
            for (int i = 0; i < d; i++) {
                rates[i][k] = 3 * rng.nextDouble() - 1.5;
                w[k * d * d + i * d + i] = rates[i][k];
            }
        }
        OdeReference ref = new OdeReference(Families.create("linear", d, 0), new Weights(n, d * d, w), 1.0 / n);
        double[] x0 = {0.3, -2, 1};
        OdeSolution s = ref.solve(x0, 1, 1e-9);
        for (int i = 0; i < d; i++) {
            double exact = x0[i] * Math.exp(integral(rates[i], 1.0 / n, 1));
            assertThat(s.x()[i]).isCloseTo(exact, within(1e-11 * Math.abs(exact) + 1e-12));
        }
    }

    /** The largest state norm over t = 0, the knots before T, and T itself. */
    @Test
    void maxKnotNormIsTheLargestExactNormAtTheKnots() {
        double[] a = {3, -4, -4, 2, 2.5};
        double h = 0.25;
        OdeReference ref = new OdeReference(SCALAR, new Weights(5, 1, a), h);
        for (double t : new double[] {0.6, 1, 1.2}) {
            double max = 0.5;
            for (int k = 1; k * h < t; k++) {
                max = Math.max(max, 0.5 * Math.exp(integral(a, h, k * h)));
            }
            max = Math.max(max, 0.5 * Math.exp(integral(a, h, t)));
            OdeSolution s = ref.solveChecked(new double[] {0.5}, t, 1e-12);
            assertThat(s.maxKnotNorm()).as("T=%s", t).isCloseTo(max, within(1e-10 * max));
        }
    }

    /** The fine solve's actual error is below the self-check difference (its estimate of the coarse error). */
    @Test
    void selfCheckDifferenceBoundsTheActualErrorAndIsSmall() {
        double[] a = {1.3, -0.4};
        OdeReference ref = new OdeReference(SCALAR, new Weights(2, 1, a), 1.0);
        double exact = 0.7 * Math.exp(integral(a, 1.0, 1));
        for (double tol : new double[] {1e-5, 1e-6, 1e-7, 1e-8, 1e-9}) {
            OdeSolution s = ref.solveChecked(new double[] {0.7}, 1, tol);
            assertThat(s.tolerance()).isEqualTo(tol / 10);
            assertThat(s.selfCheckDifference()).as("τ=%s", tol).isGreaterThan(0).isLessThan(100 * tol);
            assertThat(Math.abs(s.x()[0] - exact)).as("τ=%s", tol).isLessThanOrEqualTo(s.selfCheckDifference());
        }
        OdeSolution tight = ref.solveChecked(new double[] {0.7}, 1, OdeReference.START_TOLERANCE);
        assertThat(tight.selfCheckDifference()).isLessThan(1e-10);
    }

    @Test
    void accurateForDemandsAThousandfoldMargin() {
        OdeSolution s = new OdeSolution(new double[] {1}, 1e-12, 2e-12, 1);
        assertThat(s.accurateFor(2e-9)).isTrue();
        assertThat(s.accurateFor(1e-8)).isTrue();
        assertThat(s.accurateFor(1.99e-9)).isFalse();
        assertThat(s.accurateFor(1e-12)).isFalse();
        assertThat(OdeReference.REQUIRED_MARGIN).isEqualTo(1e3);
    }

    @Test
    void solveTightensTheToleranceOnlyWhenTheErrorToMeasureIsTiny() {
        OdeReference ref = tanhReference();
        double[] x0 = {0.5, -1, 0.3};
        OdeSolution loose = ref.solve(x0, 1, 1e-3);
        assertThat(loose.tolerance()).isEqualTo(OdeReference.START_TOLERANCE / 10);
        assertThat(loose.accurateFor(1e-3)).isTrue();
        OdeSolution tiny = ref.solve(x0, 1, 1e-300);
        assertThat(tiny.tolerance()).isLessThan(OdeReference.START_TOLERANCE / 10)
                .isGreaterThanOrEqualTo(OdeReference.TIGHTEST_TOLERANCE * 0.999);
        assertThat(tiny.accurateFor(1e-300)).as("reports that it could not reach the margin").isFalse();
        // the documented ladder τ = 1e-11, 1e-12, 1e-13 (each checked at τ/10) ends at the tightest tolerance 1e-14
        assertThat(tiny.tolerance()).isCloseTo(OdeReference.TIGHTEST_TOLERANCE, within(1e-20));
        assertThat(Math.abs(tiny.x()[0] - loose.x()[0])).isLessThan(1e-9);
    }

    /**
     * Documented ladder ("tightening 10×"): τ = 1e-11, 1e-12, 1e-13, each self-checked at τ/10. For an error
     * to measure that τ = 1e-12 satisfies and τ = 1e-11 does not, solve must stop at τ = 1e-12 (tolerance 1e-13).
     */
    @Test
    void solveTightensTenfoldPerRound() {
        OdeReference ref = tanhReference();
        double[] x0 = {0.5, -1, 0.3};
        OdeSolution first = ref.solveChecked(x0, 1, 1e-11);
        OdeSolution second = ref.solveChecked(x0, 1, 1e-12);
        assumeThat(second.selfCheckDifference()).isLessThan(first.selfCheckDifference() / 2);
        double err = OdeReference.REQUIRED_MARGIN * Math.sqrt(first.selfCheckDifference() * second.selfCheckDifference());
        assertThat(first.accurateFor(err)).isFalse();
        assertThat(second.accurateFor(err)).isTrue();
        assertThat(ref.solve(x0, 1, err).tolerance()).isEqualTo(1e-13);
    }

    /** The same documented ladder for {@link OdeReference#distance}: a point at distance err from the τ = 1e-12 reference. */
    @Test
    void distanceTightensTenfoldPerRound() {
        OdeReference ref = tanhReference();
        double[] x0 = {0.5, -1, 0.3};
        OdeSolution first = ref.solveChecked(x0, 1, 1e-11);
        OdeSolution second = ref.solveChecked(x0, 1, 1e-12);
        assumeThat(second.selfCheckDifference()).isLessThan(first.selfCheckDifference() / 2);
        double err = OdeReference.REQUIRED_MARGIN * Math.sqrt(first.selfCheckDifference() * second.selfCheckDifference());
        double[] point = second.x().clone();
        point[0] += err;
        MeasuredDistance m = ref.distance(x0, 1, point);
        assertThat(m.accepted()).isTrue();
        assertThat(m.reference().tolerance()).isEqualTo(1e-13);
    }

    @Test
    void distanceMeasuresAgainstTheReferenceAndRefusesWhenTheMarginIsUnreachable() {
        double a = 0.8;
        OdeReference ref = new OdeReference(SCALAR, constant(a, 4), 0.25);
        double exact = 2 * Math.exp(a);
        MeasuredDistance m = ref.distance(new double[] {2}, 1, new double[] {exact + 1e-6});
        assertThat(m.accepted()).isTrue();
        assertThat(m.distance()).isCloseTo(1e-6, within(1e-11));
        OdeReference hard = tanhReference();
        double[] x0 = {0.5, -1, 0.3};
        double[] itself = hard.solveChecked(x0, 1, OdeReference.TIGHTEST_TOLERANCE * 10).x();
        MeasuredDistance zero = hard.distance(x0, 1, itself);
        assertThat(zero.reference().selfCheckDifference()).isGreaterThan(0);
        assertThat(zero.accepted()).isFalse();
        assertThat(zero.refusal()).startsWith("the ODE reference could not be made 1000x more accurate than the error");
        assertThat(zero.reference().tolerance()).isCloseTo(OdeReference.TIGHTEST_TOLERANCE, within(1e-20));
    }

    @Test
    void anOverflowingReferenceIsRefusedWithItsReason() {
        // x' = a x from x_0 = 1e300 with a = 20: x(1) = 1e300 e^20 overflows a double
        OdeReference ref = new OdeReference(SCALAR, constant(20, 4), 0.25);
        MeasuredDistance m = ref.distance(new double[] {1e300}, 1, new double[] {1});
        assertThat(m.accepted()).isFalse();
        assertThat(m.refusal()).containsAnyOf("overflow", "the ODE solver gave up");
    }

    @Test
    void aSolverThatGivesUpRefusesTheRow() {
        // a NaN right-hand side (left alone, the step-size control would never finish): the solve stops and the row is refused
        // x' = x until x reaches 1.5, NaN beyond (so not a scalar linear field: no closed form, the solver runs); every
        // other method is the scalar linear family's
        ResidualFunction nan = (ResidualFunction) java.lang.reflect.Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] {ResidualFunction.class}, (proxy, method, args) -> {
                    if (method.getName().equals("scalarGrowthRate")) {
                        return org.resnetode.model.ScalarGrowthRate.NONE;
                    }
                    if (method.getName().equals("value")) {
                        double[] x = (double[]) args[2];
                        ((double[]) args[3])[0] = x[0] > 1.5 ? Double.NaN : x[0];
                        return null;
                    }
                    return method.invoke(SCALAR, args);
                });
        MeasuredDistance m = new OdeReference(nan, constant(1, 4), 0.25).distance(new double[] {1}, 1, new double[] {1});
        assertThat(m.accepted()).isFalse();
        assertThat(m.refusal()).isNotBlank();
        assertThat(m.distance()).isNaN();
    }

    /** A 3-dimensional tanh network with large random weights: no closed form, a non-zero self-check. */
    private static OdeReference tanhReference() {
        SplittableRandom rng = new SplittableRandom(1);
        int n = 16;
        double[] w = new double[n * 9];
        for (int i = 0; i < w.length; i++) {
            w[i] = 2 * Gaussian.next(rng);
        }
        return new OdeReference(Families.create("tanh", 3, 0), new Weights(n, 9, w), 1.0 / n);
    }

    /** {@code ∫_0^T a(t) dt} for the piecewise-linear interpolation of {@code (k h, a_k)}, constant after the last knot. */
    static double integral(double[] a, double h, double t) {
        double s = 0;
        int last = a.length - 1;
        for (int k = 0; k < last && k * h < t; k++) {
            double end = Math.min((k + 1) * h, t);
            double aEnd = a[k] + (a[k + 1] - a[k]) * (end - k * h) / h;
            s += (end - k * h) * (a[k] + aEnd) / 2;
        }
        if (t > last * h) {
            s += (t - last * h) * a[last];
        }
        return s;
    }

    /** x' = a x, a = 0.8 on four knot intervals: x(1) = 2 e^{0.8}, and the largest norm at the knots is the last one, 2 e^{0.8}. */
    @Test
    void integrateGivesTheExponentialAndTheLargestKnotNorm() {
        OdeReference ref = new OdeReference(SCALAR, constant(0.8, 4), 0.25);
        double[] out = new double[1];
        double maxNorm = ref.integrate(new double[] {2}, 1, 1e-12, out);
        assertThat(out[0]).isCloseTo(2 * Math.exp(0.8), within(1e-9));
        assertThat(maxNorm).isCloseTo(2 * Math.exp(0.8), within(1e-9));
        // a = -0.8: the norm decays, the largest is the start, 2
        OdeReference decaying = new OdeReference(SCALAR, constant(-0.8, 4), 0.25);
        assertThat(decaying.integrate(new double[] {2}, 1, 1e-12, out)).isEqualTo(2);
    }

    private static Weights constant(double a, int count) {
        double[] d = new double[count];
        java.util.Arrays.fill(d, a);
        return new Weights(count, 1, d);
    }
}
