package org.resnetode.claim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Claim R's configuration: validation at its boundaries, what it reports, and the progress of a run. */
class RegularizationConfigTest {

    private static RegularizationConfig config(int dim, int[] depths, double lossTarget, double amplitude, String init) {
        return new RegularizationConfig(dim, "random:0.5", 1, depths, 0.25, 1, 2, init, amplitude, lossTarget);
    }

    @Test
    void boundariesAreAcceptedAndBeyondThemOneLine() {
        RegularizationConfig smallest = config(1, new int[] {4, 1}, Double.MIN_VALUE, 0, RegularizationConfig.ZERO);
        assertThat(smallest.depths()).containsExactly(1, 4);
        assertThat(smallest.settings().steps()).isEqualTo(4);
        assertThatThrownBy(() -> config(0, new int[] {4}, 1e-10, 0, "zero")).hasMessage("dimension must be at least 1, got 0");
        assertThatThrownBy(() -> config(2, new int[] {}, 1e-10, 0, "zero")).hasMessage("the depth ladder is empty");
        assertThatThrownBy(() -> config(2, new int[] {4, 0}, 1e-10, 0, "zero")).hasMessage("the depth ladder: depth 0 is below 1, the smallest depth here");
        assertThatThrownBy(() -> config(2, new int[] {4}, 0, 0, "zero")).hasMessage("loss target must be greater than 0, got 0.0");
        assertThatThrownBy(() -> config(2, new int[] {4}, 1e-10, Double.NaN, "iid")).hasMessage("initial amplitude must be a finite number, got NaN");
        assertThatThrownBy(() -> new RegularizationConfig(2, "random:0.5", 1, new int[] {4}, 0.25, -1, 2, "zero", 0, 1e-10))
                .hasMessageContaining("training time");
    }

    @Test
    void describesTheInitialAmplitudeOnlyForANonZeroProfile() {
        assertThat(config(2, new int[] {4}, 1e-10, 0.5, RegularizationConfig.ZERO).describe()).doesNotContainKey("initAmplitude")
                .containsEntry("profile", "zero").containsEntry("steps", 4);
        assertThat(config(2, new int[] {4}, 1e-10, 0.5, "fourier").describe()).containsEntry("initAmplitude", 0.5);
        assertThat(config(2, new int[] {4}, 1e-10, 0.5, RegularizationConfig.ZERO).initialProfile()).isNull();
        assertThat(config(2, new int[] {4}, 1e-10, 0.5, "fourier").initialProfile().parameterCount()).isEqualTo(4);
    }

    @Test
    void trainingReportsOneProgressLinePerDepth() {
        List<String> lines = new ArrayList<>();
        RegularizationClaim.train(config(2, new int[] {4, 8}, 1e-10, 0, "zero"), List.of(4, 8), lines::add);
        assertThat(lines).hasSize(2);
        assertThat(lines.get(0)).startsWith("regularization d=2 random:0.5 N=4 final loss=");
        assertThat(lines.get(1)).contains("N=8");
    }
}
