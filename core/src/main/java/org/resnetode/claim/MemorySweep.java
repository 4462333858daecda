package org.resnetode.claim;

import java.util.Objects;

/** The memory claim's configuration: one sweep configuration (tied weights θ(0) of its profile) under one negative control. */
public record MemorySweep(SweepConfig config, Control control) {
    /** The controls the memory claim can be run under (besides {@link Control#NONE}). */
    public static final java.util.List<Control> CONTROLS = java.util.List.of(Control.STORING_ADJOINT);

    public MemorySweep {
        Objects.requireNonNull(config, "config");
        Objects.requireNonNull(control, "control");
    }

    /** What {@code memory} runs with no option but the ladder: tanh, d = 64, fourier θ(0), euler, seed 1, batch 1. */
    public static MemorySweep standard(int[] depths) {
        return new MemorySweep(new SweepConfig("tanh", "fourier", "euler", 64, 64, depths, 1, 1.0, false, 1, 1), Control.NONE);
    }

    /** One task per depth and method ({@link MemoryClaim#plan}). */
    public ClaimPlan plan(Progress progress) {
        return MemoryClaim.plan(config, control, progress);
    }
}
