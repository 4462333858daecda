package org.resnetode.claim;

import java.util.ArrayList;
import java.util.List;

/**
 * The roughness claim's configuration as one value: the (family, H) configurations whose M paths are measured, whether
 * the exact closed-form prediction is checked against sampled paths, and the seed of that check.
 */
public record RoughnessSweep(List<RoughnessConfig> configs, boolean prediction, long seed) {
    public RoughnessSweep {
        configs = List.copyOf(configs);
        org.resnetode.checks.Checks.require(!configs.isEmpty(), "roughness: no configuration to measure");
    }

    /**
     * The report's quick map: linear and theta2, Euler and Heun, the five H of {@link RoughnessClaim#HURSTS}, depths
     * 32..256, {@value RoughnessClaim#QUICK_PATHS} paths, theta2's reference on 2^15 steps (128 times the largest
     * depth, as the full map's 2^16 for 512), and the exact-prediction check. Its negative control runs in the tests
     * and through {@code roughness --control decoupled}.
     */
    public static RoughnessSweep quick(long seed) {
        int[] depths = {32, 64, 128, 256};
        List<RoughnessConfig> configs = new ArrayList<>();
        for (String family : List.of("theta2", "linear")) {
            for (double h : RoughnessClaim.HURSTS) {
                configs.add(new RoughnessConfig(family, List.of("euler", "heun"), h, depths, RoughnessClaim.QUICK_PATHS,
                        1 << 15, 0, RoughnessConfig.defaultAmplitude(family), seed, false));
            }
        }
        return new RoughnessSweep(configs, true, seed);
    }

    /** One task per configuration (and one for the prediction check). */
    public ClaimPlan plan(Progress progress) {
        return RoughnessClaim.plan(configs, prediction, seed, progress);
    }
}
