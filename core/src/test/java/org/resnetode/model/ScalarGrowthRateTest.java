package org.resnetode.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * {@link ResidualFunction#scalarGrowthRate}: the families that say they are {@code x' = g(θ) x} are so, checked on their
 * values ({@code f(x, θ) = g(θ) x} for random x and θ, g = θ or θ²), and the others (linear at d ≥ 2, tanh, mlp)
 * say NONE.
 */
class ScalarGrowthRateTest {

    @Test
    void theScalarLinearFamiliesNameTheirRateAndTheirValuesAreThatRateTimesX() {
        SplittableRandom rng = new SplittableRandom(3);
        assertRate(Families.create("linear", 1, 1), ScalarGrowthRate.THETA, rng);
        assertRate(Families.create("theta2", 1, 1), ScalarGrowthRate.THETA_SQUARED, rng);
    }

    @Test
    void everyOtherFamilyIsNotScalarLinear() {
        assertThat(Families.create("linear", 2, 2).scalarGrowthRate()).isEqualTo(ScalarGrowthRate.NONE);
        for (String name : new String[] {"tanh", "mlp"}) {
            assertThat(Families.create(name, 1, 1).scalarGrowthRate()).as(name).isEqualTo(ScalarGrowthRate.NONE);
        }
    }

    private static void assertRate(ResidualFunction f, ScalarGrowthRate rate, SplittableRandom rng) {
        assertThat(f.scalarGrowthRate()).as(f.name()).isEqualTo(rate);
        double[] out = new double[1];
        for (int i = 0; i < 20; i++) {
            double theta = rng.nextDouble(-3, 3);
            double x = rng.nextDouble(-3, 3);
            f.value(new double[] {theta}, 0, new double[] {x}, out, new double[f.workSize()]);
            double g = rate == ScalarGrowthRate.THETA ? theta : theta * theta;
            assertThat(out[0]).as("%s at θ = %s, x = %s", f.name(), theta, x).isEqualTo(g * x);
        }
    }
}
