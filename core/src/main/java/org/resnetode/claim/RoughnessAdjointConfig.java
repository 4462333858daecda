package org.resnetode.claim;

import java.util.Arrays;
import java.util.List;
import org.resnetode.checks.Checks;

/**
 * One cell of the adjoint's roughness map: a scalar-state family whose weights are fBm paths θ = σ B^H (one per entry,
 * the grid of the largest depth), the adjoint's recovery error and gradient error against backprop over M paths.
 *
 * @param family       {@code linear} (a x), {@code tanh} (tanh(θ x)) or {@code mlp} (W_2 tanh(W_1 x),
 *                     {@value RoughnessPaths#MLP_HIDDEN} hidden units)
 * @param hurst        H in (0, 1); with {@code end}, exactly 0 (the i.i.d. end) or 1 (the smooth end, B(t) = t Z)
 * @param end          a limit row of the paper's two ends ({@link org.resnetode.model.FbmProfile#end})
 * @param wrongReverse negative control: the reverse step with +h instead of -h (the claim must fail)
 */
public record RoughnessAdjointConfig(String family, List<String> schemes, double hurst, boolean end, int[] depths, int paths,
                                     double amplitude, long seed, boolean wrongReverse) {
    /** Families of the adjoint map (scalar state). */
    public static final List<String> FAMILIES = List.of("linear", "tanh", "mlp");
    /** Samples per path's batch (inputs ±1, targets x + ξ/2: {@link AdjointMeasurement#batch}). */
    public static final int BATCH = 2;
    /** Largest depth (the path's grid). */
    public static final int MAX_DEPTH = 1 << 16;

    public RoughnessAdjointConfig {
        Checks.oneOf("family (--family)", family, FAMILIES);
        schemes = List.copyOf(schemes);
        Checks.require(!schemes.isEmpty(), "--scheme: give at least one scheme");
        for (String s : schemes) {
            Checks.oneOf("scheme (--scheme)", s, List.of("euler", "heun"));
        }
        if (end) {
            Checks.require(hurst == 0 || hurst == 1, "the ends of the fBm family are H = 0 and H = 1, got " + hurst);
        } else {
            Checks.openInterval("Hurst index H (--hurst)", hurst, 0, 1);
        }
        Checks.atLeast("number of paths (--paths)", paths, 2);
        Checks.positive("amplitude σ (--amplitude)", amplitude);
        Checks.require(amplitude <= RoughnessConfig.MAX_EXPONENT / RoughnessConfig.MAX_STANDARD_DEVIATIONS,
                "--amplitude " + amplitude + ": weights of 10 σ beyond 700 overflow the flow's exponential");
        depths = RoughnessConfig.dyadicLadder(depths, MAX_DEPTH);
    }

    /** Steps of the path's grid: the largest depth. */
    public int grid() {
        return depths[depths.length - 1];
    }

    /** The predicted rate of both errors: Euler 1 for every H (Claim A); Heun {@code min(3, 1 + 2H)} (docs/derivations/rough.md section 8). */
    public static double predictedRate(String scheme, double hurst) {
        return scheme.equals("euler") ? 1 : Math.min(3, 1 + 2 * hurst);
    }

    @Override
    public int[] depths() {
        return depths.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof RoughnessAdjointConfig c && family.equals(c.family) && schemes.equals(c.schemes) && hurst == c.hurst
                && end == c.end && Arrays.equals(depths, c.depths) && paths == c.paths && amplitude == c.amplitude
                && seed == c.seed && wrongReverse == c.wrongReverse;
    }

    @Override
    public int hashCode() {
        return java.util.Objects.hash(family, schemes, hurst, end, Arrays.hashCode(depths), paths, amplitude, seed, wrongReverse);
    }

    @Override
    public String toString() {
        return "RoughnessAdjointConfig[" + family + ", " + schemes + ", H=" + hurst + (end ? " (end)" : "") + ", depths="
                + Arrays.toString(depths) + ", paths=" + paths + ", seed=" + seed + (wrongReverse ? ", wrong-reverse" : "") + "]";
    }
}
