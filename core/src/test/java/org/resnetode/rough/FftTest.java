package org.resnetode.rough;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class FftTest {

    @Test
    void equalsTheDirectSumOfTheDefinition() {
        SplittableRandom rng = new SplittableRandom(3);
        for (int m : new int[] {1, 2, 4, 16, 64}) {
            double[] xr = new double[m];
            double[] xi = new double[m];
            for (int j = 0; j < m; j++) {
                xr[j] = rng.nextDouble() - 0.5;
                xi[j] = rng.nextDouble() - 0.5;
            }
            double[] re = xr.clone();
            double[] im = xi.clone();
            Fft.transform(re, im);
            for (int k = 0; k < m; k++) {
                // X_k = Σ_j x_j e^{-2πi jk/m}
                double sr = 0;
                double si = 0;
                for (int j = 0; j < m; j++) {
                    double a = -2 * Math.PI * j * k / m;
                    sr += xr[j] * Math.cos(a) - xi[j] * Math.sin(a);
                    si += xr[j] * Math.sin(a) + xi[j] * Math.cos(a);
                }
                assertThat(re[k]).isCloseTo(sr, within(1e-12));
                assertThat(im[k]).isCloseTo(si, within(1e-12));
            }
        }
    }

    @Test
    void refusesLengthsThatAreNotPowersOfTwo() {
        assertThatThrownBy(() -> Fft.transform(new double[6], new double[6])).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Fft.transform(new double[4], new double[8])).isInstanceOf(IllegalArgumentException.class);
    }
}
