package org.resnetode.train;

import org.resnetode.checks.BadInputException;
import java.util.List;
import java.util.OptionalDouble;
import java.util.SplittableRandom;
import org.resnetode.model.DepthProfile;
import org.resnetode.model.DepthProfiles;
import org.resnetode.model.Gaussian;
import org.resnetode.model.ResidualFunction;
import org.resnetode.model.Weights;
import org.resnetode.network.LinearHead;
import org.resnetode.scheme.Scheme;

/**
 * Initial weights of a ResNet to train: {@code smooth} samples a smooth depth profile θ_n = θ(n/N) (by default
 * {@code constant}: one draw of the family's unit-scale distribution shared by every layer), {@code iid} draws
 * every layer afresh (θ_n = ξ_n, zero mean), {@code zero} sets θ_n = 0, {@code fbm} reads θ_n = θ̄ + σ B^H(n/N) from one
 * fractional Brownian path per weight entry (Hurst index H, σ the amplitude in absolute units, θ̄ the family's unit-scale
 * draw of {@code smooth constant}) sampled exactly on the grid of the N steps.
 */
public final class Initialisation {
    public static final List<String> NAMES = List.of("smooth", "iid", "zero", "fbm");

    private Initialisation() {
    }

    /**
     * The K+1 weight samples of a depth-N network of {@code scheme}; {@code profile} (a smooth profile of
     * {@link DepthProfiles}) applies to {@code smooth} only, {@code amplitude} to {@code smooth} and {@code fbm},
     * {@code hurst} to {@code fbm} only.
     */
    public static Weights weights(String init, String profile, double amplitude, double hurst, ResidualFunction f,
                                  Scheme scheme, int depth, long seed) {
        int count = scheme.weightCount(depth);
        switch (init) {
            case "smooth": {
                DepthProfile p = DepthProfiles.create(profile, f, seed, amplitude, false);
                if (p.smoothness() != DepthProfile.Smoothness.SMOOTH) {
                    throw new BadInputException("--init smooth needs a smooth profile (constant, polynomial or fourier), got "
                            + profile);
                }
                return Weights.sample(p, count, depth);
            }
            case "iid":
                return Weights.sample(DepthProfiles.create("iid", f, seed, 1, true), count, depth);
            case "fbm":
                return Weights.sample(DepthProfiles.create("fbm", f, seed, amplitude, false, OptionalDouble.of(hurst),
                        DepthProfiles.fbmGrid(depth)), count, depth);
            case "zero":
                return Weights.sample(DepthProfiles.create("constant", f, seed, 0, true), count, depth);
            default:
                throw new BadInputException("unknown initialisation '" + init + "' (expected one of " + NAMES + ")");
        }
    }

    /** As above with the Hurst index of {@code fbm} at {@link DepthProfiles#DEFAULT_HURST}. */
    public static Weights weights(String init, String profile, double amplitude, ResidualFunction f, Scheme scheme,
                                  int depth, long seed) {
        return weights(init, profile, amplitude, DepthProfiles.DEFAULT_HURST, f, scheme, depth, seed);
    }

    /** A head with W entries N(0, 1/d) and b = 0, drawn from its own stream of {@code seed}. */
    public static LinearHead head(String loss, int outputs, int dim, long seed) {
        LinearHead h = LinearHead.zero(loss, outputs, dim);
        SplittableRandom rng = new SplittableRandom(seed ^ 0x5DEECE66DL);
        double scale = 1 / Math.sqrt(dim);
        for (int i = 0; i < h.biasOffset(); i++) {
            h.parameters()[i] = scale * Gaussian.next(rng);
        }
        return h;
    }
}
