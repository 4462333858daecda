package org.resnetode.claim;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Supplier;
import org.resnetode.scheme.Scheme;

/**
 * Claims A and H's configuration: one {@link AdjointClaim} run per sweep configuration on one batch
 * {@code {inputs, targets}}, all under one negative control, followed by the depth-needed table.
 */
public record AdjointSweep(List<SweepConfig> configs, double[][][] batch, Control control) {
    /** The controls Claims A and H can be run under (besides {@link Control#NONE}). */
    public static final List<Control> CONTROLS = List.of(Control.WRONG_REVERSE, Control.ROUGH_WEIGHTS, Control.SWAPPED_STAGES,
            Control.WRONG_STAGE_TIME, Control.WRONG_VJP);

    public AdjointSweep {
        configs = List.copyOf(configs);
        Objects.requireNonNull(batch, "batch");
        Objects.requireNonNull(control, "control");
        if ((control == Control.SWAPPED_STAGES || control == Control.WRONG_STAGE_TIME)
                && configs.stream().allMatch(c -> Scheme.byName(c.scheme()).tableau().stages() == 1)) {
            // both controls move a stage's time inside the step: a one-stage scheme (euler) has none to move
            throw new org.resnetode.checks.BadInputException("--control " + control.label() + " changes nothing on a "
                    + "one-stage scheme (" + configs.get(0).scheme() + "): it moves stage times inside the step; run it with "
                    + "--scheme heun or another tableau of two or more stages");
        }
    }

    /**
     * What {@code adjoint} runs with no option but the ladder: the mlp family at d = 8 (hidden 8), euler and heun each
     * against fourier (C-infinity), kinked (Lipschitz) and iid (rough) weights, seed 1, amplitude 1, rates fitted from
     * N = 64, on the seeded batch of 4 samples.
     */
    public static AdjointSweep standard(int[] depths) {
        List<SweepConfig> configs = new ArrayList<>();
        for (String scheme : List.of("euler", "heun")) {
            for (String profile : List.of("fourier", "kinked", "iid")) {
                configs.add(new SweepConfig("mlp", profile, scheme, 8, 8, depths, 1, 1.0, false, 64, 4));
            }
        }
        return new AdjointSweep(configs, AdjointMeasurement.batch(4, 8, 1), Control.NONE);
    }

    /** One task per configuration; their results in configuration order, then the depth-needed table assembled from them. */
    public ClaimPlan plan(Progress progress) {
        List<Supplier<ClaimResult>> tasks = new ArrayList<>();
        for (SweepConfig cfg : configs) {
            tasks.add(() -> AdjointClaim.run(cfg, batch, control, progress));
        }
        return ClaimPlan.of(tasks, measured -> {
            List<ClaimResult> results = new ArrayList<>(measured);
            results.add(AdjointClaim.depthNeeded(results));
            return results;
        });
    }
}
