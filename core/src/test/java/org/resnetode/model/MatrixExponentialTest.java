package org.resnetode.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** e^A against closed forms: diagonal matrices, rotations, nilpotent matrices, and e^A e^{-A} = I. */
class MatrixExponentialTest {

    /** s squarings amplify the rounding of e^{A/2^s} about 2^s-fold: here ||A||_1 = 7, s = 4, so ~16 ulps. */
    @Test
    void diagonalMatricesExponentiateEntrywise() {
        double[] e = MatrixExponential.exp(new double[] {1.5, 0, 0, 0, -3, 0, 0, 0, 7}, 3);
        double tolerance = 32 * Math.ulp(1.0);
        assertThat(e[0]).isCloseTo(Math.exp(1.5), within(tolerance * Math.exp(1.5)));
        assertThat(e[4]).isCloseTo(Math.exp(-3), within(tolerance * Math.exp(-3)));
        assertThat(e[8]).isCloseTo(Math.exp(7), within(tolerance * Math.exp(7)));
        assertThat(e[1]).isZero();
    }

    @Test
    void skewGeneratorGivesARotation() {
        double t = 2.3;
        double[] e = MatrixExponential.exp(new double[] {0, -t, t, 0}, 2);
        assertThat(e).containsExactly(new double[] {Math.cos(t), -Math.sin(t), Math.sin(t), Math.cos(t)}, within(1e-14));
    }

    @Test
    void nilpotentMatrixTruncatesTheSeries() {
        // A = [[0, a, b], [0, 0, c], [0, 0, 0]]: e^A = I + A + A²/2 with A² having ac/1 in the corner
        double a = 2;
        double b = -1;
        double c = 3;
        double[] e = MatrixExponential.exp(new double[] {0, a, b, 0, 0, c, 0, 0, 0}, 3);
        assertThat(e).containsExactly(new double[] {1, a, b + a * c / 2, 0, 1, c, 0, 0, 1}, within(1e-14));
    }

    @Test
    void exponentialOfMinusAIsTheInverse() {
        SplittableRandom rng = new SplittableRandom(9);
        int d = 6;
        double[] a = new double[d * d];
        for (int i = 0; i < a.length; i++) {
            a[i] = 2 * Gaussian.next(rng) / Math.sqrt(d);
        }
        double[] minus = a.clone();
        for (int i = 0; i < minus.length; i++) {
            minus[i] = -minus[i];
        }
        double[] product = MatrixExponential.multiply(MatrixExponential.exp(a, d), MatrixExponential.exp(minus, d), d);
        for (int i = 0; i < d; i++) {
            for (int j = 0; j < d; j++) {
                assertThat(product[i * d + j]).isCloseTo(i == j ? 1 : 0, within(1e-12));
            }
        }
    }

    @Test
    void badInputIsRejected() {
        assertThatThrownBy(() -> MatrixExponential.exp(new double[3], 2)).hasMessageContaining("2x2");
        assertThatThrownBy(() -> MatrixExponential.exp(new double[] {Double.NaN}, 1)).hasMessageContaining("NaN");
    }
}
