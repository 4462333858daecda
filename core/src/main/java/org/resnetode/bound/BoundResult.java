package org.resnetode.bound;

/**
 * A certified a-posteriori bound on {@code ||x_N - x(T)||} and how it was obtained.
 *
 * @param bound        {@code shadowDistance + radius}, rounded up; +∞ when no enclosure could be verified (overflow, or
 *                     a knot interval that would need more than {@link CertifiedBound#MAX_SUBSTEPS} substeps)
 * @param shadowDistance an upper bound of {@code ||x_N - z_N||}, z the validated Taylor trajectory
 * @param radius       the certified radius r_N with {@code ||z_N - x(T)|| <= r_N}
 * @param shadow       the end point z_N of the validated trajectory (a point the exact x(T) lies within r_N of)
 * @param order        Taylor order Q of the validated steps; 0 for the closed form of a scalar linear field
 *                     ({@link ScalarLinearFlow}: shadow the midpoint of its enclosure of x(T), radius its half-width)
 * @param substeps     validated steps taken in all (at least one per knot interval; the closed form: one per interval)
 */
public record BoundResult(double bound, double shadowDistance, double radius, double[] shadow, int order, long substeps) {

    /** True when the bound is a finite number. */
    public boolean certified() {
        return Double.isFinite(bound);
    }

    /** {@code error / bound}: in (0, 1] when the bound holds and the error is not 0. */
    public double tightness(double error) {
        return error / bound;
    }
}
