package org.resnetode.report;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.resnetode.checks.BadInputException;
import org.resnetode.claim.ClaimResult;
import org.resnetode.stats.RateFit;

/**
 * Regression mode: compares claim results with a baseline result set (the JSON files a claim command or {@code report}
 * wrote, e.g. the committed {@code proofs-data/}) and names every quantity that moved, even when both verdicts pass:
 * <ul>
 *   <li>a verdict that changed;</li>
 *   <li>a fitted rate whose value moved by more than {@link #RATE_TOLERANCE} <em>and</em> whose 95% interval no longer
 *       overlaps the baseline's (a change the data resolve and the claims' rate band would notice), or a rate fitted on
 *       one side only;</li>
 *   <li>a judged figure (a note {@code "<verdict>: <quantity> = <value>, stated band [...]"} of the verdict policy) that
 *       moved by more than {@link #FIGURE_TOLERANCE} of its baseline value (and more than {@link #ROUND_OFF} absolute), or
 *       is judged on one side only;</li>
 *   <li>a result with no baseline counterpart (a baseline result the run did not measure is not compared).</li>
 * </ul>
 * Results are matched by claim, family, profile, scheme and zero mean; not by a negative control, so that a control run
 * against an unbroken baseline shows what the baseline catches of that fault.
 */
public final class Baseline {
    /** A fitted rate moved when it changed by more than this (the claims' rate band) with disjoint intervals. */
    public static final double RATE_TOLERANCE = 0.1;
    /** A judged figure moved when it changed by more than this fraction of its baseline value. */
    public static final double FIGURE_TOLERANCE = 0.1;
    /** Changes of a judged figure at or below this are round-off, whatever the relative change. */
    public static final double ROUND_OFF = 1e-12;

    private static final Pattern JUDGED = Pattern.compile(
            "^(holds|finding|fails|inconclusive): (.+?) = (-?(?:[0-9.]+(?:[eE][-+]?[0-9]+)?|Infinity)|NaN), stated band .*", Pattern.DOTALL);
    private static final Pattern NUMBER = Pattern.compile("-?[0-9]+(?:\\.[0-9]+)?(?:[eE][-+]?[0-9]+)?");

    private Baseline() {
    }

    /** Reads {@code dir/<command>.json} for each command. */
    public static List<ClaimResult> read(Path dir, List<String> commands) {
        if (!Files.isDirectory(dir)) {
            throw new BadInputException("--baseline " + dir + ": not a directory of claim results");
        }
        List<ClaimResult> out = new ArrayList<>();
        for (String command : commands) {
            Path file = dir.resolve(command + ".json");
            try {
                out.addAll(ClaimResults.read(Files.readString(file, StandardCharsets.UTF_8)));
            } catch (IOException e) {
                throw new BadInputException("--baseline " + dir + ": cannot read " + file.getFileName() + " (" + org.resnetode.io.AtomicFiles.reason(e) + ")");
            } catch (BadInputException e) {
                throw new BadInputException("--baseline " + dir + ": " + file.getFileName() + " is not a claim result: " + e.getMessage(), e);
            }
        }
        return out;
    }

    /** Every quantity of {@code current} that moved against {@code baseline}, one line each (empty: nothing moved). */
    public static List<String> compare(List<ClaimResult> baseline, List<ClaimResult> current) {
        Map<String, ClaimResult> byKey = new HashMap<>();
        Map<String, Integer> seen = new HashMap<>();
        for (ClaimResult r : baseline) {
            byKey.put(occurrence(key(r), seen), r);
        }
        seen.clear();
        List<String> moved = new ArrayList<>();
        for (ClaimResult r : current) {
            String key = occurrence(key(r), seen);
            ClaimResult base = byKey.get(key);
            if (base == null) {
                moved.add(key + ": no baseline result to compare with");
                continue;
            }
            if (base.verdict() != r.verdict()) {
                moved.add(String.format("%s: verdict %s -> %s", key, base.verdict().label(), r.verdict().label()));
            }
            rates(key, base, r, moved);
            figures(key, base, r, moved);
        }
        return moved;
    }

    /**
     * The exit code of regression mode: 1 when anything moved (each named on {@code err}), else 0, whatever the verdicts
     * (a verdict that did not move is the baseline's; a moved verdict is named).
     */
    public static int exitCode(Path dir, List<ClaimResult> baseline, List<ClaimResult> current, PrintWriter err) {
        List<String> moved = compare(baseline, current);
        if (moved.isEmpty()) {
            err.println("resnet-ode: " + current.size() + " results match the baseline " + dir + " (verdicts, rates, judged figures)");
        } else {
            err.println("resnet-ode: " + moved.size() + " quantities moved against the baseline " + dir + " (exit 1):");
            moved.forEach(m -> err.println("  " + m));
        }
        err.flush();
        return moved.isEmpty() ? 0 : 1;
    }

    /** {@code claim[family/profile/scheme...]}: what identifies a result across runs. */
    static String key(ClaimResult r) {
        Map<String, Object> c = r.config();
        StringBuilder sb = new StringBuilder(r.claim());
        List<String> parts = new ArrayList<>();
        for (String k : List.of("family", "profile", "scheme")) {
            if (c.containsKey(k)) {
                parts.add(String.valueOf(c.get(k)));
            }
        }
        if (Boolean.TRUE.equals(c.get("zeroMean"))) {
            parts.add("zero mean");
        }
        if (!parts.isEmpty()) {
            sb.append('[').append(String.join("/", parts)).append(']');
        }
        return sb.toString();
    }

    private static String occurrence(String key, Map<String, Integer> seen) {
        int k = seen.merge(key, 1, Integer::sum);
        return k == 1 ? key : key + " #" + k;
    }

    private static void rates(String key, ClaimResult base, ClaimResult r, List<String> moved) {
        Map<String, RateFit> now = new LinkedHashMap<>();
        r.fits().forEach(f -> now.putIfAbsent(f.quantity(), f));
        for (RateFit b : base.fits()) {
            RateFit f = now.remove(b.quantity());
            if (f == null) {
                moved.add(String.format(Locale.ROOT, "%s: rate of %s fitted in the baseline (%.3f), not now", key, b.quantity(), b.rate()));
            } else if (rateMoved(b, f)) {
                moved.add(String.format(Locale.ROOT, "%s: rate of %s %.3f [%.3f, %.3f] -> %.3f [%.3f, %.3f]", key, b.quantity(),
                        b.rate(), b.ci95Low(), b.ci95High(), f.rate(), f.ci95Low(), f.ci95High()));
            }
        }
        now.values().forEach(f -> moved.add(String.format(Locale.ROOT, "%s: rate of %s %.3f fitted now, not in the baseline",
                key, f.quantity(), f.rate())));
    }

    /** Moved: the rate changed by more than {@link #RATE_TOLERANCE} and the 95% intervals are disjoint (NaN: moved when not both NaN). */
    static boolean rateMoved(RateFit b, RateFit f) {
        if (Double.isNaN(b.rate()) || Double.isNaN(f.rate())) {
            return Double.isNaN(b.rate()) != Double.isNaN(f.rate());
        }
        boolean disjoint = f.ci95Low() > b.ci95High() || f.ci95High() < b.ci95Low();
        return Math.abs(f.rate() - b.rate()) > RATE_TOLERANCE && disjoint;
    }

    private static void figures(String key, ClaimResult base, ClaimResult r, List<String> moved) {
        Map<String, Double> now = judged(r);
        for (Map.Entry<String, Double> b : judged(base).entrySet()) {
            Double v = now.remove(b.getKey());
            if (v == null) {
                moved.add(String.format(Locale.ROOT, "%s: %s judged in the baseline (%.4g), not now", key, b.getKey(), b.getValue()));
            } else if (figureMoved(b.getValue(), v)) {
                moved.add(String.format(Locale.ROOT, "%s: %s %.4g -> %.4g", key, b.getKey(), b.getValue(), v));
            }
        }
        now.forEach((q, v) -> moved.add(String.format(Locale.ROOT, "%s: %s = %.4g judged now, not in the baseline", key, q, v)));
    }

    /** Moved: a change beyond {@link #FIGURE_TOLERANCE} of the baseline value and beyond {@link #ROUND_OFF}; NaN only matches NaN. */
    static boolean figureMoved(double base, double now) {
        if (Double.isNaN(base) || Double.isNaN(now)) {
            return Double.isNaN(base) != Double.isNaN(now);
        }
        if (base == now) {
            return false;
        }
        double change = Math.abs(now - base);
        return !(change <= ROUND_OFF || change <= FIGURE_TOLERANCE * Math.abs(base));
    }

    /**
     * The judged figures of a result: each verdict-policy note {@code "<verdict>: <quantity> = <value>, stated band ..."}
     * that is not a rate (rates are compared through the fits), keyed by its quantity with every number replaced by
     * {@code #} (a quantity's text quotes other measured values) and numbered when the same text recurs.
     */
    static Map<String, Double> judged(ClaimResult r) {
        Map<String, Double> out = new LinkedHashMap<>();
        Map<String, Integer> seen = new HashMap<>();
        for (String note : r.notes()) {
            Matcher m = JUDGED.matcher(note);
            if (!m.matches() || m.group(2).startsWith("rate of ")) {
                continue;
            }
            String quantity = occurrence(NUMBER.matcher(m.group(2)).replaceAll("#"), seen);
            out.put(quantity, Double.parseDouble(m.group(3)));
        }
        return out;
    }
}
