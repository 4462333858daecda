package org.resnetode.claim;

import org.resnetode.checks.Checks;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import org.resnetode.scheme.Scheme;

/**
 * One configuration of a claim sweep over depths: family, depth profile, scheme, dimension (and MLP
 * hidden width), the ladder of depths, the seed of weights and inputs, the profile's variation
 * amplitude, whether its mean is zero, the smallest depth admitted into rate fits, and the batch size
 * (for gradient claims; 0 when the claim has no batch). The record judges its own fields (every caller, command line,
 * grid file or Java, gets the same answer): positive sizes, a finite amplitude, a fit start of at least 1, and a
 * ladder of distinct depths each at least the scheme's minimum depth.
 */
public record SweepConfig(String family, String profile, String scheme, int dim, int hidden, int[] depths,
                          long seed, double amplitude, boolean zeroMean, int fitFrom, int batch) {

    public SweepConfig {
        Checks.positive("dimension", dim);
        Checks.atLeast("batch size", batch, 0);
        Checks.positive("hidden width", hidden);
        Checks.finite("amplitude", amplitude);
        Checks.positive("the depth to fit rates from", fitFrom);
        Checks.ladder("the depth ladder (scheme " + scheme + ")", depths, Scheme.byName(scheme).minimumDepth());
        depths = depths.clone();
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
        m.put("zeroMean", zeroMean);
        m.put("fitFrom", fitFrom);
        if (batch > 0) {
            m.put("batch", batch);
        }
        return m;
    }
}
