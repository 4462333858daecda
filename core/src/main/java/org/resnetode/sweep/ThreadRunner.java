package org.resnetode.sweep;

import java.util.List;
import java.util.function.Consumer;
import org.resnetode.claim.SweepRunner;

/** The default runner: the tasks on this JVM's cores ({@link SweepRunner}), results in task order. */
public final class ThreadRunner implements Runner {
    @Override
    public String name() {
        return "threads";
    }

    @Override
    public List<SweepRow> run(List<SweepTask> tasks, Consumer<SweepRow> done) {
        Object lock = new Object();
        return SweepRunner.map(tasks, task -> {
            SweepRow row = SweepMeasure.run(task);
            synchronized (lock) {
                done.accept(row);
            }
            return row;
        });
    }
}
