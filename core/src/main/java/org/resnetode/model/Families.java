package org.resnetode.model;

import org.resnetode.checks.Checks;
import org.resnetode.checks.BadInputException;
import java.util.List;
import java.util.Locale;

/** The residual function families by command-line name. */
public final class Families {
    /** Names accepted on the command line. */
    public static final List<String> NAMES = List.of("linear", "tanh", "mlp", "theta2");

    /** Largest parameter count per layer: a layer must fit in one Java array with room for a network of them. */
    public static final long MAX_PARAMETERS = 1L << 26;

    private Families() {
    }

    /**
     * The family {@code name} at dimension {@code dim}; the MLP's hidden width is {@code hidden}.
     * {@code theta2} is scalar and demands {@code dim == 1}.
     */
    public static ResidualFunction create(String name, int dim, int hidden) {
        Checks.positive("dimension", dim);
        long parameters = name.equalsIgnoreCase("mlp") ? 2L * dim * hidden : (long) dim * dim;
        if (parameters > MAX_PARAMETERS) {
            throw new BadInputException("family " + name + " at dimension " + dim
                    + (name.equalsIgnoreCase("mlp") ? " and hidden width " + hidden : "") + " has " + parameters
                    + " parameters per layer, more than the " + MAX_PARAMETERS + " supported");
        }
        switch (name.toLowerCase(Locale.ROOT)) {
            case "linear":
                return new LinearFamily(dim);
            case "tanh":
                return new TanhFamily(dim);
            case "mlp":
                return new MlpFamily(dim, hidden);
            case "theta2":
                if (dim != 1) {
                    throw new BadInputException("family theta2 is scalar (f = θ² x): dimension must be 1, got " + dim);
                }
                return new ThetaSquaredFamily();
            default:
                throw new BadInputException("unknown family '" + name + "' (expected one of " + NAMES + ")");
        }
    }


}
