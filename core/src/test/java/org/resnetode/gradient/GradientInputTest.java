package org.resnetode.gradient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.resnetode.model.DepthProfiles;
import org.resnetode.model.Families;
import org.resnetode.model.ResidualFunction;
import org.resnetode.model.Weights;
import org.resnetode.scheme.ResNet;
import org.resnetode.scheme.Scheme;

/** Both gradient methods reject bad batches with a message naming the problem, and overwrite the gradient buffer. */
class GradientInputTest {
    private final ResidualFunction f = Families.create("tanh", 3, 3);
    private final ResNet net = new ResNet(f, Scheme.HEUN,
            Weights.sample(DepthProfiles.create("fourier", f, 1, 1.0, false), Scheme.HEUN.weightCount(4), 4), 4);
    private final double[] gradient = new double[net.weights().data().length];

    @Test
    void mismatchedShapesAreRejected() {
        for (GradientMethod m : new GradientMethod[] {new Backprop(), new Adjoint()}) {
            assertThatThrownBy(() -> m.compute(net, new double[][] {{1, 2, 3}}, new double[][] {{1, 2, 3}, {4, 5, 6}}, gradient))
                    .hasMessage("batch has 1 inputs but 2 targets");
            assertThatThrownBy(() -> m.compute(net, new double[][] {{1, 2, 3}}, new double[][] {{1, 2}}, gradient))
                    .hasMessage("sample 0: input has dimension 3 and target 2, the network expects 3");
            assertThatThrownBy(() -> m.compute(net, new double[][] {}, new double[][] {}, gradient))
                    .hasMessage("the batch is empty");
            assertThatThrownBy(() -> m.compute(net, new double[][] {{1, 2, 3}}, new double[][] {{1, 2, 3}}, new double[5]))
                    .hasMessageContaining("gradient buffer has 5 entries");
        }
    }

    @Test
    void nonFiniteInputsAndTargetsAreRejected() {
        for (GradientMethod m : new GradientMethod[] {new Backprop(), new Adjoint()}) {
            assertThatThrownBy(() -> m.compute(net, new double[][] {{1, Double.NaN, 3}}, new double[][] {{1, 2, 3}}, gradient))
                    .hasMessage("input entry 1 is NaN");
            assertThatThrownBy(() -> m.compute(net, new double[][] {{1, 2, 3}}, new double[][] {{1, 2, Double.POSITIVE_INFINITY}},
                    gradient)).hasMessage("target 0 entry 2 is Infinity");
        }
    }

    @Test
    void malformedFlatBatchesAreRejected() {
        TerminalLoss loss = TerminalLoss.squaredError(new double[6]);
        for (GradientMethod m : new GradientMethod[] {new Backprop(), new Adjoint()}) {
            assertThatThrownBy(() -> m.compute(net, new double[5], 2, loss, gradient))
                    .hasMessage("a batch of 2 inputs of dimension 3 has 6 values, got 5");
            assertThatThrownBy(() -> m.compute(net, new double[] {0, 0, 0, Double.NaN, 0, 0}, 2, loss, gradient))
                    .hasMessage("input 1 entry 0 is NaN");
            assertThatThrownBy(() -> m.compute(net, new double[0], 0, loss, gradient)).hasMessage("the batch is empty");
            assertThatThrownBy(() -> m.compute(net, new double[6], 2, loss, new double[4]))
                    .hasMessageContaining("gradient buffer has 4 entries");
        }
    }

    /** The gradient is overwritten, not accumulated: a buffer full of garbage gives the same bits as a zero one. */
    @Test
    void theGradientBufferIsOverwritten() {
        double[] inputs = {0.3, -0.2, 0.5, 1.1, 0.4, -0.7};
        TerminalLoss loss = TerminalLoss.squaredError(new double[] {1, 0, 0, 0, 1, 0});
        for (GradientMethod m : new GradientMethod[] {new Backprop(), new Adjoint()}) {
            double[] clean = new double[gradient.length];
            m.compute(net, inputs, 2, loss, clean);
            double[] dirty = new double[gradient.length];
            java.util.Arrays.fill(dirty, 7.5);
            m.compute(net, inputs, 2, loss, dirty);
            assertThat(dirty).as(m.name()).isEqualTo(clean);
            assertThat(clean).as("a non-trivial gradient").isNotEqualTo(new double[gradient.length]);
        }
    }
}
