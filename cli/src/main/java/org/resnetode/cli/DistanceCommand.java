package org.resnetode.cli;

import org.resnetode.checks.BadInputException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.resnetode.checks.Checks;
import org.resnetode.claim.Control;
import org.resnetode.claim.DistanceSweep;
import org.resnetode.claim.SweepConfig;
import org.resnetode.model.DepthProfiles;
import org.resnetode.model.Families;
import org.resnetode.report.ClaimRun;
import org.resnetode.report.DistanceSpec;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "distance", mixinStandardHelpOptions = true, versionProvider = Version.class,
        description = {"Claim D: distance ||x_N - x(1)|| between a ResNet and its Neural ODE, the bound "
                + "e^{L_x} (1/(2N)) (L_x M + L_θ TV), the certified a-posteriori bound (every scheme), their tightness and "
                + "the fitted rate.",
                "With no --family and no --profile it sweeps every family against a smooth (fourier) and a rough (iid) "
                        + "profile, plus the alternating cases of MATH.md section 2 (theta2 and tanh around zero, tanh around a non-zero mean)."})
public final class DistanceCommand implements Callable<Integer> {
    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Option(names = "--family", description = "Residual family: ${COMPLETION-CANDIDATES} (default: all).",
            completionCandidates = FamilyNames.class)
    String family;

    @Option(names = "--profile", description = "Depth profile: ${COMPLETION-CANDIDATES} (default: fourier and iid).",
            completionCandidates = ProfileNames.class)
    String profile;

    @Mixin
    NetworkOptions network;

    @Option(names = "--scheme", defaultValue = "euler",
            description = "Scheme: a built-in tableau (euler, heun, midpoint, ralston, rk3, rk4, rk38), heun-reference, or a tableau "
                    + "file (.json, see README). The bound is for euler only. Default: ${DEFAULT-VALUE}.")
    String scheme;

    @Mixin
    FitOptions fit;

    @Option(names = "--control", paramLabel = "CONTROL",
            description = "Negative control: run broken numerics on purpose to show the claim can fail (expect 'fails', "
                    + "exit 1): broken-tableau (weights b summing to 1.1), rough-weights (i.i.d. noise added to a smooth profile), "
                    + "fbm-weights (a fractional Brownian path, H = 1/4, added to a smooth profile: rate between 1/2 and 1), "
                    + "no-propagation (the certified bound without its growth factors, on weights whose flow expands).")
    String control;

    @Option(names = "--tolerance", paramLabel = "TOL",
            description = "Depth advisor: also find the smallest depth N whose certified bound on ||x_N - x(1)|| is at most TOL "
                    + "(doubling then bisection up to N = " + DistanceSweep.MAX_ADVISED_DEPTH + ", every candidate certified); "
                    + "reported in the notes of each configuration.")
    Double tolerance;

    @Mixin
    OutputOptions output;

    /** Largest dimension measured: certified constants cost an SVD of each layer, O(d³) (measured: 7.6 s at d = 256, N = 8, 16). */
    static final int MAX_DIM = 256;

    @Override
    public Integer call() {
        output.prepare();
        return ClaimOutput.emit(new ClaimRun<>(DistanceSpec.CLAIM, sweep()), output, spec.commandLine().getOut(),
                spec.commandLine().getErr());
    }

    /** The sweep the options choose: every case of {@link DistanceSweep#cases} under the control. */
    DistanceSweep sweep() {
        Control c = control == null ? Control.NONE : Control.parse(control, "distance", DistanceSweep.CONTROLS);
        network.requireHiddenApplies(family);
        List<SweepConfig> configs = new ArrayList<>();
        for (DistanceSweep.Case k : DistanceSweep.cases(family, profile, network.zeroMean)) {
            configs.add(config(k.family(), k.profile(), k.zeroMean()));
        }
        if (tolerance != null) {
            Checks.positive("--tolerance", tolerance);
        }
        return new DistanceSweep(configs, c, tolerance);
    }

    private SweepConfig config(String f, String p, boolean zeroMean) {
        int dim = network.dimFor(f, 8);
        if (dim > MAX_DIM) {
            throw new BadInputException("--dim " + dim + " exceeds the " + MAX_DIM + " that distance supports: its bound "
                    + "takes an SVD of every layer's weights and its reference solves the d-dimensional ODE to 1e-11 "
                    + "(d = 256 takes seconds a depth, d = 1000 minutes)");
        }
        NetworkOptions.requireFitRange(network.depthsOr("8:4096"), fit.fitFrom);
        return new SweepConfig(f, p, scheme, dim, network.hiddenFor(dim), network.depthsOr("8:4096"), network.seed.value,
                network.amplitudeFor(p), zeroMean, NetworkOptions.fitStart(fit.fitFrom), 0, network.hurstFor(p));
    }

    /** Completion candidates and help text for --family. */
    static final class FamilyNames extends ArrayList<String> {
        FamilyNames() {
            super(Families.NAMES);
        }
    }

    /** Completion candidates and help text for --profile. */
    static final class ProfileNames extends ArrayList<String> {
        ProfileNames() {
            super(DepthProfiles.NAMES);
        }
    }
}
