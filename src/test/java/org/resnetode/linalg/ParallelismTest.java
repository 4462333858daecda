package org.resnetode.linalg;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.concurrent.atomic.AtomicIntegerArray;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.ResourceLock;

/** The pool runs every task exactly once, reports failures to the caller, runs nested regions inline, and rejects 0 threads. */
@ResourceLock("org.resnetode.linalg.Parallelism")
class ParallelismTest {

    @AfterEach
    void restoreThreads() {
        Parallelism.setThreads(Runtime.getRuntime().availableProcessors());
    }

    @Test
    void everyTaskRunsExactlyOnceWhateverTheThreadCount() {
        for (int threads : new int[] {1, 2, 3, 5}) {
            Parallelism.setThreads(threads);
            assertThat(Parallelism.threads()).isEqualTo(threads);
            for (int tasks : new int[] {0, 1, 2, 7, 100}) {
                AtomicIntegerArray runs = new AtomicIntegerArray(tasks);
                Parallelism.run(tasks, runs::incrementAndGet);
                for (int t = 0; t < tasks; t++) {
                    assertThat(runs.get(t)).as("threads %d tasks %d task %d", threads, tasks, t).isEqualTo(1);
                }
            }
        }
    }

    @Test
    void nestedRegionsRunEveryInnerTaskOnce() {
        Parallelism.setThreads(2);
        AtomicIntegerArray runs = new AtomicIntegerArray(12);
        Parallelism.run(3, outer -> Parallelism.run(4, inner -> runs.incrementAndGet(outer * 4 + inner)));
        for (int t = 0; t < 12; t++) {
            assertThat(runs.get(t)).isEqualTo(1);
        }
    }

    @Test
    void aFailingTaskFailsTheCaller() {
        Parallelism.setThreads(2);
        assertThatThrownBy(() -> Parallelism.run(8, t -> {
            if (t == 5) {
                throw new IllegalStateException("task 5");
            }
        })).isInstanceOf(IllegalStateException.class).hasMessage("task 5");
        assertThatThrownBy(() -> Parallelism.run(8, t -> {
            if (t == 6) {
                throw new AssertionError("task 6");
            }
        })).isInstanceOf(AssertionError.class).hasMessage("task 6");
        AtomicIntegerArray runs = new AtomicIntegerArray(4);
        Parallelism.run(4, runs::incrementAndGet);
        assertThat(runs.get(3)).as("the pool still works after a failure").isEqualTo(1);
    }

    @Test
    void rejectsFewerThanOneThread() {
        assertThatThrownBy(() -> Parallelism.setThreads(0)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("threads must be at least 1, got 0");
    }
}
