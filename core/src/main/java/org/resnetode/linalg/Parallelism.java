package org.resnetode.linalg;

import java.lang.ref.Cleaner;
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
    /** Stops the pools of instances that are no longer reachable. */
    private static final Cleaner POOLS = Cleaner.create();
    private static final ThreadLocal<Scope> SCOPE = ThreadLocal.withInitial(Scope::new);

    private final int threads;
    private WorkerPool pool;

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

    private synchronized WorkerPool pool() {
        if (pool == null) {
            WorkerPool p = new WorkerPool(threads - 1);
            POOLS.register(this, p::shutdown);
            pool = p;
        }
        return pool;
    }

    @Override
    public String toString() {
        return threads == 1 ? "1 thread" : threads + " threads";
    }

    /** Marks this thread as running tasks of a region ({@link WorkerPool}'s workers, and its caller while it works). */
    static void inTask(boolean inTask) {
        SCOPE.get().inTask = inTask;
    }

    /** What a thread is running: the parallelism of its work, and whether it is a task of a region. */
    private static final class Scope {
        Parallelism current = SERIAL;
        boolean inTask;
    }
}
