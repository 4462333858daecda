package org.resnetode.bound;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The control's shifts written out by hand on small blocks. */
class ExpandingWeightsTest {

    @Test
    void mlpBlocksEachGetTheirOwnFrobeniusShift() {
        // d = 2, hidden m = 2: W1 = [[3, 0], [0, 4]] (Frobenius 5), W2 = [[1, 2], [2, 4]] (Frobenius 5)
        double[] w = {3, 0, 0, 4, 1, 2, 2, 4};
        ExpandingWeights.shift("mlp", 2, 8, w, 0);
        assertThat(w).containsExactly(12, 0, 0, 13, 10, 2, 2, 13);
    }

    @Test
    void linearBlocksAndThetaAreShifted() {
        double[] a = {0, 3, 4, 0};
        ExpandingWeights.shift("linear", 2, 4, a, 0);
        assertThat(a).containsExactly(9, 3, 4, 9);
        double[] theta = {7, -1.5};
        ExpandingWeights.shift("theta2", 1, 1, theta, 1);
        assertThat(theta).containsExactly(7, 3.5);
    }
}
