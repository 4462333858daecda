package org.resnetode.claim;

import java.util.ArrayList;
import java.util.List;

/**
 * The roughness claim's configuration as one value: the (family, H) configurations whose M paths are measured, the
 * adjoint's configurations (recovery and gradient errors on fBm weights), whether the exact closed-form prediction is
 * checked against sampled paths, whether the paper's two ends are measured as limit rows ({@link RoughnessLimits}), and
 * the seed of those two.
 */
public record RoughnessSweep(List<RoughnessConfig> configs, List<RoughnessAdjointConfig> adjoint, boolean prediction,
                             boolean limits, long seed) {
    /** Depths of the limit rows. */
    public static final int[] LIMIT_DEPTHS = {32, 64, 128, 256};

    public RoughnessSweep {
        configs = List.copyOf(configs);
        adjoint = List.copyOf(adjoint);
        org.resnetode.checks.Checks.require(!configs.isEmpty() || !adjoint.isEmpty() || limits,
                "roughness: no configuration to measure");
    }

    /** The forward map alone. */
    public RoughnessSweep(List<RoughnessConfig> configs, boolean prediction, long seed) {
        this(configs, List.of(), prediction, false, seed);
    }

    /**
     * The report's quick map: linear and theta2, Euler and Heun, the five H of {@link RoughnessClaim#HURSTS}, depths
     * 32..256, {@value RoughnessClaim#QUICK_PATHS} paths, theta2's reference on 2^15 steps (128 times the largest
     * depth, as the full map's 2^16 for 512); tanh at H = 0.25 and 0.75 and mlp at H = 0.5 on depths 16..128 with the
     * reference on 2^13 steps (64 times the largest depth); the adjoint for linear at H = 0.25, 0.5, 0.75 and both ends,
     * and for mlp at H = 0.5 (depths 16..128); the limit rows; and the exact-prediction check. Its negative controls run
     * in the tests and through {@code roughness --control decoupled} and {@code --control wrong-reverse}.
     */
    public static RoughnessSweep quick(long seed) {
        int[] depths = {32, 64, 128, 256};
        int[] nonlinear = {16, 32, 64, 128};
        List<String> both = List.of("euler", "heun");
        List<RoughnessConfig> configs = new ArrayList<>();
        for (String family : List.of("theta2", "linear")) {
            for (double h : RoughnessClaim.HURSTS) {
                configs.add(new RoughnessConfig(family, both, h, depths, RoughnessClaim.QUICK_PATHS,
                        1 << 15, 0, RoughnessConfig.defaultAmplitude(family), seed, false));
            }
        }
        for (double h : List.of(0.25, 0.75)) {
            configs.add(new RoughnessConfig("tanh", both, h, nonlinear, RoughnessClaim.QUICK_PATHS, 1 << 13, 0, 1, seed, false));
        }
        configs.add(new RoughnessConfig("mlp", both, 0.5, nonlinear, RoughnessClaim.QUICK_PATHS, 1 << 13, 0, 1, seed, false));
        List<RoughnessAdjointConfig> adjoint = new ArrayList<>();
        for (double h : List.of(0.25, 0.5, 0.75)) {
            adjoint.add(new RoughnessAdjointConfig("linear", both, h, false, nonlinear, RoughnessClaim.QUICK_PATHS, 1, seed, false));
        }
        for (double h : List.of(0.0, 1.0)) {
            adjoint.add(new RoughnessAdjointConfig("linear", both, h, true, nonlinear, RoughnessClaim.QUICK_PATHS, 1, seed, false));
        }
        adjoint.add(new RoughnessAdjointConfig("mlp", both, 0.5, false, nonlinear, RoughnessClaim.QUICK_PATHS, 1, seed, false));
        return new RoughnessSweep(configs, adjoint, true, true, seed);
    }

    /** One task per configuration (and one each for the prediction check and the limit rows). */
    public ClaimPlan plan(Progress progress) {
        return RoughnessClaim.plan(this, progress);
    }
}
