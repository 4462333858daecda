package org.resnetode.properties;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;

import java.util.Arrays;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;
import org.quicktheories.core.Gen;
import org.resnetode.claim.DistanceMeasurement;
import org.resnetode.model.Families;
import org.resnetode.model.ResidualFunction;
import org.resnetode.model.Weights;
import org.resnetode.scheme.Scheme;

/**
 * The scalar linear ResNet {@code f(x, θ) = a x} with constant weight a, where every quantity has a closed form:
 * Euler gives {@code x_N = (1 + a/N)^N}, Heun {@code x_N = (1 + a/N + a²/(2N²))^N}, the ODE {@code x(1) = e^a}; the
 * certified constants are {@code L_x = |a|}, {@code L_θ = R}, {@code M = |a| R} with the radius
 * {@code R = max(1, e^a) e^{|a|/N}} (the largest knot norm times the growth over one step), TV = 0, so the Euler bound
 * is {@code e^{|a|} a² R / (2N)}. The weight a (the amplitude) ranges over [-3, 3]; the depth over 1..2048.
 */
@Execution(ExecutionMode.CONCURRENT)
class ClosedFormProperties {
    static final int EXAMPLES = 60;
    private static final ResidualFunction SCALAR = Families.create("linear", 1, 1);
    /** The radius carries a factor 1 + 1e-9 for the reference's own error; the reference is 1e-11 accurate. */
    private static final double RELATIVE = 1e-8;

    /** Constant weights a in [-3, 3] on a grid of 0.01, a = 0 excluded (the identity network). */
    private static Gen<Double> weights() {
        return integers().between(-300, 300).map(i -> i == 0 ? 0.01 : i / 100.0);
    }

    private static DistanceMeasurement measure(double a, int depth, Scheme scheme) {
        double[] theta = new double[scheme.weightCount(depth)];
        Arrays.fill(theta, a);
        return DistanceMeasurement.measure(SCALAR, new Weights(theta.length, 1, theta), scheme, depth, new double[] {1});
    }

    @Test
    void theEulerBoundHasItsClosedFormValue() {
        AtomicInteger examples = new AtomicInteger();
        qt().withFixedSeed(2022L).withExamples(EXAMPLES)
                .forAll(weights(), Generators.logDepths(2048))
                .checkAssert((a, n) -> {
                    examples.incrementAndGet();
                    DistanceMeasurement m = measure(a, n, Scheme.EULER);
                    double radius = Math.max(1, Math.exp(a)) * Math.exp(Math.abs(a) / n);
                    double bound = Math.exp(Math.abs(a)) * a * a * radius / (2.0 * n);
                    assertThat(m.bound()).as("bound, a = %s, N = %d", a, n).isCloseTo(bound,
                            org.assertj.core.api.Assertions.withinPercentage(100 * RELATIVE));
                    double error = Math.abs(Math.pow(1 + a / n, n) - Math.exp(a));
                    assertThat(m.error()).as("error, a = %s, N = %d", a, n).isCloseTo(error,
                            org.assertj.core.api.Assertions.within(1e-9 * Math.exp(Math.abs(a)) + 1e-6 * error));
                    assertThat(m.error()).isLessThanOrEqualTo(m.bound());
                });
        assertThat(examples.get()).isEqualTo(EXAMPLES);
    }

    @Test
    void heunHasItsClosedFormErrorAndNoBound() {
        AtomicInteger examples = new AtomicInteger();
        qt().withFixedSeed(2023L).withExamples(EXAMPLES)
                .forAll(weights(), Generators.logDepths(2048))
                .checkAssert((a, n) -> {
                    examples.incrementAndGet();
                    DistanceMeasurement m = measure(a, n, Scheme.HEUN);
                    double h = 1.0 / n;
                    double error = Math.abs(Math.pow(1 + a * h + a * a * h * h / 2, n) - Math.exp(a));
                    assertThat(m.error()).as("error, a = %s, N = %d", a, n).isCloseTo(error,
                            org.assertj.core.api.Assertions.within(1e-9 * Math.exp(Math.abs(a)) + 1e-6 * error));
                    assertThat(m.bound()).isNaN();
                });
        assertThat(examples.get()).isEqualTo(EXAMPLES);
    }
}
