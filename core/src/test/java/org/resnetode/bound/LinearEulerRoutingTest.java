package org.resnetode.bound;

import static org.assertj.core.api.Assertions.assertThat;
import static org.resnetode.bound.LinearEulerCases.*;

import java.util.ArrayList;
import java.util.List;
import org.apache.commons.math3.fraction.BigFraction;
import org.junit.jupiter.api.Test;
import org.resnetode.claim.DistanceMeasurement;
import org.resnetode.model.DepthProfiles;
import org.resnetode.model.Families;
import org.resnetode.model.LinearFamily;
import org.resnetode.model.ResidualFunction;
import org.resnetode.model.Weights;
import org.resnetode.ode.MeasuredDistance;
import org.resnetode.ode.OdeReference;
import org.resnetode.scheme.ButcherTableau;
import org.resnetode.scheme.ResNet;
import org.resnetode.scheme.Scheme;

/**
 * Which bound {@code CertifiedBound.certify} returns for a linear network: the carried error ({@link LinearEulerError})
 * under any one-stage tableau with weight 1 on the standard grid where it is predicted and accepted, the validated passes
 * otherwise (other schemes and families, a carried result stopped early or too loose); d = 1 takes the closed form.
 */
class LinearEulerRoutingTest {
    /**
     * i.i.d. weights, d = 8, N = 1024: the radius (the ||Δ|| terms) exceeds half the carried error once past the first
     * eighth of the layers, so the carried pass stops there (+∞); {@code CertifiedBound.certify} then runs the validated
     * passes, which certify a finite bound above the reference error.
     */
    @Test
    void iidWeightsStopEarlyAndTheValidatedPassesCertify() {
        Case c = profileCase("iid", 8, 1024, false, 11, Scheme.EULER);
        assertUnbounded(c.carried(), 1024);
        BoundResult certified = new CertifiedBound(c.net()).certify(c.x0(), c.xN());
        assertThat(certified.certified()).isTrue();
        assertThat(certified.order()).as("the validated passes' Taylor order").isGreaterThan(2);
        ResNet net = c.net();
        MeasuredDistance m = new OdeReference(net.family(), net.weights(), net.stepSize()).distance(c.x0(), net.finalTime(),
                c.xN());
        assertThat(m.accepted()).as("reference accepted: %s", m.refusal()).isTrue();
        System.out.printf("iid d=8 N=1024: certified %.6e, reference error %.6e (self-check %.1e)%n", certified.bound(),
                m.distance(), m.reference().selfCheckDifference());
        assertThat(m.distance()).isLessThanOrEqualTo(certified.bound() + m.reference().selfCheckDifference());
    }

    /** Linear d = 8, fourier, Euler, N = 2048: {@code certify} returns the carried result itself. */
    @Test
    void certifyReturnsTheCarriedResultUnderEuler() {
        Case c = profileCase("fourier", 8, 2048, false);
        BoundResult carried = c.carried();
        assertThat(accepted(carried)).as("the premise: accepted, r/dist %s", carried.radius() / carried.shadowDistance())
                .isTrue();
        BoundResult b = new CertifiedBound(c.net()).certify(c.x0(), c.xN());
        assertThat(b.order()).isEqualTo(2);
        assertThat(b.substeps()).isEqualTo(2048);
        assertThat(b.bound()).isEqualTo(carried.bound());
        assertThat(b.radius()).isEqualTo(carried.radius());
        assertThat(b.shadow()).containsExactly(carried.shadow());
        // and it holds against the reference
        ResNet net = c.net();
        MeasuredDistance m = new OdeReference(net.family(), net.weights(), net.stepSize()).distance(c.x0(), net.finalTime(),
                c.xN());
        assertThat(m.accepted()).isTrue();
        assertThat(m.distance()).isLessThanOrEqualTo(b.bound() + m.reference().selfCheckDifference());
    }

    /** A one-stage tableau with b = 1 under another name is forward Euler: carried too. */
    @Test
    void anyOneStageTableauWithUnitWeightIsCarried() {
        ButcherTableau forward = new ButcherTableau("forward", new BigFraction[][] {{}}, new BigFraction[] {BigFraction.ONE},
                null);
        Case c = profileCase("fourier", 8, 2048, false, 15, Scheme.of(forward));
        BoundResult carried = c.carried();
        assertThat(accepted(carried)).isTrue();
        BoundResult b = new CertifiedBound(c.net()).certify(c.x0(), c.xN());
        assertThat(b.order()).isEqualTo(2);
        assertThat(b.bound()).isEqualTo(carried.bound());
        assertThat(b.substeps()).isEqualTo(2048);
    }

    /**
     * Not carried: RK4 and Heun (more stages), tanh (not linear), linear d = 1 (the closed form, order 0), heun-reference,
     * forward Euler in the reference convention (N - 1 steps) and a one-stage tableau whose weight is not 1 (the broken
     * tableau of the controls): {@code certify} is the validated procedure's answer (or the closed form's).
     */
    @Test
    void otherSchemesAndFamiliesAreNotCarried() {
        List<Case> validated = new ArrayList<>();
        validated.add(profileCase("fourier", 4, 64, false, 11, Scheme.byName("rk4")));
        validated.add(profileCase("fourier", 4, 64, false, 11, Scheme.HEUN));
        validated.add(profileCase("fourier", 4, 64, false, 11, Scheme.HEUN_REFERENCE));
        validated.add(profileCase("fourier", 8, 2048, false, 15, new Scheme("euler-reference", ButcherTableau.EULER, true)));
        validated.add(profileCase("fourier", 4, 256, false, 11,
                Scheme.of(ButcherTableau.withScaledWeights(ButcherTableau.EULER, new BigFraction(2)))));
        ResidualFunction tanh = Families.create("tanh", 4, 4);
        validated.add(withOutput("tanh d=4 N=64", new ResNet(tanh, Scheme.EULER,
                Weights.sample(DepthProfiles.create("fourier", tanh, 11, 1.0, false), 64, 64), 64),
                DistanceMeasurement.unitInput(4, 11)));
        for (Case c : validated) {
            BoundResult b = new CertifiedBound(c.net()).certify(c.x0(), c.xN());
            BoundResult v = new CertifiedBound(c.net()).validated(c.x0(), c.xN());
            assertThat(b.certified()).as(c.what()).isTrue();
            assertThat(b.bound()).as("certify is the validated bound: %s", c.what()).isEqualTo(v.bound());
            assertThat(b.substeps()).as(c.what()).isEqualTo(v.substeps());
            if (c.net().scheme().tableau().stages() > 1 || c.net().family().name().equals("tanh")) {
                assertThat(b.order()).as("Taylor order above p + 1 >= 2: %s", c.what()).isNotEqualTo(2);
            }
        }
        // forward Euler in the reference convention: the carried pass itself would be accepted, certify does not use it
        Case reference = validated.get(3);
        BoundResult carried = reference.carried();
        assertThat(accepted(carried)).isTrue();
        assertThat(new CertifiedBound(reference.net()).certify(reference.x0(), reference.xN()).bound())
                .isNotEqualTo(carried.bound());
        // linear d = 1: the closed form
        double[] w = new double[64];
        java.util.Arrays.fill(w, 0.75);
        ResNet scalar = new ResNet(new LinearFamily(1), Scheme.EULER, new Weights(64, 1, w), 64);
        double[] xN = new double[1];
        scalar.forward(new double[] {1}, xN);
        assertThat(new CertifiedBound(scalar).certify(new double[] {1}, xN).order()).isZero();
    }

    /**
     * A finite result that {@code certify} would not accept (radius above half the shadow distance: i.i.d. weights, zero
     * mean, d = 2, N = 1) is not what {@code certify} returns: it returns the validated passes' bound.
     */
    @Test
    void aLooseCarriedResultGivesWayToTheValidatedPasses() {
        Case c = profileCase("iid", 2, 1, true);
        BoundResult carried = c.carried();
        assertThat(carried.certified()).isTrue();
        assertThat(accepted(carried)).as("the premise: r/dist %s", carried.radius() / carried.shadowDistance()).isFalse();
        assertEncloses(c, carried, c.exact());
        BoundResult v = new CertifiedBound(c.net()).validated(c.x0(), c.xN());
        BoundResult b = new CertifiedBound(c.net()).certify(c.x0(), c.xN());
        assertThat(b.bound()).isEqualTo(v.bound());
        assertThat(b.order()).isNotEqualTo(LinearEulerError.ORDER);
    }
}
