package org.resnetode.report;

/** A claim's identity under the contract, fixed at construction: its name, heading, configuration type and sweep priority. */
public abstract class AbstractClaimSpec<C> implements ClaimSpec<C> {
    private final String name;
    private final String heading;
    private final Class<C> configType;
    private final int sweepPriority;

    protected AbstractClaimSpec(String name, String heading, Class<C> configType, int sweepPriority) {
        this.name = name;
        this.heading = heading;
        this.configType = configType;
        this.sweepPriority = sweepPriority;
    }

    @Override
    public final String name() {
        return name;
    }

    @Override
    public final String heading() {
        return heading;
    }

    @Override
    public final Class<C> configType() {
        return configType;
    }

    @Override
    public final int sweepPriority() {
        return sweepPriority;
    }
}
