package org.resnetode.stats;

import java.util.ArrayList;
import java.util.List;
import org.apache.commons.math3.stat.regression.SimpleRegression;

/**
 * The rate r in {@code error ≈ c N^{-r}}: least-squares slope of log(error) against log(N), with its
 * 95% confidence interval, over the depths in {@code [minDepth, maxDepth]} whose error is above a
 * round-off floor.
 */
public record RateFit(String quantity, double rate, double ci95Low, double ci95High,
                      int depthLow, int depthHigh, int points, double logConstant) {

    /**
     * Fits {@code log e = log c - r log N} over the admissible points.
     *
     * @param floor errors at or below it are round-off and dropped
     * @throws IllegalArgumentException when fewer than 2 points remain
     */
    public static RateFit fit(String quantity, int[] depths, double[] errors, int minDepth, int maxDepth, double floor) {
        SimpleRegression regression = new SimpleRegression();
        List<Integer> used = new ArrayList<>();
        for (int i = 0; i < depths.length; i++) {
            if (depths[i] >= minDepth && depths[i] <= maxDepth && Double.isFinite(errors[i]) && errors[i] > floor) {
                regression.addData(Math.log(depths[i]), Math.log(errors[i]));
                used.add(depths[i]);
            }
        }
        if (used.size() < 2) {
            throw new IllegalArgumentException(maxDepth < minDepth
                    ? "rate of " + quantity + ": no depth of the ladder reaches N = " + minDepth + " (it ends at N = " + maxDepth + ")"
                    : "rate of " + quantity + ": fewer than 2 depths in [" + minDepth + ", " + maxDepth
                            + "] with a finite value above " + floor);
        }
        double rate = -regression.getSlope();
        double half = used.size() > 2 ? regression.getSlopeConfidenceInterval(0.05) : Double.NaN;
        int lo = used.stream().mapToInt(Integer::intValue).min().orElseThrow();
        int hi = used.stream().mapToInt(Integer::intValue).max().orElseThrow();
        return new RateFit(quantity, rate, rate - half, rate + half, lo, hi, used.size(), regression.getIntercept());
    }

    /** True when the fitted rate (the point estimate) lies in {@code [lo, hi]}. */
    public boolean rateWithin(double lo, double hi) {
        return rate >= lo && rate <= hi;
    }
}
