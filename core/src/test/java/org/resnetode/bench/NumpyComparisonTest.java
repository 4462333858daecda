package org.resnetode.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class NumpyComparisonTest {

    @Test
    void rowTakesEachSidesBestOverTheRoundsAndListsEveryRoundsRatios() {
        // NumPy, backprop, adjoint (ms) in two rounds: bests 80, 40, 60 come from different rounds
        double[][] rounds = {{100, 50, 60}, {80, 40, 70}};
        assertEquals("| 64, 64, 1024 | 80.0 | 40.0 | 60.0 | 2.00× | 1.50 | 2.00× | 1.48 | 2.00×, 2.00× | 1.20, 1.75 |",
                NumpyComparison.row("64,64,1024", rounds));
    }

    @Test
    void rowWithoutTheAnchorSaysSoInsteadOfARatio() {
        double[][] rounds = {{Double.NaN, 50, 60}, {Double.NaN, 40, 70}};
        assertEquals("| 8, 64, 4096 | n/a | 40.0 | 60.0 | n/a | 1.50 | n/a | 1.48 | n/a, n/a | 1.20, 1.75 |",
                NumpyComparison.row("8,64,4096", rounds));
    }

    @Test
    void mediansAreOfTheRoundsRatiosNotOfTheBests() {
        // three rounds: NumPy / backprop 3.0, 1.0, 2.0 (median 2.0, ratio of the bests 60 / 20 = 3.0);
        // adjoint / backprop 1.2, 1.4, 1.1 (median 1.2)
        double[][] rounds = {{60, 20, 24}, {100, 100, 140}, {80, 40, 44}};
        assertEquals("| 128, 128, 256 | 60.0 | 20.0 | 24.0 | 3.00× | 1.20 | 2.00× | 1.20 | 3.00×, 1.00×, 2.00× | 1.20, 1.40, 1.10 |",
                NumpyComparison.row("128,128,256", rounds));
        assertEquals(2.5, NumpyComparison.median(new double[] {4, 1, 2, 3}));
    }
}
