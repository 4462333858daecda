package org.resnetode.claim;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.resnetode.model.Families;
import org.resnetode.model.ResidualFunction;

/** The wrong-vjp control's residual function: f's values and state VJP, twice f's parameter VJP, f's everything else. */
class DoubledParameterVjpTest {
    @Test
    void onlyTheParameterVjpIsDoubled() {
        ResidualFunction f = Families.create("mlp", 3, 4);
        ResidualFunction g = Control.WRONG_VJP.family(f);
        assertThat(Control.NONE.family(f)).isSameAs(f);
        int p = f.parameterCount();
        SplittableRandom rng = new SplittableRandom(3);
        double[] theta = new double[p];
        f.initialParameters(rng, theta, 0);
        double[] x = {0.3, -0.7, 0.2};
        double[] q = {1.1, 0.4, -0.9};
        double[] valueF = new double[3];
        double[] valueG = new double[3];
        f.value(theta, 0, x, valueF, new double[f.workSize()]);
        g.value(theta, 0, x, valueG, new double[g.workSize()]);
        assertThat(valueG).containsExactly(valueF);
        // accumulate onto a gradient that already holds something, at an offset
        double[] start = new double[p + 2];
        for (int j = 0; j < start.length; j++) {
            start[j] = 0.5 - j;
        }
        double[] gradF = start.clone();
        double[] gradG = start.clone();
        double[] gxF = new double[3];
        double[] gxG = {9, 9, 9};
        f.vjp(theta, 0, x, q, gxF, gradF, 1, new double[f.workSize()]);
        g.vjp(theta, 0, x, q, gxG, gradG, 1, new double[g.workSize()]);
        assertThat(gxG).containsExactly(gxF);
        assertThat(gradG[0]).isEqualTo(start[0]);
        assertThat(gradG[p + 1]).isEqualTo(start[p + 1]);
        for (int j = 1; j <= p; j++) {
            assertThat(gradG[j] - start[j]).isCloseTo(2 * (gradF[j] - start[j]), org.assertj.core.api.Assertions.within(1e-14));
        }
        assertThat(g.name()).isEqualTo(f.name());
        assertThat(g.dim()).isEqualTo(3);
        assertThat(g.parameterCount()).isEqualTo(p);
        assertThat(g.oddInTheta()).isEqualTo(f.oddInTheta());
        assertThat(g.linearInTheta()).isEqualTo(f.linearInTheta());
        assertThat(g.normCount()).isEqualTo(f.normCount());
        double[] normsF = new double[f.normCount()];
        double[] normsG = new double[g.normCount()];
        f.parameterNorms(theta, 0, normsF);
        g.parameterNorms(theta, 0, normsG);
        assertThat(normsG).containsExactly(normsF);
        assertThat(g.constants(normsF, 2.0)).isEqualTo(f.constants(normsF, 2.0));
        double[] initF = new double[p];
        double[] initG = new double[p];
        f.initialParameters(new SplittableRandom(7), initF, 0);
        g.initialParameters(new SplittableRandom(7), initG, 0);
        assertThat(initG).containsExactly(initF);
    }

    @Test
    void onALinearFamilyTheOddAndLinearFlagsAreF() {
        ResidualFunction f = Families.create("linear", 2, 2);
        ResidualFunction g = Control.WRONG_VJP.family(f);
        assertThat(g.oddInTheta()).isEqualTo(f.oddInTheta()).isTrue();
        assertThat(g.linearInTheta()).isEqualTo(f.linearInTheta()).isTrue();
    }
}
