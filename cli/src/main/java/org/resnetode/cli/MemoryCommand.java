package org.resnetode.cli;

import org.resnetode.checks.BadInputException;
import java.util.List;
import java.util.concurrent.Callable;
import org.resnetode.claim.Control;
import org.resnetode.claim.MemorySweep;
import org.resnetode.claim.SweepConfig;
import org.resnetode.report.ClaimRun;
import org.resnetode.report.MemorySpec;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "memory", mixinStandardHelpOptions = true, versionProvider = Version.class,
        description = {"Memory of exact backprop versus the adjoint: the state doubles each keeps alive (counted) and the "
                + "bytes the JVM allocates during one gradient (measured), with the fitted growth in N.",
                "Weights are tied (every layer reads one θ, the gradient accumulates into it), so a million layers fit "
                        + "and only the activations differ between the methods. Defaults: tanh, d = 64, depths 1000:1000000, batch 1."})
public final class MemoryCommand implements Callable<Integer> {
    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Option(names = "--family", defaultValue = "tanh", description = "Residual family. Default: ${DEFAULT-VALUE}.")
    String family;

    @Option(names = "--profile", defaultValue = "fourier",
            description = "Depth profile whose θ(0) every layer shares. Default: ${DEFAULT-VALUE}.")
    String profile;

    @Option(names = "--scheme", defaultValue = "euler", description = "A built-in tableau (euler, heun, midpoint, ralston, rk3, "
            + "rk4, rk38), heun-reference, or a tableau file ending in .json. Default: ${DEFAULT-VALUE}.")
    String scheme;

    @Mixin
    NetworkOptions network;

    @Option(names = "--batch", defaultValue = "1", description = "Batch size B >= 1. Default: ${DEFAULT-VALUE}.")
    int batch;

    @Option(names = "--control", paramLabel = "CONTROL",
            description = "Negative control: storing-adjoint (an adjoint that keeps a copy of every recovered activation while "
                    + "reporting the same stored state): the claim, judged on measured allocation, must fail (exit 1).")
    String control;

    @Mixin
    OutputOptions output;

    @Override
    public Integer call() {
        output.prepare();
        return ClaimOutput.emit(new ClaimRun<>(MemorySpec.CLAIM, sweep()), output, spec.commandLine().getOut(),
                spec.commandLine().getErr());
    }

    /** The configuration the options choose (tied weights θ(0) of the profile), under the control. */
    MemorySweep sweep() {
        Control c = control == null ? Control.NONE : Control.parse(control, "memory", MemorySweep.CONTROLS);
        if (batch < 1) {
            throw new BadInputException("batch size must be at least 1, got " + batch);
        }
        network.requireHiddenApplies(family);
        int dim = network.dimFor(family, 64);
        int[] depths = network.depthsOr("1000:1000000");
        NetworkOptions.requireStorage("backprop's activations of a batch of " + batch, (long) batch * dim,
                java.util.Arrays.stream(depths).max().orElse(1) + 1L);
        return new MemorySweep(new SweepConfig(family, profile, scheme, dim, network.hiddenFor(dim), depths, network.seed.value,
                network.amplitudeFor(profile), network.zeroMean, 1, batch, network.hurstFor(profile)), c);
    }
}
