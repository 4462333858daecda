package org.resnetode.report;

import org.resnetode.checks.BadInputException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.resnetode.claim.ClaimResult;
import org.resnetode.claim.Verdict;
import org.resnetode.io.JsonReader;
import org.resnetode.checks.Printable;
import org.resnetode.stats.RateFit;

/** Reads claim results back from the JSON {@link Json} writes, so they can be compared (regression tests). */
public final class ClaimResults {
    private ClaimResults() {
    }

    /** One result object, or every object of an array. */
    public static List<ClaimResult> read(String json) {
        Object v = JsonReader.parse(json);
        List<ClaimResult> out = new ArrayList<>();
        if (v instanceof List<?> l) {
            for (Object o : l) {
                out.add(fromMap(asMap(o, "result")));
            }
        } else {
            out.add(fromMap(asMap(v, "result")));
        }
        return out;
    }

    private static ClaimResult fromMap(Map<String, Object> m) {
        List<Map<String, Object>> rows = new ArrayList<>();
        for (Object r : asList(m.get("rows"), "rows")) {
            rows.add(new LinkedHashMap<>(asMap(r, "row")));
        }
        List<RateFit> fits = new ArrayList<>();
        for (Object f : asList(m.get("fits"), "fits")) {
            Map<String, Object> fm = asMap(f, "fit");
            List<Object> ci = asPair(fm.get("ci95"), "ci95");
            List<Object> depths = asPair(fm.get("depths"), "depths");
            fits.add(new RateFit(asString(fm.get("quantity"), "fit quantity"), num(fm.get("rate")), num(ci.get(0)), num(ci.get(1)),
                    (int) num(depths.get(0)), (int) num(depths.get(1)), (int) num(fm.get("points")), num(fm.get("logConstant"))));
        }
        List<String> notes = new ArrayList<>();
        for (Object n : asList(m.get("notes"), "notes")) {
            notes.add(asString(n, "note"));
        }
        return new ClaimResult(asString(m.get("claim"), "claim"), asMap(m.get("config"), "config"), rows, fits,
                Verdict.fromLabel(asString(m.get("verdict"), "verdict")), notes);
    }

    /** A JSON number, with null standing for NaN (as {@link Json} writes non-finite values). */
    public static double num(Object o) {
        if (o == null) {
            return Double.NaN;
        }
        if (o instanceof Number n) {
            return n.doubleValue();
        }
        throw new BadInputException("malformed result: expected a number, got " + Printable.of(String.valueOf(o), 40));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> asMap(Object o, String what) {
        if (o instanceof Map<?, ?> m) {
            return (Map<String, Object>) m;
        }
        throw new BadInputException("malformed result: " + what + " is not an object");
    }

    @SuppressWarnings("unchecked")
    private static List<Object> asList(Object o, String what) {
        if (o instanceof List<?> l) {
            return (List<Object>) l;
        }
        throw new BadInputException("malformed result: " + what + " is not an array");
    }

    private static String asString(Object o, String what) {
        if (o instanceof String str) {
            return str;
        }
        throw new BadInputException("malformed result: " + what + " is not a string");
    }

    /** A two-element array: an interval or a depth range. */
    private static List<Object> asPair(Object o, String what) {
        List<Object> l = asList(o, what);
        if (l.size() != 2) {
            throw new BadInputException("malformed result: " + what + " has " + l.size() + " entries, expected 2");
        }
        return l;
    }
}
