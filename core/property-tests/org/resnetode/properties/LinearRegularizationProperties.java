package org.resnetode.properties;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;

import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.commons.math3.linear.MatrixUtils;
import org.apache.commons.math3.linear.SingularValueDecomposition;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;
import org.resnetode.claim.Progress;
import org.resnetode.claim.RegularizationClaim;
import org.resnetode.claim.RegularizationConfig;
import org.resnetode.train.linear.Targets;
import org.resnetode.train.linear.TrainingHistory;

/**
 * Claim R as a property (MATH.md section 3): for random targets {@code B = I + s G/√d}, s <= 0.5, d = 2..6, trained from
 * zero with η = 0.25 for T = 100 at N = 16 and N = 128, the loss goes below 1e-10 and {@code sup_t S(t)} of the two
 * depths agree within 10%.
 *
 * <p>The hypothesis "small enough initial loss" is made concrete as {@code ||B - I||_2 <= 1/2} (then B's eigenvalues lie
 * in the disc of radius 1/2 around 1 and B has a real logarithm near 0): s <= 0.5 alone does not suffice, measured:
 * about 5-10% of the draws at s = 0.5 stall or converge too slowly (d = 2, seed 123 stalls at loss 0.18, see
 * {@code RegularizationClaimTest#halfScaleIsNotSmallEnoughForEveryTarget}). Draws outside the hypothesis are discarded,
 * and the property requires at least {@value #MIN_CHECKED} checked draws.
 */
@Execution(ExecutionMode.CONCURRENT)
class LinearRegularizationProperties {
    static final int EXAMPLES = 40;
    static final int MIN_CHECKED = 20;

    @Test
    void smallInitialLossTrainsToZeroWithDepthIndependentSmoothness() {
        AtomicInteger checked = new AtomicInteger();
        qt().withFixedSeed(9009L).withExamples(EXAMPLES)
                .forAll(integers().between(5, 50).map(i -> i / 100.0), integers().between(2, 6), Generators.seeds())
                .assuming((s, d, seed) -> distanceToIdentity(Targets.random(s, d, seed), d) <= 0.5)
                .checkAssert((s, d, seed) -> {
                    checked.incrementAndGet();
                    RegularizationConfig cfg = new RegularizationConfig(d, "random:" + s, seed, new int[] {16, 128}, 0.25, 100, 20,
                            RegularizationConfig.ZERO, 0, 1e-10);
                    var h = RegularizationClaim.train(cfg, List.of(16, 128), Progress.SILENT);
                    TrainingHistory shallow = h.get(16);
                    TrainingHistory deep = h.get(128);
                    assertThat(shallow.finalLoss()).as("loss at N = 16, s=%s d=%d seed=%d", s, d, seed).isLessThan(1e-10);
                    assertThat(deep.finalLoss()).as("loss at N = 128, s=%s d=%d seed=%d", s, d, seed).isLessThan(1e-10);
                    double lo = Math.min(shallow.supSmoothness(), deep.supSmoothness());
                    double hi = Math.max(shallow.supSmoothness(), deep.supSmoothness());
                    assertThat(hi).as("sup S(t) at N = 16 and 128 within 10%%, s=%s d=%d seed=%d", s, d, seed)
                            .isLessThanOrEqualTo(1.1 * lo);
                });
        assertThat(checked.get()).as("draws satisfying ||B - I||_2 <= 1/2").isGreaterThanOrEqualTo(MIN_CHECKED);
    }

    private static double distanceToIdentity(double[] b, int d) {
        double[][] m = new double[d][d];
        for (int i = 0; i < d; i++) {
            for (int j = 0; j < d; j++) {
                m[i][j] = b[i * d + j] - (i == j ? 1 : 0);
            }
        }
        return new SingularValueDecomposition(MatrixUtils.createRealMatrix(m)).getNorm();
    }
}
