package org.resnetode;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;
import java.util.function.ToDoubleFunction;
import org.resnetode.model.Gaussian;

/** Vector helpers shared by the unit tests. */
public final class TestVectors {
    private TestVectors() {
    }

    /** {@code ||a[off..off+n) - b|| / ||b||}, asserting the reference {@code b} is not zero. */
    public static double relativeError(double[] a, int off, double[] b) {
        double num = 0;
        double den = 0;
        for (int i = 0; i < b.length; i++) {
            num += (a[off + i] - b[i]) * (a[off + i] - b[i]);
            den += b[i] * b[i];
        }
        assertThat(den).as("reference gradient is non-zero").isGreaterThan(1e-12);
        return Math.sqrt(num / den);
    }

    /**
     * Central differences {@code (L(v + δ e_j) - L(v - δ e_j)) / (2δ)} of a scalar function of {@code v}
     * in the coordinates {@code off..off+n)}; {@code v} itself is not modified.
     */
    public static double[] centralDifference(ToDoubleFunction<double[]> loss, double[] v, int off, int n, double step) {
        double[] g = new double[n];
        for (int j = 0; j < n; j++) {
            double[] plus = v.clone();
            double[] minus = v.clone();
            plus[off + j] += step;
            minus[off + j] -= step;
            g[j] = (loss.applyAsDouble(plus) - loss.applyAsDouble(minus)) / (2 * step);
        }
        return g;
    }

    /** n i.i.d. N(0, scale²) draws. */
    public static double[] gaussian(SplittableRandom rng, int n, double scale) {
        double[] v = new double[n];
        for (int i = 0; i < n; i++) {
            v[i] = scale * Gaussian.next(rng);
        }
        return v;
    }
}
