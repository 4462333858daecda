package org.resnetode.train.linear;

import org.resnetode.checks.BadInputException;
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
        assertThatThrownBy(() -> Targets.parse(spec, 2, 1)).isInstanceOf(BadInputException.class).hasMessageContaining(message);
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
        assertThatThrownBy(() -> Targets.parse(f.toString(), 2, 1)).isInstanceOf(BadInputException.class)
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

    /** Layers at t_n = n/N of a deeper network: stride M/N, by hand; the largest blockwise Frobenius distance. */
    @Test
    void layersAtTheCoarseTimesAndTheLargestLayerDistance() {
        // d = 1, M = 8 layers 0..7 read at N = 2: t = 0 and 1/2 are layers 0 and 4
        double[] deep = {0, 1, 2, 3, 4, 5, 6, 7};
        assertThat(Smoothness.layersAt(deep, 8, 2, 1)).containsExactly(0, 4);
        assertThat(Smoothness.layersAt(deep, 8, 8, 1)).containsExactly(deep);
        assertThat(Smoothness.layersAt(deep, 8, 1, 1)).containsExactly(0);
        // d = 2, M = 4 blocks read at N = 2: blocks 0 and 2
        double[] blocks = {1, 2, 3, 4, 9, 9, 9, 9, 5, 6, 7, 8, 9, 9, 9, 9};
        assertThat(Smoothness.layersAt(blocks, 4, 2, 2)).containsExactly(1, 2, 3, 4, 5, 6, 7, 8);
        assertThatThrownBy(() -> Smoothness.layersAt(deep, 8, 3, 1)).hasMessageContaining("a multiple of 3");
        assertThatThrownBy(() -> Smoothness.layersAt(deep, 8, 0, 1)).hasMessageContaining("t_n = n/0");
        assertThatThrownBy(() -> Smoothness.layersAt(deep, 4, 2, 1)).hasMessageContaining("expected 4 layers of 1×1");
        // blocks (3, 4, 0, 0) and (0, 0, 1, 0) apart: 5 and 1
        double[] a = {3, 4, 0, 0, 0, 0, 1, 0};
        assertThat(Smoothness.largestLayerDistance(a, new double[8], 2)).isEqualTo(5);
        assertThat(Smoothness.largestLayerDistance(new double[8], a, 2)).isEqualTo(5);
        assertThat(Smoothness.largestLayerDistance(new double[] {0, 0, 0, 0, 0, 0, 1, 0}, a, 2)).isEqualTo(5);
        assertThatThrownBy(() -> Smoothness.largestLayerDistance(a, new double[4], 2)).hasMessage("layer distance: 8 and 4 weights");
    }

    /** In d = 2 (blocks of 4): A^N_n = f(t_n) + C/N with a matrix C, so the estimate is ||C||_F / N. */
    @Test
    void limitDistanceInTwoDimensions() {
        int depth = 4;
        double[] c = {0.3, -0.4, 1.2, 0};
        double[] a = new double[depth * 4];
        double[] doubled = new double[2 * depth * 4];
        for (int n = 0; n < 2 * depth; n++) {
            for (int i = 0; i < 4; i++) {
                double t = n / (2.0 * depth);
                doubled[n * 4 + i] = Math.cos(t + i) + c[i] / (2 * depth);
                if (n % 2 == 0) {
                    a[n / 2 * 4 + i] = Math.cos(t + i) + c[i] / depth;
                }
            }
        }
        assertThat(Smoothness.limitDistance(a, depth, doubled, 2)).isCloseTo(1.3 / depth, within(1e-15));
        double[] even = Smoothness.evenLayers(doubled, depth, 2);
        assertThat(even).hasSize(depth * 4);
        for (int n = 0; n < depth; n++) {
            for (int i = 0; i < 4; i++) {
                assertThat(even[n * 4 + i]).isEqualTo(doubled[2 * n * 4 + i]);
            }
        }
        assertThat(Smoothness.limitDistanceFromEven(a, even, 2)).isCloseTo(1.3 / depth, within(1e-15));
        // S of the doubled network: 2N max_n ||A_{n+1} - A_n||, by hand from the cosines
        double max = 0;
        for (int n = 0; n + 1 < 2 * depth; n++) {
            double s = 0;
            for (int i = 0; i < 4; i++) {
                double diff = Math.cos((n + 1) / (2.0 * depth) + i) - Math.cos(n / (2.0 * depth) + i);
                s += diff * diff;
            }
            max = Math.max(max, Math.sqrt(s));
        }
        assertThat(Smoothness.of(doubled, 2, 2 * depth)).isCloseTo(2 * depth * max, within(1e-14));
    }

    @Test
    void randomTargetScalesTheDrawsByOneOverRootD() {
        java.util.SplittableRandom rng = new java.util.SplittableRandom(11);
        double[] b = Targets.random(1.0, 4, 11);
        for (int i = 0; i < 16; i++) {
            double g = org.resnetode.model.Gaussian.next(rng);
            assertThat(b[i]).isCloseTo((i % 5 == 0 ? 1 : 0) + g / 2, within(1e-15));
        }
        assertThatThrownBy(() -> Targets.parse("random:1", 0, 1)).hasMessage("dimension must be at least 1, got 0");
        assertThat(Targets.parse("diagonal:3", 1, 1)).containsExactly(3);
        assertThatThrownBy(() -> Targets.parse("diagonal:1,0", 2, 1)).hasMessageContaining("diagonal entry 2 is 0.0, must be positive");
        assertThatThrownBy(() -> org.resnetode.train.linear.LinearLoss.matrix(new double[] {1, 0, Double.NaN, 1}, 2))
                .hasMessage("target entry 2 is NaN");
        assertThatThrownBy(() -> org.resnetode.train.linear.LinearLoss.matrix(new double[5], 2))
                .hasMessage("target: expected a 2×2 matrix (4 values), got 5");
        assertThatThrownBy(() -> org.resnetode.train.linear.LinearLoss.dataSet(new double[2], new double[] {0, Double.NaN}, 1, 2))
                .hasMessage("data set target entry 1 is NaN");
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
        assertThatThrownBy(() -> Smoothness.limitDistance(a, depth, a, 1)).hasMessage("limit distance: expected 8 and 16 layers of 1×1");
        assertThatThrownBy(() -> Smoothness.limitDistanceFromEven(a, doubled, 1)).hasMessageContaining("limit distance");
    }
}
