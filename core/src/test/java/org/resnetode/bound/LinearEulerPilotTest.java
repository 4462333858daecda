package org.resnetode.bound;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.resnetode.model.LinearFamily;
import org.resnetode.model.Weights;
import org.resnetode.scheme.ResNet;
import org.resnetode.scheme.Scheme;

/**
 * The pilot that decides whether {@code CertifiedBound.certify} runs the carried pass ({@link LinearEulerError#promising},
 * bound.md §9): its prediction {@code radius / distance} against the full pass's own, measured with the early stop out
 * of the way (accepted results, and the full pass's ratio where it is finite), its depth threshold, and what
 * {@code certify} returns where the pilot is wrong.
 */
class LinearEulerPilotTest {

    /**
     * Where the full pass is finite, the pilot's prediction is between 0.55 and 1.4 times the full pass's
     * {@code radius / distance} on fourier, polynomial and kinked weights, d = 4 and 8, N = 1024 and 2048 (measured over
     * 144 networks, four profiles, seeds 1–12, d = 4, 8, 16, N = 1024, without the early stop: 0.59 to 1.36, median 0.97;
     * bound.md §9).
     */
    @Test
    void thePredictionFollowsTheFullPass() {
        int compared = 0;
        for (String profile : new String[] {"fourier", "polynomial", "kinked"}) {
            for (int d : new int[] {4, 8}) {
                for (int n : new int[] {1024, 2048}) {
                    LinearEulerCases.Case c = LinearEulerCases.profileCase(profile, d, n, false);
                    BoundResult full = c.carried();
                    double predicted = new LinearEulerError(c.net()).predictedShare(c.x0());
                    assertThat(predicted).as("a prediction for %s", c.what()).isPositive().isFinite();
                    if (full.certified()) {
                        double actual = full.radius() / full.shadowDistance();
                        assertThat(predicted / actual).as("predicted %s against %s: %s", predicted, actual, c.what())
                                .isBetween(0.55, 1.4);
                        compared++;
                    }
                }
            }
        }
        assertThat(compared).as("finite full passes compared").isGreaterThanOrEqualTo(10);
    }

    /** Below {@link LinearEulerError#PILOT_FROM} layers the carried pass is never tried; from there on, where predicted. */
    @Test
    void theCarriedPassIsTriedFromThePilotsDepthOn() {
        LinearEulerCases.Case below = LinearEulerCases.profileCase("polynomial", 4, LinearEulerError.PILOT_FROM - 1,
                false);
        assertThat(new LinearEulerError(below.net()).predictedShare(below.x0())).isLessThan(LinearEulerError.PILOT_SHARE);
        assertThat(new LinearEulerError(below.net()).promising(below.x0())).isFalse();
        assertThat(new CertifiedBound(below.net()).certify(below.x0(), below.xN()).order()).isNotEqualTo(LinearEulerError.ORDER);
        LinearEulerCases.Case at = LinearEulerCases.profileCase("polynomial", 4, LinearEulerError.PILOT_FROM, false);
        assertThat(new LinearEulerError(at.net()).promising(at.x0())).isTrue();
        assertThat(new CertifiedBound(at.net()).certify(at.x0(), at.xN()).order()).isEqualTo(LinearEulerError.ORDER);
        LinearEulerCases.Case rough = LinearEulerCases.profileCase("iid", 8, 1024, false);
        assertThat(new LinearEulerError(rough.net()).promising(rough.x0())).isFalse();
    }

    /**
     * A network the pilot misjudges: every (N/16)-th layer (the pilot's samples) is the same matrix, the layers between
     * alternate between +M and -M. The pilot predicts a tight pass; the full pass stops early (+∞), so {@code certify}
     * returns the validated passes' bound, which holds against the exact solution.
     */
    @Test
    void aMisjudgedNetworkFallsBackToTheValidatedPasses() {
        int n = LinearEulerError.PILOT_FROM;
        int stride = n / LinearEulerError.PILOT_DEPTH;
        int d = 2;
        double[] w = new double[n * d * d];
        for (int k = 0; k < n; k++) {
            double s = k % stride == 0 ? 0.5 : (k % 2 == 0 ? 3 : -3);
            w[k * 4] = s;
            w[k * 4 + 1] = 0.25 * s;
            w[k * 4 + 2] = -0.25 * s;
            w[k * 4 + 3] = -0.5 * s;
        }
        ResNet net = new ResNet(new LinearFamily(d), Scheme.EULER, new Weights(n, d * d, w), n);
        LinearEulerCases.Case c = LinearEulerCases.withOutput("pilot samples 0.5 M, others ±3 M", net, new double[] {1, 0.5});
        LinearEulerError carried = new LinearEulerError(net);
        assertThat(carried.promising(c.x0())).as("the pilot sees only the smooth samples").isTrue();
        BoundResult full = carried.certify(c.x0(), c.xN());
        assertThat(LinearEulerCases.accepted(full)).as("the full pass is not accepted: %s", full.radius()).isFalse();
        BoundResult b = new CertifiedBound(net).certify(c.x0(), c.xN());
        assertThat(b.bound()).isEqualTo(new CertifiedBound(net).validated(c.x0(), c.xN()).bound());
        assertThat(new java.math.BigDecimal(b.bound()).compareTo(LinearEulerCases.distance(c.xN(), c.exact())))
                .as("the fallback holds against the exact solution").isGreaterThanOrEqualTo(0);
    }
}
