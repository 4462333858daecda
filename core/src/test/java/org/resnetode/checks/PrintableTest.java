package org.resnetode.checks;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Text from an input made one visible line: the escapes written by hand from the code points. */
class PrintableTest {
    @Test
    void ofEscapesEverythingButPrintableAsciiAndCuts() {
        assertThat(Printable.of("ab", 2)).isEqualTo("ab");
        assertThat(Printable.of("abc", 2)).isEqualTo("ab...");
        assertThat(Printable.of("a\nb\u007f\u00e9\u0661 ~", 10)).isEqualTo("a\\x0ab\\x7f\\xe9\\u0661 ~");
        assertThat(Printable.of("\u001f", 1)).isEqualTo("\\x1f");
        assertThat(Printable.of("\u00ff\u0100", 2)).isEqualTo("\\xff\\u0100");
    }

    @Test
    void lineKeepsVisibleTextAndEscapesTheInvisible() {
        assertThat(Printable.line("θ ≈ 1, naïve")).isEqualTo("θ ≈ 1, naïve");
        assertThat(Printable.line("a\tb\r\nc")).isEqualTo("a\\x09b\\x0d\\x0ac");
        assertThat(Printable.line("x\u200by\u202ez\u2028w\u00a0v\ue000u\ud800")).isEqualTo("x\\u200by\\u202ez\\u2028w\\xa0v\\ue000u\\ud800");
        assertThat(Printable.line("\u0378")).isEqualTo("\\u0378");
        assertThat(Printable.line("a b")).isEqualTo("a b");
    }
}
