package org.resnetode.cli;

import org.resnetode.checks.BadInputException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.function.Supplier;
import org.resnetode.claim.ClaimPlan;
import org.resnetode.claim.ClaimResult;
import org.resnetode.claim.Progress;
import org.resnetode.claim.RegularizationClaim;
import org.resnetode.claim.RegularizationCommuting;
import org.resnetode.claim.RegularizationConfig;
import org.resnetode.claim.RegularizationScan;
import org.resnetode.claim.SweepRunner;
import org.resnetode.report.RegularizationReport;
import org.resnetode.report.WeightPlots;
import org.resnetode.train.linear.LinearTraining;
import org.resnetode.train.linear.TrainingHistory;
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
            description = "Depths of Figure 2 (with --out; training times 0..5). Default: ${DEFAULT-VALUE}.")
    int[] figureDepths;

    @Option(names = "--quick", description = "Shorter ladders for a smoke run (what report runs).")
    boolean quick;

    @Mixin
    OutputOptions output;

    /** The commuting case's learning rate and training time: enough for b in [0.5, 2] to converge to round-off. */
    static final double COMMUTING_LEARNING_RATE = 0.2;
    static final double COMMUTING_TIME = 200;
    /** Training time shown by Figure 2. */
    static final double FIGURE_TIME = 5;

    @Override
    public Integer call() {
        output.prepare();
        List<ClaimResult> results;
        try {
            results = measure();
        } catch (LinearTraining.Divergence e) {
            spec.commandLine().getErr().println("resnet-ode: " + e.getMessage());
            return Main.EXIT_FAILED_CLAIM;
        }
        return ClaimOutput.emit("regularization", "Claim R: implicit regularization of linear ResNets", results, output,
                spec.commandLine().getOut(), spec.commandLine().getErr(), RegularizationReport::title, RegularizationReport::columns);
    }

    /** The ladder, the scan and the commuting case; with --out, Figure 2. Progress on stderr unless --quiet. */
    List<ClaimResult> measure() {
        return plan().run();
    }

    /** The ladder, the scan, the commuting case and (with --out) Figure 2 as independent tasks. */
    ClaimPlan plan() {
        Progress progress = SweepRunner.synchronizedProgress(output.progress(spec.commandLine().getErr()));
        RegularizationConfig cfg = training.config(depths == null ? DepthLadder.parse(quick ? "16:128" : "16:1024") : depths.depths());
        int commutingDim = diagonalDimension(commutingTarget);
        List<Supplier<ClaimResult>> tasks = new ArrayList<>();
        tasks.add(() -> RegularizationClaim.run(cfg, progress));
        if (!noScan) {
            int[] dims = scanDims == null ? (quick ? new int[] {2, 4} : new int[] {2, 8}) : scanDims;
            int[] ladder = scanDepths == null ? DepthLadder.parse(quick ? "16:64" : "16:256") : scanDepths.depths();
            tasks.add(() -> RegularizationScan.run(cfg, dims, scanScales, ladder, claimedScale, progress));
        }
        if (!noCommuting) {
            int[] ladder = commutingDepths == null ? DepthLadder.parse(quick ? "16:64" : "16:256") : commutingDepths.depths();
            RegularizationConfig commuting = new RegularizationConfig(commutingDim, commutingTarget, cfg.seed(),
                    ladder, COMMUTING_LEARNING_RATE, COMMUTING_TIME, Integer.MAX_VALUE, RegularizationConfig.ZERO, 0, cfg.lossTarget());
            tasks.add(() -> RegularizationCommuting.run(commuting, progress));
        }
        if (output.out != null) {
            tasks.add(() -> {
                figure2(cfg, output.out.resolve("plots"), progress);
                return null;
            });
        }
        return ClaimPlan.of(tasks, results -> results.stream().filter(java.util.Objects::nonNull).toList());
    }

    /**
     * Figure 2 at {@code --figure-depths}: weights A_n[0, 0] against t_n at the training times 0, 1, ..., 5 (the weights move
     * most early in training; by t = 5 they are close to their final shape at the default target).
     */
    private void figure2(RegularizationConfig cfg, Path dir, Progress progress) {
        List<Integer> ns = new ArrayList<>();
        for (int n : figureDepths) {
            ns.add(n);
        }
        int steps = (int) Math.round(FIGURE_TIME / cfg.learningRate());
        RegularizationConfig early = new RegularizationConfig(cfg.dim(), cfg.target(), cfg.seed(), figureDepths, cfg.learningRate(),
                FIGURE_TIME, Math.max(1, steps / (int) FIGURE_TIME), cfg.init(), cfg.initAmplitude(), cfg.lossTarget());
        Map<Integer, TrainingHistory> histories = new TreeMap<>(RegularizationClaim.train(early, ns, progress));
        WeightPlots.figure2(dir, histories, cfg.dim(), 0, 0);
    }

    private static int diagonalDimension(String target) {
        if (!target.startsWith("diagonal:")) {
            throw new BadInputException("--commuting-target must be diagonal:b1,b2,..., got " + target);
        }
        return target.substring("diagonal:".length()).split(",", -1).length;
    }
}
