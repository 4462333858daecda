package org.resnetode.scheme;

import org.apache.commons.math3.fraction.BigFraction;

/**
 * The depth convention of a scheme at depth N, in one place: step size {@code h = 1/N}, the {@code S} steps a network
 * takes ({@code S = N}; {@code S = N - 1} in the paper's reference-code convention, {@code heun-reference}), the weight
 * samples {@code θ_0..θ_K} it reads at the knots {@code t_n = n h} ({@code K + 1 = S}, or {@code S + 1} when a stage
 * reads θ_{n+1}), and the time {@code T = S h} it reaches.
 *
 * @param depth       N
 * @param steps       S, the steps taken
 * @param weightCount K + 1, the weight samples read
 */
public record DepthGrid(int depth, int steps, int weightCount) {

    /**
     * The grid of {@code scheme} at depth N: N steps, or N - 1 in the reference convention (which needs N >= 2);
     * one more weight sample than steps when the tableau's last stage time is above 0.
     *
     * @throws org.resnetode.checks.BadInputException when the depth is below the convention's minimum
     */
    public static DepthGrid of(Scheme scheme, int depth) {
        int minimum = minimumDepth(scheme.referenceConvention());
        if (depth < minimum) {
            throw new org.resnetode.checks.BadInputException("depth must be at least " + minimum + " for scheme " + scheme.name() + ", got " + depth);
        }
        int steps = scheme.referenceConvention() ? depth - 1 : depth;
        return new DepthGrid(depth, steps, steps + (scheme.tableau().lastStageTime() > 0 ? 1 : 0));
    }

    /** Smallest depth of a convention: the reference convention needs one step, so N >= 2. */
    public static int minimumDepth(boolean referenceConvention) {
        return referenceConvention ? 2 : 1;
    }

    /** {@code h = 1/N}. */
    public double stepSize() {
        return 1.0 / depth;
    }

    /** {@code h = 1/N} exactly. */
    public BigFraction exactStepSize() {
        return new BigFraction(1, depth);
    }

    /** {@code T = S h}, the time the network reaches. */
    public double finalTime() {
        return steps * stepSize();
    }

    /** Index K of the last weight sample. */
    public int lastKnot() {
        return weightCount - 1;
    }
}
