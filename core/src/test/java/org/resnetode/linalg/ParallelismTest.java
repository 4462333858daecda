package org.resnetode.linalg;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicIntegerArray;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.Test;

/**
 * A parallelism runs every task exactly once on as many threads as it holds, reports failures to the caller, runs
 * nested regions inline, is the calling work's only inside {@link Parallelism#call}, and rejects counts outside
 * 1..1024. No test changes anything another test sees: there is nothing global to change.
 */
class ParallelismTest {

    @Test
    void everyTaskRunsExactlyOnceWhateverTheThreadCount() {
        for (int threads : new int[] {1, 2, 3, 5}) {
            Parallelism parallelism = Parallelism.of(threads);
            assertThat(parallelism.threads()).isEqualTo(threads);
            for (int tasks : new int[] {0, 1, 2, 7, 100}) {
                AtomicIntegerArray runs = new AtomicIntegerArray(tasks);
                parallelism.run(tasks, runs::incrementAndGet);
                for (int t = 0; t < tasks; t++) {
                    assertThat(runs.get(t)).as("threads %d tasks %d task %d", threads, tasks, t).isEqualTo(1);
                }
            }
        }
    }

    /** Tasks that wait for each other finish only if they run at the same time, on as many threads as the parallelism holds. */
    @Test
    void theTasksRunOnAsManyThreadsAsTheParallelismHolds() throws InterruptedException {
        for (int threads : new int[] {2, 3}) {
            CountDownLatch together = new CountDownLatch(threads);
            Set<Thread> seen = ConcurrentHashMap.newKeySet();
            Parallelism.of(threads).run(threads, t -> {
                seen.add(Thread.currentThread());
                together.countDown();
                try {
                    assertThat(together.await(20, TimeUnit.SECONDS)).as("every task waits for the others").isTrue();
                } catch (InterruptedException e) {
                    throw new IllegalStateException(e);
                }
            });
            assertThat(seen).as("%d threads", threads).hasSize(threads).contains(Thread.currentThread());
            Set<String> workerNames = new java.util.TreeSet<>();
            for (Thread t : seen) {
                if (t != Thread.currentThread()) {
                    assertThat(t.isDaemon()).as("a worker never keeps the JVM alive").isTrue();
                    workerNames.add(t.getName());
                }
            }
            assertThat(workerNames).as("workers 1..%d", threads - 1).containsExactlyElementsOf(
                    java.util.stream.IntStream.range(1, threads).mapToObj(i -> "resnet-ode-kernel-" + i).toList());
        }
    }

    /** Many short tasks never see more threads than the parallelism holds (its pool has threads - 1 workers). */
    @Test
    void noMoreThreadsThanItHolds() {
        for (int threads : new int[] {2, 3}) {
            Set<Thread> seen = ConcurrentHashMap.newKeySet();
            Parallelism.of(threads).run(60, t -> {
                seen.add(Thread.currentThread());
                LockSupport.parkNanos(200_000);
            });
            assertThat(seen.size()).as("%d threads", threads).isBetween(1, threads);
        }
    }

    /** One task runs on the caller and keeps the work's parallelism, so the kernels it calls may still split (one row block). */
    @Test
    void aSingleTaskRunsOnTheCallerWithTheWorksThreads() {
        Parallelism two = Parallelism.of(2);
        Thread[] ran = new Thread[1];
        Parallelism[] inside = new Parallelism[1];
        two.call(() -> {
            two.run(1, t -> {
                ran[0] = Thread.currentThread();
                inside[0] = Parallelism.current();
            });
            return null;
        });
        assertThat(ran[0]).isSameAs(Thread.currentThread());
        assertThat(inside[0]).isSameAs(two);
    }

    /** A parallelism nobody refers to any more has its workers stopped (no thread left behind per instance). */
    @Test
    void theWorkersOfAnUnreachableParallelismStop() throws InterruptedException {
        Set<Thread> workers = ConcurrentHashMap.newKeySet();
        startWorkers(workers);
        assertThat(workers).isNotEmpty();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (workers.stream().anyMatch(Thread::isAlive) && System.nanoTime() < deadline) {
            System.gc();
            Thread.sleep(20);
        }
        assertThat(workers).noneMatch(Thread::isAlive);
    }

    /** Runs a region whose tasks wait for each other, so that every worker takes one; the parallelism is then dropped. */
    private static void startWorkers(Set<Thread> workers) {
        Parallelism parallelism = Parallelism.of(3);
        CountDownLatch together = new CountDownLatch(3);
        Thread caller = Thread.currentThread();
        parallelism.run(3, t -> {
            if (Thread.currentThread() != caller) {
                workers.add(Thread.currentThread());
            }
            together.countDown();
            try {
                together.await(20, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
        });
    }

    @Test
    void oneThreadRunsEveryTaskInOrderOnTheCaller() {
        Thread caller = Thread.currentThread();
        int[] order = new int[5];
        int[] next = {0};
        Parallelism.SERIAL.run(5, t -> {
            assertThat(Thread.currentThread()).isSameAs(caller);
            order[next[0]++] = t;
        });
        assertThat(order).containsExactly(0, 1, 2, 3, 4);
        assertThat(Parallelism.of(1)).isSameAs(Parallelism.SERIAL);
    }

    /**
     * Outer tasks held until both threads have one (so a worker runs one too), inside the work's call: each outer task's
     * work is serial, and its inner region runs on its own thread (a worker that handed it to its pool would wait for a
     * pool its caller holds).
     */
    @Test
    void nestedRegionsRunEveryInnerTaskOnceOnTheOuterTasksThread() {
        Parallelism parallelism = Parallelism.of(2);
        AtomicIntegerArray runs = new AtomicIntegerArray(8);
        AtomicIntegerArray elsewhere = new AtomicIntegerArray(1);
        Set<Thread> outerThreads = ConcurrentHashMap.newKeySet();
        CountDownLatch together = new CountDownLatch(2);
        parallelism.call(() -> {
            parallelism.run(2, outer -> {
                Thread outerThread = Thread.currentThread();
                outerThreads.add(outerThread);
                together.countDown();
                try {
                    assertThat(together.await(20, TimeUnit.SECONDS)).isTrue();
                } catch (InterruptedException e) {
                    throw new IllegalStateException(e);
                }
                assertThat(Parallelism.current()).as("inside a task the work is serial").isSameAs(Parallelism.SERIAL);
                parallelism.run(4, inner -> {
                    runs.incrementAndGet(outer * 4 + inner);
                    if (Thread.currentThread() != outerThread) {
                        elsewhere.incrementAndGet(0);
                    }
                });
            });
            return null;
        });
        for (int t = 0; t < 8; t++) {
            assertThat(runs.get(t)).isEqualTo(1);
        }
        assertThat(outerThreads).as("the caller and the worker").hasSize(2);
        assertThat(elsewhere.get(0)).as("inner tasks handed to another thread").isZero();
    }

    @Test
    void callMakesItTheCallingWorksParallelismUntilItReturns() {
        Parallelism two = Parallelism.of(2);
        Parallelism three = Parallelism.of(3);
        assertThat(Parallelism.current()).as("a thread given none").isSameAs(Parallelism.SERIAL);
        int seen = two.call(() -> three.call(() -> Parallelism.current().threads()) * 10 + Parallelism.current().threads());
        assertThat(seen).isEqualTo(32);
        assertThat(Parallelism.current()).isSameAs(Parallelism.SERIAL);
        assertThatThrownBy(() -> two.call(() -> {
            throw new IllegalStateException("work failed");
        })).hasMessage("work failed");
        assertThat(Parallelism.current()).as("restored after a failure").isSameAs(Parallelism.SERIAL);
    }

    @Test
    void aThreadAdoptsAParallelismForWhatItRunsNext() throws InterruptedException {
        int[] seen = new int[2];
        Thread command = new Thread(() -> {
            Parallelism.of(3).adoptForThisThread();
            seen[0] = Parallelism.current().threads();
            seen[1] = Parallelism.of(2).call(() -> Parallelism.current().threads());
        });
        command.start();
        command.join();
        assertThat(seen).containsExactly(3, 2);
        assertThat(Parallelism.current()).as("another thread's adoption").isSameAs(Parallelism.SERIAL);
    }

    @Test
    void aFailingTaskFailsTheCaller() {
        Parallelism parallelism = Parallelism.of(2);
        assertThatThrownBy(() -> parallelism.run(8, t -> {
            if (t == 5) {
                throw new IllegalStateException("task 5");
            }
        })).isInstanceOf(IllegalStateException.class).hasMessage("task 5");
        assertThatThrownBy(() -> parallelism.run(8, t -> {
            if (t == 6) {
                throw new AssertionError("task 6");
            }
        })).isInstanceOf(AssertionError.class).hasMessage("task 6");
        Exception checked = new java.io.IOException("task 7");
        assertThatThrownBy(() -> parallelism.run(8, t -> {
            if (t == 7) {
                ParallelismTest.<RuntimeException>sneakyThrow(checked);
            }
        })).isInstanceOf(IllegalStateException.class).hasCause(checked);
        AtomicIntegerArray runs = new AtomicIntegerArray(4);
        parallelism.run(4, runs::incrementAndGet);
        assertThat(runs.get(3)).as("the pool still works after a failure").isEqualTo(1);
        assertThat(parallelism.call(Parallelism::current)).as("the caller left its task").isSameAs(parallelism);
    }

    /** Throws a checked exception where the compiler does not expect one (as code in another JVM language may). */
    @SuppressWarnings("unchecked")
    private static <E extends Throwable> void sneakyThrow(Throwable e) throws E {
        throw (E) e;
    }

    @Test
    void rejectsCountsOutsideOneTo1024() {
        assertThatThrownBy(() -> Parallelism.of(0)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("threads must be in 1..1024, got 0");
        assertThatThrownBy(() -> Parallelism.of(1025)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("threads must be in 1..1024, got 1025");
        assertThat(Parallelism.of(1024).threads()).isEqualTo(1024);
        assertThat(Parallelism.allCores().threads()).isEqualTo(Math.min(1024, Runtime.getRuntime().availableProcessors()));
        assertThat(Parallelism.of(4)).hasToString("4 threads");
        assertThat(Parallelism.SERIAL).hasToString("1 thread");
    }
}
