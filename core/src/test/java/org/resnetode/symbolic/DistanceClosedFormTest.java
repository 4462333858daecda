package org.resnetode.symbolic;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.math.BigDecimal;
import org.apache.commons.math3.fraction.BigFraction;
import org.junit.jupiter.api.Test;
import org.resnetode.scheme.ButcherTableau;

/** The Symja closed form against step factors multiplied out by hand and against exact fractions. */
class DistanceClosedFormTest {

    @Test
    void stepFactorsAreTheStageRecursionsMultipliedOut() {
        assertThat(zero(DistanceClosedForm.stepFactor(ButcherTableau.EULER) + " - (1 + h*u)")).isTrue();
        // Heun: k1 = u x, k2 = v (x + h k1): R = 1 + h (u + v + h u v)/2
        assertThat(zero(DistanceClosedForm.stepFactor(ButcherTableau.HEUN) + " - (1 + h*(u + v + h*u*v)/2)")).isTrue();
        // RK4 with u = v: the truncated exponential
        assertThat(zero("ReplaceAll(" + DistanceClosedForm.stepFactor(ButcherTableau.RK4) + ", v->u) - (1 + h*u + (h*u)^2/2 + (h*u)^3/6 + (h*u)^4/24)"))
                .isTrue();
        assertThat(zero(DistanceClosedForm.stepFactor(ButcherTableau.RK4) + " - (1 + h*(u + 2*(u+v)/2 + v)/6)")).isFalse();
    }

    @Test
    void constantWeightGivesThePowerOfTheStepFactor() {
        String d = DistanceClosedForm.distance(ButcherTableau.EULER, WeightExpression.parse("1"));
        assertThat(d).isEqualTo(SymbolicEngine.eval("(1 + 1/N)^N - E"));
        BigFraction power = new BigFraction(17, 16).pow(16);
        assertThat(SymbolicEngine.evalNumeric(DistanceClosedForm.atDepth(d, 16, 30))).isCloseTo(power.doubleValue() - Math.E, within(1e-15));
    }

    @Test
    void timeVaryingWeightGivesTheProductAndTheTrapezoidExponent() {
        // Euler, N = 4: Π_{n<4} (1 + sin(n/4)/4) - exp(Σ_{k<3} (sin(k/4) + sin((k+1)/4))/8 + sin(3/4)/4)
        String d = DistanceClosedForm.distance(ButcherTableau.EULER, WeightExpression.parse("sin(t)"));
        double product = 1;
        double exponent = Math.sin(0.75) / 4;
        for (int n = 0; n < 4; n++) {
            product *= 1 + Math.sin(n / 4.0) / 4;
        }
        for (int k = 0; k < 3; k++) {
            exponent += (Math.sin(k / 4.0) + Math.sin((k + 1) / 4.0)) / 8;
        }
        double expected = product - Math.exp(exponent);
        assertThat(SymbolicEngine.evalNumeric(DistanceClosedForm.atDepth(d, 4, 30))).isCloseTo(expected, within(1e-15));
        // Heun reads a(1): the exponent's last knot is N, no constant tail
        String heun = DistanceClosedForm.distance(ButcherTableau.HEUN, WeightExpression.parse("t"));
        BigDecimal exact = ScalarLinearNetwork.sampled(ButcherTableau.HEUN, t -> t, 8).error();
        assertThat(SymbolicEngine.evalNumeric(DistanceClosedForm.atDepth(heun, 8, 40))).isCloseTo(exact.doubleValue(),
                within(1e-15 * Math.abs(exact.doubleValue())));
    }

    private static boolean zero(String expression) {
        return SymbolicEngine.eval("Expand(" + expression + ")").equals("0");
    }
}
