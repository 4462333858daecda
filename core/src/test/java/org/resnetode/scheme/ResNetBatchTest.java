package org.resnetode.scheme;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.resnetode.model.Families;
import org.resnetode.model.ResidualFunction;
import org.resnetode.model.Weights;

/** {@link ResNet#forwardBatch} gives every row's {@link ResNet#forward} (to 1e-13 relative) and rejects malformed batches. */
class ResNetBatchTest {

    private static ResNet network(String family, int d, Scheme scheme, int depth, long seed) {
        ResidualFunction f = Families.create(family, d, d + 3);
        SplittableRandom rng = new SplittableRandom(seed);
        int count = scheme.weightCount(depth);
        double[] w = new double[count * f.parameterCount()];
        for (int n = 0; n < count; n++) {
            f.initialParameters(rng, w, n * f.parameterCount());
        }
        return new ResNet(f, scheme, new Weights(count, f.parameterCount(), w), depth);
    }

    @Test
    void batchedForwardEqualsTheRowsForward() {
        SplittableRandom rng = new SplittableRandom(3);
        for (String family : new String[] {"linear", "tanh", "mlp"}) {
            for (Scheme scheme : new Scheme[] {Scheme.EULER, Scheme.HEUN, Scheme.HEUN_REFERENCE}) {
                int d = 1 + rng.nextInt(17);
                int rows = 1 + rng.nextInt(21);
                ResNet net = network(family, d, scheme, 2 + rng.nextInt(9), rng.nextLong());
                double[] inputs = new double[rows * d];
                for (int k = 0; k < inputs.length; k++) {
                    inputs[k] = rng.nextGaussian();
                }
                double[] out = new double[inputs.length];
                net.forwardBatch(inputs, rows, out);
                double[] inPlace = inputs.clone();
                net.forwardBatch(inPlace, rows, inPlace);
                assertThat(inPlace).as("in place").isEqualTo(out);
                double[] x = new double[d];
                for (int i = 0; i < rows; i++) {
                    System.arraycopy(inputs, i * d, x, 0, d);
                    net.forward(x, x);
                    double diff = 0;
                    double norm = 0;
                    for (int k = 0; k < d; k++) {
                        diff += (out[i * d + k] - x[k]) * (out[i * d + k] - x[k]);
                        norm += x[k] * x[k];
                    }
                    assertThat(Math.sqrt(diff / norm)).as("%s %s row %d", family, scheme.name(), i).isLessThanOrEqualTo(1e-13);
                }
            }
        }
    }

    @Test
    void malformedBatchesAreRejected() {
        ResNet net = network("tanh", 3, Scheme.EULER, 4, 1);
        assertThatThrownBy(() -> net.forwardBatch(new double[0], 0, new double[0])).hasMessage("the batch is empty");
        assertThatThrownBy(() -> net.forwardBatch(new double[5], 2, new double[5]))
                .hasMessage("a batch of 2 inputs of dimension 3 has 6 values, got 5");
        assertThatThrownBy(() -> net.forwardBatch(new double[] {0, 0, 0, 0, Double.NaN, 0}, 2, new double[6]))
                .hasMessage("input 1 entry 1 is NaN");
        assertThatThrownBy(() -> net.forwardBatch(new double[6], 2, new double[5]))
                .hasMessage("output buffer has 5 values, the batch 6");
    }
}
