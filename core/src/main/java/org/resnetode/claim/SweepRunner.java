package org.resnetode.claim;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.resnetode.linalg.Parallelism;

/**
 * Runs the independent configurations of a sweep (a list of small configuration values mapped to results) on the
 * threads of a {@link Parallelism}, and returns the results in the order of the configurations, so the
 * output is the same, byte for byte, whatever the number of threads. Inside a configuration the kernels run on
 * the thread that runs it (nested parallel regions run inline). Kept a plain map from configurations to
 * results so that a distributed engine ({@code parallelize(configs).map(run)}) could run the same sweep.
 */
public final class SweepRunner {
    private SweepRunner() {
    }

    /** {@code [run(c) for c in configs]} on the threads of the calling work ({@link Parallelism#current()}). */
    public static <C, R> List<R> map(List<C> configs, Function<C, R> run) {
        return map(Parallelism.current(), configs, run);
    }

    /** {@code [run(c) for c in configs]}, computed on {@code parallelism}'s threads; the first failure is rethrown. */
    public static <C, R> List<R> map(Parallelism parallelism, List<C> configs, Function<C, R> run) {
        Object[] results = new Object[configs.size()];
        RuntimeException[] failures = new RuntimeException[configs.size()];
        Error[] errors = new Error[configs.size()];
        parallelism.run(configs.size(), i -> {
            try {
                results[i] = run.apply(configs.get(i));
            } catch (RuntimeException e) {
                failures[i] = e;
            } catch (Error e) {
                errors[i] = e;
            }
        });
        for (int i = 0; i < configs.size(); i++) {
            if (errors[i] != null) {
                throw errors[i];
            }
            if (failures[i] != null) {
                throw failures[i];
            }
        }
        List<R> out = new ArrayList<>(configs.size());
        for (Object r : results) {
            @SuppressWarnings("unchecked")
            R value = (R) r;
            out.add(value);
        }
        return out;
    }

    /** A progress sink safe to call from the sweep's threads (lines never interleave within a line). */
    public static Progress synchronizedProgress(Progress progress) {
        Object lock = new Object();
        return line -> {
            synchronized (lock) {
                progress.report(line);
            }
        };
    }
}
