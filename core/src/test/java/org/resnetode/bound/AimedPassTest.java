package org.resnetode.bound;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.resnetode.claim.DistanceMeasurement;
import org.resnetode.model.DepthProfiles;
import org.resnetode.model.Families;
import org.resnetode.model.ResidualFunction;
import org.resnetode.model.Weights;
import org.resnetode.scheme.ResNet;
import org.resnetode.scheme.Scheme;

/**
 * mlp under a first-order scheme starts {@link CertifiedBound#certify} with the growth-weighted pass
 * ({@link BallField#aimsFirstPass}) instead of the unweighted coarse pass. The result must be the one the coarse-first procedure reaches (coarse pass rejected, then
 * the refined pass at the share the coarse pass gives), here run step by step through the package's passes, on
 * networks where that procedure stops at its first refined pass; and the other families keep the coarse pass.
 */
class AimedPassTest {

    @Test
    void mlpReachesTheCoarseFirstResultWithoutTheCoarsePass() {
        int checked = 0;
        for (Scheme scheme : new Scheme[] {Scheme.EULER}) {
            for (int depth : new int[] {16, 64, 256}) {
                ResNet net = network("mlp", scheme, 4, depth);
                double[] x0 = DistanceMeasurement.unitInput(4, 1);
                double[] xN = new double[4];
                net.forward(x0, xN);
                CertifiedBound passes = new CertifiedBound(net);
                BoundResult coarse = passes.pass(x0, xN, 1, CertifiedBound.COARSE_SHARE);
                assertThat(coarse.radius()).as("premise: the coarse pass is rejected")
                        .isGreaterThan(CertifiedBound.RADIUS_SHARE * coarse.shadowDistance());
                double share = passes.prepareRefinement(coarse);
                BoundResult refined = passes.weightedPass(x0, xN, 1, share);
                if (!(refined.radius() <= CertifiedBound.RADIUS_SHARE * refined.shadowDistance())) {
                    continue;
                }
                BoundResult b = new CertifiedBound(net).certify(x0, xN);
                assertThat(b.bound()).as("%s N = %d", scheme.name(), depth).isCloseTo(refined.bound(),
                        org.assertj.core.api.Assertions.within(1e-12 * refined.bound()));
                assertThat(b.substeps()).isEqualTo(refined.substeps());
                checked++;
            }
        }
        assertThat(checked).as("networks whose coarse-first procedure stops at its first refined pass").isGreaterThanOrEqualTo(2);
    }

    @Test
    void onlyMlpAimsItsFirstPass() {
        for (String family : new String[] {"linear", "tanh", "theta2"}) {
            ResidualFunction f = Families.create(family, family.equals("theta2") ? 1 : 4, 4);
            assertThat(BallField.of(f, 4).aimsFirstPass()).as(family).isFalse();
        }
        assertThat(BallField.of(Families.create("mlp", 4, 4), 4).aimsFirstPass()).isTrue();
    }

    private static ResNet network(String family, Scheme scheme, int d, int depth) {
        ResidualFunction f = Families.create(family, d, d);
        return new ResNet(f, scheme, Weights.sample(DepthProfiles.create("fourier", f, 1, 1.0, false),
                scheme.weightCount(depth), depth), depth);
    }
}
