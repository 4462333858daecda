package org.resnetode.claim;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.resnetode.stats.RateFit;

/**
 * The outcome of one claim run, in the shape every claim command prints: the configuration that
 * produced it (depths, seeds, tolerances), one row per measured depth (ordered columns), the fitted
 * rates with their intervals, the verdict and notes explaining it.
 */
public record ClaimResult(String claim, Map<String, Object> config, List<Map<String, Object>> rows,
                          List<RateFit> fits, Verdict verdict, List<String> notes) {

    public ClaimResult {
        config = new LinkedHashMap<>(config);
        rows = List.copyOf(rows);
        fits = List.copyOf(fits);
        notes = List.copyOf(notes);
    }

    /** The fit of {@code quantity}, if any. */
    public RateFit fit(String quantity) {
        return fits.stream().filter(f -> f.quantity().equals(quantity)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no fit of " + quantity + " in " + claim));
    }
}
