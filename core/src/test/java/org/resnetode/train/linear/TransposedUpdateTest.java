package org.resnetode.train.linear;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * {@link TransposedUpdate} against a plain transposition, entry by entry, for widths below, at and between multiples
 * of its eight side-by-side columns: the same bits (one product and one sum an entry), the block at its offset
 * written and nothing around it.
 */
class TransposedUpdateTest {
    private static final int[] DIMS = {1, 3, 7, 8, 9, 13, 16, 21};
    private static final int AT = 5;
    private static final double SCALE = -0.0371;

    @Test
    void addIsTheTransposedScaledSum() {
        Random random = new Random(20);
        for (int d : DIMS) {
            double[] t = gaussian(random, d * d);
            double[] out = gaussian(random, AT + d * d + 3);
            double[] expected = out.clone();
            for (int i = 0; i < d; i++) {
                for (int j = 0; j < d; j++) {
                    double product = SCALE * t[j * d + i];
                    expected[AT + i * d + j] = out[AT + i * d + j] + product;
                }
            }
            TransposedUpdate.add(t, out, AT, d, SCALE);
            assertThat(out).as("d = %d", d).containsExactly(expected);
        }
    }

    @Test
    void setIsTheTransposedScaledBlock() {
        Random random = new Random(21);
        for (int d : DIMS) {
            double[] t = gaussian(random, d * d);
            t[d * d - 1] = -0.0;
            double[] out = gaussian(random, AT + d * d + 3);
            double[] expected = out.clone();
            for (int i = 0; i < d; i++) {
                for (int j = 0; j < d; j++) {
                    expected[AT + i * d + j] = SCALE * t[j * d + i];
                }
            }
            TransposedUpdate.set(t, out, AT, d, SCALE);
            assertThat(out).as("d = %d", d).containsExactly(expected);
            assertThat(Double.doubleToRawLongBits(out[AT + d * d - 1])).as("d = %d: -0 scaled by a negative", d)
                    .isEqualTo(Double.doubleToRawLongBits(0.0));
        }
    }

    @Test
    void addOfAKnownBlock() {
        // d = 2 written out: out = [[1, 2], [3, 4]] + 0.5 [[10, 20], [30, 40]]ᵀ
        double[] out = {9, 1, 2, 3, 4};
        TransposedUpdate.add(new double[] {10, 20, 30, 40}, out, 1, 2, 0.5);
        assertThat(out).containsExactly(9, 6, 17, 13, 24);
    }

    private static double[] gaussian(Random random, int n) {
        double[] x = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = random.nextGaussian();
        }
        return x;
    }
}
