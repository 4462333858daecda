package org.resnetode.assertions;

/**
 * Entry point of the convergence assertions, in the AssertJ style:
 *
 * <pre>{@code
 * import static org.resnetode.assertions.ConvergenceAssertions.assertThatErrors;
 * import static org.assertj.core.api.Assertions.within;
 *
 * assertThatErrors(new int[] {16, 32, 64, 128}, errors).convergesAtRate(1.0, within(0.1));
 * }</pre>
 *
 * A rate r is the least-squares slope of {@code log error} against {@code log N} (error ≈ c N^-r) with its 95%
 * confidence interval ({@link org.resnetode.stats.RateFit}), over the depths whose error lies above a round-off
 * floor ({@link ErrorsAssert#aboveRoundOff}, default 0).
 */
public final class ConvergenceAssertions {
    private ConvergenceAssertions() {
    }

    /** Assertions on the errors measured at the given depths (same length, depths positive, errors finite). */
    public static ErrorsAssert assertThatErrors(int[] depths, double[] errors) {
        return new ErrorsAssert(new Errors(depths, errors));
    }
}
