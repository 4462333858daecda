package org.resnetode.cli;

import java.util.List;
import java.util.concurrent.Callable;
import org.resnetode.claim.ClaimResult;
import org.resnetode.claim.MemoryClaim;
import org.resnetode.claim.SweepConfig;
import org.resnetode.report.MemoryReport;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "memory", mixinStandardHelpOptions = true,
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

    @Option(names = "--scheme", defaultValue = "euler", description = "euler, heun or heun-reference. Default: ${DEFAULT-VALUE}.")
    String scheme;

    @Mixin
    NetworkOptions network;

    @Option(names = "--batch", defaultValue = "1", description = "Batch size B >= 1. Default: ${DEFAULT-VALUE}.")
    int batch;

    @Mixin
    OutputOptions output;

    @Override
    public Integer call() {
        return ClaimOutput.emit("memory", "Memory: backprop versus adjoint", measure(), output,
                spec.commandLine().getOut(), MemoryReport::title, r -> MemoryReport.COLUMNS);
    }

    List<ClaimResult> measure() {
        if (batch < 1) {
            throw new IllegalArgumentException("batch size must be at least 1, got " + batch);
        }
        int dim = network.dimFor(family, 64);
        SweepConfig cfg = new SweepConfig(family, profile, scheme, dim, network.hiddenFor(dim),
                network.depthsOr("1000:1000000"), network.seed, network.amplitude, network.zeroMean, 1, batch);
        return List.of(MemoryClaim.run(cfg, output.progress(spec.commandLine().getErr())));
    }
}
