package org.resnetode.claim;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.apache.commons.math3.distribution.NormalDistribution;

/**
 * The rate of a strong error estimated over independent paths, never from per-path slopes. The strong error at depth
 * N is {@code max_j E|x_j^N - x(t_j)|} over the compared times (one time, t = 1, for most families), the expectation
 * the mean over paths; the rate is the least-squares slope of {@code -log error} against {@code log N}. Its 95%
 * interval comes from a bootstrap over paths (paths resampled with replacement, percentile interval), and, for the
 * comparison with Kloeden and Rosa, also from their construction (below).
 */
public final class StrongErrorRate {
    private StrongErrorRate() {
    }

    /** A rate with its 95% interval. */
    public record Interval(double rate, double low, double high) {
    }

    /** {@code max_j mean_{p in idx} e[p][j]}; {@code idx} null means every path once. */
    static double strongError(double[][] e, int[] idx) {
        int m = idx == null ? e.length : idx.length;
        int times = e[0].length;
        double worst = 0;
        for (int j = 0; j < times; j++) {
            double s = 0;
            for (int q = 0; q < m; q++) {
                s += e[idx == null ? q : idx[q]][j];
            }
            worst = Math.max(worst, s / m);
        }
        return worst;
    }

    /** {@code max_j sqrt(mean_p e[p][j]²)}: the root-mean-square strong error. */
    static double rmsError(double[][] e) {
        double worst = 0;
        for (int j = 0; j < e[0].length; j++) {
            double s = 0;
            for (double[] row : e) {
                s += row[j] * row[j];
            }
            worst = Math.max(worst, Math.sqrt(s / e.length));
        }
        return worst;
    }

    /** Least-squares slope r of {@code log err = c - r log N}. */
    static double slope(int[] depths, double[] err) {
        int k = depths.length;
        double mx = 0;
        double my = 0;
        for (int i = 0; i < k; i++) {
            mx += Math.log(depths[i]) / k;
            my += Math.log(err[i]) / k;
        }
        double sxy = 0;
        double sxx = 0;
        for (int i = 0; i < k; i++) {
            double dx = Math.log(depths[i]) - mx;
            sxy += dx * (Math.log(err[i]) - my);
            sxx += dx * dx;
        }
        return -sxy / sxx;
    }

    /**
     * The rate of {@link #strongError} over {@code depths} ({@code errors[i]} the path × time errors at depth i) with
     * the 2.5% and 97.5% percentiles of the rates of {@code replicates} bootstrap resamples of the paths (the same
     * resampled paths at every depth: they are coupled).
     */
    public static Interval bootstrap(int[] depths, double[][][] errors, int replicates, long seed) {
        int m = errors[0].length;
        double[] err = new double[depths.length];
        for (int i = 0; i < depths.length; i++) {
            err[i] = strongError(errors[i], null);
        }
        double rate = slope(depths, err);
        SplittableRandom rng = new SplittableRandom(seed);
        double[] rates = new double[replicates];
        int[] idx = new int[m];
        for (int b = 0; b < replicates; b++) {
            for (int q = 0; q < m; q++) {
                idx[q] = rng.nextInt(m);
            }
            for (int i = 0; i < depths.length; i++) {
                err[i] = strongError(errors[i], idx);
            }
            rates[b] = slope(depths, err);
        }
        Arrays.sort(rates);
        return new Interval(rate, rates[(int) Math.floor(0.025 * (replicates - 1))],
                rates[(int) Math.ceil(0.975 * (replicates - 1))]);
    }

    /**
     * Kloeden and Rosa's interval (rode_convergence_euler, {@code solve}): at each depth the mean error and its standard
     * error at every compared time; with the Bonferroni level {@code 1 - 0.05/k} (k depths) and its normal quantile z,
     * the lower and upper errors {@code max_j (mean - z se)} and {@code max_j (mean + z se)}; the slopes of all 2^k
     * choices of lower or upper error per depth, whose extremes are the interval.
     */
    public static Interval kloedenRosa(int[] depths, double[][][] errors) {
        int k = depths.length;
        double z = new NormalDistribution().inverseCumulativeProbability((1 + (1 - 0.05 / k)) / 2);
        double[] point = new double[k];
        double[] lower = new double[k];
        double[] upper = new double[k];
        for (int i = 0; i < k; i++) {
            double[][] e = errors[i];
            int m = e.length;
            point[i] = strongError(e, null);
            lower[i] = Double.NEGATIVE_INFINITY;
            upper[i] = Double.NEGATIVE_INFINITY;
            for (int j = 0; j < e[0].length; j++) {
                double s = 0;
                double s2 = 0;
                for (double[] row : e) {
                    s += row[j];
                    s2 += row[j] * row[j];
                }
                double mean = s / m;
                double se = Math.sqrt(Math.abs(s2 - s * s / m) / (m - 1) / m);
                lower[i] = Math.max(lower[i], mean - z * se);
                upper[i] = Math.max(upper[i], mean + z * se);
            }
        }
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        double[] err = new double[k];
        for (int mask = 0; mask < 1 << k; mask++) {
            for (int i = 0; i < k; i++) {
                err[i] = (mask >> i & 1) == 0 ? lower[i] : upper[i];
            }
            double r = slope(depths, err);
            lo = Math.min(lo, r);
            hi = Math.max(hi, r);
        }
        return new Interval(slope(depths, point), lo, hi);
    }
}
