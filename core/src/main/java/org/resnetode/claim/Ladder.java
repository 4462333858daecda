package org.resnetode.claim;

import java.util.ArrayList;
import java.util.List;
import org.resnetode.checks.BadInputException;
import org.resnetode.checks.Printable;

/**
 * Depth ladders as written on the command line and in grid files: {@code LOW:HIGH} doubles from LOW to HIGH (HIGH
 * appended when the doubling skips it), {@code LOW:HIGH:FACTOR} another integer ratio, {@code 10,20,40} a list of
 * distinct depths; every depth at least 1, written in ASCII digits.
 */
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

    /** The ladder {@code value} names; a malformed one is bad input naming what is wrong. */
    public static int[] parse(String value) {
        String v = value.trim();
        if (v.contains(":")) {
            String[] parts = v.split(":", -1);
            if (parts.length < 2 || parts.length > 3) {
                throw malformed(value, "expected LOW:HIGH or LOW:HIGH:FACTOR");
            }
            long low = whole(value, parts[0]);
            long high = whole(value, parts[1]);
            long factor = parts.length == 3 ? whole(value, parts[2]) : 2;
            if (low < 1 || high < low || factor < 2 || high > Integer.MAX_VALUE) {
                throw malformed(value, "need 1 <= LOW <= HIGH <= " + Integer.MAX_VALUE + " and FACTOR >= 2");
            }
            return geometric(low, high, factor);
        }
        List<Long> depths = new ArrayList<>();
        for (String part : v.split(",", -1)) {
                long n = whole(value, part);
            if (n < 1 || n > Integer.MAX_VALUE) {
                throw malformed(value, "depth " + n + " is outside 1.." + Integer.MAX_VALUE);
            }
            if (depths.contains(n)) {
                throw malformed(value, "depth " + n + " appears twice");
            }
            depths.add(n);
        }
        return depths.stream().mapToInt(Long::intValue).toArray();
    }

    /** A whole number written in ASCII digits only (no sign, no Java literal syntax). */
    private static long whole(String ladder, String s) {
        String t = s.trim();
        if (t.isEmpty() || t.length() > 10 || !t.chars().allMatch(c -> c >= '0' && c <= '9')) {
            throw malformed(ladder, "'" + Printable.of(t, 20) + "' is not a whole number of at most 10 digits");
        }
        return Long.parseLong(t);
    }

    private static BadInputException malformed(String value, String why) {
        return new BadInputException("malformed depth ladder '" + Printable.of(value, 60) + "': " + why
                + " (examples: 64:1024, 1000:1000000:10, 10,20,40)");
    }
}
