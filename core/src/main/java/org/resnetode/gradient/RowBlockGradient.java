package org.resnetode.gradient;

import org.resnetode.linalg.Parallelism;
import org.resnetode.scheme.ResNet;

/**
 * A gradient computed on the batch's row blocks ({@link RowBlocks}): backprop and the adjoint. Both run on the threads
 * of their parallelism, or of the calling work when it is null, and bound their partial gradient buffers by the same
 * budget. Public only so that the methods {@link GradientMethod} inherits stay callable through its two subclasses
 * from other packages; sealed, so that nothing else extends it.
 */
public abstract sealed class RowBlockGradient implements GradientMethod permits Adjoint, Backprop {
    /** The threads it runs on; null: those of the calling work ({@link Parallelism#current()}). */
    private final Parallelism parallelism;
    /** Doubles of partial gradient buffers at most ({@link RowBlocks#PARTIAL_BUDGET}; tests: chunks of a few layers). */
    final int partialBudget;

    RowBlockGradient(Parallelism parallelism, int partialBudget) {
        this.parallelism = parallelism;
        this.partialBudget = partialBudget;
    }

    @Override
    public final GradientReport compute(ResNet net, double[] inputs, int batch, TerminalLoss loss, double[] gradient) {
        Parallelism threads = RowBlocks.threads(parallelism);
        // the calling work's threads need no scope (and the lambda would add to the bytes the memory claim counts)
        return threads == Parallelism.current() ? computeOn(threads, net, inputs, batch, loss, gradient)
                : threads.call(() -> computeOn(threads, net, inputs, batch, loss, gradient));
    }

    /** The gradient on {@code threads}, the threads the work already runs on. */
    abstract GradientReport computeOn(Parallelism threads, ResNet net, double[] inputs, int batch, TerminalLoss loss, double[] gradient);
}
