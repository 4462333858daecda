package org.resnetode.report;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.resnetode.claim.ClaimResult;
import org.resnetode.claim.Verdict;

/**
 * What a verdict rests on, read from the verdict policy's notes ({@code "<verdict>: <statement>"}): the statements
 * judged, each cut at its measured value, so a table can show which quantity decided the verdict next to figures that
 * were only measured (a rate printed beside a verdict that rests on a ratio or a bound is not judged).
 */
public final class Judged {
    /** Statements listed before the rest is counted. */
    static final int SHOWN = 2;

    private Judged() {
    }

    /** The statements judged, in order, without their verdict label and measured value. */
    public static List<String> statements(ClaimResult r) {
        Set<String> out = new LinkedHashSet<>();
        for (String note : r.notes()) {
            for (Verdict v : Verdict.values()) {
                String prefix = v.label() + ": ";
                if (note.startsWith(prefix)) {
                    out.add(cut(note.substring(prefix.length())));
                }
            }
        }
        return new ArrayList<>(out);
    }

    /** The first {@link #SHOWN} statements and how many more, or that nothing was judged. */
    public static String summary(ClaimResult r) {
        List<String> s = statements(r);
        if (s.isEmpty()) {
            return "nothing judged";
        }
        String shown = String.join("; ", s.subList(0, Math.min(SHOWN, s.size())));
        return s.size() > SHOWN ? shown + "; and " + (s.size() - SHOWN) + " more" : shown;
    }

    /**
     * A statement up to its depth range ({@code " over N = "}), its measured value ({@code " = "}), its interval or its
     * first clause, and before a parenthesis the cut left open.
     */
    static String cut(String statement) {
        int end = statement.length();
        for (String stop : new String[] {" over N = ", " = ", " (95% interval", "; ", ": "}) {
            int at = statement.indexOf(stop);
            if (at > 0) {
                end = Math.min(end, at);
            }
        }
        String s = statement.substring(0, end);
        if (s.chars().filter(c -> c == '(').count() > s.chars().filter(c -> c == ')').count()) {
            s = s.substring(0, s.lastIndexOf('(')).strip();
        }
        return s;
    }
}
