package org.resnetode.claim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.resnetode.checks.BadInputException;
import org.resnetode.network.WeightKinds;

/** Reading the user's gradients: the layer axes of each kind's array, scalar kinds, and the counts that must agree. */
class GradientAuditInputTest {
    @TempDir
    Path dir;

    GradientAuditInput read(List<WeightKinds.Kind> kinds, Map<String, Object> arrays) {
        return GradientAuditInput.read("--gradients", UserImplementations.writeNpz(dir.resolve("g.npz"), new LinkedHashMap<>(arrays)), kinds);
    }

    @Test
    void aScalarKindIsALayerVectorOrAStepsTimesStagesMatrix() {
        List<WeightKinds.Kind> theta = WeightKinds.of("theta2", 1, 0);
        GradientAuditInput layers = read(theta, Map.of("theta", new double[] {1, 2, 3, 4, 5}));
        assertThat(layers.layers()).isEqualTo(5);
        assertThat(layers.data()).containsExactly(1, 2, 3, 4, 5);
        assertThat(read(theta, Map.of("theta", new double[][] {{1, 2}, {3, 4}, {5, 6}})).layers()).isEqualTo(6);
        assertThat(read(theta, Map.of("theta", new double[][][] {{{1}}, {{2}}})).layers()).isEqualTo(2);
        assertThatThrownBy(() -> read(theta, Map.of("theta", new double[][][] {{{1, 2}, {3, 4}}}))).isInstanceOf(BadInputException.class)
                .hasMessageContaining("array 'theta' has shape [1, 2, 2], expected (layers, 1, 1)");
    }

    @Test
    void oneLayerIsEnoughAndNoneIsBadInput() throws java.io.IOException {
        List<WeightKinds.Kind> w = WeightKinds.of("tanh", 2, 0);
        GradientAuditInput one = read(w, Map.of("W", new double[][][] {{{1, 2}, {3, 4.5}}}));
        assertThat(one.layers()).isEqualTo(1);
        assertThat(one.size()).isEqualTo(4);
        assertThat(one.singlePrecision()).isTrue();
        Path empty = dir.resolve("empty.npz");
        try (java.util.zip.ZipOutputStream zip = new java.util.zip.ZipOutputStream(java.nio.file.Files.newOutputStream(empty))) {
            zip.putNextEntry(new java.util.zip.ZipEntry("W.npy"));
            zip.write(UserImplementations.npy(new double[0], List.of(0, 2, 2)));
            zip.closeEntry();
        }
        assertThatThrownBy(() -> GradientAuditInput.read("--gradients", empty, w)).isInstanceOf(BadInputException.class)
                .hasMessageContaining(": no layers");
    }

    @Test
    void everyKindHoldsTheSameNumberOfLayers() {
        List<WeightKinds.Kind> mlp = WeightKinds.of("mlp", 2, 3);
        Map<String, Object> arrays = new LinkedHashMap<>();
        arrays.put("W1", new double[2][3][2]);
        arrays.put("W2", new double[3][2][3]);
        assertThatThrownBy(() -> read(mlp, arrays)).isInstanceOf(BadInputException.class)
                .hasMessageContaining("array 'W2' holds 3 layers, 'W1' 2");
        arrays.put("W2", new double[2][2][3]);
        GradientAuditInput both = read(mlp, arrays);
        assertThat(both.layers()).isEqualTo(2);
        assertThat(both.size()).isEqualTo(12);
    }
}
