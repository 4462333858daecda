package org.resnetode.bound;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;
import org.resnetode.model.LinearFamily;
import org.resnetode.model.Weights;
import org.resnetode.scheme.ResNet;
import org.resnetode.scheme.Scheme;

/**
 * The quantities that steer the refined passes (bound.md §3), against hand computations on {@code x' = A x} with A a
 * multiple of the identity (spectral norm known exactly): the refined share
 * {@code TARGET_SHARE ||x_N - z_N|| / (√d Σ_j ||x_[2]|| m^{-2})}, the growth weights {@code e^{-E_k}}, and the substep
 * limit {@link CertifiedBound#MAX_SUBSTEPS} under a split.
 */
class RefinementShareMutationTest {

    private static ResNet diagonal(double a, int d, int depth) {
        double[] w = new double[depth * d * d];
        for (int n = 0; n < depth; n++) {
            for (int i = 0; i < d; i++) {
                w[n * d * d + i * d + i] = a;
            }
        }
        return new ResNet(new LinearFamily(d), Scheme.EULER, new Weights(depth, d * d, w), depth);
    }

    /**
     * {@code x' = -10 x} on N = 64 layers (h a = 10/64 <= 1/2: one substep per layer): the flow contracts, so Euler's
     * distance is far below the sum of its local errors and the share is strictly inside {@code (1e-12, 1e-2)}. In the
     * knot interval's time u the Taylor coefficient is {@code x_[2] = (h a)² z_j / 2}, z_j within 0.2% of the exact
     * {@code e^{-10 j/64} x0}: share = {@code 0.25 ||x_N - z_N|| / (√d (ha)²/2 ||x0||_∞ Σ_j e^{-10 j/64})}. For d = 2 the
     * √d of the Euclidean norm enters.
     */
    @Test
    void theRefinedShareIsTheDocumentedRatio() {
        double a = -10;
        int depth = 64;
        double ha = a / depth;
        double sumExp = 0;
        for (int j = 0; j < depth; j++) {
            sumExp += Math.exp(a * j / depth);
        }
        for (int d : new int[] {1, 2}) {
            double[] x0 = d == 1 ? new double[] {1} : new double[] {0.6, 0.8};
            ResNet net = diagonal(a, d, depth);
            double[] xN = new double[d];
            net.forward(x0, xN);
            CertifiedBound passes = new CertifiedBound(net);
            BoundResult coarse = passes.pass(x0, xN, 1, CertifiedBound.COARSE_SHARE);
            assertThat(coarse.substeps()).isEqualTo(depth);
            // the shadow distance against Euler's closed-form error |(1 + ha)^64 - e^a| ||x0||_2 (||x0||_2 = 1)
            double eulerError = Math.abs(Math.pow(1 + ha, depth) - Math.exp(a));
            assertThat(coarse.shadowDistance()).isCloseTo(eulerError, within(0.01 * eulerError));
            double localSum = ha * ha / 2 * (d == 1 ? 1 : 0.8) * sumExp;
            double expected = 0.25 * coarse.shadowDistance() / (Math.sqrt(d) * localSum);
            assertThat(expected).as("premise: inside the clamp").isBetween(1e-11, 1e-3);
            double share = passes.prepareRefinement(coarse);
            assertThat(share).as("d = %d", d).isCloseTo(expected, within(0.005 * expected));
        }
    }

    /**
     * One knot interval ({@code x' = a x}, N = 1, h L = |a| = 3, so m = 8 substeps): the growth weight is {@code e^{-3}},
     * so the growth-weighted pass at share s sets the same remainder targets as the plain pass at share
     * {@code s e^{-3}}, and a different one from the plain pass at s.
     */
    @Test
    void oneKnotIntervalsGrowthWeightIsEToTheMinusHL() {
        for (double a : new double[] {3, -3}) {
            ResNet net = new ResNet(new LinearFamily(1), Scheme.EULER, new Weights(1, 1, new double[] {a}), 1);
            double[] x0 = {1};
            double[] xN = new double[1];
            net.forward(x0, xN);
            assertThat(xN[0]).isEqualTo(1 + a);
            for (double s : new double[] {CertifiedBound.COARSE_SHARE, 1e-4}) {
                CertifiedBound passes = new CertifiedBound(net);
                BoundResult plain = passes.pass(x0, xN, 1, s);
                assertThat(plain.substeps()).isEqualTo(8);
                passes.prepareRefinement(plain);
                BoundResult weighted = passes.weightedPass(x0, xN, 1, s);
                BoundResult scaled = new CertifiedBound(net).pass(x0, xN, 1, s * Math.exp(-3));
                assertThat(weighted.order()).as("a = %s, s = %s", a, s).isEqualTo(scaled.order());
                assertThat(weighted.bound()).as("a = %s, s = %s", a, s).isEqualTo(scaled.bound());
                assertThat(weighted.bound()).as("premise: the weight changes the pass").isNotEqualTo(plain.bound());
                assertThat(weighted.bound()).isGreaterThanOrEqualTo(Math.abs(Math.exp(a) - xN[0]));
            }
        }
    }

    /**
     * {@code x' = 0.75 x}, N = 1: m is the smallest power of two with {@code m >= split · 0.75 / 0.5}. At split 2^15 that
     * is 2^16 = MAX_SUBSTEPS, allowed; at split 2^16 it would be 2^17, beyond it, so the pass is not certified.
     */
    @Test
    void aSplitNeedingMoreThanTheSubstepLimitIsNotCertified() {
        ResNet net = new ResNet(new LinearFamily(1), Scheme.EULER, new Weights(1, 1, new double[] {0.75}), 1);
        double[] x0 = {1};
        double[] xN = new double[1];
        net.forward(x0, xN);
        BoundResult atLimit = new CertifiedBound(net).pass(x0, xN, 1 << 15, CertifiedBound.COARSE_SHARE);
        assertThat(atLimit.substeps()).isEqualTo(CertifiedBound.MAX_SUBSTEPS);
        assertThat(atLimit.certified()).isTrue();
        assertThat(atLimit.bound()).isGreaterThanOrEqualTo(Math.exp(0.75) - 1.75);
        BoundResult beyond = new CertifiedBound(net).pass(x0, xN, 1 << 16, CertifiedBound.COARSE_SHARE);
        assertThat(beyond.certified()).isFalse();
        assertThat(beyond.bound()).isInfinite();
        assertThat(beyond.substeps()).as("the knot interval is given up before any substep").isZero();
    }
}
