package org.resnetode.bound;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * {@link RoundOff#distanceUp} on components of unrelated magnitudes (exponents from -60 to 60, either one larger), where
 * the computed difference {@code a - b} is inexact and may round towards 0: the difference must be rounded up in
 * magnitude (nextUp of the positive difference), or the bound can fall below {@code ||a - b||_2}, computed in BigDecimal.
 */
class DistanceUpEdgeTest {
    private static final MathContext MC = new MathContext(50);

    @Test
    void inexactDifferencesOfEitherSignAreRoundedUpInMagnitude() {
        SplittableRandom rng = new SplittableRandom(74);
        for (int trial = 0; trial < 20_000; trial++) {
            int n = rng.nextInt(1, 5);
            double[] a = new double[n];
            double[] b = new double[n];
            BigDecimal s = BigDecimal.ZERO;
            for (int i = 0; i < n; i++) {
                a[i] = rng.nextDouble() * Math.pow(2, rng.nextInt(-60, 60));
                b[i] = rng.nextDouble() * Math.pow(2, rng.nextInt(-60, 60));
                BigDecimal e = new BigDecimal(a[i]).subtract(new BigDecimal(b[i]));
                s = s.add(e.multiply(e));
            }
            BigDecimal exact = s.sqrt(MC);
            double bound = RoundOff.distanceUp(a, b, n);
            assertThat(new BigDecimal(bound).compareTo(exact)).as("trial %d: %s >= ||a - b|| = %s", trial, bound, exact)
                    .isGreaterThanOrEqualTo(0);
            assertThat(bound).as("tight").isLessThanOrEqualTo(exact.doubleValue() * (1 + 1e-14));
        }
    }
}
