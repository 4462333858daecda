package org.resnetode.bound;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.resnetode.model.DepthProfiles;
import org.resnetode.model.Families;
import org.resnetode.model.LinearFamily;
import org.resnetode.model.MlpFamily;
import org.resnetode.model.ResidualFunction;
import org.resnetode.model.Weights;
import org.resnetode.ode.MeasuredDistance;
import org.resnetode.ode.OdeReference;
import org.resnetode.scheme.ResNet;
import org.resnetode.scheme.Scheme;

/**
 * {@link CertifiedBound#certify} against its documented procedure (bound.md §3), run step by step through the package's
 * passes on networks that take the refinement loop several times: the coarse pass (or, for mlp under Euler, the
 * growth-weighted pass at the coarse share), the refined pass at the share the first pass gives, then split 2, 4, 8, 16
 * while the pass is not accepted ({@code r_N > RADIUS_SHARE ||x_N - z_N||}) and the radius still shrinks; the smallest
 * bound of the passes run is returned. The remainders' part of the radius (the third refinement condition) is not
 * observable from outside; on these networks the radii are many orders above rounding, so it never stops the loop, which
 * the equality of the substep counts confirms. Every returned bound is checked against the true distance from an
 * independent route (a closed-form flow or the adaptive ODE reference).
 */
class RefinementLoopMutationTest {

    /** The passes the documented procedure runs and the bound it returns. */
    private record Procedure(List<BoundResult> passes, BoundResult result) {
    }

    private static boolean accepted(BoundResult b) {
        return b.radius() <= CertifiedBound.RADIUS_SHARE * b.shadowDistance();
    }

    /** The refinement loop from {@code best} on: split 2, 4, .. while not accepted and shrinking; the smallest bound. */
    private static Procedure refine(CertifiedBound passes, double[] x0, double[] xN, List<BoundResult> run,
            BoundResult best, double share) {
        BoundResult smallest = best;
        for (int refine = 1, split = 2; refine <= CertifiedBound.REFINEMENTS && !accepted(best); refine++, split *= 2) {
            BoundResult next = passes.weightedPass(x0, xN, split, share);
            run.add(next);
            boolean shrinks = next.radius() < best.radius();
            best = next.bound() < best.bound() ? next : best;
            if (!shrinks) {
                break;
            }
        }
        for (BoundResult p : run) {
            smallest = p.bound() < smallest.bound() ? p : smallest;
        }
        return new Procedure(run, smallest);
    }

    /** Coarse pass first (every family but mlp under Euler). */
    private static Procedure coarseFirst(ResNet net, double[] x0, double[] xN) {
        CertifiedBound passes = new CertifiedBound(net);
        List<BoundResult> run = new ArrayList<>();
        BoundResult coarse = passes.pass(x0, xN, 1, CertifiedBound.COARSE_SHARE);
        run.add(coarse);
        if (accepted(coarse)) {
            return new Procedure(run, coarse);
        }
        double share = passes.prepareRefinement(coarse);
        BoundResult refined = passes.weightedPass(x0, xN, 1, share);
        run.add(refined);
        return refine(passes, x0, xN, run, refined, share);
    }

    /**
     * mlp under Euler: the growth weights from the knot intervals' h L (here from a coarse pass, whose knot intervals are
     * the same), the first pass growth-weighted at the coarse share, then the refined pass at the share of that first
     * pass where it is below the coarse share.
     */
    private static Procedure aimed(ResNet net, double[] x0, double[] xN) {
        CertifiedBound passes = new CertifiedBound(net);
        passes.prepareRefinement(passes.pass(x0, xN, 1, CertifiedBound.COARSE_SHARE));
        List<BoundResult> run = new ArrayList<>();
        BoundResult first = passes.weightedPass(x0, xN, 1, CertifiedBound.COARSE_SHARE);
        run.add(first);
        double share = passes.prepareRefinement(first);
        assertThat(share).as("premise: the refined share is below the coarse one").isLessThan(CertifiedBound.COARSE_SHARE);
        BoundResult refined = passes.weightedPass(x0, xN, 1, share);
        run.add(refined);
        return refine(passes, x0, xN, run, refined, share);
    }

    /**
     * certify's answer is the procedure's, no larger than any pass it runs, and every pass's Taylor order is within
     * {@code p + 1 .. p + EXTRA_ORDERS}.
     */
    private static void assertReturns(BoundResult b, Procedure expected, int p, String what) {
        assertThat(b.bound()).as("%s: the bound", what).isEqualTo(expected.result().bound());
        assertThat(b.substeps()).as("%s: the substeps", what).isEqualTo(expected.result().substeps());
        assertThat(b.order()).as("%s: the order", what).isEqualTo(expected.result().order());
        for (BoundResult pass : expected.passes()) {
            assertThat(b.bound()).as("%s: no larger than any pass run", what).isLessThanOrEqualTo(pass.bound());
            assertThat(pass.order()).as("%s: the order", what).isBetween(p + 1, p + CertifiedBound.EXTRA_ORDERS);
        }
    }

    private static ResNet tanhNetwork(int d, int depth, double amplitude, long seed) {
        ResidualFunction f = Families.create("tanh", d, d);
        return new ResNet(f, Scheme.EULER, Weights.sample(DepthProfiles.create("fourier", f, seed, amplitude, false),
                Scheme.EULER.weightCount(depth), depth), depth);
    }

    private static double[] input(int d) {
        double[] x0 = new double[d];
        for (int i = 0; i < d; i++) {
            x0[i] = 0.5 * Math.cos(i + 1);
        }
        return x0;
    }

    /**
     * tanh networks whose coarse and refined passes are rejected and whose loop runs three and four doublings (split 8,
     * split 16): certify returns the first accepted pass of the sequence, each earlier pass shrinking the radius; the
     * bound is above the ODE reference's distance.
     */
    @Test
    void tanhNetworksRefineThroughSeveralDoublings() {
        Object[][] cases = {{2, 16, 8.0, 3L, 4}, {4, 8, 4.0, 1L, 3}};
        for (Object[] c : cases) {
            int d = (Integer) c[0];
            int depth = (Integer) c[1];
            ResNet net = tanhNetwork(d, depth, (Double) c[2], (Long) c[3]);
            String what = "tanh d = " + d + " N = " + depth;
            double[] x0 = input(d);
            double[] xN = new double[d];
            net.forward(x0, xN);
            Procedure expected = coarseFirst(net, x0, xN);
            int doublings = (Integer) c[4];
            assertThat(expected.passes()).as("premise: %s runs coarse, refined and %d doublings", what, doublings)
                    .hasSize(2 + doublings);
            for (int i = 0; i + 1 < expected.passes().size(); i++) {
                assertThat(accepted(expected.passes().get(i))).as("premise: pass %d of %s rejected", i, what).isFalse();
            }
            BoundResult last = expected.passes().get(expected.passes().size() - 1);
            assertThat(accepted(last)).as("premise: the last pass of %s is accepted", what).isTrue();
            assertThat(last.substeps()).as("%s: split 2^%d", what, doublings)
                    .isEqualTo(expected.passes().get(1).substeps() << doublings);

            BoundResult b = new CertifiedBound(net).certify(x0, xN);
            assertReturns(b, expected, 1, what);
            MeasuredDistance truth = new OdeReference(net.family(), net.weights(), 1.0 / depth).distance(x0, 1.0, xN);
            assertThat(truth.accepted()).as(what).isTrue();
            assertThat(b.bound()).as("%s: above the true distance", what).isGreaterThanOrEqualTo(truth.distance());
        }
    }

    /**
     * {@code x' = w2 tanh(x)} (mlp, d = 1, W1 = 1, W2 = w2 < 0) under Euler, where the flow contracts so strongly that
     * the distance is far below the sum of the local errors: the refined share falls below the coarse one, so after the
     * aimed first pass the refined pass runs (and, for w2 = -20, the doublings). The flow has the closed form
     * {@code sinh(x(t)) = sinh(x0) e^{w2 t}}.
     */
    @Test
    void contractingMlpRunsTheRefinedPassAfterTheAimedOne() {
        double[][] cases = {{-10, 64}, {-20, 16}};
        for (double[] c : cases) {
            ContractingMlp m = ContractingMlp.of(c[0], (int) c[1]);
            Procedure expected = aimed(m.net(), m.x0(), m.xN());
            assertThat(accepted(expected.passes().get(0))).as("premise: %s aimed pass rejected", m.what()).isFalse();
            BoundResult b = new CertifiedBound(m.net()).certify(m.x0(), m.xN());
            assertReturns(b, expected, 1, m.what());
            assertThat(b.bound()).as(m.what()).isLessThan(expected.passes().get(0).bound());
            if (c[0] == -20) {
                assertThat(expected.passes()).as("premise: %s refines through the doublings", m.what()).hasSizeGreaterThan(2);
            }
            assertThat(b.bound()).as("%s: above the closed-form distance", m.what()).isGreaterThanOrEqualTo(m.error());
        }
    }

    /**
     * {@code x' = w2 tanh(x)} with a milder contraction (w2 = -4, N = 64; w2 = -2, N = 16): the aimed first pass is
     * accepted and returned as is, although the unweighted coarse pass (accepted too, so a coarse-first start would stop
     * there) is another, larger bound: mlp under Euler starts with the aimed pass.
     */
    @Test
    void mlpUnderEulerReturnsAnAcceptedAimedPass() {
        double[][] cases = {{-4, 64}, {-2, 16}};
        for (double[] c : cases) {
            ContractingMlp m = ContractingMlp.of(c[0], (int) c[1]);
            CertifiedBound passes = new CertifiedBound(m.net());
            BoundResult coarse = passes.pass(m.x0(), m.xN(), 1, CertifiedBound.COARSE_SHARE);
            assertThat(accepted(coarse)).as("premise: %s coarse pass accepted", m.what()).isTrue();
            passes.prepareRefinement(coarse);
            BoundResult first = passes.weightedPass(m.x0(), m.xN(), 1, CertifiedBound.COARSE_SHARE);
            assertThat(accepted(first)).as("premise: %s aimed pass accepted", m.what()).isTrue();
            assertThat(first.bound()).as("premise: %s the two starts differ", m.what()).isLessThan(coarse.bound());
            BoundResult b = new CertifiedBound(m.net()).certify(m.x0(), m.xN());
            assertThat(b.bound()).as(m.what()).isEqualTo(first.bound());
            assertThat(b.substeps()).as(m.what()).isEqualTo(first.substeps());
            assertThat(b.bound()).as("%s: above the closed-form distance", m.what()).isGreaterThanOrEqualTo(m.error());
        }
    }

    /**
     * {@code x' = w2 tanh(x)} (mlp, d = 1, W1 = 1, W2 = w2) on N layers from 0.5 under Euler, its output and the distance
     * to the closed-form flow {@code sinh(x(1)) = sinh(x0) e^{w2}}.
     */
    private record ContractingMlp(ResNet net, String what, double[] x0, double[] xN, double error) {
        static ContractingMlp of(double w2, int depth) {
            double[] w = new double[2 * depth];
            for (int n = 0; n < depth; n++) {
                w[2 * n] = 1;
                w[2 * n + 1] = w2;
            }
            ResNet net = new ResNet(new MlpFamily(1, 1), Scheme.EULER, new Weights(depth, 2, w), depth);
            double[] x0 = {0.5};
            double[] xN = new double[1];
            net.forward(x0, xN);
            double exact = asinh(Math.sinh(x0[0]) * Math.exp(w2));
            return new ContractingMlp(net, "w2 = " + w2 + " N = " + depth, x0, xN, Math.abs(xN[0] - exact));
        }
    }


    /**
     * mlp under RK4 keeps the coarse pass first (the aimed pass is for first-order schemes only): d = 2, N = 4, where the
     * coarse and refined passes are rejected and split 2 is accepted (the radius far above rounding). The growth-weighted
     * pass at the coarse share, which an aimed start would run, is another bound.
     */
    @Test
    void mlpUnderRk4KeepsTheCoarseFirstProcedure() {
        Scheme rk4 = Scheme.byName("rk4");
        int depth = 4;
        ResidualFunction f = Families.create("mlp", 2, 2);
        ResNet net = new ResNet(f, rk4, Weights.sample(DepthProfiles.create("fourier", f, 1, 4.0, false),
                rk4.weightCount(depth), depth), depth);
        double[] x0 = {0.6, -0.8};
        double[] xN = new double[2];
        net.forward(x0, xN);
        Procedure expected = coarseFirst(net, x0, xN);
        assertThat(expected.passes()).as("premise: coarse, refined and split 2").hasSize(3);
        BoundResult b = new CertifiedBound(net).certify(x0, xN);
        assertReturns(b, expected, 4, "mlp rk4 N = " + depth);
        assertThat(expected.passes().get(0).order()).as("premise: the coarse pass reaches the highest order")
                .isEqualTo(4 + CertifiedBound.EXTRA_ORDERS);
        CertifiedBound passes = new CertifiedBound(net);
        passes.prepareRefinement(passes.pass(x0, xN, 1, CertifiedBound.COARSE_SHARE));
        assertThat(passes.weightedPass(x0, xN, 1, CertifiedBound.COARSE_SHARE).bound())
                .as("premise: an aimed first pass would be another bound").isNotEqualTo(b.bound());
    }

    /**
     * {@code x' = 3 x} on N = 2 layers under Euler (linear, not aimed): the coarse pass is accepted and returned as is,
     * though a growth-weighted pass at the same share (weights {@code e^{-E_k}} up to e^{-3}) is a different bound.
     */
    @Test
    void linearEulerStartsWithTheUnweightedCoarsePass() {
        ResNet net = new ResNet(new LinearFamily(1), Scheme.EULER, new Weights(2, 1, new double[] {3, 3}), 2);
        double[] x0 = {1};
        double[] xN = new double[1];
        net.forward(x0, xN);
        assertThat(xN[0]).isEqualTo(2.5 * 2.5);
        CertifiedBound passes = new CertifiedBound(net);
        BoundResult coarse = passes.pass(x0, xN, 1, CertifiedBound.COARSE_SHARE);
        assertThat(accepted(coarse)).as("premise: the coarse pass is accepted").isTrue();
        passes.prepareRefinement(coarse);
        BoundResult weighted = passes.weightedPass(x0, xN, 1, CertifiedBound.COARSE_SHARE);
        assertThat(weighted.bound()).as("premise: the growth weights change the pass").isNotEqualTo(coarse.bound());
        BoundResult b = new CertifiedBound(net).validated(x0, xN);
        assertThat(b.bound()).isEqualTo(coarse.bound());
        assertThat(b.order()).isEqualTo(coarse.order());
        assertThat(b.bound()).isGreaterThanOrEqualTo(Math.exp(3) - 6.25);
    }

    /**
     * {@code x' = tanh(θ(t) x)} with θ jumping between 3 and -3 at every knot, N = 4 layers from 0.5 (Euler, p = 1): the
     * tanh series tail does not verify (the coupling of its pair sums is near 1 on weights that jump) and the Lagrange
     * majorant stays above every target, so each pass stops raising the order at {@code p + EXTRA_ORDERS = 10} and no
     * further, at every share; the certified bound stays above the distance to the ODE reference's solution.
     */
    @Test
    void ordersStopAtTheHighestOrder() {
        int depth = 4;
        double[] w = {3, -3, 3, -3};
        org.resnetode.model.TanhFamily f = new org.resnetode.model.TanhFamily(1);
        ResNet net = new ResNet(f, Scheme.EULER, new Weights(depth, 1, w), depth);
        double[] x0 = {0.5};
        double[] xN = new double[1];
        net.forward(x0, xN);
        double error = new org.resnetode.ode.OdeReference(f, net.weights(), net.stepSize())
                .distance(x0, net.finalTime(), xN).distance();
        for (double share : new double[] {CertifiedBound.COARSE_SHARE, CertifiedBound.FINEST_SHARE}) {
            BoundResult b = new CertifiedBound(net).pass(x0, xN, 1, share);
            assertThat(b.order()).as("share %s", share).isEqualTo(1 + CertifiedBound.EXTRA_ORDERS);
            assertThat(b.bound()).as("share %s", share).isGreaterThanOrEqualTo(error);
        }
        BoundResult b = new CertifiedBound(net).certify(x0, xN);
        assertThat(b.order()).isBetween(2, 1 + CertifiedBound.EXTRA_ORDERS);
        assertThat(b.bound()).isGreaterThanOrEqualTo(error);
    }

    private static double asinh(double y) {
        return Math.log(y + Math.sqrt(y * y + 1));
    }
}
