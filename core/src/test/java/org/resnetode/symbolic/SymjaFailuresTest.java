package org.resnetode.symbolic;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.apache.commons.math3.complex.Complex;
import org.junit.jupiter.api.Test;
import org.resnetode.scheme.ButcherTableau;

/** Each Symja failure mode met gives a clear error naming the derivation, never a number. */
class SymjaFailuresTest {

    /** Symja 3.0.0 returns Series((1+a*h)^(1/h), ...) unevaluated: the guard refuses it. */
    @Test
    void unevaluatedResult() {
        assertThatThrownBy(() -> SymbolicEngine.derive("direct series of (1+ah)^(1/h)",
                () -> SymbolicEngine.evalEvaluated("Series((1+a*h)^(1/h),{h,0,2})", "Series")))
                .isInstanceOf(SymbolicFailure.class)
                .hasMessageStartingWith("derivation 'direct series of (1+ah)^(1/h)': Symja left Series unevaluated");
    }

    /**
     * Symja's Series at Infinity of (1+a/n)^n returns E^a + O(...), dropping the -a² e^a/(2n) term: the Cauchy-integral
     * check every expansion runs rejects those coefficients.
     */
    @Test
    void wrongSeries() {
        String wrong = SymbolicEngine.eval("Normal(Series((1+a/n)^n,{n,Infinity,1}))");
        assertThat(wrong).isEqualTo("E^a");
        double a = 0.5;
        double[] symja = {SymbolicEngine.evalNumeric("ReplaceAll(" + wrong + ", a->1/2)"), 0.0};
        assertThatThrownBy(() -> SymbolicEngine.derive("expansion at infinity", () -> {
            CauchyCoefficients.of(z -> Complex.ONE.add(z.multiply(a)).log().divide(z).exp(), 0.5, 1)
                    .check(symja, "Series at Infinity");
            return null;
        })).isInstanceOf(SymbolicFailure.class).hasMessageStartingWith("derivation 'expansion at infinity': Series at Infinity: "
                + "Symja coefficient c_1 = 0");
    }

    /** Symja prints an integer of more than 80 digits with a backslash every 80 digits; eval's text parses back. */
    @Test
    void longIntegersPrintAsTextSymjaParsesBack() {
        String big = "1" + "0".repeat(200);
        String printed = SymbolicEngine.eval(big + " + x/3");
        assertThat(printed).isEqualTo(big + "+x/3");
        assertThat(SymbolicEngine.eval(printed + " - x/3")).isEqualTo(big);
    }

    /** Past the time limit the evaluation is stopped and named; the engine then works again. */
    @Test
    void timeOut() {
        Duration before = SymbolicEngine.timeLimit();
        // Symja loaded first: a time-out inside its class initialisation would interrupt Log4j's, which then complains
        assertThat(SymbolicEngine.eval("2+2")).isEqualTo("4");
        // parsed before the limit: parsing asks Symja too (PossibleZeroQ of each divisor), outside any derivation, and a
        // loaded machine made that call the one to run past 1 ms
        WeightExpression a = WeightExpression.parse("1 + sin(2*pi*t)/2 + cos(4*pi*t)/3");
        try {
            SymbolicEngine.setTimeLimit(Duration.ofMillis(1));
            assertThatThrownBy(() -> TimeVaryingExpansion.leadingCoefficient(ButcherTableau.HEUN, a,
                    TimeVaryingExpansion.Reference.PROFILE))
                    .isInstanceOf(SymbolicFailure.class).hasCauseInstanceOf(TimeLimitExceeded.class)
                    .hasMessageContaining("derivation 'leading coefficient of x_N - x(1) for heun")
                    .hasMessageContaining("ran past the time limit of 1 ms");
        } finally {
            SymbolicEngine.setTimeLimit(before);
        }
        assertThat(SymbolicEngine.eval("1+1")).isEqualTo("2");
        assertThatThrownBy(() -> SymbolicEngine.setTimeLimit(Duration.ZERO)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void weightExpressionsParseOrSayWhy() {
        WeightExpression w = WeightExpression.parse("1 + 2*t^2 - sin(pi*t)/2 + cos(3*t) ");
        assertThat(w.text()).isEqualTo("1 + 2*t^2 - sin(pi*t)/2 + cos(3*t) ");
        assertThat(WeightExpression.parse("+t^0 - -2").function().applyAsDouble(5)).isEqualTo(3);
        double t = 0.3;
        assertThat(w.function().applyAsDouble(t)).isEqualTo(1 + 2 * t * t - Math.sin(Math.PI * t) / 2 + Math.cos(3 * t));
        assertThat(SymbolicEngine.evalNumeric("ReplaceAll(" + w.symja() + ", t->3/10)")).isEqualTo(w.function().applyAsDouble(t),
                org.assertj.core.api.Assertions.within(1e-15));
        assertThatThrownBy(() -> WeightExpression.parse("1 + exp(t)")).hasMessage("weight expression '1 + exp(t)': unknown name 'exp' (expected t, pi, sin, cos) at character 5");
        assertThatThrownBy(() -> WeightExpression.parse("1/t")).hasMessageContaining("division by an expression in t");
        assertThatThrownBy(() -> WeightExpression.parse("t^x")).hasMessageContaining("expected an integer exponent 0..20");
        assertThatThrownBy(() -> WeightExpression.parse("(1 + t")).hasMessageContaining("expected ')'");
        assertThatThrownBy(() -> WeightExpression.parse("1 +")).hasMessageContaining("unexpected end");
        assertThatThrownBy(() -> WeightExpression.parse("1..2")).hasMessageContaining("malformed number");
        assertThatThrownBy(() -> WeightExpression.parse("2 t")).hasMessageContaining("unexpected 't' at character 3");
    }
}
