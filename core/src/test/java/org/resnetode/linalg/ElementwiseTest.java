package org.resnetode.linalg;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * tanh on blocks: within 1e-14 relative of {@link Math#tanh} (an independent implementation, fdlibm's) over
 * magnitudes from 1e-300 to 1e300 and at ±0, ±∞, NaN; only the given range touched; the Vector API and scalar kernels
 * agree to the last bit; and 1 and 2 threads give the same bits on blocks large enough to be split.
 */
class ElementwiseTest {


    /** Values spread over magnitudes: uniform on [-6, 6], scaled by 10^e with e uniform in [-300, 2] a quarter of the time. */
    private static double[] random(SplittableRandom rng, int n) {
        double[] z = new double[n];
        for (int i = 0; i < n; i++) {
            z[i] = rng.nextDouble(-6, 6) * (rng.nextInt(4) == 0 ? Math.pow(10, rng.nextInt(-300, 3)) : 1);
        }
        return z;
    }

    @Test
    void tanhAgreesWithMathTanhAndTouchesOnlyTheRange() {
        SplittableRandom rng = new SplittableRandom(5);
        for (int n : new int[] {1, 7, 8, 9, 63, 64, 65, 1000, 200_001}) {
            double[] z = random(rng, n + 5);
            double[] before = z.clone();
            Elementwise.tanh(z, 3, n);
            for (int i = 0; i < z.length; i++) {
                if (i < 3 || i >= 3 + n) {
                    assertThat(z[i]).isEqualTo(before[i]);
                } else {
                    double expected = Math.tanh(before[i]);
                    assertThat(Math.abs(z[i] - expected)).as("n=%d i=%d", n, i).isLessThanOrEqualTo(1e-14 * Math.abs(expected));
                }
            }
        }
    }

    @Test
    void vectorAndScalarKernelsAgreeToTheLastBit() {
        assertThat(Gemm.vectorized()).as("tests run with --add-modules jdk.incubator.vector (pom argLine)").isTrue();
        double[] z = random(new SplittableRandom(6), 4099);
        double[] expected = z.clone();
        new ScalarKernel().tanh(expected, 0, z.length);
        Gemm.kernel().tanh(z, 0, z.length);
        assertThat(z).isEqualTo(expected);
    }

    @Test
    void specialValues() {
        double[] z = {0.0, -0.0, 22.5, -22.5, 1e300, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, Double.NaN,
                Double.MIN_NORMAL, 21.9};
        double[] scalar = z.clone();
        new ScalarKernel().tanh(scalar, 0, scalar.length);
        Elementwise.tanh(z, 0, z.length);
        assertThat(z).isEqualTo(scalar);
        assertThat(z[0]).isEqualTo(0.0);
        assertThat(Math.abs(z[1])).isEqualTo(0.0);
        assertThat(z[2]).isEqualTo(1.0);
        assertThat(z[3]).isEqualTo(-1.0);
        assertThat(z[4]).isEqualTo(1.0);
        assertThat(z[5]).isEqualTo(1.0);
        assertThat(z[6]).isEqualTo(-1.0);
        assertThat(z[7]).isNaN();
        assertThat(z[8]).isEqualTo(Double.MIN_NORMAL);
        assertThat(z[9]).isEqualTo(Math.tanh(21.9));
    }

    @Test
    void oneAndTwoThreadsGiveTheSameBits() {
        SplittableRandom rng = new SplittableRandom(7);
        for (int n : new int[] {Elementwise.PARALLEL_SIZE, 3 * Elementwise.PARALLEL_SIZE + 13}) {
            double[] one = random(rng, n);
            double[] two = one.clone();
            Parallelism.SERIAL.call(() -> {
                Elementwise.tanh(one, 0, n);
                return null;
            });
            Parallelism.of(2).call(() -> {
                Elementwise.tanh(two, 0, n);
                return null;
            });
            assertThat(two).isEqualTo(one);
        }
    }
}
