package org.resnetode.spark;

import org.resnetode.sweep.Runner;
import org.resnetode.sweep.RunnerProvider;

/** Offers {@code --runner spark} to the main jar's {@code sweep} (found through {@link java.util.ServiceLoader}). */
public final class SparkRunnerProvider implements RunnerProvider {
    @Override
    public String name() {
        return "spark";
    }

    @Override
    public Runner create(String master) {
        return new SparkRunner(master == null ? "local[*]" : master);
    }
}
