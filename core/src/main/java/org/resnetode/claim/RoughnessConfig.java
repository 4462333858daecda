package org.resnetode.claim;

import java.util.Arrays;
import java.util.List;
import org.resnetode.checks.BadInputException;
import org.resnetode.checks.Checks;
import org.resnetode.scheme.Scheme;

/**
 * One cell of the roughness map: a scalar family driven by an fBm weight path of Hurst index H, its schemes, the
 * ladder of depths, the number of independent paths, the grid of the fine reference and the seed.
 *
 * @param family        {@code linear} (θ x, exact reference x_0 e^{∫θ}), {@code theta2} (θ² x) or {@code affine}
 *                      (−x + θ, Kloeden and Rosa's equation), {@code tanh} (tanh(θ x), scalar) or {@code mlp}
 *                      (W_2 tanh(W_1 x), scalar state, {@value RoughnessPaths#MLP_HIDDEN} hidden units), the last four
 *                      against a fine grid of the same path
 * @param schemes       scheme names (standard convention: N steps of size 1/N)
 * @param mean          θ̄ of {@code θ = θ̄ + σ B^H}
 * @param amplitude     σ
 * @param referenceGrid steps of the fine reference's grid (theta2, affine)
 * @param decoupled     negative control: each depth reads its own independent path, not the reference's
 */
public record RoughnessConfig(String family, List<String> schemes, double hurst, int[] depths, int paths,
                              int referenceGrid, double mean, double amplitude, long seed, boolean decoupled) {
    /** Standard deviations of the path that the weights' range allows for. */
    static final double MAX_STANDARD_DEVIATIONS = 10;
    /** Largest exponent of the reference's exponential (e^709 is near the largest double). */
    static final double MAX_EXPONENT = 700;
    /** Families of the map. */
    public static final List<String> FAMILIES = List.of("linear", "theta2", "affine", "tanh", "mlp");

    public RoughnessConfig {
        Checks.oneOf("family (--family)", family, FAMILIES);
        schemes = List.copyOf(schemes);
        if (schemes.isEmpty()) {
            throw new BadInputException("--scheme: give at least one scheme");
        }
        for (String s : schemes) {
            Checks.oneOf("scheme (--scheme)", s, Scheme.NAMES);
            if (Scheme.byName(s).referenceConvention()) {
                throw new BadInputException("--scheme " + s + ": the roughness map uses the standard convention (N steps of 1/N)");
            }
        }
        Checks.openInterval("Hurst index H (--hurst)", hurst, 0, 1);
        Checks.atLeast("number of paths (--paths)", paths, 2);
        Checks.finite("mean (--mean)", mean);
        Checks.positive("amplitude σ (--amplitude)", amplitude);
        // θ = θ̄ + σ B^H with sup |B^H| over [0, 1] beyond 10 only with probability below 1e-20: |θ̄| + 10 σ <= 700 keeps
        // every weight and the reference x_0 exp(∫θ) (or exp(∫θ²) for theta2, squared) below e^709, the largest double
        double reach = Math.abs(mean) + MAX_STANDARD_DEVIATIONS * amplitude;
        if (!(family.equals("theta2") ? reach * reach <= MAX_EXPONENT : reach <= MAX_EXPONENT)) {
            throw new BadInputException(String.format(java.util.Locale.ROOT, "--mean %.3g and --amplitude %.3g: weights "
                    + "reach |θ̄| + %d σ = %.3g%s, beyond %d: the reference's exponential overflows a double", mean, amplitude,
                    (int) MAX_STANDARD_DEVIATIONS, reach, family.equals("theta2") ? " (squared for theta2)" : "", (int) MAX_EXPONENT));
        }
        depths = dyadicLadder(depths, Integer.MAX_VALUE);
        if (!family.equals("linear")) {
            int largest = depths[depths.length - 1];
            if (Integer.bitCount(referenceGrid) != 1 || referenceGrid < 4 * largest || referenceGrid > 1 << 22) {
                throw new BadInputException("--reference-grid must be a power of two between 4 × the largest depth ("
                        + 4 * largest + ") and 2^22, got " + referenceGrid);
            }
        } else if (depths[depths.length - 1] > org.resnetode.rough.PathIntegral.MAX_STEPS) {
            throw new BadInputException("--depths: the exact reference of family linear conditions on the path, depths up to "
                    + org.resnetode.rough.PathIntegral.MAX_STEPS + ", got " + depths[depths.length - 1]);
        }
    }

    /**
     * A sorted copy of {@code depths}, refused unless it holds at least 2 depths, each a power of two from 2 to
     * {@code largest} (the fBm grid is dyadic).
     */
    static int[] dyadicLadder(int[] depths, int largest) {
        if (depths.length < 2) {
            throw new BadInputException("--depths: the rate needs at least 2 depths, got " + depths.length);
        }
        for (int n : depths) {
            if (n < 2 || Integer.bitCount(n) != 1 || n > largest) {
                throw new BadInputException("--depths: every depth must be a power of two >= 2" + (largest < Integer.MAX_VALUE
                        ? " and <= 2^" + Integer.numberOfTrailingZeros(largest) : "") + " (the fBm grid is dyadic), got " + n);
            }
        }
        int[] sorted = depths.clone();
        Arrays.sort(sorted);
        return sorted;
    }

    /**
     * σ when none is given: 0.5 for theta2, whose reference {@code exp(∫θ²)} has {@code E exp(2∫σ²B²) = ∞} at H = 1/2
     * with σ = 1 (for Brownian motion {@code E exp(λ∫B²) < ∞} iff {@code sqrt(2λ) < π/2}), so the mean error would have
     * no finite variance; 1 for the others.
     */
    public static double defaultAmplitude(String family) {
        return family.equals("theta2") ? 0.5 : 1.0;
    }

    /** Steps of the grid the path is sampled on: the largest depth (linear, exact reference) or the reference grid. */
    public int grid() {
        return family.equals("linear") ? depths[depths.length - 1] : referenceGrid;
    }

    /** True when the reference is exact (no fine-grid error to estimate). */
    public boolean exactReference() {
        return family.equals("linear");
    }

    @Override
    public int[] depths() {
        return depths.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof RoughnessConfig c && family.equals(c.family) && schemes.equals(c.schemes) && hurst == c.hurst
                && Arrays.equals(depths, c.depths) && paths == c.paths && referenceGrid == c.referenceGrid && mean == c.mean
                && amplitude == c.amplitude && seed == c.seed && decoupled == c.decoupled;
    }

    @Override
    public int hashCode() {
        return java.util.Objects.hash(family, schemes, hurst, Arrays.hashCode(depths), paths, referenceGrid, seed, decoupled);
    }

    @Override
    public String toString() {
        return "RoughnessConfig[" + family + ", " + schemes + ", H=" + hurst + ", depths=" + Arrays.toString(depths)
                + ", paths=" + paths + ", grid=" + grid() + ", seed=" + seed + (decoupled ? ", decoupled" : "") + "]";
    }
}
