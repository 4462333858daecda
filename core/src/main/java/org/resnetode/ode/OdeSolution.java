package org.resnetode.ode;

/**
 * The reference solution {@code x(T)} with how it was obtained: the integrator tolerance, the
 * self-check difference {@code ||x_τ(T) - x_{τ/10}(T)||} against a 10× tighter solve, and the
 * largest state norm seen at the knots.
 */
public record OdeSolution(double[] x, double tolerance, double selfCheckDifference, double maxKnotNorm) {

    /**
     * True when the reference is at least {@code 1000×} more accurate than {@code error}:
     * {@code selfCheckDifference * 1000 <= error}.
     */
    public boolean accurateFor(double error) {
        return selfCheckDifference * OdeReference.REQUIRED_MARGIN <= error;
    }
}
