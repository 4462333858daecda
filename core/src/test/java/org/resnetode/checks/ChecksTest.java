package org.resnetode.checks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The one judge: each check at its boundary (the value just inside passes unchanged, the one just outside is refused). */
class ChecksTest {
    @Test
    void wholeNumberRanges() {
        assertThat(Checks.positive("n", 1)).isEqualTo(1);
        assertThatThrownBy(() -> Checks.positive("n", 0)).isInstanceOf(BadInputException.class)
                .hasMessage("n must be at least 1, got 0");
        assertThat(Checks.atLeast("n", 0, 0)).isZero();
        assertThatThrownBy(() -> Checks.atLeast("n", -1, 0)).hasMessage("n must be at least 0, got -1");
        assertThat(Checks.inRange("k", 1, 1, 3)).isEqualTo(1);
        assertThat(Checks.inRange("k", 3, 1, 3)).isEqualTo(3);
        assertThatThrownBy(() -> Checks.inRange("k", 0, 1, 3)).hasMessage("k must be between 1 and 3, got 0");
        assertThatThrownBy(() -> Checks.inRange("k", 4, 1, 3)).hasMessage("k must be between 1 and 3, got 4");
    }

    @Test
    void decimalRanges() {
        assertThat(Checks.finite("x", -1e308)).isEqualTo(-1e308);
        assertThatThrownBy(() -> Checks.finite("x", Double.NaN)).hasMessage("x must be a finite number, got NaN");
        assertThatThrownBy(() -> Checks.finite("x", Double.NEGATIVE_INFINITY)).isInstanceOf(BadInputException.class);
        assertThat(Checks.positive("r", Double.MIN_VALUE)).isEqualTo(Double.MIN_VALUE);
        assertThatThrownBy(() -> Checks.positive("r", 0.0)).hasMessage("r must be greater than 0, got 0.0");
        assertThatThrownBy(() -> Checks.positive("r", Double.POSITIVE_INFINITY)).hasMessageContaining("finite");
        assertThat(Checks.openInterval("m", 0.5, 0, 1)).isEqualTo(0.5);
        assertThatThrownBy(() -> Checks.openInterval("m", 0, 0, 1)).hasMessage("m must lie strictly between 0.0 and 1.0, got 0.0");
        assertThatThrownBy(() -> Checks.openInterval("m", 1, 0, 1)).isInstanceOf(BadInputException.class);
        assertThatThrownBy(() -> Checks.openInterval("m", Double.NaN, 0, 1)).isInstanceOf(BadInputException.class);
    }

    @Test
    void readableFilesAreTheOnlyInputFiles(@TempDir Path dir) throws IOException {
        Path file = Files.writeString(dir.resolve("net.json"), "{}");
        assertThat(Checks.readableFile("--network " + file, file)).isEqualTo(file);
        assertThatThrownBy(() -> Checks.readableFile("--network " + dir, dir)).isInstanceOf(BadInputException.class)
                .hasMessage("--network " + dir + ": is a directory, not a file");
        Path missing = dir.resolve("absent.json");
        assertThatThrownBy(() -> Checks.readableFile(missing.toString(), missing)).hasMessage(missing + ": no such file");
    }

    @Test
    void arrays() {
        double[] ok = {1, -2};
        assertThat(Checks.finite("v", ok)).isSameAs(ok);
        assertThatThrownBy(() -> Checks.finite("v", new double[] {1, Double.NaN})).hasMessage("v must be finite, but entry 1 is NaN");
        assertThat(Checks.length("v", ok, 2)).isSameAs(ok);
        assertThatThrownBy(() -> Checks.length("v", ok, 3)).hasMessage("v must have 3 entries, got 2");
        assertThat(Checks.arrayFits("w", Checks.ARRAY_LIMIT)).isEqualTo(Checks.ARRAY_LIMIT);
        assertThat(Checks.arrayFits("w", 0)).isZero();
        assertThatThrownBy(() -> Checks.arrayFits("w", Checks.ARRAY_LIMIT + 1))
                .hasMessage("w needs 2147483640 doubles in one array, more than the 2147483639 a Java array holds");
        assertThatThrownBy(() -> Checks.arrayFits("w", -1)).hasMessageContaining("more than 2^63");
    }

    @Test
    void laddersAreNonEmptyAboveTheirMinimumAndWithoutRepeats() {
        int[] ladder = {2, 4, 8};
        assertThat(Checks.ladder("l", ladder, 2)).isSameAs(ladder);
        assertThatThrownBy(() -> Checks.ladder("l", new int[0], 1)).hasMessage("l is empty");
        assertThatThrownBy(() -> Checks.ladder("l", new int[] {1, 4}, 2)).hasMessage("l: depth 1 is below 2, the smallest depth here");
        assertThatThrownBy(() -> Checks.ladder("l", new int[] {4, 8, 4}, 1)).hasMessage("l: depth 4 appears twice [4, 8, 4]");
    }

    @Test
    void namesAndConditions() {
        assertThat(Checks.oneOf("family", "tanh", List.of("tanh", "mlp"))).isEqualTo("tanh");
        assertThatThrownBy(() -> Checks.oneOf("family", "rnn\n", List.of("tanh", "mlp")))
                .hasMessage("unknown family 'rnn\\x0a' (expected one of [tanh, mlp])");
        Checks.require(true, "never");
        assertThatThrownBy(() -> Checks.require(false, "said")).isInstanceOf(BadInputException.class).hasMessage("said");
        BadInputException withCause = new BadInputException("m", new IllegalStateException("c"));
        assertThat(withCause.getCause()).hasMessage("c");
    }
}
