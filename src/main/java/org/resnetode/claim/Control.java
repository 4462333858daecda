package org.resnetode.claim;

import org.resnetode.checks.BadInputException;
import java.util.List;
import java.util.Locale;
import org.apache.commons.math3.fraction.BigFraction;
import org.resnetode.model.DepthProfile;
import org.resnetode.model.DepthProfiles;
import org.resnetode.model.ResidualFunction;
import org.resnetode.scheme.ButcherTableau;
import org.resnetode.scheme.Scheme;

/**
 * Negative controls: deliberately broken numerics run through a claim's real pipeline, which must then come out
 * {@code fails}. The claim keeps judging against what it states for the declared scheme and profile; only the
 * implementation under test is broken:
 * <ul>
 *   <li>{@code broken-tableau}: the network steps with weights {@code b} summing to {@value #BROKEN_WEIGHT_SUM}
 *       (an inconsistent scheme: it discretises {@code x' = 1.1 f}, not the Neural ODE);</li>
 *   <li>{@code rough-weights}: i.i.d. zero-mean draws of unit scale are added to every θ_n of a profile that still
 *       calls itself smooth, destroying its smoothness in depth;</li>
 *   <li>{@code wrong-reverse}: the adjoint recovers activations with the forward step, {@code +h} instead of
 *       {@code -h} ({@link WrongReverseAdjoint});</li>
 *   <li>{@code storing-adjoint}: the adjoint keeps a copy of every recovered activation while reporting the same
 *       stored state, so only the measured allocation can reveal it.</li>
 * </ul>
 */
public enum Control {
    NONE, BROKEN_TABLEAU, ROUGH_WEIGHTS, WRONG_REVERSE, STORING_ADJOINT;

    /** Sum of the broken tableau's weights {@code b} (a consistent tableau has 1). */
    public static final double BROKEN_WEIGHT_SUM = 1.1;
    private static final BigFraction BROKEN_WEIGHT_SCALE = new BigFraction(11, 10);

    /** Command-line name, e.g. {@code broken-tableau}. */
    public String label() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** The control named {@code label}, provided it applies to {@code claim} (one of {@code allowed}). */
    public static Control parse(String label, String claim, List<Control> allowed) {
        for (Control c : allowed) {
            if (c.label().equals(label)) {
                return c;
            }
        }
        throw new BadInputException("unknown control '" + label + "' for " + claim + " (expected one of "
                + allowed.stream().map(Control::label).toList() + ")");
    }

    /** The scheme the network actually steps with: {@code scheme} itself, or with its weights b scaled to sum to 1.1. */
    public Scheme network(Scheme scheme) {
        if (this != BROKEN_TABLEAU) {
            return scheme;
        }
        ButcherTableau broken = ButcherTableau.withScaledWeights(scheme.tableau(), BROKEN_WEIGHT_SCALE);
        return new Scheme(scheme.name(), broken, scheme.referenceConvention());
    }

    /** The weights the network reads: {@code profile} itself, or with unit-scale i.i.d. noise added to every θ_n. */
    public DepthProfile weights(DepthProfile profile, ResidualFunction f, long seed) {
        if (this != ROUGH_WEIGHTS) {
            return profile;
        }
        DepthProfile noise = DepthProfiles.create("iid", f, seed + 1, 1.0, true);
        return new DepthProfile() {
            private final double[] buffer = new double[profile.parameterCount()];

            @Override
            public String name() {
                return profile.name();
            }

            @Override
            public Smoothness smoothness() {
                return profile.smoothness();
            }

            @Override
            public int parameterCount() {
                return profile.parameterCount();
            }

            /** {@code θ_n = profile_n + ξ_n}. */
            @Override
            public synchronized void layer(int n, int depth, double[] out, int off) {
                profile.layer(n, depth, out, off);
                noise.layer(n, depth, buffer, 0);
                for (int j = 0; j < buffer.length; j++) {
                    out[off + j] += buffer[j];
                }
            }
        };
    }

    /** The result of a control run, its configuration naming the control (a run without control is returned as is). */
    public ClaimResult mark(ClaimResult r) {
        if (this == NONE) {
            return r;
        }
        java.util.Map<String, Object> config = new java.util.LinkedHashMap<>(r.config());
        config.put("control", label());
        List<String> notes = new java.util.ArrayList<>(r.notes());
        notes.add("negative control '" + label() + "': broken numerics, the claim must fail");
        return new ClaimResult(r.claim(), config, r.rows(), r.fits(), r.verdict(), notes);
    }
}
