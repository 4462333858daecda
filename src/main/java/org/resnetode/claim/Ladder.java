package org.resnetode.claim;

import java.util.ArrayList;
import java.util.List;

/** Geometric depth ladders: LOW, FACTOR·LOW, FACTOR²·LOW, ... up to HIGH, HIGH itself appended when the ratio skips it. */
public final class Ladder {
    private Ladder() {
    }

    /** {@code low, factor low, factor² low, ...} while at most {@code high}, then {@code high} if not yet reached; needs 1 <= low <= high, factor >= 2. */
    public static int[] geometric(long low, long high, long factor) {
        List<Integer> ladder = new ArrayList<>();
        for (long n = low; n <= high; n *= factor) {
            ladder.add((int) n);
        }
        if (ladder.get(ladder.size() - 1) != high) {
            ladder.add((int) high);
        }
        return ladder.stream().mapToInt(Integer::intValue).toArray();
    }

    /** The doubling ladder {@code low:high}. */
    public static int[] doubling(int low, int high) {
        return geometric(low, high, 2);
    }
}
