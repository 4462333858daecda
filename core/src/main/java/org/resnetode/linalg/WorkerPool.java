package org.resnetode.linalg;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;
import java.util.function.IntConsumer;

/**
 * The threads of one {@link Parallelism}: workers that pick up each published job; the caller works too, then waits
 * for the stragglers. Refers to no {@link Parallelism}, and keeps no job once it is done (a job's tasks may refer to
 * their parallelism), so that its owner can become unreachable and have it stopped.
 */
final class WorkerPool {
    /** Busy-wait iterations before an idle worker parks (some tens of microseconds: parallel regions follow each other fast). */
    private static final int SPINS = 1_000;

    private final Thread[] workers;
    private long jobs;
    private volatile Job job;
    private volatile boolean stopped;

    WorkerPool(int size) {
        workers = new Thread[size];
        for (int i = 0; i < size; i++) {
            workers[i] = new Thread(this::loop, "resnet-ode-kernel-" + (i + 1));
            workers[i].setDaemon(true);
            workers[i].start();
        }
    }

    /** {@code body.accept(t)} for t = 0..tasks-1 on the workers and the caller; the first failure is rethrown. */
    synchronized void run(int tasks, IntConsumer body) {
        Job j = new Job(++jobs, tasks, body);
        job = j;
        for (Thread w : workers) {
            LockSupport.unpark(w);
        }
        Parallelism.inTask(true);
        try {
            j.work();
        } finally {
            Parallelism.inTask(false);
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

    /** Lets the workers end (they stop once their current job is done). */
    void shutdown() {
        stopped = true;
        for (Thread w : workers) {
            LockSupport.unpark(w);
        }
    }

    /** A worker: every task it runs is a task of a region; it spins a while for the next job, then parks. */
    private void loop() {
        Parallelism.inTask(true);
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
}
