package org.resnetode.bound;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.resnetode.model.MlpFamily;
import org.resnetode.model.ResidualFunction;
import org.resnetode.model.TanhFamily;

/**
 * The tail of a tanh field's Taylor series ({@link TanhSeriesTail}) against the exact tail: the exact coefficients
 * from the exact recurrences in 60-digit BigDecimal ({@link BallFieldTest#exactCoefficients}) summed to order 40
 * (the terms decay by a factor below 1/8 per order here, so the rest is below 1e-20 of the sum). The bound lies above
 * the exact tail, and below the Lagrange remainder {@code w^{q+1} K_{q+1}} of the norm majorant started from ||z||,
 * which the tail replaces.
 */
class TanhSeriesTailTest {
    private static final int EXACT_ORDER = 40;

    @Test
    void tailIsAboveTheExactTailAndBelowTheLagrangeMajorant() {
        SplittableRandom rng = new SplittableRandom(4711);
        int checked = 0;
        for (String family : new String[] {"tanh", "mlp"}) {
            for (int trial = 0; trial < 16; trial++) {
                int d = 1 + trial % 4;
                int hidden = 1 + (trial * 3) % 4;
                ResidualFunction f = family.equals("tanh") ? new TanhFamily(d) : new MlpFamily(d, hidden);
                int p = family.equals("tanh") ? d * d : 2 * hidden * d;
                // smooth trials: θ_b - θ_a of order 1/N; rough ones: θ_b independent of θ_a
                boolean smooth = trial % 4 != 3;
                double[] w = new double[2 * p];
                for (int i = 0; i < p; i++) {
                    w[i] = (rng.nextDouble() * 2 - 1) * 1.5 / Math.sqrt(d);
                    w[p + i] = smooth ? w[i] + (rng.nextDouble() * 2 - 1) * 0.1 : (rng.nextDouble() * 2 - 1) * 1.5 / Math.sqrt(d);
                }
                int depth = new int[] {16, 64, 256}[trial % 3];
                int m = 1 << (trial % 2);
                int j = trial % m;
                int q = 2 + trial % 4;
                double[] z = new double[d];
                for (int i = 0; i < d; i++) {
                    z[i] = (rng.nextDouble() * 2 - 1) * 2;
                }
                BallField field = BallField.of(f, 8);
                field.depth(depth);
                field.knots(w, 0, p, false);
                double u0 = (double) j / m;
                double step = 1.0 / m;
                field.start(z);
                for (int k = 0; k < q; k++) {
                    field.next(k, u0);
                }
                double tail = field.seriesTail(q, step);
                BigDecimal[][] exact = BallFieldTest.exactCoefficients(family, w, 0, p, d, hidden, z, depth,
                        new BigDecimal(u0), EXACT_ORDER);
                BigDecimal sum = BigDecimal.ZERO;
                BigDecimal weight = BigDecimal.ONE;
                BigDecimal big = new BigDecimal(step);
                for (int k = 0; k <= EXACT_ORDER; k++) {
                    if (k > q) {
                        BigDecimal largest = BigDecimal.ZERO;
                        for (int i = 0; i < d; i++) {
                            largest = largest.max(exact[k][i].abs());
                        }
                        sum = sum.add(largest.multiply(weight));
                    }
                    weight = weight.multiply(big);
                }
                String where = String.format("%s d = %d, N = %d, m = %d, u0 = %s, q = %d", family, d, depth, m, u0, q);
                if (!smooth && tail == Double.POSITIVE_INFINITY) {
                    continue;
                }
                assertThat(tail).as(where + ": finite").isFinite();
                assertThat(new BigDecimal(tail).compareTo(sum)).as(where + ": tail %s >= exact %s", tail, sum)
                        .isGreaterThanOrEqualTo(0);
                checked++;
            }
        }
        assertThat(checked).isGreaterThanOrEqualTo(24);
    }

    /** A candidate that does not verify gives no bound: h ||W|| = 40 per order, the series diverges at w = 1. */
    @Test
    void aDivergentSeriesHasNoTail() {
        double[] w = {40, 40};
        BallField field = BallField.of(new TanhFamily(1), 8);
        field.depth(1);
        field.knots(w, 0, 1, false);
        field.start(new double[] {0.3});
        field.next(0, 0);
        field.next(1, 0);
        assertThat(field.seriesTail(2, 1)).isInfinite();
    }
}
