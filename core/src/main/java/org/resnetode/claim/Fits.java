package org.resnetode.claim;

import java.util.List;
import org.resnetode.stats.RateFit;

/** Rate fits inside a claim: a fit that cannot be made becomes a note instead of an exception. */
final class Fits {
    private Fits() {
    }

    static RateFit tryFit(String quantity, int[] depths, double[] values, int from, int to, double floor, List<String> notes) {
        try {
            return RateFit.fit(quantity, depths, values, from, to, floor);
        } catch (IllegalArgumentException e) {
            notes.add("no rate fitted: " + e.getMessage());
            return null;
        }
    }
}
