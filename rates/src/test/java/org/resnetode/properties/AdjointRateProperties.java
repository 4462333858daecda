package org.resnetode.properties;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.resnetode.assertions.ConvergenceAssertions.assertThatErrors;
import static org.quicktheories.QuickTheory.qt;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.Generate;
import org.resnetode.claim.AdjointClaim;
import org.resnetode.claim.AdjointMeasurement;
import org.resnetode.model.DepthProfile;
import org.resnetode.model.ResidualFunction;
import org.resnetode.properties.Generators.NetworkConfig;
import org.resnetode.scheme.Scheme;
import org.resnetode.assertions.ErrorsAssert;
import org.resnetode.stats.RateFit;

/**
 * Claims A and H (MATH.md sections 4 and 5) on weights smooth in depth: the Euler adjoint's gradient
 * error decays at rate 1, the Heun adjoint's at rate 2 or better.
 */
@Execution(ExecutionMode.CONCURRENT)
class AdjointRateProperties {
    static final int EXAMPLES = 20;
    static final int REQUESTED = 100;
    static final int[] LADDER = {64, 128, 256, 512, 1024};
    static final int MAX_BATCH = 4;

    /** Fourier profile around a non-zero mean, random amplitude, linear/tanh/mlp, d = 1..6. */
    static Gen<NetworkConfig> smoothNetworks() {
        return Generators.networks(Generators.vectorFamilies(), Generate.constant("fourier"), Generate.constant(false),
                Generators.dimensions(6), Generate.constant(LADDER[LADDER.length - 1]), Generators.seeds(),
                Generators.amplitudes());
    }

    /** The Euler adjoint's gradient relative error against backprop decays at rate 1 (fit over N = 64..1024 in [0.85, 1.15]). */
    @Test
    void eulerAdjointConvergesAtRateOne() {
        checkRates("eulerAdjointConvergesAtRateOne", Scheme.EULER, errors -> {
            assertThat(errors.fit().points()).as("depths in the fit").isEqualTo(LADDER.length);
            errors.convergesAtRate(1.0, within(0.15));
        });
    }

    /** The Heun adjoint's gradient relative error on smooth weights decays at rate at least 1.9 (paper: 2). */
    @Test
    void heunAdjointGainsOnSmoothWeights() {
        checkRates("heunAdjointGainsOnSmoothWeights", Scheme.HEUN, errors -> {
            RateFit fit = errors.fit();
            assertThat(fit.points()).as("depths in the fit").isGreaterThanOrEqualTo(2);
            assertThat(fit.rate()).as("Heun adjoint gradient-error rate").isGreaterThanOrEqualTo(1.9);
        });
    }

    /** Runs {@code check} on the gradient-error rate fit of random smooth networks and reports the range seen. */
    private static void checkRates(String property, Scheme scheme, Consumer<ErrorsAssert> check) {
        AtomicInteger examples = new AtomicInteger();
        double[] rates = {Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY};
        qt().withFixedSeed(5005L)
                .withExamples(REQUESTED)
                .forAll(smoothNetworks(), Generators.batchSizes(MAX_BATCH))
                .checkAssert((c, batch) -> {
                    examples.incrementAndGet();
                    ErrorsAssert errors = gradientErrors(c, batch, scheme);
                    check.accept(errors);
                    RateFit fit = errors.fit();
                    rates[0] = Math.min(rates[0], fit.rate());
                    rates[1] = Math.max(rates[1], fit.rate());
                });
        System.out.printf("%s: %d examples, rates in [%.4f, %.4f]%n", property, examples.get(), rates[0], rates[1]);
        assertThat(examples.get()).isGreaterThanOrEqualTo(EXAMPLES);
    }

    private static ErrorsAssert gradientErrors(NetworkConfig c, int batchSize, Scheme scheme) {
        ResidualFunction f = c.residualFunction();
        DepthProfile profile = c.depthProfile(f);
        double[][][] batch = AdjointMeasurement.batch(batchSize, c.dim(), c.seed());
        double[] errors = new double[LADDER.length];
        for (int i = 0; i < LADDER.length; i++) {
            errors[i] = AdjointMeasurement.measure(f, profile, scheme, LADDER[i], batch[0], batch[1]).gradientError();
        }
        return assertThatErrors(LADDER, errors).fromDepth(64).aboveRoundOff(AdjointClaim.ROUND_OFF_FLOOR);
    }
}
