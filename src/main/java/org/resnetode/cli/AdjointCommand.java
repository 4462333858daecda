package org.resnetode.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.resnetode.claim.AdjointClaim;
import org.resnetode.claim.ClaimResult;
import org.resnetode.claim.Progress;
import org.resnetode.claim.SweepConfig;
import org.resnetode.report.AdjointReport;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "adjoint", mixinStandardHelpOptions = true,
        description = {"Claims A and H: the memory-free adjoint (activations recovered by the reverse step) against exact "
                + "backprop: max_n ||x~_n - x_n||, the gradient's relative error, their fitted rates, and the depth "
                + "needed for gradient errors 1e-2, 1e-3, 1e-4.",
                "Loss: ½ mean ||x_N - y||² over a seeded batch. With no --profile and no --scheme it covers euler and heun "
                        + "against fourier (C-infinity), kinked (Lipschitz) and iid (rough) weights."})
public final class AdjointCommand implements Callable<Integer> {
    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Option(names = "--family", defaultValue = "mlp", description = "Residual family: linear, tanh, mlp, theta2. Default: ${DEFAULT-VALUE}.")
    String family;

    @Option(names = "--profile", description = "Depth profile (default: fourier, kinked and iid).")
    String profile;

    @Option(names = "--scheme", description = "euler, heun or heun-reference (default: euler and heun).")
    String scheme;

    @Mixin
    NetworkOptions network;

    @Option(names = "--batch", defaultValue = "4", description = "Batch size B >= 1. Default: ${DEFAULT-VALUE}.")
    int batch;

    @Option(names = "--batch-file", paramLabel = "CSV",
            description = "Read the batch from a CSV file instead: one sample per line, d input values then d target values.")
    java.nio.file.Path batchFile;

    @Option(names = "--fit-from", paramLabel = "N",
            description = "Smallest depth used in rate fits (smaller depths are shown, not fitted). Default: 64.")
    Integer fitFrom;

    @Mixin
    OutputOptions output;

    @Override
    public Integer call() {
        return ClaimOutput.emit("adjoint", "Claims A and H: adjoint gradients", measure(), output,
                spec.commandLine().getOut(), AdjointReport::title, AdjointReport::columns);
    }

    /** Every scheme × profile result, then the depth-needed table. */
    List<ClaimResult> measure() {
        if (batch < 1) {
            throw new IllegalArgumentException("batch size must be at least 1, got " + batch);
        }
        NetworkOptions.requireFitRange(network.depthsOr("8:4096"), fitFrom);
        List<String> schemes = scheme == null ? List.of("euler", "heun") : List.of(scheme);
        List<String> profiles = profile == null ? List.of("fourier", "kinked", "iid") : List.of(profile);
        Progress progress = output.progress(spec.commandLine().getErr());
        List<ClaimResult> results = new ArrayList<>();
        for (String s : schemes) {
            for (String p : profiles) {
                int dim = network.dimFor(family, 8);
                double[][][] data = batchFile == null ? null : BatchFile.read(batchFile, dim);
                SweepConfig cfg = new SweepConfig(family, p, s, dim, network.hiddenFor(dim), network.depthsOr("8:4096"),
                        network.seed, network.amplitude, network.zeroMean, NetworkOptions.fitStart(fitFrom), data == null ? batch : data[0].length);
                results.add(data == null ? AdjointClaim.run(cfg, progress) : AdjointClaim.run(cfg, data, progress));
            }
        }
        results.add(AdjointClaim.depthNeeded(results));
        return results;
    }
}
