package org.resnetode.sweep;

import java.util.List;
import java.util.function.Consumer;

/**
 * Runs a sweep's tasks and returns their rows in task order, calling {@code done} (from any thread, never two calls
 * at once) as each row is measured. Every runner runs the same {@link SweepMeasure#run}, so the rows are identical
 * whatever the runner, its parallelism or the order in which tasks finish.
 */
public interface Runner {
    /** The runner's name for {@code --runner}. */
    String name();

    List<SweepRow> run(List<SweepTask> tasks, Consumer<SweepRow> done);
}
