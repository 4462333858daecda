package org.resnetode.symbolic;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.math.MathContext;
import org.apache.commons.math3.fraction.BigFraction;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.resnetode.scheme.ButcherTableau;
import org.resnetode.scheme.Scheme;

/**
 * The 60-digit closed form of a scalar linear ResNet and its ODE against independent routes: the network by
 * {@link ExactResNet} (stage vectors in exact fractions), the ODE's exponent as an exact fraction summed here, and its
 * exponential by a Taylor series in exact fractions (remainder below 10^-90).
 */
class ScalarLinearNetworkTest {
    private static final MathContext DIGITS = new MathContext(70);

    @ParameterizedTest(name = "{0}, N = {1}, a(t) = {2}")
    @CsvSource({"euler, 16, sin(t)", "heun, 8, 1 + t", "rk4, 16, sin(t)", "rk3, 5, 1 - 2*t^2", "midpoint, 12, cos(3*t)",
            "euler, 7, -2", "rk38, 4, 1/3"})
    void closedFormAgreesWithExactFractions(String scheme, int depth, String weight) {
        ButcherTableau tableau = Scheme.byName(scheme).tableau();
        ScalarLinearNetwork network = ScalarLinearNetwork.sampled(tableau, WeightExpression.parse(weight).function(), depth);
        double[] w = network.weights();
        BigFraction[][][] weights = new BigFraction[w.length][1][1];
        for (int k = 0; k < w.length; k++) {
            weights[k][0][0] = new BigFraction(w[k]);
        }
        BigFraction output = ExactResNet.forward(tableau, weights, new BigFraction[] {BigFraction.ONE}, depth)[0];
        // I = h Σ_{k<K} (w_k + w_{k+1})/2 + (N - K) h w_K, K the last knot
        int last = w.length - 1;
        BigFraction h = new BigFraction(1, depth);
        BigFraction exponent = BigFraction.ZERO;
        for (int k = 0; k < last; k++) {
            exponent = exponent.add(weights[k][0][0].add(weights[k + 1][0][0]).multiply(h).divide(2));
        }
        exponent = exponent.add(weights[last][0][0].multiply(h).multiply(depth - last));
        BigDecimal ode = decimal(exp(exponent));
        assertThat(network.output().subtract(decimal(output)).abs()).isLessThanOrEqualTo(decimal(output).abs().movePointLeft(55));
        assertThat(network.odeSolution().subtract(ode).abs()).isLessThanOrEqualTo(ode.movePointLeft(55));
        BigDecimal error = decimal(output).subtract(ode);
        assertThat(network.error().subtract(error).abs()).isLessThanOrEqualTo(ode.movePointLeft(55));
        assertThat(network.error().signum()).isNotZero();
    }

    @Test
    void exponentsAreTheTrapezoidSumsUpToTheLastKnotThenConstant() {
        // Euler, N = 4, a = 1 + t: knots 0..3/4, I(t_k) = t_k + t_k²/2, then w_3 = 7/4 over the last quarter
        BigDecimal[] i = ScalarLinearNetwork.sampled(ButcherTableau.EULER, t -> 1 + t, 4).exponents();
        assertThat(i).hasSize(5);
        assertThat(i[3].doubleValue()).isEqualTo(0.75 + 0.75 * 0.75 / 2);
        assertThat(i[4].doubleValue()).isEqualTo(0.75 + 0.75 * 0.75 / 2 + 0.25 * 1.75);
        // Heun reads w_4 = a(1): the trapezoid of a linear weight is exact, I(1) = 3/2
        BigDecimal[] heun = ScalarLinearNetwork.sampled(ButcherTableau.HEUN, t -> 1 + t, 4).exponents();
        assertThat(heun).hasSize(6);
        assertThat(heun[5].compareTo(new BigDecimal("1.5"))).isZero();
        assertThat(heun[4].compareTo(new BigDecimal("1.5"))).isZero();
    }

    @ParameterizedTest
    @CsvSource({"-37.5", "-2", "-0.5", "0", "0.3", "0.5", "0.75", "1", "7.125", "50.25"})
    void expAgreesWithTheExactTaylorSeries(String x) {
        BigDecimal expected = decimal(exp(fraction(new BigDecimal(x))));
        BigDecimal got = ScalarLinearNetwork.exp(new BigDecimal(x));
        assertThat(got.subtract(expected).abs()).isLessThanOrEqualTo(expected.movePointLeft(58));
        assertThat(got.precision()).isLessThanOrEqualTo(ScalarLinearNetwork.PRECISION.getPrecision());
    }

    @Test
    void theWeightCountMustBeTheSchemes() {
        assertThatThrownBy(() -> new ScalarLinearNetwork(ButcherTableau.HEUN, new double[4], 4))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("reads 5 weights, got 4");
        ScalarLinearNetwork euler = new ScalarLinearNetwork(ButcherTableau.EULER, new double[] {1, 2}, 2);
        assertThat(euler.depth()).isEqualTo(2);
        assertThat(euler.tableau()).isSameAs(ButcherTableau.EULER);
        // x_2 = (1 + 1/2)(1 + 1) = 3 exactly, and the double network agrees
        assertThat(euler.output().compareTo(BigDecimal.valueOf(3))).isZero();
        double[] out = new double[1];
        euler.resNet().forward(new double[] {1}, out);
        assertThat(out[0]).isEqualTo(3.0);
    }

    /** {@code e^x = Σ_{j<=J} x^j/j!} for |x| <= 1 by squaring: x is halved until |x| <= 1, 120 terms (remainder < 1e-190). */
    static BigFraction exp(BigFraction x) {
        int k = 0;
        while (x.abs().compareTo(BigFraction.ONE) > 0) {
            x = x.divide(2);
            k++;
        }
        BigFraction sum = BigFraction.ZERO;
        BigFraction term = BigFraction.ONE;
        for (int j = 1; j <= 121; j++) {
            sum = sum.add(term);
            term = term.multiply(x).divide(j);
            // keep the fractions small: rounding the term to 200 digits is far below the remainder that matters
            term = rounded(term);
        }
        for (int i = 0; i < k; i++) {
            sum = sum.multiply(sum);
            sum = rounded(sum);
        }
        return sum;
    }

    /** f to 200 significant digits, as a fraction. */
    private static BigFraction rounded(BigFraction f) {
        return fraction(new BigDecimal(f.getNumerator()).divide(new BigDecimal(f.getDenominator()), new MathContext(200)));
    }

    /** A decimal exactly, as a fraction. */
    private static BigFraction fraction(BigDecimal d) {
        return d.scale() >= 0 ? new BigFraction(d.unscaledValue(), java.math.BigInteger.TEN.pow(d.scale()))
                : new BigFraction(d.toBigIntegerExact());
    }

    static BigDecimal decimal(BigFraction f) {
        return new BigDecimal(f.getNumerator()).divide(new BigDecimal(f.getDenominator()), DIGITS);
    }
}
