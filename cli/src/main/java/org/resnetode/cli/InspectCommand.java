package org.resnetode.cli;

import org.resnetode.checks.BadInputException;
import org.resnetode.checks.Checks;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.resnetode.claim.AdjointMeasurement;
import org.resnetode.claim.ClaimResult;
import org.resnetode.claim.NetworkInspection;
import org.resnetode.network.NetworkArchive;
import org.resnetode.network.NetworkFile;
import org.resnetode.report.InspectReport;
import org.resnetode.report.TableLayout;
import org.resnetode.scheme.ResNet;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "inspect", mixinStandardHelpOptions = true,
        description = {"Asks the paper's questions of a given network: are its weights smooth in depth, how far is it from "
                + "the Neural ODE its weights define (with the Euler bound), would the memory-free adjoint give the right "
                + "gradients (Euler and Heun readings), and does it behave like a discretised ODE at other depths?",
                "The network is a JSON network file (what train --save writes) or a NumPy .npz archive (W1/W2, A, W or "
                        + "theta stacked over layers on the first axis, optional inputs and targets)."})
public final class InspectCommand implements Callable<Integer> {
    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Option(names = "--network", required = true, paramLabel = "FILE", description = "The network: .json or .npz.")
    Path network;

    @Option(names = "--scheme", paramLabel = "NAME",
            description = "Scheme of an .npz network (a JSON file names its own): euler, heun, heun-reference. Default: euler.")
    String scheme;

    @Option(names = "--batch", paramLabel = "B", defaultValue = "4",
            description = "Seeded inputs and targets when the file has none. Default: ${DEFAULT-VALUE}.")
    int batch;

    @Option(names = "--seed", defaultValue = "1", description = "Seed of the generated batch. Default: ${DEFAULT-VALUE}.")
    long seed;

    @Option(names = "--gradient-tolerance", paramLabel = "TOL", defaultValue = "1e-2",
            description = "The adjoint gives the right gradients when its relative error against backprop is at most TOL. "
                    + "Default: ${DEFAULT-VALUE}.")
    double gradientTolerance;

    @Option(names = "--gradients", paramLabel = "FILE",
            description = "Audit gradients your code computed for the file's inputs and targets (.npz or .json: one array per "
                    + "weight kind, layers first; .npy: one flat vector in layer order) instead of the four sections.")
    Path gradients;

    @Option(names = "--gradients-2n", paramLabel = "FILE",
            description = "Your code's gradients for the network resampled to 2N (sample k at layer position k/2, linear "
                    + "between layers, the last layer held); with --gradients-4n, the audit fits the rate at which the gap to "
                    + "backprop shrinks: an adjoint's recovery error shrinks, a bug does not.")
    Path gradients2N;

    @Option(names = "--gradients-4n", paramLabel = "FILE",
            description = "Your code's gradients for the network resampled to 4N (sample k at layer position k/4); see --gradients-2n.")
    Path gradients4N;

    @Option(names = "--loss", paramLabel = "NAME", defaultValue = "mse",
            description = "Loss of the audited gradients: mse (½ mean_i ||x_N - y_i||²) or cross-entropy (the file's head). "
                    + "Default: ${DEFAULT-VALUE}.")
    String loss;

    @Mixin
    OutputOptions output;

    @Override
    public Integer call() {
        output.prepare();
        if (batch < 1 || batch > 4096) {
            throw new BadInputException("--batch must be in 1..4096, got " + batch);
        }
        if (!(gradientTolerance > 0 && gradientTolerance < 1)) {
            throw new BadInputException("--gradient-tolerance must be in (0, 1), got " + gradientTolerance);
        }
        Checks.readableFile(network.toString(), network);
        if (gradients == null && spec.commandLine().getParseResult().hasMatchedOption("--loss")) {
            throw new BadInputException("--loss applies to --gradients only (the loss of the audited gradients)");
        }
        if (gradients == null && (gradients2N != null || gradients4N != null)) {
            throw new BadInputException((gradients2N != null ? "--gradients-2n" : "--gradients-4n")
                    + " applies to --gradients only (the same code's gradients at depth N)");
        }
        NetworkFile file = load();
        if (gradients != null) {
            return InspectAudit.run(this, file);
        }
        ResNet net = file.network();
        int d = file.dimension();
        Applies.require(spec, "--batch", file.inputs() == null, "does not apply: " + network + " holds its own inputs");
        Applies.require(spec, "--seed", file.inputs() == null, "does not apply: " + network + " holds its own inputs");
        if (file.targets() != null && file.inputs() != null && file.targets().length != file.inputs().length) {
            throw new BadInputException(network + ": " + file.targets().length + " targets for " + file.inputs().length
                    + " inputs");
        }
        Applies.require(spec, "--batch", file.targets() == null, "does not apply: " + network + " holds its own targets");
        double[][][] generated = AdjointMeasurement.batch(batch, d, seed);
        double[][] inputs = file.inputs() != null ? file.inputs() : generated[0];
        double[][] targets = file.targets() != null && file.targets().length == inputs.length ? file.targets() : generated[1];
        Map<String, Object> config = new LinkedHashMap<>();
        config.put("network", network.toString());
        config.put("family", file.family());
        config.put("scheme", file.scheme());
        config.put("dim", d);
        config.put("depth", file.depth());
        config.put("inputs", file.inputs() != null ? "from the file" : "seeded, seed " + seed);
        List<ClaimResult> results = NetworkInspection.inspect(new NetworkInspection.Subject(net, inputs, targets, gradientTolerance), config,
                output.progress(spec.commandLine().getErr()));
        Map<Path, byte[]> plots = output.out == null ? Map.of()
                : Map.of(Path.of("plots", "inspect-smoothness.png"), InspectReport.incrementPlot(results.get(0)));
        return ClaimOutput.emit(TableLayout.of("inspect", "Inspection of " + network.getFileName(), InspectReport::title,
                InspectReport::columns), results, output, spec.commandLine().getOut(), spec.commandLine().getErr(), plots);
    }

    private NetworkFile load() {
        String name = network.getFileName().toString();
        if (name.endsWith(".npz")) {
            return NetworkArchive.read(network, scheme == null ? "euler" : scheme);
        }
        if (scheme != null) {
            throw new BadInputException("--scheme applies to .npz networks only: " + network + " names its own scheme");
        }
        return NetworkFile.read(network);
    }
}
