package org.resnetode.claim;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.function.Supplier;

/**
 * Claim R's configuration: the ladder at the {@code base} run, the scan over target scales ({@code null}: skipped), the
 * commuting case ({@code null}: skipped), and the depths of the paper's Figure 2.
 */
public record RegularizationSweep(RegularizationConfig base, Scan scan, RegularizationConfig commuting, int[] figureDepths,
                                  Control control) {
    /** The controls {@code regularization --control} accepts. */
    public static final List<Control> CONTROLS = List.of(Control.UNSCALED_STEP, Control.HOLDER_INIT);

    /** The commuting case's learning rate and training time: enough for b in [0.5, 2] to converge to round-off. */
    public static final double COMMUTING_LEARNING_RATE = 0.2;
    public static final double COMMUTING_TIME = 200;
    /** Training time shown by Figure 2. */
    public static final double FIGURE_TIME = 5;

    /** The scan: target scales s at dimensions d over a depth ladder, the claim required to hold for s at most {@code claimedScale}. */
    public record Scan(int[] dims, double[] scales, int[] depths, double claimedScale) {
        public Scan {
            org.resnetode.checks.Checks.positive("--claimed-scale", claimedScale);
            dims = dims.clone();
            scales = scales.clone();
            depths = depths.clone();
        }
    }

    public RegularizationSweep {
        Objects.requireNonNull(base, "base");
        Objects.requireNonNull(control, "control");
        // judged here, whether or not Figure 2 is drawn: the same answer for every caller
        if (scan != null) {
            // every cell of the scan judged now, not after the ladder's minutes
            for (int d : scan.dims()) {
                for (double scale : scan.scales()) {
                    base.with(org.resnetode.checks.Checks.positive("--scan-dims", d), "random:" + scale, scan.depths());
                }
            }
        }
        if (control == Control.HOLDER_INIT) {
            // one fBm path on a power-of-two grid for every depth of the ladder and of the scan
            RegularizationClaim.holderGrid(base.depths());
            if (scan != null) {
                RegularizationClaim.holderGrid(scan.depths());
            }
        }
        if (figureDepths.length > 0) {
            // no depth: no Figure 2 (a sweep's linear-train row); else a ladder
            org.resnetode.checks.Checks.ladder("--figure-depths", figureDepths, 1);
        }
        for (int n : figureDepths) {
            org.resnetode.checks.Checks.arrayFits("--figure-depths: depth " + n + " at dimension " + base.dim(),
                    ((long) n + 1) * base.dim() * base.dim());
        }
        figureDepths = figureDepths.clone();
    }

    /** The base run up to {@link #FIGURE_TIME} at Figure 2's depths, tracked at the times 0, 1, ..., 5. */
    private static RegularizationConfig figureConfig(RegularizationConfig base, int[] depths) {
        int steps = (int) Math.round(FIGURE_TIME / base.learningRate());
        return new RegularizationConfig(base.dim(), base.target(), base.seed(), depths, base.learningRate(), FIGURE_TIME,
                Math.max(1, steps / (int) FIGURE_TIME), base.init(), base.initAmplitude(), base.lossTarget());
    }

    /**
     * What {@code regularization} runs with no option (with {@code quick}: its {@code --quick}, what {@code report}
     * runs): d = 8, target random:0.5, seed 1, η = 0.25, T = 100, tracked every 20 steps, zero initialisation, loss
     * target 1e-10, over 16:1024 (16:128); the scan at d = 2, 8 (2, 4), s = 0.25, 0.5, 1, 2, 4 over 16:256 (16:64),
     * claimed for s <= 0.5; the commuting case diagonal:0.5,1.5,2 over 16:256 (16:64); Figure 2 at N = 16, 64, 256.
     */
    public static RegularizationSweep standard(boolean quick) {
        RegularizationConfig base = new RegularizationConfig(8, "random:0.5", 1, Ladder.doubling(16, quick ? 128 : 1024), 0.25, 100,
                20, RegularizationConfig.ZERO, 0.5, 1e-10);
        int[] short256 = Ladder.doubling(16, quick ? 64 : 256);
        Scan scan = new Scan(quick ? new int[] {2, 4} : new int[] {2, 8}, new double[] {0.25, 0.5, 1, 2, 4}, short256, 0.5);
        return new RegularizationSweep(base, scan, commuting(base, 3, "diagonal:0.5,1.5,2", short256), new int[] {16, 64, 256},
                Control.NONE);
    }

    /** The commuting case at a diagonal {@code target} of dimension {@code dim}: zero initialisation, η = 0.2, T = 200, tracked at the end. */
    public static RegularizationConfig commuting(RegularizationConfig base, int dim, String target, int[] depths) {
        return new RegularizationConfig(dim, target, base.seed(), depths, COMMUTING_LEARNING_RATE, COMMUTING_TIME,
                Integer.MAX_VALUE, RegularizationConfig.ZERO, 0, base.lossTarget());
    }

    /** The ladder, the scan and the commuting case as independent tasks, their results in that order. */
    public ClaimPlan plan(Progress progress) {
        List<Supplier<ClaimResult>> tasks = new ArrayList<>();
        tasks.add(() -> RegularizationClaim.run(base, control, progress));
        if (scan != null) {
            tasks.add(() -> RegularizationScan.run(base, scan.dims(), scan.scales(), scan.depths(), scan.claimedScale(), control,
                    progress));
        }
        if (commuting != null) {
            tasks.add(() -> RegularizationCommuting.run(commuting, progress));
        }
        return ClaimPlan.of(tasks, results -> results);
    }

    /**
     * Figure 2's trainings at {@link #figureDepths}: the base run up to training time {@link #FIGURE_TIME} (the weights
     * move most early in training; by t = 5 they are close to their final shape at the default target), tracked at the
     * times 0, 1, ..., 5, by depth.
     */
    public Map<Integer, org.resnetode.train.linear.TrainingHistory> figureHistories(Progress progress) {
        List<Integer> ns = new ArrayList<>();
        for (int n : figureDepths) {
            ns.add(n);
        }
        return new TreeMap<>(RegularizationClaim.train(figureConfig(base, figureDepths), ns, progress));
    }
}
