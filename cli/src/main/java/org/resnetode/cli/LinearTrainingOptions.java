package org.resnetode.cli;

import org.resnetode.claim.RegularizationConfig;
import picocli.CommandLine.Option;

/** Options of linear-ResNet training shared by linear-train and regularization: target, step, time, initialisation. */
public final class LinearTrainingOptions {
    @Option(names = "--dim", paramLabel = "D", defaultValue = "8", description = "Dimension d >= 1. Default: ${DEFAULT-VALUE}.")
    int dim;

    @Option(names = "--target", paramLabel = "SPEC", defaultValue = "random:0.5",
            description = "Target B: random:s (B = I + s G/√d, G Gaussian from --seed), diagonal:b1,b2,... (d positive entries) "
                    + "or a file of d lines of d numbers. Default: ${DEFAULT-VALUE}.")
    String target;

    @picocli.CommandLine.Mixin
    SeedOption seed;

    @Option(names = "--lr", paramLabel = "ETA", defaultValue = "0.25",
            description = "Learning rate η of the depth-scaled step A_n <- A_n - η N ∂ℓ/∂A_n. Default: ${DEFAULT-VALUE}.")
    double learningRate;

    @Option(names = "--time", paramLabel = "T", defaultValue = "100",
            description = "Training time T (round(T/η) steps, the same for every depth). Default: ${DEFAULT-VALUE}.")
    double time;

    @Option(names = "--track-every", paramLabel = "K", defaultValue = "20",
            description = "Track loss, S(t) and the distances every K steps. Default: ${DEFAULT-VALUE}.")
    int trackEvery;

    @Option(names = "--init", paramLabel = "PROFILE", defaultValue = RegularizationConfig.ZERO,
            description = "Initial weights A_n(0) = A⁰(t_n): zero, or a depth profile around zero (constant, polynomial, fourier, "
                    + "kinked, iid, alternating; iid and alternating are rough: the negative controls). Default: ${DEFAULT-VALUE}.")
    String init;

    @Option(names = "--init-amplitude", paramLabel = "A", defaultValue = "0.5",
            description = "Amplitude of the initial profile (not with --init zero). Default: ${DEFAULT-VALUE}.")
    double initAmplitude;

    @Option(names = "--loss-target", paramLabel = "L", defaultValue = "1e-10",
            description = "Loss every depth must reach by the end of training. Default: ${DEFAULT-VALUE}.")
    double lossTarget;

    /** Refuses an --init-amplitude with the zero initialisation, which has no amplitude (it would be ignored). */
    void refuseIgnoredOptions(picocli.CommandLine.Model.CommandSpec spec) {
        Applies.require(spec, "--init-amplitude", !RegularizationConfig.ZERO.equals(init),
                "does not apply with --init " + RegularizationConfig.ZERO + " (A_n(0) = 0 has no amplitude)");
    }

    /** The configuration at this dimension and target, over {@code depths}. */
    RegularizationConfig config(int[] depths) {
        return new RegularizationConfig(dim, target, seed.value, depths, learningRate, time, trackEvery, init, initAmplitude, lossTarget);
    }
}
