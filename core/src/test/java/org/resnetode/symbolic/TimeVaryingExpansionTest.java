package org.resnetode.symbolic;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.resnetode.scheme.ButcherTableau;

/**
 * Leading error coefficients for time-varying weights against hand derivations; each derivation also runs its own
 * Richardson check against the ResNet (relative 1e-6) and throws otherwise.
 */
class TimeVaryingExpansionTest {

    /**
     * Euler: log(1 + h a_n) - ∫_{t_n}^{t_n+h} a = -h²(a² + a')/2 + O(h³), so x_N - x(1) ~ -x(1) h ∫(a² + a')/2; for
     * a = 1 + t: ∫ (1+t)² = 7/3, ∫ a' = 1, x(1) = e^{3/2}: the coefficient is -(5/3) e^{3/2}.
     */
    @Test
    void eulerWithALinearWeight() {
        Derivation d = TimeVaryingExpansion.leadingCoefficient(ButcherTableau.EULER, WeightExpression.parse("1 + t"),
                TimeVaryingExpansion.Reference.PROFILE);
        assertThat(d.name()).endsWith("(power h^1)");
        assertThat(d.value()).isCloseTo(-5.0 / 3 * Math.exp(1.5), within(1e-13));
    }

    /**
     * RK4 reads the weight at c = 1/2 by linear interpolation, (a(t) + a(t+h))/2 = a(t + h/2) + h² a''/8: the two
     * middle stages (weights 1/3 each) err by h³ a''/12 per step, so against the profile the error is
     * h² x(1) (a'(1) - a'(0))/12; for a = 1 + t²/2 that is e^{7/6}/12.
     */
    @Test
    void rk4ReadsInterpolatedWeightsSoItsOrderDropsToTwo() {
        WeightExpression a = WeightExpression.parse("1 + t^2/2");
        Derivation profile = TimeVaryingExpansion.leadingCoefficient(ButcherTableau.RK4, a, TimeVaryingExpansion.Reference.PROFILE);
        assertThat(profile.name()).endsWith("(power h^2)");
        assertThat(profile.value()).isCloseTo(Math.exp(7.0 / 6) / 12, within(1e-14));
    }

    private static final double E = Math.E;
    private static final double SIN1 = Math.sin(1);
    private static final double X1_COS = Math.exp(SIN1);

    /**
     * Every built-in tableau with two trigonometric weights, the periodic {@code 1 + sin(2 pi t)/2} (x(1) = e) and
     * {@code cos(t)} (x(1) = e^{sin 1}), against the profile. Expected values by hand where the derivation is short:
     * <ul>
     * <li>Euler: {@code -x(1) ∫(a² + a')/2}: -(9/16) e, and {@code e^{sin 1}(2 - 4 cos 1 - sin 2)/8} for cos.</li>
     * <li>A periodic weight kills every Euler-Maclaurin boundary term and every ∫ of an exact derivative, leaving
     * the constant-weight error constant: {@code log R(z) - z = -z^{p+1}/(p+1)! + ...} for order p with p+1 stages
     * matched, so ℓ_p = -∫ a^{p+1}/(p+1)!: {@code -(1/6) ∫(1 + s/2)³ = -11/48} for the second-order tableaux, and
     * {@code -(1/120) ∫(1 + s/2)^5 = -(1/120)(303/128) = -101/5120} for RK4 (its δ_5 = d4/80 - d0^5/120 and ∫ d4 = 0).</li>
     * <li>rk3, rk4, rk38 with cos: the linear interpolation of the stage weights (error c(1-c) h² a''/2 at c, weights
     * 2/3 at c = 1/2; 1/3 + 1/3 at c = 1/2; 3/8 + 3/8 at c = 1/3, 2/3) costs h² x(1)(a'(1) - a'(0))/12 in each, ahead
     * of their higher orders: -e^{sin 1} sin(1)/12.</li>
     * <li>The rest (rk3 and rk38 with the sine, the second-order tableaux with cos) against 60-digit Richardson
     * extrapolation of the same schemes in mpmath (N = 32..2048, 7 columns), an independent implementation.</li>
     * </ul>
     */
    static Stream<Arguments> trigonometricWeights() {
        String sine = "1 + sin(2*pi*t)/2";
        String cosine = "cos(t)";
        double rk4Cos = -X1_COS * SIN1 / 12;
        return Stream.of(
                Arguments.of(ButcherTableau.EULER, sine, 1, -9.0 / 16 * E),
                Arguments.of(ButcherTableau.EULER, cosine, 1, X1_COS * (2 - 4 * Math.cos(1) - Math.sin(2)) / 8),
                Arguments.of(ButcherTableau.HEUN, sine, 2, -11.0 / 48 * E),
                Arguments.of(ButcherTableau.HEUN, cosine, 2, -0.411218614758663273),
                Arguments.of(ButcherTableau.MIDPOINT, sine, 2, -11.0 / 48 * E),
                Arguments.of(ButcherTableau.MIDPOINT, cosine, 2, -0.205897076520117629),
                Arguments.of(ButcherTableau.RALSTON, sine, 2, -11.0 / 48 * E),
                Arguments.of(ButcherTableau.RALSTON, cosine, 2, -0.274337589266299510),
                Arguments.of(ButcherTableau.KUTTA3, sine, 3, 0.358061675775936159),
                Arguments.of(ButcherTableau.KUTTA3, cosine, 2, rk4Cos),
                Arguments.of(ButcherTableau.RK4, sine, 4, -101.0 / 5120 * E),
                Arguments.of(ButcherTableau.RK4, cosine, 2, rk4Cos),
                Arguments.of(ButcherTableau.RK38, sine, 4, 0.132685742906903743),
                Arguments.of(ButcherTableau.RK38, cosine, 2, rk4Cos));
    }

    @ParameterizedTest(name = "{0} with a(t) = {1}")
    @MethodSource("trigonometricWeights")
    void trigonometricWeightsForEveryBuiltInTableau(ButcherTableau tableau, String weight, int power, double expected) {
        Derivation d = TimeVaryingExpansion.leadingCoefficient(tableau, WeightExpression.parse(weight),
                TimeVaryingExpansion.Reference.PROFILE);
        assertThat(d.name()).endsWith("(power h^" + power + ")");
        assertThat(d.value()).isCloseTo(expected, within(1e-14 * Math.abs(expected)));
        assertThat(richardsonGap(d)).isLessThanOrEqualTo(TimeVaryingExpansion.RICHARDSON_AGREEMENT);
        assertThat(d.check()).startsWith("l_" + power + " agrees with Gauss-Legendre quadrature").doesNotContain("trapezoid");
    }

    /** The relative gap the derivation's Richardson check reports. */
    static double richardsonGap(Derivation d) {
        Matcher m = Pattern.compile("relative gap ([0-9.e+-]+) <=").matcher(d.check());
        assertThat(m.find()).as(d.check()).isTrue();
        return Double.parseDouble(m.group(1));
    }

    /**
     * Against the interpolated weights a periodic profile changes nothing up to RK4's h^4 (the trapezoid rule is exact
     * to all orders on periodic functions), while cos(t) lifts rk4 to order 4: the interpolation error it made
     * against the profile is now the reference's own.
     */
    @Test
    void interpolatedReference() {
        WeightExpression sine = WeightExpression.parse("1 + sin(2*pi*t)/2");
        Derivation periodic = TimeVaryingExpansion.leadingCoefficient(ButcherTableau.RK4, sine, TimeVaryingExpansion.Reference.INTERPOLATED);
        assertThat(periodic.name()).endsWith("(power h^4)");
        assertThat(periodic.value()).isCloseTo(-101.0 / 5120 * E, within(1e-16));
        assertThat(periodic.check()).contains("of the interpolated weights, the trapezoid rule");
        Derivation cosine = TimeVaryingExpansion.leadingCoefficient(ButcherTableau.RK4, WeightExpression.parse("cos(t)"),
                TimeVaryingExpansion.Reference.INTERPOLATED);
        assertThat(cosine.name()).endsWith("(power h^4)");
        assertThat(richardsonGap(cosine)).isLessThanOrEqualTo(TimeVaryingExpansion.RICHARDSON_AGREEMENT);
    }

    /**
     * The adjoint's recovery error x~_0 - x_0 with the same two weights. By hand: Euler's round trip is 1 - h² a_n², so
     * x~_0 - 1 ~ -h ∫ a² (-9/8; -(2 + sin 2)/4); Heun's is 1 - (h²/4)(a_{n+1} - a_n)² + h⁴ a_n² a_{n+1}²/4 (MATH.md
     * section 5), so x~_0 - 1 ~ h³ ∫ (a⁴ - a'²)/4 (227/512 - pi²/8; (-4 + 16 sin 2 + sin 4)/128). The others against
     * 60-digit Richardson (mpmath, N = 32..2048) on an independent forward-then-reverse implementation.
     */
    static Stream<Arguments> recoveryWithTrigonometricWeights() {
        String sine = "1 + sin(2*pi*t)/2";
        String cosine = "cos(t)";
        return Stream.of(
                Arguments.of(ButcherTableau.EULER, sine, 1, -9.0 / 8),
                Arguments.of(ButcherTableau.EULER, cosine, 1, -(2 + Math.sin(2)) / 4),
                Arguments.of(ButcherTableau.HEUN, sine, 3, 227.0 / 512 - Math.PI * Math.PI / 8),
                Arguments.of(ButcherTableau.HEUN, cosine, 3, (-4 + 16 * Math.sin(2) + Math.sin(4)) / 128),
                Arguments.of(ButcherTableau.MIDPOINT, sine, 3, 0.443359375000000000),
                Arguments.of(ButcherTableau.MIDPOINT, cosine, 3, 0.00429000389051082048),
                Arguments.of(ButcherTableau.RALSTON, sine, 3, 0.0321258582879434014),
                Arguments.of(ButcherTableau.RALSTON, cosine, 3, 0.0283598888798795545),
                Arguments.of(ButcherTableau.KUTTA3, sine, 3, 0.263447058378723266),
                Arguments.of(ButcherTableau.KUTTA3, cosine, 3, -0.0254998862862056742),
                Arguments.of(ButcherTableau.RK4, sine, 5, -0.0643527179808066948),
                Arguments.of(ButcherTableau.RK4, cosine, 5, 0.00369043140866710372),
                Arguments.of(ButcherTableau.RK38, sine, 5, -0.222135022135953418),
                Arguments.of(ButcherTableau.RK38, cosine, 5, -0.000782834826793187599));
    }

    @ParameterizedTest(name = "{0} with a(t) = {1}")
    @MethodSource("recoveryWithTrigonometricWeights")
    void adjointRecoveryErrorForEveryBuiltInTableau(ButcherTableau tableau, String weight, int power, double expected) {
        Derivation d = TimeVaryingExpansion.recoveryCoefficient(tableau, WeightExpression.parse(weight));
        assertThat(d.name()).startsWith("leading coefficient of the adjoint's recovery error x~_0 - x_0 for " + tableau.name())
                .endsWith("(power h^" + power + ")");
        assertThat(d.value()).isCloseTo(expected, within(1e-13 * Math.abs(expected)));
        assertThat(richardsonGap(d)).isLessThanOrEqualTo(TimeVaryingExpansion.RICHARDSON_AGREEMENT);
    }

    /** The round-off model that picks the Richardson ladder: ε sqrt(N) N^q |scale|. */
    @Test
    void roundOffGrowsLikeNToTheQPlusOneHalf() {
        assertThat(TimeVaryingExpansion.roundOff(16, 2, -3)).isEqualTo(Math.ulp(1.0) * 4 * 256 * 3);
        assertThat(TimeVaryingExpansion.roundOff(4, 5, 1)).isEqualTo(Math.ulp(1.0) * 2 * 1024);
    }

    /**
     * a = 1 + t^4 - 2t² has a'(0) = a'(1) = 0, so RK4's h² term (a'(1) - a'(0))/12 vanishes, and so does ℓ_3; the h^4
     * coefficient then has nonzero Euler-Maclaurin boundary terms (a''' differs at the ends): against 60-digit Richardson
     * extrapolation of an independent mpmath RK4 (N = 32..2048), -0.0606592190426029939. The check's reported numbers
     * are consistent with each other.
     */
    @Test
    void rk4WithEqualEndSlopesHasBoundaryTermsAtOrderFour() {
        Derivation d = TimeVaryingExpansion.leadingCoefficient(ButcherTableau.RK4, WeightExpression.parse("1 + t^4 - 2*t^2"),
                TimeVaryingExpansion.Reference.PROFILE);
        assertThat(d.name()).endsWith("(power h^4)");
        assertThat(d.value()).isCloseTo(-0.0606592190426029939, within(1e-15));
        Matcher m = Pattern.compile("gives ([-0-9.e]+) \\(x\\(1\\) = exp of the integral by Gauss-Legendre quadrature\\): relative gap "
                + "([0-9.e+-]+) <=").matcher(d.check());
        assertThat(m.find()).as(d.check()).isTrue();
        double measured = Double.parseDouble(m.group(1));
        double gap = Math.abs(measured - d.value()) / Math.abs(d.value());
        assertThat(Double.parseDouble(m.group(2))).isCloseTo(gap, within(0.01 * gap));
        // the ladder n0, 2 n0, ..., 2^L n0 with L = 1..3 and N <= 1024
        Matcher n = Pattern.compile("Richardson \\(N = ([0-9]+)\\.\\.([0-9]+)\\)").matcher(d.check());
        assertThat(n.find()).isTrue();
        int low = Integer.parseInt(n.group(1));
        int high = Integer.parseInt(n.group(2));
        assertThat(high).isIn(2 * low, 4 * low, 8 * low).isLessThanOrEqualTo(1024);
        Matcher q = Pattern.compile("l_4 agrees with Gauss-Legendre quadrature to ([0-9.e+-]+) of its scale").matcher(d.check());
        assertThat(q.find()).isTrue();
        assertThat(Double.parseDouble(q.group(1))).isLessThan(1e-13);
        assertThat(d.check()).contains("terms h^5..h^10) N^4");
    }
}
