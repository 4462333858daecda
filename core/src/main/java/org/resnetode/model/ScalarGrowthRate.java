package org.resnetode.model;

/**
 * Whether a field is a scalar linear one, {@code x' = g(θ(t)) x} with one component and one parameter, and its rate g:
 * then {@code x(T) = x_0 exp(∫_0^T g(θ(t)) dt)} in closed form (the certified bound's {@code ScalarLinearFlow}, the
 * distance's reference {@code ScalarLinearSolution}).
 */
public enum ScalarGrowthRate {
    /** Not a scalar linear field. */
    NONE,
    /** {@code g = θ}: the linear family at d = 1. */
    THETA,
    /** {@code g = θ²}: theta2. */
    THETA_SQUARED
}
