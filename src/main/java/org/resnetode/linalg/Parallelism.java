package org.resnetode.linalg;

import java.lang.ref.Cleaner;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;
import java.util.function.IntConsumer;
import java.util.function.Supplier;

/**
 * How many threads a piece of work may use: a value carried by the work (a gradient method, a sweep, a command),
 * never a setting of the JVM. Each instance with more than one thread owns its pool (started on its first
 * {@link #run}, stopped when the instance is no longer reachable), so two computations with different thread
 * counts run side by side in one JVM.
 *
 * <p>The kernels ({@link Gemm}, {@link Elementwise}) sit below the model's families, which know nothing of threads:
 * they split over the parallelism of the work running on the calling thread, {@link #current()}, which
 * {@link #call} sets for the duration of a piece of work. Inside a task of {@link #run} the current parallelism is
 * {@link #SERIAL}, and every {@code run} runs its tasks in order on the calling thread: nested regions never
 * oversubscribe the cores or wait for a pool that is waiting for them.
 *
 * <p>Determinism: {@link #run} executes tasks that write disjoint outputs, each computed by one thread in an
 * order that does not depend on which thread runs it, so results are bitwise identical whatever the thread
 * count.
 */
public final class Parallelism {
    /** Most threads accepted. */
    public static final int MAX_THREADS = 1024;
    /** One thread: every task in order on the caller. The parallelism of work that was given none. */
    public static final Parallelism SERIAL = new Parallelism(1);
    /** Busy-wait iterations before an idle worker parks (some tens of microseconds: parallel regions follow each other fast). */
    private static final int SPINS = 1_000;
    /** Stops the pools of instances that are no longer reachable. */
    private static final Cleaner POOLS = Cleaner.create();
    private static final ThreadLocal<Scope> SCOPE = ThreadLocal.withInitial(Scope::new);

    private final int threads;
    private Pool pool;

    private Parallelism(int threads) {
        this.threads = threads;
    }

    /**
     * {@code threads} threads, the caller included ({@link #SERIAL} for 1).
     *
     * @throws IllegalArgumentException outside 1..{@link #MAX_THREADS} (a caller validates user input before)
     */
    public static Parallelism of(int threads) {
        if (threads < 1 || threads > MAX_THREADS) {
            throw new IllegalArgumentException("threads must be in 1.." + MAX_THREADS + ", got " + threads);
        }
        return threads == 1 ? SERIAL : new Parallelism(threads);
    }

    /** Every core of the machine. */
    public static Parallelism allCores() {
        return of(Math.min(MAX_THREADS, Runtime.getRuntime().availableProcessors()));
    }

    /** Number of threads {@link #run} uses, the caller included. */
    public int threads() {
        return threads;
    }

    /**
     * The parallelism of the work running on this thread: the one of the innermost {@link #call}, {@link #SERIAL}
     * inside a task of {@link #run} and on a thread that was given none.
     */
    public static Parallelism current() {
        Scope scope = SCOPE.get();
        return scope.inTask ? SERIAL : scope.current;
    }

    /** {@code work.get()} on this thread with this parallelism as {@link #current()} (restored afterwards). */
    public <T> T call(Supplier<T> work) {
        Scope scope = SCOPE.get();
        Parallelism outer = scope.current;
        scope.current = this;
        try {
            return work.get();
        } finally {
            scope.current = outer;
        }
    }

    /**
     * Makes this parallelism {@link #current()} for everything this thread runs from now on, outside any
     * {@link #call}: a command line's command, which owns its thread from start to end.
     */
    public void adoptForThisThread() {
        SCOPE.get().current = this;
    }

    /**
     * Runs {@code task.accept(t)} for t = 0..tasks-1, each exactly once, on up to {@link #threads()} threads; in
     * order on the caller when there is one thread or one task, or when the caller is itself a task of a region.
     */
    public void run(int tasks, IntConsumer task) {
        if (tasks <= 1 || threads == 1 || SCOPE.get().inTask) {
            for (int t = 0; t < tasks; t++) {
                task.accept(t);
            }
            return;
        }
        pool().run(tasks, task);
    }

    private synchronized Pool pool() {
        if (pool == null) {
            Pool p = new Pool(threads - 1);
            POOLS.register(this, p::shutdown);
            pool = p;
        }
        return pool;
    }

    @Override
    public String toString() {
        return threads == 1 ? "1 thread" : threads + " threads";
    }

    /** What a thread is running: the parallelism of its work, and whether it is a task of a region. */
    private static final class Scope {
        Parallelism current = SERIAL;
        boolean inTask;
    }

    /** One parallel region: a shared task counter, a completion counter and the first failure. */
    private static final class Job {
        final long id;
        final int tasks;
        final IntConsumer body;
        final AtomicInteger next = new AtomicInteger();
        final AtomicInteger done = new AtomicInteger();
        final AtomicReference<Throwable> failure = new AtomicReference<>();

        Job(long id, int tasks, IntConsumer body) {
            this.id = id;
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

    /**
     * Worker threads that pick up each published job; the caller works too, then waits for the stragglers. Refers to
     * no {@link Parallelism}, and keeps no job once it is done (a job's tasks may refer to their parallelism), so that
     * its owner can become unreachable and have it stopped.
     */
    private static final class Pool {
        private final Thread[] workers;
        private long jobs;
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
            Job j = new Job(++jobs, tasks, body);
            job = j;
            for (Thread w : workers) {
                LockSupport.unpark(w);
            }
            Scope scope = SCOPE.get();
            scope.inTask = true;
            try {
                j.work();
            } finally {
                scope.inTask = false;
            }
            for (int spin = 0; j.done.get() < tasks; spin++) {
                if (spin < SPINS) {
                    Thread.onSpinWait();
                } else {
                    Thread.yield();
                }
            }
            job = null;
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
            SCOPE.get().inTask = true;
            long seen = 0;
            int idle = 0;
            while (!stopped) {
                Job j = job;
                if (j != null && j.id != seen) {
                    seen = j.id;
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
