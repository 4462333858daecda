package org.resnetode.symbolic;

import org.resnetode.checks.BadInputException;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/** The closed form of MATH.md section 3b: N (b^{1/N} - 1) = log b + (log b)²/(2N) + (log b)³/(6N²) + ... */
class CommutingTrainingTest {

    @Test
    void coefficientsAreThePowersOfLogBOverFactorials() {
        double b = 2.5;
        double l = Math.log(b);
        double[] c = CommutingTraining.coefficients(b, 3);
        assertThat(c[0]).isCloseTo(l, within(1e-15));
        assertThat(c[1]).isCloseTo(l * l / 2, within(1e-15));
        assertThat(c[2]).isCloseTo(l * l * l / 6, within(1e-15));
        assertThat(c[3]).isCloseTo(l * l * l * l / 24, within(1e-15));
    }

    @Test
    void expansionIsSymjaSeriesText() {
        assertThat(CommutingTraining.expansion()).contains("L").contains("h").doesNotContain("Series");
    }

    /** The truncated series at N = 1000 approximates the closed form to the first neglected term, h^4 c_4. */
    @Test
    void seriesApproximatesTheClosedForm() {
        double b = 0.3;
        int n = 1000;
        double[] c = CommutingTraining.coefficients(b, 3);
        double h = 1.0 / n;
        double series = c[0] + c[1] * h + c[2] * h * h + c[3] * h * h * h;
        double closed = n * (Math.pow(b, h) - 1);
        assertThat(series).isCloseTo(closed, within(1e-12));
        assertThat(CommutingTraining.trainedLayer(b, n)).isCloseTo(closed, within(1e-12));
    }

    @Test
    void boundariesOfTheArguments() {
        assertThat(CommutingTraining.trainedLayer(2.5, 1)).isCloseTo(1.5, within(1e-15));
        assertThat(CommutingTraining.coefficients(2, CommutingTraining.MAX_ORDER)).hasSize(CommutingTraining.MAX_ORDER + 1);
        assertThat(CommutingTraining.coefficients(2, 0)).containsExactly(new double[] {Math.log(2)}, within(1e-15));
        assertThatThrownBy(() -> CommutingTraining.trainedLayer(0, 4)).isInstanceOf(BadInputException.class);
        assertThatThrownBy(() -> CommutingTraining.coefficients(2, -1)).isInstanceOf(BadInputException.class);
    }

    @Test
    void rejectsNonPositiveEntriesAndDepths() {
        assertThatThrownBy(() -> CommutingTraining.trainedLayer(-1, 4)).isInstanceOf(BadInputException.class);
        assertThatThrownBy(() -> CommutingTraining.trainedLayer(1, 0)).isInstanceOf(BadInputException.class);
        assertThatThrownBy(() -> CommutingTraining.coefficients(0, 2)).isInstanceOf(BadInputException.class);
        assertThatThrownBy(() -> CommutingTraining.coefficients(2, CommutingTraining.MAX_ORDER + 1))
                .isInstanceOf(BadInputException.class);
    }
}
