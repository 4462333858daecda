package org.resnetode.cli;

import org.resnetode.checks.BadInputException;
import picocli.CommandLine.Option;

/** Options shared by the claim commands: dimension, hidden width, depth ladder, seed and profile shape. */
public final class NetworkOptions {
    @Option(names = "--dim", paramLabel = "D",
            description = "State dimension d >= 1 (default: 8, memory: 64; theta2 is scalar, d = 1).")
    Integer dim;

    @Option(names = "--hidden", paramLabel = "M",
            description = "Hidden width of the mlp family (default: d); rejected when --family names another family.")
    Integer hidden;

    @Option(names = "--depths", paramLabel = "LADDER", converter = DepthLadder.Converter.class,
            description = "Depths N: LOW:HIGH doubles from LOW to HIGH, LOW:HIGH:FACTOR another ratio, or a list 10,20,40 "
                    + "(default: 8:4096, memory: 1000:1000000).")
    DepthLadder depths;

    @picocli.CommandLine.Mixin
    SeedOption seed;

    @Option(names = "--amplitude", paramLabel = "A",
            description = "Size of the depth variation of the profile, relative to the weights' unit scale (default: 1); "
                    + "rejected with the constant profile, which does not vary.")
    Double amplitude;

    @Option(names = "--hurst", paramLabel = "H",
            description = "Hurst index H in (0, 1) of the fbm profile (default: 0.5, Brownian motion); rejected with any other profile.")
    Double hurst;

    @Option(names = "--zero-mean", description = "Profile varies around θ̄ = 0 (the alternation control case of MATH.md section 2).")
    boolean zeroMean;

    int dimFor(String family, int defaultDim) {
        if ("theta2".equals(family) && dim == null) {
            return 1;
        }
        return dim == null ? defaultDim : org.resnetode.checks.Checks.positive("dimension", dim);
    }

    /** Rates are fitted from this depth when --fit-from is absent (smaller depths are pre-asymptotic). */
    static final int DEFAULT_FIT_FROM = 64;

    static int fitStart(Integer fitFrom) {
        return fitFrom == null ? DEFAULT_FIT_FROM : fitFrom;
    }

    /**
     * Rejects a --fit-from below 1, and an explicit --fit-from that leaves fewer than two depths of the ladder to fit a
     * rate on. With the default, a short ladder is measured and its table shown, and the verdict is {@code inconclusive}
     * (exit 1) with a note saying that no rate could be fitted from depth 64.
     */
    static void requireFitRange(int[] depths, Integer fitFrom) {
        if (fitFrom != null && fitFrom < 1) {
            throw new BadInputException("--fit-from must be a depth of at least 1, got " + fitFrom);
        }
        if (fitFrom != null && java.util.Arrays.stream(depths).filter(n -> n >= fitFrom).distinct().count() < 2) {
            throw new BadInputException("--fit-from " + fitFrom + " leaves fewer than 2 depths of the ladder "
                    + java.util.Arrays.toString(depths) + " to fit a rate on");
        }
    }

    /** The profile's amplitude: --amplitude, default 1; rejected with the constant profile, which has no variation. */
    double amplitudeFor(String profile) {
        if (amplitude != null && "constant".equals(profile)) {
            throw new BadInputException("--amplitude does not apply to the constant profile (it does not vary in depth)");
        }
        return amplitude == null ? 1.0 : amplitude;
    }

    /**
     * The Hurst index handed to the configuration, which judges it: --hurst when given (refused there for a profile other
     * than fbm), else the fbm default, else none (NaN).
     */
    double hurstFor(String profile) {
        return hurst != null ? hurst : "fbm".equals(profile) ? org.resnetode.model.DepthProfiles.DEFAULT_HURST : Double.NaN;
    }

    /** Rejects --hidden when the family named by --family is not mlp (the only family with a hidden layer). */
    void requireHiddenApplies(String family) {
        if (hidden != null && family != null && !"mlp".equals(family)) {
            throw new BadInputException("--hidden applies to the mlp family only, not to " + family);
        }
    }

    /** Doubles one array can hold. */
    static final long ARRAY_LIMIT = Integer.MAX_VALUE - 8;

    /**
     * Refuses up front a computation storing {@code rows} blocks of {@code width} doubles when one block exceeds what one
     * array holds, or all of them exceed the heap ({@code Runtime.maxMemory()}), naming the limit exceeded.
     */
    static void requireStorage(String what, long width, long rows) {
        if (width > ARRAY_LIMIT) {
            throw new BadInputException(what + " needs " + width + " doubles in one array, more than the limit "
                    + ARRAY_LIMIT);
        }
        double bytes = 8.0 * width * rows;
        long heap = Runtime.getRuntime().maxMemory();
        if (bytes > heap) {
            throw new BadInputException(String.format(java.util.Locale.ROOT, "%s needs %.3g GB, more than the "
                    + "heap limit of %.3g GB (raise it with RESNET_ODE_JAVA_OPTS=-Xmx...)", what, bytes / 1e9, heap / 1e9));
        }
    }

    int[] depthsOr(String defaultLadder) {
        return depths == null ? DepthLadder.parse(defaultLadder) : depths.depths();
    }

    int hiddenFor(int d) {
        return hidden == null ? d : hidden;
    }
}
