package org.resnetode.ode;

/**
 * A distance to the reference solution, the reference used (null when the solver gave up), and why the
 * distance must not be reported as measured ({@code refusal}, null when the reference's self-check allows it).
 */
public record MeasuredDistance(double distance, OdeSolution reference, String refusal) {

    /** True when the reference is at least {@link OdeReference#REQUIRED_MARGIN} times more accurate than the distance. */
    public boolean accepted() {
        return refusal == null;
    }
}
