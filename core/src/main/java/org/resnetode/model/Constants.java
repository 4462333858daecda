package org.resnetode.model;

/**
 * Certified constants of a residual function on a set of parameters and a ball of states:
 * {@code ||f(x,θ) - f(y,θ)|| <= lx ||x-y||}, {@code ||f(x,θ) - f(x,θ')|| <= lTheta ||θ-θ'||},
 * {@code ||f(x,θ)|| <= m}.
 */
public record Constants(double lx, double lTheta, double m) {

    /** Componentwise maximum: constants valid for the union of both sets. */
    public Constants max(Constants o) {
        return new Constants(Math.max(lx, o.lx), Math.max(lTheta, o.lTheta), Math.max(m, o.m));
    }

    public static final Constants ZERO = new Constants(0, 0, 0);
}
