package org.resnetode.claim;

import org.resnetode.checks.BadInputException;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import org.resnetode.model.Families;

/**
 * One configuration of a claim sweep over depths: family, depth profile, scheme, dimension (and MLP
 * hidden width), the ladder of depths, the seed of weights and inputs, the profile's variation
 * amplitude, whether its mean is zero, the smallest depth admitted into rate fits, and the batch size
 * (for gradient claims; 0 when the claim has no batch).
 */
public record SweepConfig(String family, String profile, String scheme, int dim, int hidden, int[] depths,
                          long seed, double amplitude, boolean zeroMean, int fitFrom, int batch) {

    public SweepConfig {
        Families.requirePositive("dimension", dim);
        if (batch < 0) {
            throw new BadInputException("batch size must be at least 1, got " + batch);
        }
        Families.requirePositive("hidden width", hidden);
        Families.requireFinite("amplitude", amplitude);
        if (depths.length == 0) {
            throw new BadInputException("the depth ladder is empty");
        }
        for (int n : depths) {
            Families.requirePositive("depth", n);
        }
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
