package org.resnetode.claim;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * A claim's measurement as independent tasks (each measures one configuration or one depth) and the step that
 * assembles their results, in task order, into the claim's results. {@link #runAll} runs the tasks of several claims
 * as one sweep, so that a long claim's tasks share the cores with the others' instead of running as one long task.
 * Results do not depend on the number of threads ({@link SweepRunner}).
 */
public final class ClaimPlan {
    private final List<Supplier<?>> tasks;
    private final Function<List<?>, List<ClaimResult>> assemble;
    private final Runnable preparation;

    private ClaimPlan(List<Supplier<?>> tasks, Function<List<?>, List<ClaimResult>> assemble, Runnable preparation) {
        this.tasks = tasks;
        this.assemble = assemble;
        this.preparation = preparation;
    }

    /** {@code tasks}, whose results (in task order) {@code assemble} turns into the claim's results. */
    @SuppressWarnings("unchecked")
    public static <T> ClaimPlan of(List<? extends Supplier<T>> tasks, Function<List<T>, List<ClaimResult>> assemble) {
        return new ClaimPlan(List.copyOf(tasks), results -> assemble.apply((List<T>) results), () -> { });
    }

    /** This plan with {@code preparation} run on the calling thread before any task of any plan starts (e.g. a JIT warm-up). */
    public ClaimPlan preparedBy(Runnable preparation) {
        return new ClaimPlan(tasks, assemble, preparation);
    }

    /** Number of tasks. */
    public int size() {
        return tasks.size();
    }

    /** This plan's tasks on every core, then its results. */
    public List<ClaimResult> run() {
        return runAll(List.of(this)).get(0);
    }

    /**
     * Every plan's preparation in turn, then the tasks of every plan as one sweep, handed to the threads in the order
     * given (the plans in turn, each plan's tasks in its order: put the longest first), then each plan's results.
     */
    public static List<List<ClaimResult>> runAll(List<ClaimPlan> plans) {
        List<Supplier<?>> all = new ArrayList<>();
        for (ClaimPlan p : plans) {
            p.preparation.run();
            all.addAll(p.tasks);
        }
        List<Object> results = SweepRunner.map(all, Supplier::get);
        List<List<ClaimResult>> out = new ArrayList<>();
        int from = 0;
        for (ClaimPlan p : plans) {
            out.add(p.assemble.apply(results.subList(from, from + p.tasks.size())));
            from += p.tasks.size();
        }
        return out;
    }
}
