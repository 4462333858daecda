package org.resnetode.properties;

import static org.quicktheories.generators.SourceDSL.booleans;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.longs;

import java.util.List;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.Generate;
import org.resnetode.model.DepthProfile;
import org.resnetode.model.DepthProfiles;
import org.resnetode.model.Families;
import org.resnetode.model.ResidualFunction;
import org.resnetode.model.Weights;
import org.resnetode.scheme.ResNet;
import org.resnetode.scheme.Scheme;

/**
 * One generator per concept of the toolkit, each shrinking towards the simplest value: lists shrink to
 * their first element (so families to {@code linear}, profiles to {@code constant}, schemes to {@code euler}),
 * integer ranges to their lower end. Properties build their configurations from these only, so that a
 * failure shrinks to a minimal configuration.
 *
 * <p>Porting to another property-testing library: each method is one "arbitrary" (an element of a list,
 * an integer range, or a combination of those); {@link NetworkConfig} is the combined value.
 */
public final class Generators {
    private Generators() {
    }

    /** Residual function families, in the order of {@link Families#NAMES}: linear, tanh, mlp, theta2. */
    public static Gen<String> families() {
        return Generate.pick(Families.NAMES);
    }

    /** The families of arbitrary dimension (theta2 is scalar): linear, tanh, mlp. */
    public static Gen<String> vectorFamilies() {
        return Generate.pick(List.of("linear", "tanh", "mlp"));
    }

    /**
     * The six profiles defined at every depth, from smooth to rough (shrinks to {@code constant}); {@code fbm} is left
     * out: it reads one path on a dyadic grid, so only depths dividing that grid exist (tested in FbmProfileTest and
     * the roughness claim).
     */
    public static Gen<String> profiles() {
        return Generate.pick(DepthProfiles.NAMES.stream().filter(n -> !n.equals("fbm")).toList());
    }

    /** The non-constant C-infinity profiles, on which the Euler error is predicted to decay at rate 1. */
    private static final List<String> SMOOTH_PROFILES = List.of("fourier", "polynomial");

    /** One of {@link #SMOOTH_PROFILES}. */
    public static Gen<String> smoothProfiles() {
        return Generate.pick(SMOOTH_PROFILES);
    }

    /** Whether {@code profile} is one of the smooth profiles ({@link #smoothProfiles}). */
    public static boolean smooth(String profile) {
        return SMOOTH_PROFILES.contains(profile);
    }

    /** Whether the profile varies around θ̄ = 0. */
    public static Gen<Boolean> zeroMeans() {
        return booleans().all();
    }

    /** State dimension d in {@code [1, max]}. */
    public static Gen<Integer> dimensions(int max) {
        return integers().between(1, max);
    }

    /** Depth N in {@code [min, max]}, uniform. */
    public static Gen<Integer> depths(int min, int max) {
        return integers().between(min, max);
    }

    /**
     * Depth N in {@code [1, max]}, log-uniform: an octave {@code k} then a depth in {@code [2^k, 2^{k+1})}
     * (clipped to {@code max}). Every depth of the range can occur, small ones as often as deep ones,
     * and it shrinks towards N = 1.
     */
    public static Gen<Integer> logDepths(int max) {
        int octaves = 31 - Integer.numberOfLeadingZeros(max);
        return integers().between(0, octaves).zip(integers().between(0, max - 1),
                (k, r) -> Math.min(max, (1 << k) + r % (1 << k)));
    }

    /** Seeds of weights and inputs. */
    public static Gen<Long> seeds() {
        return longs().between(0, 1L << 40);
    }

    /** The schemes with a backward pass: euler, heun, heun-reference (shrinks to euler). */
    public static Gen<Scheme> schemes() {
        return Generate.pick(List.of(Scheme.EULER, Scheme.HEUN, Scheme.HEUN_REFERENCE));
    }

    /** Depth-variation amplitude of a profile in {@code [0.25, 1.5]}, on a grid of 0.01 (shrinks to 0.25). */
    public static Gen<Double> amplitudes() {
        return integers().between(25, 150).map(i -> i / 100.0);
    }

    /** Batch size B in {@code [1, max]}. */
    public static Gen<Integer> batchSizes(int max) {
        return integers().between(1, max);
    }

    /**
     * A network configuration: family, profile, zero mean or not, dimension (forced to 1 for theta2, and
     * the MLP's hidden width equal to it, as the CLI's default), depth, seed and amplitude.
     */
    public record NetworkConfig(String family, String profile, boolean zeroMean, int dim, int depth, long seed,
                                double amplitude) {
        public ResidualFunction residualFunction() {
            return Families.create(family, dim, dim);
        }

        public DepthProfile depthProfile(ResidualFunction f) {
            return DepthProfiles.create(profile, f, seed, amplitude, zeroMean);
        }
    }

    /** Combines the concept generators; {@code theta2} forces d = 1, everything else is independent. */
    public static Gen<NetworkConfig> networks(Gen<String> families, Gen<String> profiles, Gen<Boolean> zeroMeans,
                                              Gen<Integer> dims, Gen<Integer> depths, Gen<Long> seeds,
                                              Gen<Double> amplitudes) {
        Gen<NetworkConfig> shape = families.zip(profiles, zeroMeans, dims,
                (family, profile, zeroMean, dim) -> new NetworkConfig(family, profile, zeroMean,
                        family.equals("theta2") ? 1 : dim, 0, 0, 1.0));
        return shape.zip(depths, seeds, amplitudes,
                (c, depth, seed, amplitude) -> new NetworkConfig(c.family(), c.profile(), c.zeroMean(), c.dim(),
                        depth, seed, amplitude));
    }
    /**
     * A small network with a batch, for gradient properties: weights drawn from one of the six profiles
     * (amplitude 1, around a non-zero mean), a scheme, batch size and seed of weights, inputs and targets.
     */
    public record GradientCase(String family, String profile, Scheme scheme, int dim, int depth, int batch, long seed) {
        public ResidualFunction residualFunction() {
            return Families.create(family, dim, dim);
        }

        /** Weight samples a depth-N network reads: N (Euler), N+1 (Heun), N (Heun, reference convention: N-1 steps). */
        public int weightCount() {
            return scheme.equals(Scheme.HEUN) ? depth + 1 : depth;
        }

        /** Steps taken: N, except N-1 in the reference convention. */
        public int steps() {
            return scheme.equals(Scheme.HEUN_REFERENCE) ? depth - 1 : depth;
        }

        public GradientCase atDepth(int n) {
            return new GradientCase(family, profile, scheme, dim, n, batch, seed);
        }

        public ResNet network(ResidualFunction f) {
            DepthProfile p = DepthProfiles.create(profile, f, seed, 1.0, false);
            return new ResNet(f, scheme, Weights.sample(p, weightCount(), depth), depth);
        }

        @Override
        public String toString() {
            return String.format("GradientCase[family=%s, profile=%s, scheme=%s, dim=%d, depth=%d, batch=%d, seed=%d]",
                    family, profile, scheme.name(), dim, depth, batch, seed);
        }
    }

    /** Combines the concept generators; theta2 forces d = 1 and the reference convention N >= 2. */
    public static Gen<GradientCase> gradientCases(Gen<String> families, Gen<Scheme> schemes, Gen<Integer> dims,
                                                  Gen<Integer> depths, Gen<Integer> batches) {
        Gen<GradientCase> shape = families.zip(profiles(), schemes, dims,
                (family, profile, scheme, dim) -> new GradientCase(family, profile, scheme,
                        family.equals("theta2") ? 1 : dim, 1, 1, 0));
        return shape.zip(depths, batches, seeds(),
                (c, depth, batch, seed) -> new GradientCase(c.family(), c.profile(), c.scheme(), c.dim(),
                        Math.max(depth, c.scheme().equals(Scheme.HEUN_REFERENCE) ? 2 : 1), batch, seed));
    }
}
