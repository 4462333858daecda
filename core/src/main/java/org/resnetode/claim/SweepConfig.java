package org.resnetode.claim;

import org.resnetode.checks.BadInputException;
import org.resnetode.checks.Checks;
import org.resnetode.checks.Printable;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.OptionalDouble;
import org.resnetode.model.DepthProfile;
import org.resnetode.model.DepthProfiles;
import org.resnetode.model.ResidualFunction;
import org.resnetode.scheme.Scheme;

/**
 * One configuration of a claim sweep over depths: family, depth profile, scheme, dimension (and MLP
 * hidden width), the ladder of depths, the seed of weights and inputs, the profile's variation
 * amplitude, whether its mean is zero, the smallest depth admitted into rate fits, and the batch size
 * (for gradient claims; 0 when the claim has no batch). The record judges its own fields (every caller, command line,
 * grid file or Java, gets the same answer): positive sizes, a finite amplitude, a fit start of at least 1, and a
 * ladder of distinct depths each at least the scheme's minimum depth; the Hurst index H of the {@code fbm} profile in
 * (0, 1), its path's grid divisible by every depth, and no H for any other profile ({@code NaN} there).
 */
public record SweepConfig(String family, String profile, String scheme, int dim, int hidden, int[] depths,
                          long seed, double amplitude, boolean zeroMean, int fitFrom, int batch, double hurst) {

    /** Without a Hurst index: {@code fbm} at {@link DepthProfiles#DEFAULT_HURST} (Brownian motion), none for the others. */
    public SweepConfig(String family, String profile, String scheme, int dim, int hidden, int[] depths,
                       long seed, double amplitude, boolean zeroMean, int fitFrom, int batch) {
        this(family, profile, scheme, dim, hidden, depths, seed, amplitude, zeroMean, fitFrom, batch,
                FBM.equals(profile) ? DepthProfiles.DEFAULT_HURST : Double.NaN);
    }

    private static final String FBM = "fbm";

    public SweepConfig {
        Checks.positive("dimension", dim);
        Checks.atLeast("batch size", batch, 0);
        Checks.positive("hidden width", hidden);
        Checks.finite("amplitude", amplitude);
        Checks.positive("the depth to fit rates from", fitFrom);
        Checks.ladder("the depth ladder (scheme " + scheme + ")", depths, Scheme.byName(scheme).minimumDepth());
        depths = depths.clone();
        if (FBM.equals(profile)) {
            Checks.openInterval("Hurst index H (--hurst)", hurst, 0, 1);
            DepthProfiles.fbmGrid(depths);
        } else if (!Double.isNaN(hurst)) {
            throw new BadInputException("--hurst applies only to --profile fbm, not to profile '" + Printable.of(profile, 30) + "'");
        }
    }

    /** The depth profile of this configuration for family {@code f} (with its Hurst index and grid for {@code fbm}). */
    public DepthProfile depthProfile(ResidualFunction f) {
        return FBM.equals(profile)
                ? DepthProfiles.create(profile, f, seed, amplitude, zeroMean, OptionalDouble.of(hurst), DepthProfiles.fbmGrid(depths))
                : DepthProfiles.create(profile, f, seed, amplitude, zeroMean);
    }

    /** The configuration as it is reported. */
    public Map<String, Object> describe() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("family", family);
        m.put("profile", profile);
        m.put("scheme", scheme);
        m.put("dim", dim);
        if (family.equals("mlp")) {
            m.put("hidden", hidden);
        }
        m.put("depths", Arrays.stream(depths).boxed().toList());
        m.put("seed", seed);
        m.put("amplitude", amplitude);
        if (FBM.equals(profile)) {
            m.put("hurst", hurst);
        }
        m.put("zeroMean", zeroMean);
        m.put("fitFrom", fitFrom);
        if (batch > 0) {
            m.put("batch", batch);
        }
        return m;
    }
}
