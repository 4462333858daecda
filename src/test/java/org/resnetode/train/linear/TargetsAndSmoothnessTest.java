package org.resnetode.train.linear;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Target specifications (random, diagonal, file) with their one-line errors; S(t) and the Richardson limit distance. */
class TargetsAndSmoothnessTest {

    @Test
    void randomTargetIsIdentityPlusScaledGaussian() {
        double[] b0 = Targets.random(0, 3, 7);
        assertThat(b0).containsExactly(new double[] {1, 0, 0, 0, 1, 0, 0, 0, 1}, within(0.0));
        double[] b1 = Targets.random(0.5, 3, 7);
        double[] b2 = Targets.random(1.0, 3, 7);
        for (int i = 0; i < 9; i++) {
            double identity = i % 4 == 0 ? 1 : 0;
            assertThat(b2[i] - identity).isCloseTo(2 * (b1[i] - identity), within(1e-15));
        }
        assertThat(Targets.parse("random:0.5", 3, 7)).containsExactly(b1);
        assertThat(Targets.parse("random:0.5", 3, 8)).isNotEqualTo(b1);
    }

    @Test
    void diagonalAndFileTargets(@TempDir Path dir) throws Exception {
        assertThat(Targets.parse("diagonal:0.5,2", 2, 1)).containsExactly(0.5, 0, 0, 2);
        Path f = dir.resolve("b.txt");
        Files.writeString(f, "# a target\n1, 2\n\n3 4  # second row\n");
        assertThat(Targets.parse(f.toString(), 2, 1)).containsExactly(1, 2, 3, 4);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "random:x|random target scale 'x' is not a number",
            "random:-1|random target scale must be finite and >= 0, got -1.0",
            "random:NaN|random target scale is NaN",
            "diagonal:1,2,3|diagonal target has 3 entries, the dimension is 2",
            "diagonal:1,-2|diagonal entry 2 is -2.0, must be positive",
            "diagonal:1,Infinity|diagonal entry 2 is Infinity",
            "no-such-file.txt|is neither random:s nor diagonal:b1,... and cannot be read as a file"})
    void malformedSpecificationsAreOneLine(String spec, String message) {
        assertThatThrownBy(() -> Targets.parse(spec, 2, 1)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining(message);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "1 2 3\\n4 5 6|line 1 has 3 entries, the dimension is 2",
            "1 2|1 rows, the dimension is 2",
            "1 2\\n3 NaN|line 2 entry 2 is NaN",
            "1 2\\n3 x|line 2 entry 2 'x' is not a number"})
    void malformedFilesAreOneLine(String content, String message, @TempDir Path dir) throws Exception {
        Path f = dir.resolve("b.txt");
        Files.writeString(f, content.replace("\\n", "\n"));
        assertThatThrownBy(() -> Targets.parse(f.toString(), 2, 1)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(message);
    }

    @Test
    void smoothnessIsDepthTimesTheLargestLayerJump() {
        // d = 1, layers 0, 0.1, 0.5, 0.4: jumps 0.1, 0.4, 0.1 -> S = 4 × 0.4
        assertThat(Smoothness.of(new double[] {0, 0.1, 0.5, 0.4}, 1, 4)).isCloseTo(1.6, within(1e-15));
        assertThat(Smoothness.of(new double[] {3}, 1, 1)).isZero();
        // d = 2: Frobenius norm of the jump (3, 4, 0, 0) is 5, N = 2
        assertThat(Smoothness.of(new double[] {0, 0, 0, 0, 3, 4, 0, 0}, 2, 2)).isCloseTo(10, within(1e-15));
    }

    /** A^N_n = f(t_n) + c/N exactly: the Richardson estimate 2 max_n ||A^N_n - A^{2N}_{2n}|| recovers |c|/N. */
    @Test
    void limitDistanceRecoversTheFirstOrderTerm() {
        int depth = 8;
        double c = 0.7;
        double[] a = new double[depth];
        double[] doubled = new double[2 * depth];
        for (int n = 0; n < depth; n++) {
            a[n] = Math.sin(n / (double) depth) + c / depth;
        }
        for (int n = 0; n < 2 * depth; n++) {
            doubled[n] = Math.sin(n / (2.0 * depth)) + c / (2 * depth);
        }
        assertThat(Smoothness.limitDistance(a, depth, doubled, 1)).isCloseTo(c / depth, within(1e-15));
        double[] even = Smoothness.evenLayers(doubled, depth, 1);
        assertThat(even[3]).isEqualTo(doubled[6]);
        assertThat(Smoothness.limitDistanceFromEven(a, even, 1)).isCloseTo(c / depth, within(1e-15));
        assertThatThrownBy(() -> Smoothness.limitDistance(a, depth, a, 1)).hasMessageContaining("limit distance");
        assertThatThrownBy(() -> Smoothness.limitDistanceFromEven(a, doubled, 1)).hasMessageContaining("limit distance");
    }
}
