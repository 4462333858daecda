package org.resnetode.symbolic;

import org.resnetode.checks.BadInputException;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ThetaSquaredAlternatingTest {

    /** theta_n = (-1)^n. */
    private static double theta(int n) {
        return n % 2 == 0 ? 1.0 : -1.0;
    }

    /** Euler ResNet x_{n+1} = x_n + h theta_n^2 x_n, run layer by layer. */
    private static double simulatedResNet(int depth) {
        double h = 1.0 / depth;
        double x = 1.0;
        for (int n = 0; n < depth; n++) {
            x += h * theta(n) * theta(n) * x;
        }
        return x;
    }

    /** theta(t): piecewise-linear through (n/N, theta_n), n = 0..N-1, constant after t_{N-1}. */
    private static double thetaOfT(double t, int depth) {
        int n = Math.min((int) Math.floor(t * depth), depth - 1);
        if (n == depth - 1) {
            return theta(depth - 1);
        }
        double s = t * depth - n;
        return (1 - s) * theta(n) + s * theta(n + 1);
    }

    /**
     * Neural ODE x' = theta(t)^2 x by classical RK4 with 1024 steps per layer interval, so the
     * kinks of theta^2 at the knots t_n fall on step boundaries. Worst case depth 1 (x' = x on
     * [0,1]): global error about e (1/1024)^4 / 120 ~ 2e-14, far below the 1e-10 tolerance used.
     */
    private static double simulatedOde(int depth) {
        int steps = 1024 * depth;
        double dt = 1.0 / steps;
        double x = 1.0;
        for (int i = 0; i < steps; i++) {
            double t = i * dt;
            double f0 = Math.pow(thetaOfT(t, depth), 2);
            double fm = Math.pow(thetaOfT(t + dt / 2, depth), 2);
            double f1 = Math.pow(thetaOfT(t + dt, depth), 2);
            double k1 = f0 * x;
            double k2 = fm * (x + dt / 2 * k1);
            double k3 = fm * (x + dt / 2 * k2);
            double k4 = f1 * (x + dt * k3);
            x += dt / 6 * (k1 + 2 * k2 + 2 * k3 + k4);
        }
        return x;
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 2, 3, 8, 50})
    void exactDistanceMatchesSimulatedResNetMinusSimulatedOde(int depth) {
        double simulated = simulatedResNet(depth) - simulatedOde(depth);
        assertThat(ThetaSquaredAlternating.exactDistance(depth)).isCloseTo(simulated, within(1e-10));
    }

    /**
     * Three-level Richardson on x_N = (1 + 1/N)^N = e (1 - 1/(2N) + 11/(24 N^2) - ...) at
     * N = 1000, 2000, 4000: the extrapolation error is O(N^-3) ~ 1e-10, it never uses e.
     */
    @Test
    void resnetLimitMatchesRichardsonExtrapolation() {
        double[] x = new double[3];
        for (int i = 0; i < 3; i++) {
            x[i] = simulatedResNet(1000 << i);
        }
        double r1a = 2 * x[1] - x[0];
        double r1b = 2 * x[2] - x[1];
        double r2 = (4 * r1b - r1a) / 3;
        assertThat(ThetaSquaredAlternating.resnetLimit()).isCloseTo(r2, within(1e-9));
        assertThat(ThetaSquaredAlternating.resnetLimit()).isCloseTo(Math.E, within(Math.ulp(Math.E)));
    }

    /**
     * Composite midpoint rule for I = int_0^1 (2s - 1)^2 ds with M cells: its error is exactly
     * f'' / (24 M^2) = 1 / (3 M^2) (f'' = 8 constant), here 3.3e-9; then e^I.
     */
    @Test
    void odeLimitMatchesQuadratureOfTheSquaredWeight() {
        int cells = 10_000;
        double sum = 0.0;
        for (int i = 0; i < cells; i++) {
            double s = (i + 0.5) / cells;
            sum += (2 * s - 1) * (2 * s - 1);
        }
        double integral = sum / cells;
        double odeLimit = ThetaSquaredAlternating.odeLimit();
        assertThat(odeLimit).isCloseTo(Math.exp(integral), within(4e-9 * Math.exp(integral)));
        assertThat(odeLimit).isCloseTo(Math.exp(1.0 / 3.0), within(2 * Math.ulp(odeLimit)));
    }

    @Test
    void distanceTendsToANonZeroLimit() {
        double limit = ThetaSquaredAlternating.limitDistance();
        assertThat(limit).isCloseTo(Math.E - Math.exp(1.0 / 3.0), within(1e-15));
        assertThat(limit).isGreaterThan(1.32);
        // the exact distance approaches it like 1/N: |D_N - D| ~ 2.29/N
        assertThat(Math.abs(ThetaSquaredAlternating.exactDistance(100_000) - limit))
                .isBetween(2.2e-5, 2.4e-5);
    }

    /**
     * The 1/N expansion, evaluated by Symja at N, must match the exact distance up to O(N^-3):
     * the residual divided by N^-3 stays bounded and settles (ratio between N and 2N close to 8).
     */
    @Test
    void distanceExpansionMatchesTheExactDistanceToThirdOrder() {
        String text = ThetaSquaredAlternating.distanceExpansion();
        assertThat(text).startsWith("(").endsWith(" + O(1/N^3)").contains("/N^2");
        String truncated = text.replace(" + O(1/N^3)", "");
        double[] residual = new double[2];
        for (int i = 0; i < 2; i++) {
            int depth = 200 << i;
            double value = SymbolicEngine.evalNumeric("ReplaceAll(" + truncated + ",N->" + depth + ")");
            residual[i] = ThetaSquaredAlternating.exactDistance(depth) - value;
        }
        assertThat(residual[0] / residual[1]).isCloseTo(8.0, within(0.2));
        // leading terms as stated: (e - e^{1/3}) - (e/2 + 2 e^{1/3}/3)/N
        double n = 1e6;
        double value = SymbolicEngine.evalNumeric("ReplaceAll(" + truncated + ",N->1000000)");
        double e3 = Math.exp(1.0 / 3.0);
        assertThat(value).isCloseTo(Math.E - e3 - (Math.E / 2 + 2 * e3 / 3) / n, within(1e-11));
    }

    @Test
    void nonPositiveDepthIsRejected() {
        assertThatThrownBy(() -> ThetaSquaredAlternating.exactDistance(0))
                .isInstanceOf(BadInputException.class);
    }
}
