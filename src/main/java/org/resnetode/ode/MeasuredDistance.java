package org.resnetode.ode;

/** A distance to the reference solution, the reference used, and whether its self-check allows reporting it. */
public record MeasuredDistance(double distance, OdeSolution reference, boolean accepted) {
}
