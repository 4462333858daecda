package org.resnetode.report;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.resnetode.claim.ClaimPlan;
import org.resnetode.claim.ClaimResult;
import org.resnetode.claim.Progress;

/**
 * The one contract every claim meets, so that a command, {@code report} or any other runner treats all claims alike:
 * its name (the stem of its files: {@code distance.json}, ...) and its heading, its configuration type {@code C} and the
 * configuration {@code report} runs, its plan (the independent tasks and how their results assemble into the claim's
 * results), the title and columns of each result's table, its plots as bytes, and its line in the report's summary.
 * <p>
 * It lives in {@code report}, one floor above {@code claim}: a claim's configuration and plan are claim-level values
 * (a Spark job needs nothing else), while titles, columns and rendered plots (XChart) are presentation, which the
 * one-way flow keeps out of {@code claim}. Each claim's {@code ClaimSpec} adapts the claim-level plan and the
 * claim's table layout; adding a claim is one implementation and one line in {@code report}'s list.
 */
public interface ClaimSpec<C> extends TableLayout {
    /** Position in a combined sweep of claims that {@link #sweepPriority} leaves unset: after every claim that sets one. */
    int LAST = Integer.MAX_VALUE;

    /** The type of its configuration. */
    Class<C> configType();

    /** The configuration {@code report} runs (with {@code quick}: its shorter smoke run). */
    C standard(boolean quick);

    /** The claim's measurement as independent tasks and the step that assembles their results. */
    ClaimPlan plan(C config, Progress progress);

    /** The plots of the results, as file bytes by path relative to the output directory (none by default). */
    default Map<Path, byte[]> plots(C config, List<ClaimResult> results, Progress progress) {
        return Map.of();
    }

    /** The quantity that states the claim for a result, for the report's summary (e.g. a fitted rate with its interval). */
    String headline(ClaimResult result);

    /** Whether a result is a claim run counted in the summary (false for derived tables such as the adjoint's depth needed). */
    default boolean summarised(ClaimResult result) {
        return true;
    }

    /** Markdown sections the summary adds after its table (none by default). */
    default String summarySections(List<ClaimResult> results) {
        return "";
    }

    /**
     * Order of this claim's tasks in a sweep shared with other claims, lowest first: claims with the longest tasks go
     * first so that short tasks fill the cores at the end. Only the time taken depends on it, never a result.
     */
    default int sweepPriority() {
        return LAST;
    }
}
