package org.resnetode.bound;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.resnetode.model.LinearFamily;
import org.resnetode.model.TanhFamily;
import org.resnetode.model.ThetaSquaredFamily;
import org.resnetode.model.Weights;
import org.resnetode.scheme.ResNet;
import org.resnetode.scheme.Scheme;

/**
 * The certified bound on {@code x' = a x} with a constant, where everything has a closed form: Euler's output
 * {@code (1 + a/N)^N x0}, the exact {@code e^a x0}, the local errors {@code |x_n| |e^{a/N} - 1 - a/N|}.
 */
class CertifiedBoundTest {
    /** A fixed fine remainder share for single passes run on their own (the refined passes of the previous version). */
    private static final double FINE_SHARE = 1e-4;

    private static ResNet scalar(double a, int depth) {
        double[] w = new double[depth];
        java.util.Arrays.fill(w, a);
        return new ResNet(new LinearFamily(1), Scheme.EULER, new Weights(depth, 1, w), depth);
    }

    private static double eulerError(double a, int n) {
        return Math.abs(Math.exp(n * Math.log1p(a / n)) - Math.exp(a));
    }

    /** The tightness a pass is accepted at: {@code r_N <= RADIUS_SHARE ||x_N - z_N||}. */
    private static final double ACCEPTED = 1 / (1 + CertifiedBound.RADIUS_SHARE);

    /**
     * Above the closed-form error, and at least as tight as the refinement's stopping rule promises
     * ({@code r_N <= RADIUS_SHARE ||x_N - z_N||}, so {@code error / bound >= 1 / (1 + RADIUS_SHARE)}).
     */
    @Test
    void boundIsAboveTheClosedFormErrorAndAsTightAsTheStoppingRule() {
        for (double a : new double[] {-2, -0.5, 0.75, 3}) {
            for (int n : new int[] {16, 64, 1024}) {
                ResNet net = scalar(a, n);
                double[] xN = new double[1];
                net.forward(new double[] {1}, xN);
                BoundResult b = new CertifiedBound(net).validated(new double[] {1}, xN);
                double error = eulerError(a, n);
                assertThat(b.certified()).isTrue();
                assertThat(b.bound()).as("a = %s, N = %d", a, n).isGreaterThanOrEqualTo(error);
                assertThat(b.tightness(error)).isBetween(ACCEPTED, 1.0);
                assertThat(b.radius()).isLessThanOrEqualTo(CertifiedBound.RADIUS_SHARE * b.shadowDistance());
                assertThat(Math.abs(b.shadow()[0] - Math.exp(a))).as("z_N within r_N of e^a").isLessThanOrEqualTo(b.radius() + 1e-15);
                assertThat(b.order()).as("Taylor order between p + 1 and p + 5").isBetween(2, 6);
                assertThat(b.substeps()).isGreaterThanOrEqualTo(n);
            }
        }
    }

    /**
     * {@code h a = 10} per layer (a = 20, N = 2): each knot interval is cut into 32 substeps ({@code 10 / 32 <= 0.5}, a
     * power of two); Euler's 11² = 121 against e^20.
     */
    @Test
    void longLayersAreCutIntoPowerOfTwoSubsteps() {
        ResNet net = scalar(20, 2);
        double[] xN = new double[1];
        net.forward(new double[] {1}, xN);
        assertThat(xN[0]).isEqualTo(121);
        BoundResult b = new CertifiedBound(net).validated(new double[] {1}, xN);
        double error = Math.exp(20) - 121;
        assertThat(b.bound()).isGreaterThanOrEqualTo(error);
        assertThat(b.tightness(error)).isGreaterThanOrEqualTo(ACCEPTED);
        assertThat(b.substeps() % (2 * 32)).isZero();
        assertThat(b.substeps()).isGreaterThanOrEqualTo(2 * 32);
    }

    /** {@code h a = 1e7} needs 2^25 substeps, beyond the 2^16 allowed: the bound is +∞, not a wrong number. */
    @Test
    void aStepBeyondTheSubstepLimitIsNotCertified() {
        ResNet net = scalar(1e7, 1);
        BoundResult b = new CertifiedBound(net).certify(new double[] {1}, new double[] {1e7 + 1});
        assertThat(b.certified()).isFalse();
        assertThat(b.bound()).isInfinite();
        assertThat(b.tightness(1)).isZero();
    }

    /** The control's sum of local errors against {@code Σ |x_n| (e^{a/N} - 1 - a/N)}, x_n = (1 + a/N)^n. */
    @Test
    void localErrorSumIsTheClosedFormSumWithoutGrowth() {
        double a = 4;
        int n = 32;
        ResNet net = scalar(a, n);
        double[][] xs = net.trajectory(new double[] {1});
        double expected = 0;
        for (int k = 0; k < n; k++) {
            expected += Math.abs(xs[k][0]) * (Math.expm1(a / n) - a / n);
        }
        double sum = new CertifiedBound(net).localErrorSum(xs);
        assertThat(sum).isGreaterThanOrEqualTo(expected).isLessThanOrEqualTo(1.001 * expected);
        // and below the true error, which the flow's growth makes larger: the negative control's premise
        assertThat(sum).isLessThan(eulerError(a, n));
    }

    /** theta2 with θ constant is the scalar linear case with a = θ². */
    @Test
    void thetaSquaredAgreesWithTheScalarLinearCase() {
        int n = 64;
        double[] w = new double[n];
        java.util.Arrays.fill(w, -1.5);
        ResNet net = new ResNet(new ThetaSquaredFamily(), Scheme.EULER, new Weights(n, 1, w), n);
        double[] xN = new double[1];
        net.forward(new double[] {1}, xN);
        double bound = new CertifiedBound(net).certify(new double[] {1}, xN).bound();
        assertThat(bound).isGreaterThanOrEqualTo(eulerError(2.25, n)).isLessThanOrEqualTo(1.003 * eulerError(2.25, n));
    }

    /**
     * The fine pass alone (remainder <= 1e-4 of the scheme's local error, one substep per layer): the radius is then a
     * small share of the error, and the bound within 0.3% of the closed-form error.
     */
    @Test
    void theFinePassIsWithinAFewPerMilleOfTheClosedFormError() {
        for (double a : new double[] {-2, -0.5, 0.75, 3}) {
            for (int n : new int[] {16, 64, 1024}) {
                ResNet net = scalar(a, n);
                double[] xN = new double[1];
                net.forward(new double[] {1}, xN);
                BoundResult b = new CertifiedBound(net).pass(new double[] {1}, xN, 1, FINE_SHARE);
                double error = eulerError(a, n);
                assertThat(b.bound()).as("a = %s, N = %d", a, n).isGreaterThanOrEqualTo(error).isLessThanOrEqualTo(1.003 * error);
                assertThat(Math.abs(b.shadow()[0] - Math.exp(a))).isLessThanOrEqualTo(b.radius() + 1e-15);
                assertThat(b.substeps()).isEqualTo(n);
            }
        }
        // long layers: h a = 3 and 10, cut into 8 and 32 substeps (h a / m <= 1/2)
        for (double[] c : new double[][] {{6, 2, 8}, {20, 2, 32}}) {
            ResNet net = scalar(c[0], (int) c[1]);
            double[] xN = new double[1];
            net.forward(new double[] {1}, xN);
            BoundResult b = new CertifiedBound(net).pass(new double[] {1}, xN, 1, FINE_SHARE);
            double error = eulerError(c[0], (int) c[1]);
            assertThat(b.bound()).as("a = %s, N = %s", c[0], c[1]).isGreaterThanOrEqualTo(error)
                    .isLessThanOrEqualTo(1.003 * error);
            assertThat(b.substeps()).isEqualTo((long) (c[1] * c[2]));
        }
    }

    /** An accepted coarse pass is the answer: no refinement runs, so certify returns exactly the coarse pass. */
    @Test
    void anAcceptedCoarsePassIsReturnedAsIs() {
        ResNet net = scalar(0.75, 64);
        double[] xN = new double[1];
        net.forward(new double[] {1}, xN);
        BoundResult coarse = new CertifiedBound(net).pass(new double[] {1}, xN, 1, CertifiedBound.COARSE_SHARE);
        assertThat(coarse.radius()).isLessThanOrEqualTo(CertifiedBound.RADIUS_SHARE * coarse.shadowDistance());
        BoundResult b = new CertifiedBound(net).validated(new double[] {1}, xN);
        assertThat(b.bound()).isEqualTo(coarse.bound());
        assertThat(b.radius()).isEqualTo(coarse.radius());
        assertThat(b.substeps()).isEqualTo(coarse.substeps());
    }

    /**
     * {@code x' = tanh(8 x)} on N = 8 layers from 0.5: the coarse pass's radius is above half the distance (the
     * premise, checked), so certify refines (fine remainders, then more substeps); the answer is no larger than either the
     * coarse or the fine pass, and accepted.
     */
    @Test
    void aCoarsePassTooLooseIsRefined() {
        int n = 8;
        double[] w = new double[n];
        java.util.Arrays.fill(w, 8);
        ResNet net = new ResNet(new TanhFamily(1), Scheme.EULER, new Weights(n, 1, w), n);
        double[] x0 = {0.5};
        double[] xN = new double[1];
        net.forward(x0, xN);
        BoundResult coarse = new CertifiedBound(net).pass(x0, xN, 1, CertifiedBound.COARSE_SHARE);
        assertThat(coarse.radius()).as("the premise: coarse not accepted")
                .isGreaterThan(CertifiedBound.RADIUS_SHARE * coarse.shadowDistance());
        BoundResult fine = new CertifiedBound(net).pass(x0, xN, 1, FINE_SHARE);
        BoundResult b = new CertifiedBound(net).certify(x0, xN);
        assertThat(b.bound()).isLessThanOrEqualTo(coarse.bound()).isLessThanOrEqualTo(fine.bound());
        assertThat(b.radius()).isLessThanOrEqualTo(CertifiedBound.RADIUS_SHARE * b.shadowDistance());
    }

    /** {@code h a = 1e7}: no knot interval can be enclosed, so the control's sum is +∞ as well. */
    @Test
    void theControlsSumIsInfiniteWhereNoStepIsEnclosed() {
        ResNet net = scalar(1e7, 1);
        assertThat(new CertifiedBound(net).localErrorSum(net.trajectory(new double[] {1}))).isInfinite();
    }

    /**
     * {@code h a = 1400} on one layer: 4096 substeps are allowed, but the enclosure's growth {@code e^1400} overflows, so
     * the pass stops there: the bound is +∞ and no shadow distance is reported.
     */
    @Test
    void anOverflowingEnclosureIsNotCertified() {
        ResNet net = scalar(1400, 1);
        BoundResult b = new CertifiedBound(net).validated(new double[] {1}, new double[] {1401});
        assertThat(b.certified()).isFalse();
        assertThat(b.shadowDistance()).isNaN();
    }

    /**
     * RK4 on {@code x' = x} with N = 1024: the error (about 1e-16) is at round-off, the coarse pass's radius is above half
     * of it but at the round-off floor, where finer steps only add rounding: the coarse pass is returned as is.
     */
    @Test
    void aRadiusAtRoundOffIsNotRefined() {
        int n = 1024;
        Scheme rk4 = Scheme.byName("rk4");
        double[] w = new double[rk4.weightCount(n)];
        java.util.Arrays.fill(w, 1);
        ResNet net = new ResNet(new LinearFamily(1), rk4, new Weights(w.length, 1, w), n);
        double[] xN = new double[1];
        net.forward(new double[] {1}, xN);
        BoundResult coarse = new CertifiedBound(net).pass(new double[] {1}, xN, 1, CertifiedBound.COARSE_SHARE);
        assertThat(coarse.radius()).as("the premise: not accepted by the radius share")
                .isGreaterThan(CertifiedBound.RADIUS_SHARE * coarse.shadowDistance());
        assertThat(coarse.radius()).isLessThanOrEqualTo(CertifiedBound.ROUND_OFF * (1 + coarse.shadowDistance() + Math.abs(coarse.shadow()[0])));
        BoundResult b = new CertifiedBound(net).validated(new double[] {1}, xN);
        assertThat(b.bound()).isEqualTo(coarse.bound());
        assertThat(b.substeps()).isEqualTo(coarse.substeps());
    }

    /**
     * {@code x' = 6 x} on N = 8 layers: h L = 6/8 = 0.75 (L rounded up by at most a few ulps), so the documented rule "m
     * the smallest power of two with {@code m >= split · h L / STEP_LIPSCHITZ}" gives m >= 1.5 split, i.e. m = 2 split:
     * 8 · 2 · split substeps per pass.
     */
    @Test
    void substepsPerKnotIntervalFollowTheDocumentedRule() {
        ResNet net = scalar(6, 8);
        double[] xN = new double[1];
        net.forward(new double[] {1}, xN);
        for (int split : new int[] {1, 2, 4, 8}) {
            BoundResult b = new CertifiedBound(net).pass(new double[] {1}, xN, split, FINE_SHARE);
            assertThat(b.certified()).as("split %d", split).isTrue();
            assertThat(b.substeps()).as("split %d", split).isEqualTo(8L * 2 * split);
            assertThat(b.bound()).isGreaterThanOrEqualTo(eulerError(6, 8));
        }
    }

    /**
     * Varying weights {7, 5, 3, 1} on N = 4 layers (h = 1/4): θ(t) is linear between knots and constant after the last,
     * so {@code x(1) = exp(h((7+5)/2 + (5+3)/2 + (3+1)/2 + 1)) = e^{3.25}}, Euler's output is exactly
     * {@code (11/4)(9/4)(7/4)(5/4)}. Knot interval k has {@code h L = h max(|θ_k|, |θ_{k+1}|)} = 7/4, 5/4, 3/4 and 1/4 on
     * the tail, so m = 4, 4, 2, 1 at split 1 and 8, 8, 4, 2 at split 2 (the smallest powers of two, at least split,
     * with {@code split h L / m <= 1/2}); the certified bound is above the closed-form error and accepted.
     */
    @Test
    void varyingWeightsFollowTheKnotIntervalsLipschitzBounds() {
        double[] w = {7, 5, 3, 1};
        ResNet net = new ResNet(new LinearFamily(1), Scheme.EULER, new Weights(4, 1, w), 4);
        double[] x0 = {1};
        double[] xN = new double[1];
        net.forward(x0, xN);
        assertThat(xN[0]).isEqualTo(11.0 * 9 * 7 * 5 / 256);
        double error = Math.exp(3.25) - xN[0];
        BoundResult one = new CertifiedBound(net).pass(x0, xN, 1, FINE_SHARE);
        assertThat(one.substeps()).isEqualTo(4 + 4 + 2 + 1);
        assertThat(one.bound()).isGreaterThanOrEqualTo(error);
        BoundResult two = new CertifiedBound(net).pass(x0, xN, 2, FINE_SHARE);
        assertThat(two.substeps()).isEqualTo(8 + 8 + 4 + 2);
        assertThat(two.bound()).isGreaterThanOrEqualTo(error);
        BoundResult b = new CertifiedBound(net).certify(x0, xN);
        assertThat(b.bound()).isGreaterThanOrEqualTo(error);
        assertThat(b.tightness(error)).isBetween(ACCEPTED, 1.0);
        assertThat(Math.abs(b.shadow()[0] - Math.exp(3.25))).isLessThanOrEqualTo(b.radius() * (1 + 1e-12));
    }

    /**
     * {@code x' = tanh(a x)}, N = 8, from 0.5, a = 8, 10, 12: the coarse pass is too loose, so
     * the documented refinement runs: finer remainders (growth-weighted, the share from the coarse pass) on the same substeps,
     * then split 2, 4, 8, 16 (at most
     * {@link CertifiedBound#REFINEMENTS} doublings), stopping at the first pass accepted ({@code r_N <= RADIUS_SHARE
     * ||x_N - z_N||}). With every pass of that sequence computed on its own (and each radius below the last, so the
     * "still shrinks" condition never stops it early), certify must return the pass the rule stops at: the first accepted
     * one, or the split-16 pass when none is.
     */
    @Test
    void refinementStopsAtTheFirstAcceptedSplitOrAfterFourDoublings() {
        int n = 8;
        for (double a : new double[] {8, 10, 12}) {
            double[] w = new double[n];
            java.util.Arrays.fill(w, a);
            ResNet net = new ResNet(new TanhFamily(1), Scheme.EULER, new Weights(n, 1, w), n);
            double[] x0 = {0.5};
            double[] xN = new double[1];
            net.forward(x0, xN);
            CertifiedBound passes = new CertifiedBound(net);
            BoundResult coarse = passes.pass(x0, xN, 1, CertifiedBound.COARSE_SHARE);
            assertThat(coarse.radius()).isGreaterThan(CertifiedBound.RADIUS_SHARE * coarse.shadowDistance());
            double share = passes.prepareRefinement(coarse);
            BoundResult expected = null;
            BoundResult previous = null;
            for (int split = 1, refine = 0; refine <= CertifiedBound.REFINEMENTS; split *= 2, refine++) {
                BoundResult p = passes.weightedPass(x0, xN, split, share);
                if (previous != null) {
                    assertThat(p.radius()).as("premise: split %d shrinks the radius", split).isLessThan(previous.radius());
                }
                previous = p;
                expected = p;
                if (p.radius() <= CertifiedBound.RADIUS_SHARE * p.shadowDistance()) {
                    break;
                }
            }
            BoundResult b = new CertifiedBound(net).certify(x0, xN);
            assertThat(b.substeps()).as("a = %s", a).isEqualTo(expected.substeps());
            assertThat(b.bound()).as("a = %s", a).isEqualTo(expected.bound());
            // closed form: coth(a x) dx = dt gives sinh(a x(1)) = sinh(a x0) e^a
            double error = Math.abs(xN[0] - asinh(Math.sinh(a * x0[0]) * Math.exp(a)) / a);
            assertThat(b.bound()).as("a = %s", a).isGreaterThanOrEqualTo(error);
            if (b.radius() <= CertifiedBound.RADIUS_SHARE * b.shadowDistance()) {
                assertThat(b.tightness(error)).as("a = %s", a).isGreaterThanOrEqualTo(ACCEPTED);
            }
        }
    }

    private static double asinh(double y) {
        return Math.log(y + Math.sqrt(y * y + 1));
    }
}
