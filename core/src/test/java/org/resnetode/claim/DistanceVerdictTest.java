package org.resnetode.claim;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.resnetode.model.Constants;
import org.resnetode.model.DepthProfile;
import org.resnetode.model.DepthProfiles;
import org.resnetode.model.Families;
import org.resnetode.model.ResidualFunction;
import org.resnetode.scheme.Scheme;

/**
 * Negative controls of Claim D's verdict: made-up measurements fed through {@link DistanceClaim#summarise}, each
 * of which must come out {@code fails} or {@code inconclusive}, never {@code holds} or {@code finding}.
 */
class DistanceVerdictTest {
    private static final int[] LADDER = {8, 16, 32, 64, 128, 256, 512};
    private static final Constants C = new Constants(1, 1, 1);

    private static SweepConfig config(String family, String profile, String scheme, boolean zeroMean, int fitFrom) {
        int dim = family.equals("theta2") ? 1 : 2;
        return new SweepConfig(family, profile, scheme, dim, dim, LADDER, 1, 1.0, zeroMean, fitFrom, 0);
    }

    /** A row with error c N^{-rate} and a bound 10× above it, accepted. */
    private static DistanceMeasurement row(int n, double c, double rate) {
        double e = c * Math.pow(n, -rate);
        return new DistanceMeasurement(n, e, 10 * e, 1, C, 1, 1e-12, 1e-16, null);
    }

    private static DistanceMeasurement refused(int n, double error, double bound) {
        return new DistanceMeasurement(n, error, bound, 1, C, 1, 1e-14, error, "the ODE reference could not be made 1000x more accurate");
    }

    private static List<DistanceMeasurement> power(int[] depths, double rate) {
        List<DistanceMeasurement> ms = new ArrayList<>();
        for (int n : depths) {
            ms.add(row(n, 1, rate));
        }
        return ms;
    }

    private static ClaimResult judge(SweepConfig cfg, List<DistanceMeasurement> ms) {
        ResidualFunction f = Families.create(cfg.family(), cfg.dim(), cfg.hidden());
        DepthProfile profile = DepthProfiles.create(cfg.profile(), f, cfg.seed(), cfg.amplitude(), cfg.zeroMean());
        return DistanceClaim.summarise(cfg, f, profile, Scheme.byName(cfg.scheme()), DistanceMeasurement.unitInput(cfg.dim(), 1), ms);
    }

    @Test
    void firstOrderDecayOfASmoothProfileHolds() {
        assertThat(judge(config("tanh", "fourier", "euler", false, 64), power(LADDER, 1)).verdict()).isEqualTo(Verdict.HOLDS);
    }

    @Test
    void everyRowRefusedIsInconclusive() {
        List<DistanceMeasurement> ms = new ArrayList<>();
        for (int n : LADDER) {
            ms.add(refused(n, 1.0 / n, 10.0 / n));
        }
        ClaimResult r = judge(config("tanh", "fourier", "euler", false, 64), ms);
        assertThat(r.verdict()).isEqualTo(Verdict.INCONCLUSIVE);
        assertThat(r.fits()).isEmpty();
    }

    @Test
    void refusedRowsViolatingTheBoundLeaveTwoGoodRowsInconclusive() {
        List<DistanceMeasurement> ms = List.of(refused(64, 1, 0.1), refused(128, 1, 0.1), row(256, 1, 1), row(512, 1, 1));
        ClaimResult r = judge(new SweepConfig("tanh", "fourier", "euler", 2, 2, new int[] {64, 128, 256, 512}, 1, 1.0, false, 64, 0), ms);
        assertThat(r.verdict()).isEqualTo(Verdict.INCONCLUSIVE);
        assertThat(r.fit("error").points()).isEqualTo(2);
        assertThat(r.notes()).anyMatch(n -> n.contains("N=64 refused"));
    }

    @Test
    void aBoundViolationOnAnAcceptedRowFails() {
        List<DistanceMeasurement> ms = power(LADDER, 1);
        ms.set(5, new DistanceMeasurement(256, 1.0 / 256, 0.5 / 256, 1, C, 1, 1e-12, 1e-16, null));
        assertThat(judge(config("tanh", "fourier", "euler", false, 64), ms).verdict()).isEqualTo(Verdict.FAILS);
    }

    @Test
    void anInfiniteBoundIsRefusedNotPassed() {
        List<DistanceMeasurement> ms = power(LADDER, 1);
        ms.set(6, new DistanceMeasurement(512, 1.0 / 512, Double.POSITIVE_INFINITY, 1,
                new Constants(Double.POSITIVE_INFINITY, 1, 1), 1, 1e-12, 1e-16, null));
        ClaimResult r = judge(config("tanh", "fourier", "euler", false, 64), ms);
        assertThat(r.verdict()).isEqualTo(Verdict.INCONCLUSIVE);
        assertThat(r.notes()).anyMatch(n -> n.contains("N=512: the bound is refused"));
    }

    @Test
    void aLadderBelowTheFitStartIsInconclusive() {
        ClaimResult r = judge(new SweepConfig("tanh", "fourier", "euler", 2, 2, new int[] {8, 16, 32}, 1, 1.0, false, 64, 0),
                power(new int[] {8, 16, 32}, 1));
        assertThat(r.verdict()).isEqualTo(Verdict.INCONCLUSIVE);
        assertThat(r.notes()).anyMatch(n -> n.contains("no depth of the ladder reaches N = 64 (it ends at N = 32)"));
    }

    @Test
    void aTwoPointFitIsInconclusive() {
        ClaimResult r = judge(new SweepConfig("tanh", "fourier", "euler", 2, 2, new int[] {64, 128}, 1, 1.0, false, 64, 0),
                power(new int[] {64, 128}, 1));
        assertThat(r.fit("error").ci95Low()).isNaN();
        assertThat(r.verdict()).isEqualTo(Verdict.INCONCLUSIVE);
    }

    @Test
    void anEulerRateAboveTheBandWithoutAnExplanationFails() {
        ClaimResult r = judge(config("tanh", "fourier", "euler", false, 64), power(LADDER, 2));
        assertThat(r.verdict()).isEqualTo(Verdict.FAILS);
    }

    @Test
    void aRateBelowTheBandFails() {
        assertThat(judge(config("mlp", "kinked", "euler", false, 64), power(LADDER, 0.5)).verdict()).isEqualTo(Verdict.FAILS);
    }

    @Test
    void aRateOutsideTheBandWhoseIntervalReachesItIsInconclusive() {
        List<DistanceMeasurement> ms = power(LADDER, 1.3);
        // noise of ±20% on alternate rows of the fit range: the fitted rate (1.42) is above the band, its interval
        // [0.71, 2.13] reaches it
        for (int i = 3; i < ms.size(); i++) {
            DistanceMeasurement m = ms.get(i);
            double e = m.error() * (i % 2 == 1 ? 1.2 : 0.8);
            ms.set(i, new DistanceMeasurement(m.depth(), e, 10 * e, 1, C, 1, 1e-12, 1e-16, null));
        }
        ClaimResult r = judge(config("tanh", "fourier", "euler", false, 64), ms);
        assertThat(r.fit("error").rate()).isGreaterThan(1.1);
        assertThat(r.fit("error").ci95Low()).isLessThan(1.1);
        assertThat(r.verdict()).isEqualTo(Verdict.INCONCLUSIVE);
    }

    @Test
    void roughWeightsWithNonlinearThetaMustNotDecay() {
        assertThat(judge(config("tanh", "iid", "euler", false, 64), power(LADDER, 0)).verdict()).isEqualTo(Verdict.HOLDS);
        assertThat(judge(config("tanh", "iid", "euler", false, 64), power(LADDER, 1)).verdict()).isEqualTo(Verdict.FAILS);
    }

    @Test
    void roughZeroMeanWeightsWithOddThetaMustDecay() {
        assertThat(judge(config("tanh", "alternating", "euler", true, 64), power(LADDER, 1)).verdict()).isEqualTo(Verdict.HOLDS);
        assertThat(judge(config("tanh", "alternating", "euler", true, 64), power(LADDER, 0)).verdict()).isEqualTo(Verdict.FAILS);
    }

    @Test
    void roughWeightsLinearInThetaCanFailAndBeInconclusive() {
        List<DistanceMeasurement> violated = power(LADDER, 0);
        violated.set(6, new DistanceMeasurement(512, 1, 0.5, 1, C, 1, 1e-12, 1e-16, null));
        assertThat(judge(config("linear", "iid", "euler", false, 64), violated).verdict()).isEqualTo(Verdict.FAILS);
        assertThat(judge(config("linear", "iid", "euler", false, 256), power(LADDER, 0)).verdict())
                .isEqualTo(Verdict.INCONCLUSIVE);
        List<DistanceMeasurement> heun = new ArrayList<>();
        for (int n : LADDER) {
            heun.add(new DistanceMeasurement(n, 0.1, Double.NaN, 1, C, 1, 1e-12, 1e-16, null));
        }
        assertThat(judge(config("linear", "iid", "heun", false, 64), heun).verdict()).isEqualTo(Verdict.INCONCLUSIVE);
        assertThat(judge(config("linear", "iid", "euler", false, 64), power(LADDER, 0)).verdict()).isEqualTo(Verdict.HOLDS);
    }

    @Test
    void thetaSquaredWithEveryRowRefusedIsInconclusive() {
        List<DistanceMeasurement> ms = new ArrayList<>();
        for (int n : LADDER) {
            ms.add(refused(n, 0.6, 10));
        }
        assertThat(judge(config("theta2", "alternating", "euler", true, 64), ms).verdict()).isEqualTo(Verdict.INCONCLUSIVE);
    }

    @Test
    void thetaSquaredAwayFromItsClosedFormFails() {
        List<DistanceMeasurement> ms = new ArrayList<>();
        for (int n : LADDER) {
            double wrong = 1.01 * org.resnetode.symbolic.ThetaSquaredAlternating.exactDistance(n);
            ms.add(new DistanceMeasurement(n, wrong, 10, 1, C, 1, 1e-12, 1e-16, null));
        }
        ClaimResult r = judge(config("theta2", "alternating", "euler", true, 64), ms);
        assertThat(r.verdict()).isEqualTo(Verdict.FAILS);
        assertThat(r.notes()).anyMatch(n -> n.startsWith("fails: symbolic: ResNet ->"));
    }

    @Test
    void constantLinearWithoutTheSymbolicComparisonIsInconclusive() {
        SweepConfig cfg = config("linear", "constant", "euler", false, 64);
        List<DistanceMeasurement> lastRefused = power(LADDER, 1);
        lastRefused.set(6, refused(512, 1.0 / 512, 10.0 / 512));
        assertThat(judge(cfg, lastRefused).verdict()).isEqualTo(Verdict.INCONCLUSIVE);
        int[] notDoubling = {64, 128, 256, 500};
        SweepConfig odd = new SweepConfig("linear", "constant", "euler", 2, 2, notDoubling, 1, 1.0, false, 64, 0);
        ClaimResult r = judge(odd, power(notDoubling, 1));
        assertThat(r.verdict()).isEqualTo(Verdict.INCONCLUSIVE);
        assertThat(r.notes()).anyMatch(n -> n.contains("symbolic leading constant ||A² e^A x_0|| / 2 not compared"));
    }

    /** e(N_max)/e(N_first ≥ from) over the finite rows, by hand: a NaN row neither starts nor ends the ratio. */
    @Test
    void theDecayRatioIsLastOverFirstFiniteErrorFromTheFitStart() {
        int[] depths = {8, 16, 32, 64, 128};
        assertThat(DistanceClaim.decayRatio(depths, new double[] {9, 4, 2, Double.NaN, 0.5}, 16)).isEqualTo(0.125);
        assertThat(DistanceClaim.decayRatio(depths, new double[] {9, 4, 7, 2, Double.NaN}, 16)).isEqualTo(0.5);
        assertThat(DistanceClaim.decayRatio(depths, new double[] {9, Double.NaN, 3, 6, 1.5}, 10)).isEqualTo(0.5);
        assertThat(DistanceClaim.decayRatio(depths, new double[] {9, 4, 2, 1, 0.5}, 256)).isNaN();
    }

    /** Rough weights, f nonlinear in θ: the no-decay ratio needs 3 finite rows from the fit start, that start included. */
    @Test
    void theNoDecayRatioNeedsThreeRowsFromTheFitStartIncluded() {
        int[] depths = {8, 16, 32, 64};
        SweepConfig from16 = new SweepConfig("tanh", "iid", "euler", 2, 2, depths, 1, 1.0, false, 16, 0);
        assertThat(judge(from16, power(depths, 0)).verdict()).isEqualTo(Verdict.HOLDS);
        SweepConfig from17 = new SweepConfig("tanh", "iid", "euler", 2, 2, depths, 1, 1.0, false, 17, 0);
        assertThat(judge(from17, power(depths, 0)).verdict()).isEqualTo(Verdict.INCONCLUSIVE);
        // errors halving per doubling: e(64)/e(16) = 1/4 < 0.5, the decay the paper rules out here
        assertThat(judge(from16, power(depths, 1)).verdict()).isEqualTo(Verdict.FAILS);
    }

    /** An error equal to its bound does not violate it (the bound is an inequality ≤). */
    @Test
    void anErrorExactlyAtItsBoundHolds() {
        List<DistanceMeasurement> ms = new ArrayList<>();
        for (int n : LADDER) {
            ms.add(new DistanceMeasurement(n, 1.0 / n, 1.0 / n, 1, C, 1, 1e-12, 1e-16, null));
        }
        ClaimResult r = judge(config("tanh", "fourier", "euler", false, 64), ms);
        assertThat(r.verdict()).isEqualTo(Verdict.HOLDS);
        assertThat(r.notes()).anyMatch(n -> n.startsWith("holds: the Euler bound holds on the 7 accepted rows (largest tightness 1.00)"));
        assertThat(r.fits()).extracting(org.resnetode.stats.RateFit::quantity).containsExactly("error", "bound");
        assertThat(r.rows().get(0)).containsEntry("N", 8).containsEntry("error", 0.125).containsEntry("bound", 0.125)
                .containsEntry("TV", 1.0).containsEntry("referenceAccepted", true);
    }

    /** Heun rows carry no bound (NaN): that is not a refused bound, and a second-order rate holds. */
    @Test
    void heunRowsWithoutABoundAreJudgedOnTheirRateOnly() {
        List<DistanceMeasurement> ms = new ArrayList<>();
        for (int n : LADDER) {
            ms.add(new DistanceMeasurement(n, Math.pow(n, -2), Double.NaN, 1, C, 1, 1e-12, 1e-16, null));
        }
        ClaimResult r = judge(config("tanh", "fourier", "heun", false, 64), ms);
        assertThat(r.verdict()).isEqualTo(Verdict.HOLDS);
        assertThat(r.fits()).extracting(org.resnetode.stats.RateFit::quantity).containsExactly("error");
        assertThat(r.notes()).anyMatch(n -> n.startsWith("the bound of MATH.md section 2 is proved for the Euler scheme only"));
    }

    /** Rough weights, f linear in θ: only the bound is stated; the note reports e(512)/e(64) = 1/8 and the fitted rate 1 of errors 1/N. */
    @Test
    void roughLinearWeightsAreJudgedAgainstTheTelescopingPrediction() {
        ClaimResult r = judge(config("linear", "iid", "euler", false, 64), power(LADDER, 1));
        assertThat(r.verdict()).isEqualTo(Verdict.FINDING);
        assertThat(r.notes()).anyMatch(n -> n.startsWith("finding: rate of error (rough weights, f linear in θ: the paper states "
                + "only the O(1) bound, rate 0; the telescoping of linear-in-θ local errors predicts 1)")
                && n.contains("explained by the independent prediction 1.000"));
        // the bound's rate 0 holds; a rate neither 0 nor the prediction 1 fails
        assertThat(judge(config("linear", "iid", "euler", false, 64), power(LADDER, 0)).verdict()).isEqualTo(Verdict.HOLDS);
        assertThat(judge(config("linear", "iid", "euler", false, 64), power(LADDER, 0.5)).verdict()).isEqualTo(Verdict.FAILS);
    }
}
