package org.resnetode.linalg;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;
import java.util.function.IntConsumer;

/**
 * The fixed pool of threads the kernels split their work over (default: every core; {@link #setThreads}).
 *
 * <p>Determinism: {@link #run} executes tasks that write disjoint outputs, each computed by one thread in an
 * order that does not depend on which thread runs it, so results are bitwise identical whatever the thread
 * count. Nested calls (a task that itself calls {@link #run}) run inline on the calling thread.
 */
public final class Parallelism {
    /** Busy-wait iterations before an idle worker parks (some tens of microseconds: parallel regions follow each other fast). */
    private static final int SPINS = 1_000;
    private static final ThreadLocal<Boolean> INSIDE = ThreadLocal.withInitial(() -> false);
    private static volatile int threads = Runtime.getRuntime().availableProcessors();
    private static Pool pool;

    private Parallelism() {
    }

    /** Number of threads {@link #run} uses, the caller included. */
    public static int threads() {
        return threads;
    }

    /** Sets the number of threads (at least 1); the pool is rebuilt on the next {@link #run}. */
    public static synchronized void setThreads(int n) {
        if (n < 1) {
            throw new IllegalArgumentException("threads must be at least 1, got " + n);
        }
        if (n != threads && pool != null) {
            pool.shutdown();
            pool = null;
        }
        threads = n;
    }

    /** Whether this thread is running a task of {@link #run} (where a nested {@code run} runs its tasks in order, on it). */
    public static boolean inside() {
        return INSIDE.get();
    }

    /** Runs {@code task.accept(t)} for t = 0..tasks-1, each exactly once, on up to {@link #threads()} threads. */
    public static void run(int tasks, IntConsumer task) {
        if (tasks <= 1 || inside()) {
            for (int t = 0; t < tasks; t++) {
                task.accept(t);
            }
            return;
        }
        Pool p;
        synchronized (Parallelism.class) {
            if (threads == 1) {
                p = null;
            } else {
                if (pool == null) {
                    pool = new Pool(threads - 1);
                }
                p = pool;
            }
        }
        if (p == null) {
            for (int t = 0; t < tasks; t++) {
                task.accept(t);
            }
            return;
        }
        p.run(tasks, task);
    }

    /** One parallel region: a shared task counter, a completion counter and the first failure. */
    private static final class Job {
        final int tasks;
        final IntConsumer body;
        final AtomicInteger next = new AtomicInteger();
        final AtomicInteger done = new AtomicInteger();
        final AtomicReference<Throwable> failure = new AtomicReference<>();

        Job(int tasks, IntConsumer body) {
            this.tasks = tasks;
            this.body = body;
        }

        void work() {
            for (int t = next.getAndIncrement(); t < tasks; t = next.getAndIncrement()) {
                try {
                    body.accept(t);
                } catch (Throwable e) {
                    failure.compareAndSet(null, e);
                } finally {
                    done.incrementAndGet();
                }
            }
        }
    }

    /** Worker threads that pick up each published job; the caller works too, then waits for the stragglers. */
    private static final class Pool {
        private final Thread[] workers;
        private volatile Job job;
        private volatile boolean stopped;

        Pool(int size) {
            workers = new Thread[size];
            for (int i = 0; i < size; i++) {
                workers[i] = new Thread(this::loop, "resnet-ode-kernel-" + (i + 1));
                workers[i].setDaemon(true);
                workers[i].start();
            }
        }

        synchronized void run(int tasks, IntConsumer body) {
            Job j = new Job(tasks, body);
            job = j;
            for (Thread w : workers) {
                LockSupport.unpark(w);
            }
            INSIDE.set(true);
            try {
                j.work();
            } finally {
                INSIDE.set(false);
            }
            for (int spin = 0; j.done.get() < tasks; spin++) {
                if (spin < SPINS) {
                    Thread.onSpinWait();
                } else {
                    Thread.yield();
                }
            }
            Throwable e = j.failure.get();
            if (e instanceof RuntimeException) {
                throw (RuntimeException) e;
            }
            if (e instanceof Error) {
                throw (Error) e;
            }
            if (e != null) {
                throw new IllegalStateException(e);
            }
        }

        void shutdown() {
            stopped = true;
            for (Thread w : workers) {
                LockSupport.unpark(w);
            }
        }

        private void loop() {
            INSIDE.set(true);
            Job seen = null;
            int idle = 0;
            while (!stopped) {
                Job j = job;
                if (j != seen) {
                    seen = j;
                    idle = 0;
                    j.work();
                } else if (idle++ < SPINS) {
                    Thread.onSpinWait();
                } else {
                    LockSupport.park(this);
                }
            }
        }
    }
}
