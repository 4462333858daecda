package org.resnetode.sweep;

import java.util.ArrayList;
import java.util.List;
import org.resnetode.checks.BadInputException;

/**
 * A depth ladder as written on the command line and in grid files: {@code LOW:HIGH} doubles from LOW to HIGH (HIGH
 * appended when the doubling skips it), {@code LOW:HIGH:FACTOR} another integer ratio, {@code 10,20,40} a list.
 * Depths are at least 1, strictly increasing, at most {@link #MAX_DEPTH}.
 */
public final class Ladder {
    /** Deepest network a ladder may name (a ladder is a measurement plan, not an allocation: claims check storage). */
    public static final int MAX_DEPTH = 1 << 30;

    private Ladder() {
    }

    public static int[] parse(String value) {
        String v = value.trim();
        List<Long> depths = new ArrayList<>();
        if (v.contains(":")) {
            String[] parts = v.split(":", -1);
            if (parts.length < 2 || parts.length > 3) {
                throw malformed(value, "expected LOW:HIGH or LOW:HIGH:FACTOR");
            }
            long low = whole(value, parts[0]);
            long high = whole(value, parts[1]);
            long factor = parts.length == 3 ? whole(value, parts[2]) : 2;
            if (low < 1 || high < low || factor < 2 || high > MAX_DEPTH) {
                throw malformed(value, "need 1 <= LOW <= HIGH <= " + MAX_DEPTH + " and FACTOR >= 2");
            }
            for (long n = low; n <= high; n *= factor) {
                depths.add(n);
            }
            if (depths.get(depths.size() - 1) != high) {
                depths.add(high);
            }
        } else {
            for (String part : v.split(",", -1)) {
                long n = whole(value, part);
                if (n < 1 || n > MAX_DEPTH) {
                    throw malformed(value, "depth " + n + " is outside 1.." + MAX_DEPTH);
                }
                if (!depths.isEmpty() && n <= depths.get(depths.size() - 1)) {
                    throw malformed(value, "depths must increase strictly (" + n + " follows " + depths.get(depths.size() - 1) + ")");
                }
                depths.add(n);
            }
        }
        return depths.stream().mapToInt(Long::intValue).toArray();
    }

    /** A whole number written in ASCII digits only (no sign, no Java literal syntax). */
    private static long whole(String ladder, String s) {
        String t = s.trim();
        if (t.isEmpty() || t.length() > 10 || !t.chars().allMatch(c -> c >= '0' && c <= '9')) {
            throw malformed(ladder, "'" + org.resnetode.checks.Printable.of(t, 20) + "' is not a whole number of at most 10 digits");
        }
        return Long.parseLong(t);
    }

    private static BadInputException malformed(String value, String why) {
        return new BadInputException("malformed depth ladder '" + org.resnetode.checks.Printable.of(value, 60) + "': " + why
                + " (examples: 64:1024, 1000:1000000:10, 10,20,40)");
    }
}
