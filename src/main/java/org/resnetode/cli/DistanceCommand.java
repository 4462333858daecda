package org.resnetode.cli;

import org.resnetode.checks.BadInputException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.function.Supplier;
import org.resnetode.claim.ClaimPlan;
import org.resnetode.claim.ClaimResult;
import org.resnetode.claim.Control;
import org.resnetode.claim.DistanceClaim;
import org.resnetode.claim.SweepConfig;
import org.resnetode.claim.SweepRunner;
import org.resnetode.claim.Progress;
import org.resnetode.model.DepthProfiles;
import org.resnetode.model.Families;
import org.resnetode.report.DistanceReport;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "distance", mixinStandardHelpOptions = true, versionProvider = Version.class,
        description = {"Claim D: distance ||x_N - x(1)|| between a ResNet and its Neural ODE, the bound "
                + "e^{L_x} (1/(2N)) (L_x M + L_θ TV), its tightness and the fitted rate.",
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

    @Option(names = "--fit-from", paramLabel = "N",
            description = "Smallest depth used in the rate fit (smaller depths are shown, not fitted). Default: 64.")
    Integer fitFrom;

    @Option(names = "--control", paramLabel = "CONTROL",
            description = "Negative control: run broken numerics on purpose to show the claim can fail (expect 'fails', "
                    + "exit 1): broken-tableau (weights b summing to 1.1), rough-weights (i.i.d. noise added to a smooth profile).")
    String control;

    @Mixin
    OutputOptions output;

    /** Largest dimension measured: certified constants cost an SVD of each layer, O(d³) (measured: 7.6 s at d = 256, N = 8, 16). */
    static final int MAX_DIM = 256;

    @Override
    public Integer call() {
        output.prepare();
        return ClaimOutput.emit("distance", "Claim D: ResNet to Neural ODE distance", measure(), output,
                spec.commandLine().getOut(), spec.commandLine().getErr(), DistanceReport::title, r -> DistanceReport.COLUMNS);
    }

    /** Runs every configuration of the sweep, reporting progress on stderr unless --quiet. */
    List<ClaimResult> measure() {
        return plan().run();
    }

    /** One task per configuration of the sweep. */
    ClaimPlan plan() {
        Control c = control == null ? Control.NONE
                : Control.parse(control, "distance", List.of(Control.BROKEN_TABLEAU, Control.ROUGH_WEIGHTS));
        network.requireHiddenApplies(family);
        Progress progress = SweepRunner.synchronizedProgress(output.progress(spec.commandLine().getErr()));
        List<Supplier<ClaimResult>> tasks = new ArrayList<>();
        for (SweepConfig cfg : configs()) {
            tasks.add(() -> DistanceClaim.run(cfg, c, progress));
        }
        return ClaimPlan.of(tasks, results -> results);
    }

    private List<SweepConfig> configs() {
        List<SweepConfig> configs = new ArrayList<>();
        List<String> families = family == null ? Families.NAMES : List.of(family);
        List<String> profiles = profile == null ? List.of("fourier", "iid") : List.of(profile);
        for (String f : families) {
            for (String p : profiles) {
                configs.add(config(f, p, network.zeroMean));
            }
        }
        if (family == null && profile == null) {
            configs.add(config("theta2", "alternating", true));
            configs.add(config("tanh", "alternating", true));
            configs.add(config("tanh", "alternating", false));
        }
        return configs;
    }

    private SweepConfig config(String f, String p, boolean zeroMean) {
        int dim = network.dimFor(f, 8);
        if (dim > MAX_DIM) {
            throw new BadInputException("--dim " + dim + " exceeds the " + MAX_DIM + " that distance supports: its bound "
                    + "takes an SVD of every layer's weights and its reference solves the d-dimensional ODE to 1e-11 "
                    + "(d = 256 takes seconds a depth, d = 1000 minutes)");
        }
        NetworkOptions.requireFitRange(network.depthsOr("8:4096"), fitFrom);
        return new SweepConfig(f, p, scheme, dim, network.hiddenFor(dim), network.depthsOr("8:4096"), network.seed,
                network.amplitudeFor(p), zeroMean, NetworkOptions.fitStart(fitFrom), 0);
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
