package org.resnetode.checks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The strict number reader: plain ASCII decimal notation in, everything Java would also accept refused. */
class NumbersTest {
    @ParameterizedTest
    @CsvSource({"12,12", "-7,-7", "+3,3", "0.5,0.5", ".25,0.25", "2.,2", "1e-3,0.001", "-1E+2,-100", "1e-400,0"})
    void plainDecimalsAreRead(String text, double expected) {
        assertThat(Numbers.parseDouble("x", text)).isEqualTo(expected);
    }

    @ParameterizedTest
    @ValueSource(strings = {"1f", "2d", "0x1p0", "NaN", "Infinity", "-Infinity", "\u0661", " 1", "1 ", "", "1_0", "+-1",
            "1e", "e1", ".", "1..2", "1e1.5"})
    void javasOwnSyntaxIsRefused(String text) {
        assertThatThrownBy(() -> Numbers.parseDouble("--x", text)).isInstanceOf(BadInputException.class)
                .hasMessageStartingWith("--x: '").hasMessageContaining("is not a decimal number");
    }

    @ParameterizedTest
    @ValueSource(strings = {"1e309", "-2e308"})
    void decimalsBeyondADoubleAreRefused(String text) {
        assertThatThrownBy(() -> Numbers.parseDouble("", text)).hasMessage("'" + text + "' overflows a double (largest about 1.8e308)");
    }

    @ParameterizedTest
    @CsvSource({"0,0", "-2147483648,-2147483648", "2147483647,2147483647", "+5,5"})
    void wholeNumbersAreRead(String text, int expected) {
        assertThat(Numbers.parseInt("n", text)).isEqualTo(expected);
    }

    @ParameterizedTest
    @ValueSource(strings = {"2147483648", "-2147483649"})
    void wholeNumbersBeyondAnIntAreRefused(String text) {
        assertThatThrownBy(() -> Numbers.parseInt("n", text)).hasMessage("n: '" + text
                + "' is beyond the range of a whole number here (-2147483648 to 2147483647)");
    }

    @ParameterizedTest
    @ValueSource(strings = {"1.0", "1e3", "0x10", "\u0661", "1L", "", " 2"})
    void wholeNumbersInOtherSyntaxAreRefused(String text) {
        assertThatThrownBy(() -> Numbers.parseLong("n", text)).hasMessageContaining("is not a whole number");
    }

    @ParameterizedTest
    @CsvSource({"9223372036854775807,9223372036854775807", "-9223372036854775808,-9223372036854775808"})
    void longsToTheirLimits(String text, long expected) {
        assertThat(Numbers.parseLong("n", text)).isEqualTo(expected);
    }

    @ParameterizedTest
    @ValueSource(strings = {"9223372036854775808", "-9223372036854775809"})
    void longsBeyondAreRefused(String text) {
        assertThatThrownBy(() -> Numbers.parseLong("", text)).hasMessageStartingWith("'" + text + "' is beyond the range");
    }

    @org.junit.jupiter.api.Test
    void nothingIsNotANumber() {
        assertThatThrownBy(() -> Numbers.parseDouble("x", null)).hasMessage("x: nothing is not a decimal number (plain notation like 0.5, -2, 1e-3)");
        assertThatThrownBy(() -> Numbers.parseLong("x", null)).hasMessageContaining("nothing is not a whole number");
    }

    @org.junit.jupiter.api.Test
    void dataCellsAreDecimalsOrTheNonFiniteNamesTheReadersRefuseThemselves() {
        for (String ok : new String[] {"1", "-0.5", ".25", "1e-3", "NaN", "-Infinity", "+Infinity"}) {
            org.assertj.core.api.Assertions.assertThat(Numbers.isDataNumber(ok)).as(ok).isTrue();
        }
        for (String no : new String[] {"1f", "0x1p0", "\u0661", "nan", "Inf", "", " 1", "1_0"}) {
            org.assertj.core.api.Assertions.assertThat(Numbers.isDataNumber(no)).as(no).isFalse();
        }
        org.assertj.core.api.Assertions.assertThat(Numbers.isDataNumber(null)).isFalse();
    }
}
