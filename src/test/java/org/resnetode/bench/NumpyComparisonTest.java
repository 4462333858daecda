package org.resnetode.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class NumpyComparisonTest {

    @Test
    void rowTakesEachSidesBestOverTheRoundsAndListsEveryRoundsRatios() {
        // NumPy, backprop, adjoint (ms) in two rounds: bests 80, 40, 60 come from different rounds
        double[][] rounds = {{100, 50, 60}, {80, 40, 70}};
        assertEquals("| 64, 64, 1024 | 80.0 | 40.0 | 60.0 | 2.00× | 1.50 | 2.00×, 2.00× | 1.20, 1.75 |",
                NumpyComparison.row("64,64,1024", rounds));
    }

    @Test
    void rowWithoutTheAnchorSaysSoInsteadOfARatio() {
        double[][] rounds = {{Double.NaN, 50, 60}, {Double.NaN, 40, 70}};
        assertEquals("| 8, 64, 4096 | n/a | 40.0 | 60.0 | n/a | 1.50 | n/a, n/a | 1.20, 1.75 |",
                NumpyComparison.row("8,64,4096", rounds));
    }
}
