package org.resnetode.sweep;

import java.util.List;
import java.util.ServiceLoader;
import org.resnetode.checks.BadInputException;

/**
 * Makes a {@link Runner} by name; implementations outside the main jar (the Spark module's) are found with
 * {@link ServiceLoader}, so the main jar does not depend on them.
 */
public interface RunnerProvider {
    /** The runner's name for {@code --runner}. */
    String name();

    /** A runner for {@code master} (the Spark master URL; ignored by runners without one). */
    Runner create(String master);

    /** The runner named {@code name}: {@code threads}, or one a provider on the class path offers. */
    static Runner byName(String name, String master) {
        if (name.equals("threads")) {
            if (master != null) {
                throw new BadInputException("--master applies to --runner spark only, not to threads");
            }
            return new ThreadRunner();
        }
        List<String> names = new java.util.ArrayList<>(List.of("threads"));
        for (RunnerProvider p : ServiceLoader.load(RunnerProvider.class)) {
            if (p.name().equals(name)) {
                return p.create(master);
            }
            names.add(p.name());
        }
        if (name.equals("spark")) {
            throw new BadInputException("--runner spark: the Spark runner is not on the class path; run the sweep with "
                    + "bin/resnet-ode-spark (it builds the spark module) instead of bin/resnet-ode");
        }
        throw new BadInputException("unknown runner '" + org.resnetode.checks.Printable.of(name, 30) + "' (expected one of "
                + names + ")");
    }
}
