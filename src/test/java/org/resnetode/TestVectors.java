package org.resnetode;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;
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

    /** n i.i.d. N(0, scale²) draws. */
    public static double[] gaussian(SplittableRandom rng, int n, double scale) {
        double[] v = new double[n];
        for (int i = 0; i < n; i++) {
            v[i] = scale * Gaussian.next(rng);
        }
        return v;
    }
}
