package org.resnetode.properties;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;

import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;
import org.quicktheories.generators.Generate;
import org.resnetode.claim.ClaimResult;
import org.resnetode.claim.DistanceClaim;
import org.resnetode.claim.DistanceMeasurement;
import org.resnetode.claim.Progress;
import org.resnetode.claim.SweepConfig;
import org.resnetode.claim.Verdict;
import org.resnetode.model.DepthProfile;
import org.resnetode.model.ResidualFunction;
import org.resnetode.properties.Generators.NetworkConfig;
import org.resnetode.scheme.Scheme;
import org.resnetode.stats.RateFit;

/** Claim D (MATH.md section 2) over random configurations. */
@Execution(ExecutionMode.CONCURRENT)
class DistanceProperties {
    static final int BOUND_EXAMPLES = 200;
    static final int BOUND_REQUESTED = 500;
    static final int RATE_EXAMPLES = 30;
    static final int RATE_REQUESTED = 40;
    static final int VERDICT_EXAMPLES = 100;
    static final int VERDICT_REQUESTED = 150;
    static final int[] LADDER = {64, 128, 256, 512, 1024};
    static final int[] DEEP_LADDER = {2048, 4096, 8192, 16384};

    /**
     * The Euler bound {@code e^{L_x} (1/(2N)) (L_x M + L_θ TV)} holds for every amplitude 0.25..1.5, every family, every profile (rough
     * ones included), with or without zero mean, every dimension 1..16 and depth 1..512: the reference is
     * accepted and the tightness measured/bound lies in (0, 1].
     */
    @Test
    void eulerBoundIsNeverViolated() {
        AtomicInteger examples = new AtomicInteger();
        double[] tightness = {Double.POSITIVE_INFINITY, 0};
        Map<String, Integer> coverage = new java.util.TreeMap<>();
        int[] largest = {0, 0, 0}; // depth, dim, identity networks
        qt().withFixedSeed(20220514L)
                .withExamples(BOUND_REQUESTED)
                .forAll(Generators.networks(Generators.families(), Generators.profiles(), Generators.zeroMeans(),
                        Generators.dimensions(16), Generators.logDepths(512), Generators.seeds(),
                        Generators.amplitudes()))
                .checkAssert(c -> {
                    examples.incrementAndGet();
                    coverage.merge(c.family(), 1, Integer::sum);
                    coverage.merge(c.profile() + (c.zeroMean() ? "/0" : ""), 1, Integer::sum);
                    largest[0] = Math.max(largest[0], c.depth());
                    largest[1] = Math.max(largest[1], c.dim());
                    ResidualFunction f = c.residualFunction();
                    DepthProfile profile = c.depthProfile(f);
                    DistanceMeasurement m = DistanceMeasurement.measure(f, profile, Scheme.EULER, c.depth(),
                            DistanceMeasurement.unitInput(c.dim(), c.seed()));
                    assertThat(m.accepted()).as("ODE reference accepted (self-check %s, error %s)",
                            m.odeSelfCheck(), m.error()).isTrue();
                    assertThat(m.error()).as("error <= bound").isLessThanOrEqualTo(m.bound());
                    if (isIdentityNetwork(profile, c.depth())) {
                        // every θ_n = 0 and f(x, 0) = 0: the ResNet and its ODE are both the identity, and the
                        // bound is exactly 0 as well (L_x = M = TV = 0); the ratio 0/0 has no meaning here
                        assertThat(m.error()).as("error of the identity network").isEqualTo(0.0);
                        assertThat(m.bound()).as("bound of the identity network").isEqualTo(0.0);
                        largest[2]++;
                        return;
                    }
                    assertThat(m.tightness()).as("tightness = error %s / bound %s", m.error(), m.bound())
                            .isGreaterThan(0.0).isLessThanOrEqualTo(1.0);
                    tightness[0] = Math.min(tightness[0], m.tightness());
                    tightness[1] = Math.max(tightness[1], m.tightness());
                });
        System.out.printf("eulerBoundIsNeverViolated: %d examples (%d identity networks), tightness in [%.3e, %.3e], "
                + "deepest N=%d, largest d=%d, counts %s%n", examples.get(), largest[2], tightness[0], tightness[1],
                largest[0], largest[1], coverage);
        assertThat(examples.get()).isGreaterThanOrEqualTo(BOUND_EXAMPLES);
    }

    /**
     * On weights smooth in depth (Fourier or polynomial profile, random amplitude 0.25..1.5, every family,
     * d = 1..6) the Euler error is O(1/N):
     * <ul>
     *   <li>the certified bound decays at rate 1 over N = 64..1024 (slope in [0.85, 1.15]), and the error
     *       stays below it, so the error is O(1/N) for every configuration;</li>
     *   <li>the error's own slope over 64..1024 lies in [0.85, 1.15] (the criterion) or, where a small
     *       leading constant {@code c_1} in {@code E(N) = c_1/N + c_2/N² + ...} makes 64..1024 pre-asymptotic
     *       (the error vector can even change sign there), the slope over 2048..16384 is in that band.</li>
     * </ul>
     * The configuration's depth field is the deepest N of the first ladder.
     */
    @Test
    void smoothProfilesConvergeAtRateOne() {
        AtomicInteger examples = new AtomicInteger();
        java.util.List<String> preAsymptotic = new java.util.ArrayList<>();
        double[] rates = {Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY};
        qt().withFixedSeed(1205L)
                .withExamples(RATE_REQUESTED)
                .forAll(Generators.networks(Generators.families(), Generators.smoothProfiles(),
                        Generate.constant(false), Generators.dimensions(6),
                        Generate.constant(LADDER[LADDER.length - 1]),
                        Generators.seeds(), Generators.amplitudes()))
                .checkAssert(c -> {
                    examples.incrementAndGet();
                    RateFit[] fits = eulerErrorAndBoundRates(c, LADDER);
                    assertThat(fits[0].points()).as("depths in the fit").isEqualTo(LADDER.length);
                    assertThat(fits[1].rate()).as("bound rate of %s", c).isBetween(0.85, 1.15);
                    rates[0] = Math.min(rates[0], fits[0].rate());
                    rates[1] = Math.max(rates[1], fits[0].rate());
                    if (fits[0].rate() < 0.85 || fits[0].rate() > 1.15) {
                        RateFit deep = eulerErrorAndBoundRates(c, DEEP_LADDER)[0];
                        assertThat(deep.rate()).as("error rate of %s over 2048..16384 (64..1024 gave %.4f)", c,
                                fits[0].rate()).isBetween(0.85, 1.15);
                        preAsymptotic.add(String.format("%s: %.4f over 64..1024, %.4f over 2048..16384", c,
                                fits[0].rate(), deep.rate()));
                    }
                });
        System.out.printf("smoothProfilesConvergeAtRateOne: %d examples, error rates over 64..1024 in [%.4f, %.4f]; "
                + "%d pre-asymptotic: %s%n", examples.get(), rates[0], rates[1], preAsymptotic.size(), preAsymptotic);
        assertThat(examples.get()).isGreaterThanOrEqualTo(RATE_EXAMPLES);
    }

    /**
     * True when every weight θ_0..θ_{N-1} the depth-N Euler network reads is 0 (constant profile around
     * θ̄ = 0, or polynomial around θ̄ = 0 at N = 1, which reads only θ(0) = θ̄): every family has f(x, 0) = 0,
     * so the network and its ODE are both the identity.
     */
    static boolean isIdentityNetwork(DepthProfile profile, int depth) {
        double[] theta = new double[profile.parameterCount()];
        for (int n = 0; n < depth; n++) {
            profile.layer(n, depth, theta, 0);
            for (double v : theta) {
                if (v != 0) {
                    return false;
                }
            }
        }
        return true;
    }

    /**
     * The claim's verdict agrees with its own rows: {@link DistanceClaim#run} notes "bound violated at N=n"
     * exactly for the accepted rows whose error exceeds the bound, and fails the claim only then or on a rate.
     * Checked on the ladder N = 1, 2, 4, 8 (the configuration's depth field is its deepest N): the notes are
     * compared with the rows' own numbers.
     */
    @Test
    void eulerBoundVerdictAgreesWithMeasurements() {
        AtomicInteger examples = new AtomicInteger();
        int[] ladder = {1, 2, 4, 8};
        qt().withFixedSeed(31337L)
                .withExamples(VERDICT_REQUESTED)
                .forAll(Generators.networks(Generators.families(), Generators.profiles(), Generators.zeroMeans(),
                        Generators.dimensions(8), Generate.constant(8),
                        Generators.seeds(), Generators.amplitudes()))
                .checkAssert(c -> {
                    examples.incrementAndGet();
                    SweepConfig cfg = new SweepConfig(c.family(), c.profile(), "euler", c.dim(), c.dim(), ladder,
                            c.seed(), c.amplitude(), c.zeroMean(), 1, 0);
                    ClaimResult result = DistanceClaim.run(cfg, Progress.SILENT);
                    boolean anyViolated = false;
                    for (Map<String, Object> row : result.rows()) {
                        int n = ((Number) row.get("N")).intValue();
                        double error = ((Number) row.get("error")).doubleValue();
                        double bound = ((Number) row.get("bound")).doubleValue();
                        boolean accepted = (Boolean) row.get("referenceAccepted");
                        boolean violated = accepted && error > bound;
                        boolean reported = result.notes().stream().anyMatch(s -> s.startsWith("fails: bound violated at N=" + n + ":"));
                        assertThat(reported).as("'bound violated' note at N=%d for error %s, bound %s", n, error, bound)
                                .isEqualTo(violated);
                        anyViolated |= violated;
                    }
                    if (result.verdict() == Verdict.FAILS && !anyViolated) {
                        assertThat(result.notes()).as("a failing verdict without a violated bound fails another stated quantity")
                                .anyMatch(note -> note.startsWith("fails: ") && !note.startsWith("fails: bound violated"));
                    }
                });
        assertThat(examples.get()).isGreaterThanOrEqualTo(VERDICT_EXAMPLES);
    }

    /**
     * Rate fits of the Euler error (index 0) and of the certified bound (index 1) of the configuration's
     * network over {@code ladder}, each measured against an accepted reference.
     */
    private static RateFit[] eulerErrorAndBoundRates(NetworkConfig c, int[] ladder) {
        ResidualFunction f = c.residualFunction();
        DepthProfile profile = c.depthProfile(f);
        double[] x0 = DistanceMeasurement.unitInput(c.dim(), c.seed());
        double[] errors = new double[ladder.length];
        double[] bounds = new double[ladder.length];
        for (int i = 0; i < ladder.length; i++) {
            DistanceMeasurement m = DistanceMeasurement.measure(f, profile, Scheme.EULER, ladder[i], x0);
            assertThat(m.accepted()).as("ODE reference accepted at N=%d", ladder[i]).isTrue();
            assertThat(m.error()).as("error <= bound at N=%d", ladder[i]).isLessThanOrEqualTo(m.bound());
            errors[i] = m.error();
            bounds[i] = m.bound();
        }
        int lo = ladder[0];
        int hi = ladder[ladder.length - 1];
        return new RateFit[] {RateFit.fit("error", ladder, errors, lo, hi, DistanceClaim.ROUND_OFF_FLOOR),
                RateFit.fit("bound", ladder, bounds, lo, hi, DistanceClaim.ROUND_OFF_FLOOR)};
    }
}
