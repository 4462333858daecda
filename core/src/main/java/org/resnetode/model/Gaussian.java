package org.resnetode.model;

import java.util.SplittableRandom;

/** Standard normal draws from a {@link SplittableRandom}, so every random object is reproducible from a seed. */
public final class Gaussian {
    private Gaussian() {
    }

    /** One N(0,1) draw: Box-Muller, {@code sqrt(-2 ln u1) cos(2π u2)} with u1 in (0,1]. */
    public static double next(SplittableRandom rng) {
        double u1 = 1.0 - rng.nextDouble();
        double u2 = rng.nextDouble();
        return Math.sqrt(-2 * Math.log(u1)) * Math.cos(2 * Math.PI * u2);
    }
}
