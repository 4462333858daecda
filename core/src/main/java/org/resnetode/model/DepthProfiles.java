package org.resnetode.model;

import org.resnetode.checks.Checks;
import java.util.List;
import java.util.Locale;
import java.util.OptionalDouble;
import java.util.SplittableRandom;
import org.resnetode.checks.BadInputException;
import org.resnetode.checks.Printable;

/**
 * Builds the depth profiles by command-line name. Every profile is a mean θ̄ (the family's
 * unit-scale draw, or zero) plus a variation of size {@code amplitude} drawn from the same seed.
 */
public final class DepthProfiles {
    /** Names accepted on the command line, from smooth to rough. */
    public static final List<String> NAMES =
            List.of("constant", "polynomial", "fourier", "kinked", "iid", "alternating", "fbm");

    /** Hurst index of {@code fbm} when none is given: Brownian motion. */
    public static final double DEFAULT_HURST = 0.5;
    /** Grid of {@code fbm}'s path when the caller does not size it: depths dividing 2^12 can read it. */
    public static final int DEFAULT_FBM_GRID = 1 << 12;

    /** Largest grid of an {@code fbm} path: the least common multiple of the depths that read it must not exceed it. */
    public static final int MAX_FBM_GRID = 1 << 22;

    /**
     * The grid of the {@code fbm} path every depth of the ladder reads: {@link #DEFAULT_FBM_GRID} when every
     * depth divides it (so a ladder of powers of two reads the same path as before), else the least common multiple of
     * the depths, refused above {@link #MAX_FBM_GRID}.
     */
    public static int fbmGrid(int... depths) {
        long lcm = 1;
        for (int n : depths) {
            lcm = lcm / gcd(lcm, n) * n;
            if (lcm > MAX_FBM_GRID) {
                throw new BadInputException("depths " + java.util.Arrays.toString(depths) + " of an fbm profile: every depth reads one "
                        + "path, whose grid (the least common multiple of the depths) would exceed " + MAX_FBM_GRID + " steps; use powers "
                        + "of two");
            }
        }
        return DEFAULT_FBM_GRID % lcm == 0 ? DEFAULT_FBM_GRID : (int) lcm;
    }

    private static long gcd(long a, long b) {
        return b == 0 ? a : gcd(b, a % b);
    }

    /** Polynomial degree, Fourier modes and kinked pieces of the generated profiles. */
    private static final int POLYNOMIAL_DEGREE = 3;
    private static final int FOURIER_MODES = 4;
    private static final int KINKED_PIECES = 5;

    private DepthProfiles() {
    }

    /**
     * @param amplitude size of the depth variation relative to the family's unit scale
     * @param zeroMean  when true θ̄ = 0 (the control case of alternation around zero)
     */
    public static DepthProfile create(String name, ResidualFunction family, long seed, double amplitude, boolean zeroMean) {
        return create(name, family, seed, amplitude, zeroMean, OptionalDouble.empty(), DEFAULT_FBM_GRID);
    }

    /**
     * As above, with the Hurst index of {@code fbm} (refused for any other profile) and the number of steps of the grid
     * its path is sampled on (a power of two every depth of the run divides).
     */
    public static DepthProfile create(String name, ResidualFunction family, long seed, double amplitude, boolean zeroMean,
                                      OptionalDouble hurst, int fbmGrid) {
        Checks.finite("amplitude", amplitude);
        boolean fbm = name.toLowerCase(Locale.ROOT).equals("fbm");
        if (hurst.isPresent() && !fbm) {
            throw new BadInputException("--hurst applies only to --profile fbm, not to profile '" + Printable.of(name, 30) + "'");
        }
        SplittableRandom rng = new SplittableRandom(seed);
        int p = family.parameterCount();
        double[] mean = new double[p];
        if (!zeroMean) {
            family.initialParameters(rng, mean, 0);
        }
        switch (name.toLowerCase(Locale.ROOT)) {
            case "constant":
                return new PolynomialProfile("constant", new double[][] {mean});
            case "polynomial": {
                double[][] c = new double[POLYNOMIAL_DEGREE + 1][];
                c[0] = mean;
                for (int k = 1; k <= POLYNOMIAL_DEGREE; k++) {
                    c[k] = draw(family, rng, amplitude);
                }
                return new PolynomialProfile("polynomial", c);
            }
            case "fourier": {
                double[][] sine = new double[FOURIER_MODES][];
                double[][] cosine = new double[FOURIER_MODES][];
                for (int k = 0; k < FOURIER_MODES; k++) {
                    sine[k] = draw(family, rng, amplitude);
                    cosine[k] = draw(family, rng, amplitude);
                }
                return new FourierProfile(mean, sine, cosine);
            }
            case "kinked":
                return kinked(family, rng, mean, amplitude);
            case "iid":
                return new IidProfile(family, mean, amplitude, rng.nextLong());
            case "alternating":
                return new AlternatingProfile(mean, draw(family, rng, amplitude));
            case "fbm":
                return new FbmProfile(mean, amplitude, hurst.orElse(DEFAULT_HURST), fbmGrid, rng.nextLong());
            default:
                throw new BadInputException("unknown profile '" + name + "' (expected one of " + NAMES + ")");
        }
    }

    /** Breakpoints jittered off any dyadic grid, values θ̄ + amplitude ξ_j. */
    private static DepthProfile kinked(ResidualFunction family, SplittableRandom rng, double[] mean, double amplitude) {
        double[] s = new double[KINKED_PIECES + 1];
        double[][] v = new double[KINKED_PIECES + 1][];
        for (int j = 0; j <= KINKED_PIECES; j++) {
            s[j] = j == 0 || j == KINKED_PIECES ? j / (double) KINKED_PIECES
                    : (j + 0.6 * (rng.nextDouble() - 0.5)) / KINKED_PIECES;
            v[j] = draw(family, rng, amplitude);
            for (int i = 0; i < mean.length; i++) {
                v[j][i] += mean[i];
            }
        }
        return new KinkedProfile(s, v);
    }

    private static double[] draw(ResidualFunction family, SplittableRandom rng, double amplitude) {
        double[] v = new double[family.parameterCount()];
        family.initialParameters(rng, v, 0);
        for (int i = 0; i < v.length; i++) {
            v[i] *= amplitude;
        }
        return v;
    }
}
