package org.resnetode.cli;

import org.resnetode.checks.BadInputException;
import java.util.concurrent.Callable;
import org.resnetode.claim.Control;
import org.resnetode.claim.Ladder;
import org.resnetode.claim.RegularizationConfig;
import org.resnetode.claim.RegularizationSweep;
import org.resnetode.report.ClaimRun;
import org.resnetode.report.RegularizationSpec;
import org.resnetode.train.linear.LinearTraining;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "regularization", mixinStandardHelpOptions = true,
        description = {"Claim R: gradient descent on linear ResNets x_{n+1} = (I + A_n/N) x_n with the depth-scaled step keeps "
                + "S(t) = N max_n ||A_{n+1} - A_n|| bounded independently of N and converges to a limit at rate 1/N, uniformly "
                + "in training time; the trained network is O(1/N) from its Neural ODE.",
                "Runs (1) the ladder at --target, (2) a scan over target scales s and dimensions (the claim is stated for a small "
                        + "initial loss: s <= --claimed-scale must hold, larger s is reported as measured), (3) the commuting case "
                        + "(diagonal target) against the closed form N (B^{1/N} - I) and Symja's 1/N constant. With --out, also the "
                        + "paper's Figure 2 (weights against depth) as PNG and SVG in DIR/plots."})
public final class RegularizationCommand implements Callable<Integer> {
    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Mixin
    LinearTrainingOptions training;

    @Option(names = "--depths", paramLabel = "LADDER", converter = DepthLadder.Converter.class,
            description = "Depth ladder (each depth is also trained at 2N for the Richardson limit). Default: 16:1024 (--quick 16:128).")
    DepthLadder depths;

    @Option(names = "--scan-dims", split = ",", paramLabel = "D", description = "Dimensions of the scan. Default: 2,8 (--quick 2,4).")
    int[] scanDims;

    @Option(names = "--scan-scales", split = ",", paramLabel = "S", defaultValue = "0.25,0.5,1,2,4",
            description = "Target scales s of the scan. Default: ${DEFAULT-VALUE}.")
    double[] scanScales;

    @Option(names = "--scan-depths", paramLabel = "LADDER", converter = DepthLadder.Converter.class,
            description = "Depth ladder of the scan. Default: 16:256 (--quick 16:64).")
    DepthLadder scanDepths;

    @Option(names = "--claimed-scale", paramLabel = "S", defaultValue = "0.5",
            description = "Largest scale s at which the claim is required to hold in the scan. Default: ${DEFAULT-VALUE}.")
    double claimedScale;

    @Option(names = "--commuting-target", paramLabel = "SPEC", defaultValue = "diagonal:0.5,1.5,2",
            description = "Diagonal target of the commuting case (trained with η = 0.2 for T = 200, zero initialisation). "
                    + "Default: ${DEFAULT-VALUE}.")
    String commutingTarget;

    @Option(names = "--commuting-depths", paramLabel = "LADDER", converter = DepthLadder.Converter.class,
            description = "Depths of the commuting case (each also at 2N and 4N). Default: 16:256 (--quick 16:64).")
    DepthLadder commutingDepths;

    @Option(names = "--no-scan", description = "Skip the scan over target scales.")
    boolean noScan;

    @Option(names = "--no-commuting", description = "Skip the commuting case.")
    boolean noCommuting;

    @Option(names = "--figure-depths", split = ",", paramLabel = "N", defaultValue = "16,64,256",
            description = "Depths of Figure 2 (only with --out; training times 0..5). Default: ${DEFAULT-VALUE}.")
    int[] figureDepths;

    @Option(names = "--control", paramLabel = "CONTROL",
            description = "Negative control, in the ladder and the scan: unscaled-step (gradient descent without the depth "
                    + "scaling, A_n <- A_n - η ∂ℓ/∂A_n) or holder-init (a fractional Brownian path of Hurst index 0.8 and "
                    + "amplitude 0.1 added to the initialisation: Hölder, not Lipschitz, so S(0) grows like N^0.2): the claim "
                    + "must fail (exit 1).")
    String control;

    @Option(names = "--quick", description = "Shorter ladders for a smoke run (what report runs).")
    boolean quick;

    @Mixin
    OutputOptions output;

    @Override
    public Integer call() {
        output.prepare();
        try {
            return ClaimOutput.emit(new ClaimRun<>(RegularizationSpec.CLAIM, sweep()), output, spec.commandLine().getOut(),
                    spec.commandLine().getErr());
        } catch (LinearTraining.Divergence e) {
            spec.commandLine().getErr().println("resnet-ode: " + e.getMessage());
            return Main.EXIT_FAILED_CLAIM;
        }
    }

    /** The ladder, the scan and the commuting case the options choose, and the depths of Figure 2 (drawn with --out). */
    RegularizationSweep sweep() {
        refuseIgnoredOptions();
        RegularizationConfig cfg = training.config(depths == null ? Ladder.doubling(16, quick ? 128 : 1024) : depths.depths());
        int commutingDim = diagonalDimension(commutingTarget);
        RegularizationSweep.Scan scan = null;
        if (!noScan) {
            int[] dims = scanDims == null ? (quick ? new int[] {2, 4} : new int[] {2, 8}) : scanDims;
            int[] ladder = scanDepths == null ? Ladder.doubling(16, quick ? 64 : 256) : scanDepths.depths();
            scan = new RegularizationSweep.Scan(dims, scanScales, ladder, claimedScale);
        }
        RegularizationConfig commuting = null;
        if (!noCommuting) {
            int[] ladder = commutingDepths == null ? Ladder.doubling(16, quick ? 64 : 256) : commutingDepths.depths();
            commuting = RegularizationSweep.commuting(cfg, commutingDim, commutingTarget, ladder);
        }
        Control c = control == null ? Control.NONE : Control.parse(control, "regularization", RegularizationSweep.CONTROLS);
        return new RegularizationSweep(cfg, scan, commuting, figureDepths, c);
    }

    /** Options the chosen parts would not use: refused, naming both (README: none is accepted and ignored). */
    private void refuseIgnoredOptions() {
        for (String option : new String[] {"--scan-dims", "--scan-scales", "--scan-depths", "--claimed-scale"}) {
            Applies.require(spec, option, !noScan, "does not apply with --no-scan (the scan is skipped)");
        }
        for (String option : new String[] {"--commuting-target", "--commuting-depths"}) {
            Applies.require(spec, option, !noCommuting, "does not apply with --no-commuting (the commuting case is skipped)");
        }
        Applies.require(spec, "--figure-depths", output.out != null, "applies to --out only (Figure 2 is drawn into DIR/plots)");
        training.refuseIgnoredOptions(spec);
        boolean quickUsed = depths == null || !noScan && (scanDims == null || scanDepths == null) || !noCommuting && commutingDepths == null;
        Applies.require(spec, "--quick", quickUsed, "does not apply: --depths, the scan's and the commuting case's ladders are "
                + "all given or skipped, so no default ladder is left to shorten");
    }

    private static int diagonalDimension(String target) {
        if (!target.startsWith("diagonal:")) {
            throw new BadInputException("--commuting-target must be diagonal:b1,b2,..., got " + target);
        }
        return target.substring("diagonal:".length()).split(",", -1).length;
    }
}
