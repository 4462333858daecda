package org.resnetode.report;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.resnetode.claim.ClaimPlan;
import org.resnetode.claim.ClaimResult;
import org.resnetode.claim.Progress;

/** A claim with its configuration: what a command or {@code report} runs and writes. */
public record ClaimRun<C>(ClaimSpec<C> claim, C config) {

    public ClaimRun {
        if (!claim.configType().isInstance(config)) {
            throw new IllegalStateException("claim " + claim.name() + " takes a " + claim.configType().getSimpleName()
                    + " configuration, not " + (config == null ? "null" : config.getClass().getSimpleName()));
        }
    }

    /** The claim's configuration for {@code report} ({@link ClaimSpec#standard}). */
    public static <C> ClaimRun<C> standard(ClaimSpec<C> claim, boolean quick) {
        return new ClaimRun<>(claim, claim.standard(quick));
    }

    public ClaimPlan plan(Progress progress) {
        return claim.plan(config, progress);
    }

    /** Runs the plan on every core. */
    public ClaimOutcome run(Progress progress) {
        return new ClaimOutcome(this, plan(progress).run());
    }

    /**
     * Every run's tasks as one sweep, handed to the threads by {@link ClaimSpec#sweepPriority} (a stable order: equal
     * priorities keep the list's order), then each run's results, in the order of {@code runs}.
     */
    public static List<ClaimOutcome> runAll(List<ClaimRun<?>> runs, Progress progress) {
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < runs.size(); i++) {
            order.add(i);
        }
        order.sort(Comparator.comparingInt(i -> runs.get(i).claim().sweepPriority()));
        List<ClaimPlan> plans = new ArrayList<>();
        for (int i : order) {
            plans.add(runs.get(i).plan(progress));
        }
        List<List<ClaimResult>> measured = ClaimPlan.runAll(plans);
        ClaimOutcome[] outcomes = new ClaimOutcome[runs.size()];
        for (int k = 0; k < order.size(); k++) {
            outcomes[order.get(k)] = new ClaimOutcome(runs.get(order.get(k)), measured.get(k));
        }
        return List.of(outcomes);
    }

    /** The claim's files under {@code dir}: its tables ({@link ClaimFiles#tables}) and its plots, for the caller to write as one set. */
    public Map<Path, byte[]> files(Path dir, List<ClaimResult> results, Progress progress) {
        Map<Path, byte[]> files = ClaimFiles.tables(claim, dir, results);
        claim.plots(config, results, progress).forEach((path, bytes) -> files.put(dir.resolve(path), bytes));
        return files;
    }
}
