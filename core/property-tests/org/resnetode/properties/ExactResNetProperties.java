package org.resnetode.properties;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;

import java.util.SplittableRandom;
import org.apache.commons.math3.fraction.BigFraction;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.Generate;
import org.resnetode.scheme.ButcherTableau;
import org.resnetode.scheme.Scheme;
import org.resnetode.symbolic.ExactResNet;

/**
 * Exact rational evaluation is the round-off-free reference of the numeric layer: for random linear ResNets with
 * rational weights and inputs (every built-in tableau, d = 1..3, depth 1..6, time-varying weights), the double
 * forward pass agrees with the exact output to relative 1e-12.
 */
@Execution(ExecutionMode.CONCURRENT)
class ExactResNetProperties {
    static final int EXAMPLES = 200;

    /** A random network: tableau index, dimension, depth, and a seed for its rational weights and input. */
    record RationalNetwork(int tableau, int dim, int depth, long seed) {
        ButcherTableau table() {
            return ButcherTableau.BUILT_IN.get(tableau);
        }

        /** Entries p/q with p in -6..6 and q in 1..7, a fresh matrix per weight sample. */
        BigFraction[][][] weights() {
            SplittableRandom rng = new SplittableRandom(seed);
            int count = Scheme.of(table()).weightCount(depth);
            BigFraction[][][] w = new BigFraction[count][dim][dim];
            for (int k = 0; k < count; k++) {
                for (int i = 0; i < dim; i++) {
                    for (int j = 0; j < dim; j++) {
                        w[k][i][j] = new BigFraction(rng.nextInt(-6, 7), rng.nextInt(1, 8));
                    }
                }
            }
            return w;
        }

        BigFraction[] input() {
            SplittableRandom rng = new SplittableRandom(~seed);
            BigFraction[] x = new BigFraction[dim];
            for (int i = 0; i < dim; i++) {
                x[i] = new BigFraction(rng.nextInt(-9, 10), rng.nextInt(1, 10));
            }
            return x;
        }
    }

    static Gen<RationalNetwork> networks() {
        return Generate.range(0, ButcherTableau.BUILT_IN.size() - 1).zip(Generate.range(1, 3), Generate.range(1, 6),
                Generate.longRange(0, Long.MAX_VALUE), RationalNetwork::new);
    }

    @Test
    void doubleForwardPassAgreesWithExactRationals() {
        qt().withFixedSeed(20261127).withExamples(EXAMPLES).forAll(networks()).checkAssert(n -> {
            BigFraction[] exact = ExactResNet.forward(n.table(), n.weights(), n.input(), n.depth());
            double[] numeric = ExactResNet.doubleForward(n.table(), n.weights(), n.input(), n.depth());
            assertThat(ExactResNet.relativeGap(exact, numeric)).as("%s", n).isLessThanOrEqualTo(ExactResNet.AGREEMENT);
        });
    }
}
