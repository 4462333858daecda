package org.resnetode.claim;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Supplier;
import org.resnetode.bound.DepthAdvisor;
import org.resnetode.model.DepthProfile;
import org.resnetode.model.Families;
import org.resnetode.model.ResidualFunction;
import org.resnetode.scheme.Scheme;

/**
 * Claim D's configuration: one {@link DistanceClaim} run per sweep configuration, all under one negative control, and
 * with a {@code tolerance} (null: none) the depth advisor's smallest certified depth for it in each result's notes.
 */
public record DistanceSweep(List<SweepConfig> configs, Control control, Double tolerance) {
    /** The controls Claim D can be run under (besides {@link Control#NONE}). */
    public static final List<Control> CONTROLS = List.of(Control.BROKEN_TABLEAU, Control.ROUGH_WEIGHTS, Control.FBM_WEIGHTS,
            Control.NO_PROPAGATION);
    /** Deepest network the depth advisor certifies. */
    public static final int MAX_ADVISED_DEPTH = 1 << 16;

    public DistanceSweep {
        configs = List.copyOf(configs);
        Objects.requireNonNull(control, "control");
        if (tolerance != null) {
            org.resnetode.checks.Checks.positive("the depth advisor's tolerance", tolerance);
        }
    }

    /** The sweep without the depth advisor. */
    public DistanceSweep(List<SweepConfig> configs, Control control) {
        this(configs, control, null);
    }

    /** A family, a depth profile and whether the profile varies around zero. */
    public record Case(String family, String profile, boolean zeroMean) {
    }

    /**
     * The cases of the sweep: {@code family} × {@code profile}, a {@code null} standing for every family, respectively
     * for the smooth fourier and the rough iid profile; with neither chosen, also the alternating cases of MATH.md
     * section 2 (theta2 and tanh around zero, tanh around a non-zero mean).
     */
    public static List<Case> cases(String family, String profile, boolean zeroMean) {
        List<Case> cases = new ArrayList<>();
        for (String f : family == null ? Families.NAMES : List.of(family)) {
            for (String p : profile == null ? List.of("fourier", "iid") : List.of(profile)) {
                cases.add(new Case(f, p, zeroMean));
            }
        }
        if (family == null && profile == null) {
            cases.add(new Case("theta2", "alternating", true));
            cases.add(new Case("tanh", "alternating", true));
            cases.add(new Case("tanh", "alternating", false));
        }
        return cases;
    }

    /**
     * What {@code distance} runs with no option but the ladder: every case of {@link #cases} with the euler scheme,
     * d = 8 (theta2: d = 1, its only dimension), seed 1, amplitude 1, rates fitted from N = 64.
     */
    public static DistanceSweep standard(int[] depths) {
        List<SweepConfig> configs = new ArrayList<>();
        for (Case c : cases(null, null, false)) {
            int dim = c.family().equals("theta2") ? 1 : 8;
            configs.add(new SweepConfig(c.family(), c.profile(), "euler", dim, dim, depths, 1, 1.0, c.zeroMean(), 64, 0));
        }
        return new DistanceSweep(configs, Control.NONE);
    }

    /** One task per configuration, the results in configuration order. */
    public ClaimPlan plan(Progress progress) {
        List<Supplier<ClaimResult>> tasks = new ArrayList<>();
        for (SweepConfig cfg : configs) {
            tasks.add(() -> advise(cfg, DistanceClaim.run(cfg, control, progress)));
        }
        return ClaimPlan.of(tasks, results -> results);
    }

    /** The result with the depth advisor's line added to its notes when a tolerance is given. */
    private ClaimResult advise(SweepConfig cfg, ClaimResult r) {
        if (tolerance == null) {
            return r;
        }
        ResidualFunction f = Families.create(cfg.family(), cfg.dim(), cfg.hidden());
        DepthProfile profile = cfg.depthProfile(f);
        DepthAdvisor.Advice advice = DepthAdvisor.advise(f, profile, Scheme.byName(cfg.scheme()),
                DistanceMeasurement.unitInput(cfg.dim(), cfg.seed()), tolerance, MAX_ADVISED_DEPTH);
        List<String> notes = new ArrayList<>(r.notes());
        notes.add(advice.describe());
        return new ClaimResult(r.claim(), r.config(), r.rows(), r.fits(), r.verdict(), notes);
    }
}
