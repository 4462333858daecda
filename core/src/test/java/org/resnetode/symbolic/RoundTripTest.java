package org.resnetode.symbolic;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;
import org.resnetode.model.Families;
import org.resnetode.model.ResidualFunction;
import org.resnetode.scheme.ButcherTableau;
import org.resnetode.scheme.RungeKuttaStep;

/** The round trip derived from the tableau against MATH.md's closed forms and against the numeric steps. */
class RoundTripTest {

    @Test
    void eulerRoundTripIsOneMinusASquaredHSquared() {
        String difference = SymbolicEngine.eval("Expand(" + RoundTrip.factor(ButcherTableau.EULER) + " - (1 - a0^2*h^2))");
        assertThat(difference).isEqualTo("0");
    }

    @Test
    void heunRoundTripMatchesMathSectionFive() {
        String math = "(1 - h^2/4*(a1-a0)^2 + h^4*a0^2*a1^2/4)";
        String difference = SymbolicEngine.eval("Expand(" + RoundTrip.factor(ButcherTableau.HEUN) + " - " + math + ")");
        assertThat(difference).isEqualTo("0");
    }

    /** Independent route: the numeric forward step then reverse step of the scalar linear family. */
    @Test
    void symbolicFactorEqualsTheNumericRoundTrip() {
        ResidualFunction f = Families.create("linear", 1, 1);
        double h = 0.37;
        double[] w = {0.9, -1.4};
        for (ButcherTableau t : new ButcherTableau[] {ButcherTableau.EULER, ButcherTableau.HEUN, ButcherTableau.MIDPOINT,
                ButcherTableau.RALSTON, ButcherTableau.RK4}) {
            double[] x = {1.0};
            RungeKuttaStep.forward(t, f).apply(w, 0, 1, h, x, x);
            RungeKuttaStep.reverse(t, f).apply(w, 0, 1, h, x, x);
            double symbolic = SymbolicEngine.evalNumeric("ReplaceAll(" + RoundTrip.factor(t) + ", {h->37/100, a0->9/10, a1->-14/10})");
            assertThat(x[0]).as(t.name()).isCloseTo(symbolic, within(1e-14));
        }
    }

    /**
     * By hand: forward 1 + h m + h² m a0/2 (m = (a0 + a1)/2, the stage at t_n + h/2), reverse 1 - h m + h² m a1/2 (its
     * first stage at t_{n+1} reads a1, its second at t_{n+1} - h/2 reads m): the h² terms cancel.
     */
    @Test
    void midpointRoundTripByHand() {
        String m = "((a0+a1)/2)";
        String hand = "(1 + h^3*" + m + "^2*(a1-a0)/2 + h^4*" + m + "^2*a0*a1/4)";
        String difference = SymbolicEngine.eval("Expand(" + RoundTrip.factor(ButcherTableau.MIDPOINT) + " - " + hand + ")");
        assertThat(difference).isEqualTo("0");
    }

    @Test
    void predictedRecoveryOrders() {
        assertThat(RoundTrip.predictedRecoveryOrder(ButcherTableau.EULER, true)).isEqualTo(1);
        assertThat(RoundTrip.predictedRecoveryOrder(ButcherTableau.EULER, false)).isEqualTo(1);
        assertThat(RoundTrip.predictedRecoveryOrder(ButcherTableau.HEUN, true)).isEqualTo(3);
        assertThat(RoundTrip.predictedRecoveryOrder(ButcherTableau.HEUN, false)).isEqualTo(1);
        // ReverseStageTimeTest derives both by hand: the defect is O(h^4) per step once a1 - a0 = O(h)
        assertThat(RoundTrip.predictedRecoveryOrder(ButcherTableau.MIDPOINT, true)).isEqualTo(3);
        assertThat(RoundTrip.predictedRecoveryOrder(ButcherTableau.RALSTON, true)).isEqualTo(3);
    }

    /**
     * RK4 and the 3/8 rule: R(z) R(-z) = 1 + z^6/72 + ... (even), so smooth weights recover at order 5; alternating
     * weights at order 3. Each derivation also measures the adjoint's recovery rate (N = 32, 64) and throws unless it
     * is within 0.25 of the prediction.
     */
    @Test
    void fourthOrderTableauxRecoverAtOrderFiveOnSmoothWeights() {
        for (ButcherTableau t : new ButcherTableau[] {ButcherTableau.RK4, ButcherTableau.RK38}) {
            assertThat(RoundTrip.recoveryOrder(t, true).value()).as(t.name()).isEqualTo(5);
            assertThat(RoundTrip.recoveryOrder(t, false).value()).as(t.name()).isEqualTo(3);
            assertThat(SymbolicEngine.eval("Expand(" + RoundTrip.constantFactor(t).expression() + " - (1 + z^6/72 + z^8/576))"))
                    .isEqualTo("0");
        }
    }
}
