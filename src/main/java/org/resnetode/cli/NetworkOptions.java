package org.resnetode.cli;

import picocli.CommandLine.Option;

/** Options shared by the claim commands: dimension, hidden width, depth ladder, seed and profile shape. */
public final class NetworkOptions {
    @Option(names = "--dim", paramLabel = "D",
            description = "State dimension d >= 1 (default: 8, memory: 64; theta2 is scalar, d = 1).")
    Integer dim;

    @Option(names = "--hidden", paramLabel = "M", description = "Hidden width of the mlp family (default: d).")
    Integer hidden;

    @Option(names = "--depths", paramLabel = "LADDER", converter = DepthLadder.Converter.class,
            description = "Depths N: LOW:HIGH doubles from LOW to HIGH, LOW:HIGH:FACTOR another ratio, or a list 10,20,40 "
                    + "(default: 8:4096, memory: 1000:1000000).")
    DepthLadder depths;

    @Option(names = "--seed", defaultValue = "1", description = "Seed of weights and inputs. Default: ${DEFAULT-VALUE}.")
    long seed;

    @Option(names = "--amplitude", defaultValue = "1.0",
            description = "Size of the depth variation of the profile, relative to the weights' unit scale. Default: ${DEFAULT-VALUE}.")
    double amplitude;

    @Option(names = "--zero-mean", description = "Profile varies around θ̄ = 0 (the alternation control case of MATH.md section 2).")
    boolean zeroMean;

    int dimFor(String family, int defaultDim) {
        if ("theta2".equals(family) && dim == null) {
            return 1;
        }
        return dim == null ? defaultDim : dim;
    }

    /** Rates are fitted from this depth when --fit-from is absent (smaller depths are pre-asymptotic). */
    static final int DEFAULT_FIT_FROM = 64;

    static int fitStart(Integer fitFrom) {
        return fitFrom == null ? DEFAULT_FIT_FROM : fitFrom;
    }

    /**
     * Rejects an explicit --fit-from that leaves fewer than two depths of the ladder to fit a rate on (with
     * the default, a short ladder is measured and its table shown, with a note that no rate was fitted).
     */
    static void requireFitRange(int[] depths, Integer fitFrom) {
        if (fitFrom != null && java.util.Arrays.stream(depths).filter(n -> n >= fitFrom).distinct().count() < 2) {
            throw new IllegalArgumentException("--fit-from " + fitFrom + " leaves fewer than 2 depths of the ladder "
                    + java.util.Arrays.toString(depths) + " to fit a rate on");
        }
    }

    int[] depthsOr(String defaultLadder) {
        return depths == null ? DepthLadder.parse(defaultLadder) : depths.depths();
    }

    int hiddenFor(int d) {
        return hidden == null ? d : hidden;
    }
}
