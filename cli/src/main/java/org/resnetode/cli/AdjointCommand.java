package org.resnetode.cli;

import org.resnetode.checks.BadInputException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.resnetode.claim.AdjointMeasurement;
import org.resnetode.claim.AdjointSweep;
import org.resnetode.claim.Control;
import org.resnetode.claim.SweepConfig;
import org.resnetode.report.AdjointSpec;
import org.resnetode.report.ClaimRun;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "adjoint", mixinStandardHelpOptions = true, versionProvider = Version.class,
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

    @Option(names = "--scheme", description = "A built-in tableau (euler, heun, midpoint, ralston, rk3, rk4, rk38), heun-reference, "
            + "or a tableau file (.json, see README). Default: euler and heun.")
    String scheme;

    @Mixin
    NetworkOptions network;

    @Option(names = "--batch", paramLabel = "B", description = "Batch size B >= 1 (default: 4; with --batch-file, "
            + "the file's sample count, which an explicit --batch must equal).")
    Integer batch;

    @Option(names = "--batch-file", paramLabel = "CSV",
            description = "Read the batch from a CSV file instead: one sample per line, d input values then d target values.")
    java.nio.file.Path batchFile;

    @Option(names = "--control", paramLabel = "CONTROL",
            description = "Negative control: run broken numerics on purpose to show the claims can fail (expect 'fails', "
                    + "exit 1): wrong-reverse (the reverse step with +h instead of -h), rough-weights (i.i.d. noise added to "
                    + "a smooth profile; fails Claim H with --scheme heun), wrong-stage-time (the reverse step's stages at "
                    + "half their times: Heun's order drops to 1), swapped-stages (reverse stage i reads θ at c_i instead of 1 - c_i), wrong-vjp (the residual function's "
                    + "θ-VJP doubled: backprop fails the finite-difference check).")
    String control;

    @Mixin
    FitOptions fit;

    @Mixin
    OutputOptions output;

    @Override
    public Integer call() {
        output.prepare();
        return ClaimOutput.emit(new ClaimRun<>(AdjointSpec.CLAIM, sweep()), output, spec.commandLine().getOut(),
                spec.commandLine().getErr());
    }

    /** The sweep the options choose: every scheme × profile on one batch, under the control. */
    AdjointSweep sweep() {
        Control c = control == null ? Control.NONE : Control.parse(control, "adjoint", AdjointSweep.CONTROLS);
        network.requireHiddenApplies(family);
        int[] depths = network.depthsOr("8:4096");
        NetworkOptions.requireFitRange(depths, fit.fitFrom);
        int dim = network.dimFor(family, 8);
        double[][][] data = batchFile == null ? null : BatchFile.read(batchFile, dim);
        int size = batchSize(data, dim, depths);
        if (data == null) {
            data = AdjointMeasurement.batch(size, dim, network.seed.value);
        }
        List<String> schemes = scheme == null ? List.of("euler", "heun") : List.of(scheme);
        List<String> profiles = profile == null ? List.of("fourier", "kinked", "iid") : List.of(profile);
        List<SweepConfig> configs = new ArrayList<>();
        for (String s : schemes) {
            for (String p : profiles) {
                configs.add(new SweepConfig(family, p, s, dim, network.hiddenFor(dim), depths, network.seed.value,
                        network.amplitudeFor(p), network.zeroMean, NetworkOptions.fitStart(fit.fitFrom), size,
                        network.hurstFor(p)));
            }
        }
        return new AdjointSweep(configs, data, c);
    }

    /**
     * The batch size: the file's sample count (an explicit --batch must equal it), else --batch (default 4), refused up
     * front when backprop's stored activations, B (N+1) d doubles at the largest depth, exceed what one array or the
     * heap holds.
     */
    private int batchSize(double[][][] data, int dim, int[] depths) {
        if (data != null) {
            if (batch != null && batch != data[0].length) {
                throw new BadInputException("--batch " + batch + " but the batch file " + batchFile + " holds "
                        + data[0].length + " samples");
            }
            return data[0].length;
        }
        int size = batch == null ? 4 : batch;
        if (size < 1) {
            throw new BadInputException("batch size must be at least 1, got " + size);
        }
        long largest = java.util.Arrays.stream(depths).max().orElse(1);
        NetworkOptions.requireStorage("backprop's activations of a batch of " + size, (long) size * dim, largest + 1);
        return size;
    }
}
