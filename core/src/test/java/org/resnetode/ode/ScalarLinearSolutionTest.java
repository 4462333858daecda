package org.resnetode.ode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.resnetode.model.Families;
import org.resnetode.model.ResidualFunction;
import org.resnetode.model.Weights;

/**
 * The closed form {@code x(T) = x_0 e^{∫ g}} of scalar fields linear in x, against integrals done by hand (piecewise
 * polynomials in exact arithmetic written out), {@code Math.exp}, and the Dormand-Prince route on the same ODE.
 */
class ScalarLinearSolutionTest {
    private static final ResidualFunction THETA2 = Families.create("theta2", 1, 0);
    private static final ResidualFunction LINEAR = Families.create("linear", 1, 0);

    /** θ from 1 to 3 over one knot interval of length 1, cut at T = 1/2: ∫_0^{1/2} (1 + 2s)² ds = (2³ - 1)/6 = 7/6. */
    @Test
    void aKnotIntervalCutByTheEndTimeIntegratesTheSquareOfItsRamp() {
        OdeSolution s = new OdeReference(THETA2, new Weights(2, 1, new double[] {1, 3}), 1.0).solve(new double[] {0.5}, 0.5, 1);
        assertThat(s.x()[0]).isCloseTo(0.5 * Math.exp(7.0 / 6), within(2 * Math.ulp(0.5 * Math.exp(7.0 / 6))));
        assertThat(s.tolerance()).isZero();
        assertThat(s.selfCheckDifference()).isGreaterThan(0).isLessThanOrEqualTo(Math.ulp(s.x()[0]) / 2);
        // a zero field: x(T) = x_0 is a double, no rounding, and an error of 0 is measured (accepted)
        OdeReference zero = new OdeReference(THETA2, new Weights(2, 1, new double[] {0, 0}), 0.5);
        assertThat(zero.solve(new double[] {0.3}, 1, 1).selfCheckDifference()).isZero();
        assertThat(zero.distance(new double[] {0.3}, 1, new double[] {0.3}).accepted()).isTrue();
    }

    /**
     * θ_k = k/4 on knots 0..3 (h = 1/4), constant 3/4 after t = 3/4 (Euler's last knot), T = 1:
     * ∫_0^{3/4} t² dt + (1/4)(3/4)² = 9/64 + 9/64 = 9/32 for theta2, ∫_0^{3/4} t dt + (1/4)(3/4) = 9/32 + 3/16 = 15/32
     * for linear; the largest |x| at the knots and at T is the last one (g >= 0).
     */
    @Test
    void aRampThenItsConstantTailGivesTheExponentialOfThePolynomialIntegrals() {
        Weights ramp = new Weights(4, 1, new double[] {0, 0.25, 0.5, 0.75});
        OdeSolution squared = new OdeReference(THETA2, ramp, 0.25).solve(new double[] {-1.5}, 1, 1);
        OdeSolution linear = new OdeReference(LINEAR, ramp, 0.25).solve(new double[] {-1.5}, 1, 1);
        double x2 = -1.5 * Math.exp(9.0 / 32);
        double x1 = -1.5 * Math.exp(15.0 / 32);
        assertThat(squared.x()[0]).isCloseTo(x2, within(2 * Math.ulp(x2)));
        assertThat(linear.x()[0]).isCloseTo(x1, within(2 * Math.ulp(x1)));
        assertThat(squared.maxKnotNorm()).isCloseTo(-x2, within(2 * Math.ulp(x2)));
        assertThat(linear.maxKnotNorm()).isCloseTo(-x1, within(2 * Math.ulp(x1)));
    }

    /** A decaying rate: the largest |x| is the start's. A negative a with a positive one after: the knot in between. */
    @Test
    void theLargestNormIsTakenAtTheKnotsAndAtTheEnd() {
        assertThat(new OdeReference(LINEAR, new Weights(3, 1, new double[] {-1, -1, -1}), 0.5).solve(new double[] {2}, 1, 1)
                .maxKnotNorm()).isEqualTo(2);
        // a = 2 on [0, 1/2] then ramps to -6 over [1/2, 1]: ∫ to 1/2 is 1, to 1 is 1 + (2 - 6)/4 = 0
        OdeSolution s = new OdeReference(LINEAR, new Weights(3, 1, new double[] {2, 2, -6}), 0.5).solve(new double[] {2}, 1, 1);
        assertThat(s.maxKnotNorm()).isCloseTo(2 * Math.E, within(4 * Math.ulp(2 * Math.E)));
        assertThat(s.x()[0]).isCloseTo(2, within(4 * Math.ulp(2.0)));
    }

    /** Random knots, both families, Euler and Heun weight counts, end times inside and past the knots: DOP853 agrees. */
    @Test
    void theDormandPrinceRouteAgreesWithTheClosedForm() {
        SplittableRandom rng = new SplittableRandom(7);
        for (ResidualFunction f : new ResidualFunction[] {THETA2, LINEAR}) {
            for (int n : new int[] {1, 5, 32}) {
                for (int count : new int[] {n, n + 1}) {
                    double[] w = new double[count];
                    for (int i = 0; i < count; i++) {
                        w[i] = 3 * rng.nextDouble() - 1.5;
                    }
                    OdeReference ref = new OdeReference(f, new Weights(count, 1, w), 1.0 / n);
                    for (double t : new double[] {1, 0.61, 1.3}) {
                        double closed = ref.solve(new double[] {0.9}, t, 1).x()[0];
                        OdeSolution dop = ref.solveChecked(new double[] {0.9}, t, 1e-13);
                        assertThat(closed).as("%s N=%d count=%d T=%s", f.name(), n, count, t)
                                .isCloseTo(dop.x()[0], within(1e-11 * Math.abs(closed)));
                    }
                }
            }
        }
    }

    /** Only scalar fields linear in x take the closed form: linear at d = 2 and tanh at d = 1 keep the integrator. */
    @Test
    void otherFieldsHaveNoClosedForm() {
        Weights one = new Weights(2, 1, new double[] {0.5, 0.5});
        assertThat(ScalarLinearSolution.of(THETA2, one, 1)).isNotNull();
        assertThat(ScalarLinearSolution.of(LINEAR, one, 1)).isNotNull();
        assertThat(ScalarLinearSolution.of(Families.create("linear", 2, 0), new Weights(2, 4, new double[8]), 1)).isNull();
        assertThat(ScalarLinearSolution.of(Families.create("tanh", 1, 0), one, 1)).isNull();
        assertThat(new OdeReference(Families.create("tanh", 1, 0), one, 1).solve(new double[] {1}, 1, 1e-3).tolerance())
                .isPositive();
    }

    /** Beyond the doubles: +∞ (refused as overflow), or a signed 0 for exponents far below; x_0 = 0 stays 0. */
    @Test
    void exponentsBeyondTheDoublesGiveInfinityOrZero() {
        OdeReference huge = new OdeReference(THETA2, new Weights(1, 1, new double[] {40}), 1);
        assertThat(huge.solve(new double[] {-1e-300}, 1, 1).x()[0]).isEqualTo(Double.NEGATIVE_INFINITY);
        MeasuredDistance m = huge.distance(new double[] {1}, 1, new double[] {1});
        assertThat(m.accepted()).isFalse();
        assertThat(m.refusal()).startsWith("overflow");
        OdeReference deep = new OdeReference(LINEAR, new Weights(1, 1, new double[] {-1600}), 1);
        OdeSolution underflow = deep.solve(new double[] {-1e300}, 1, 1);
        assertThat(underflow.x()[0]).isEqualTo(-0.0);
        assertThat(underflow.selfCheckDifference()).isEqualTo(Double.MIN_VALUE);
        assertThat(huge.solve(new double[] {0}, 1, 1).x()[0]).isZero();
        assertThat(huge.solve(new double[] {0}, 1, 1).selfCheckDifference()).isZero();
        // within the limit: 1e-300 e^{700} = e^{700 - 690.8} is a finite double, evaluated exactly
        OdeReference big = new OdeReference(LINEAR, new Weights(1, 1, new double[] {700}), 1);
        assertThat(big.solve(new double[] {1e-300}, 1, 1).x()[0]).isCloseTo(1e-300 * Math.exp(700),
                within(4 * Math.ulp(1e-300 * Math.exp(700))));
    }

    /** The series with halvings and squarings against Math.exp (within 1 ulp) at both signs and several scales. */
    @Test
    void theExponentialMatchesMathExp() {
        for (double y : new double[] {-745, -30.5, -1, -0.4, 0, 1e-20, 0.5, 0.51, 1, 2.5, 100, 709}) {
            double e = ScalarLinearSolution.exp(new java.math.BigDecimal(y)).doubleValue();
            assertThat(e).as("e^%s", y).isCloseTo(Math.exp(y), within(Math.ulp(Math.exp(y)) + Double.MIN_VALUE));
        }
    }
}
