package org.resnetode.claim;

import org.resnetode.checks.BadInputException;
import java.util.List;
import java.util.Locale;
import org.apache.commons.math3.fraction.BigFraction;
import org.resnetode.bound.ExpandingWeights;
import org.resnetode.model.DepthProfile;
import org.resnetode.model.DepthProfiles;
import org.resnetode.model.FbmProfile;
import org.resnetode.model.ResidualFunction;
import org.resnetode.model.Weights;
import org.resnetode.scheme.ResNet;
import org.resnetode.train.DepthResampling;
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
 *   <li>{@code fbm-weights}: a fractional Brownian path of Hurst index {@value #FBM_HURST} and unit scale (one per
 *       weight entry, {@link FbmProfile}) is added to a profile that still calls itself smooth: Hölder of every order
 *       below H only, so the Euler distance decays at a rate between 2H = 1/2 and 1 (docs/derivations/claims.md
 *       section 7), 0.1 to 0.5 below the smooth rate 1 the claim states;</li>
 *   <li>{@code wrong-reverse}: the adjoint recovers activations with the forward step, {@code +h} instead of
 *       {@code -h} ({@link WrongReverseAdjoint});</li>
 *   <li>{@code storing-adjoint}: the adjoint keeps a copy of every recovered activation while reporting the same
 *       stored state, so only the measured allocation can reveal it;</li>
 *   <li>{@code swapped-stages}: the adjoint's reverse step reads the weights of stage i at its forward position c_i
 *       instead of {@code 1 - c_i} (Heun: θ_n, then θ_{n+1}); the round trip then cancels to O(h³) a step, not O(h⁴):
 *       Heun's recovery order drops from 3 to 2, still inside the paper's band (only a regression test sees it);</li>
 *   <li>{@code wrong-stage-time}: the reverse step runs its tableau with every stage at half its time ({@code a_ij/2},
 *       weights read at {@code 1 - c_i/2}; Heun's second stage at c = 1/2 instead of 1, a tableau of order 1): the round
 *       trip no longer cancels at O(h²) a step and Heun's recovery order drops to 1 (Euler, one stage, is unchanged);</li>
 *   <li>{@code shifted-resampling}: resampling in depth reads the old samples one layer late (θ_{n+1} for θ_n);</li>
 *   <li>{@code iid-redraw}: a "smooth" initialisation is in fact an i.i.d. draw per layer;</li>
 *   <li>{@code unscaled-step}: linear-ResNet gradient descent without the depth scaling, {@code A_n <- A_n - η ∂ℓ/∂A_n}
 *       instead of {@code - η N ∂ℓ/∂A_n}: training time runs N times slower at depth N;</li>
 *   <li>{@code holder-init}: a linear ResNet's initialisation, stated Lipschitz in depth, has a fractional Brownian path
 *       of Hurst index {@value #HOLDER_HURST} and amplitude {@value #HOLDER_AMPLITUDE} added to it (Hölder, not
 *       Lipschitz): {@code S(0)} grows like {@code N^{1 - H}};</li>
 *   <li>{@code no-propagation}: the certified bound with its propagation dropped (the scheme's local errors summed
 *       without growth factors), on weights shifted so that their flow expands ({@link ExpandingWeights});</li>
 *   <li>{@code wrong-vjp}: the residual function's parameter VJP accumulates {@code 2 (∂_θ f)^T p}
 *       ({@link DoubledParameterVjp}): backprop and the adjoint, sharing it, still agree; finite differences do not.</li>
 * </ul>
 */
public enum Control {
    NONE, BROKEN_TABLEAU, ROUGH_WEIGHTS, FBM_WEIGHTS, WRONG_REVERSE, STORING_ADJOINT, SWAPPED_STAGES, WRONG_STAGE_TIME,
    SHIFTED_RESAMPLING, IID_REDRAW, UNSCALED_STEP, HOLDER_INIT, NO_PROPAGATION, WRONG_VJP;

    /** Sum of the broken tableau's weights {@code b} (a consistent tableau has 1). */
    public static final double BROKEN_WEIGHT_SUM = 1.1;
    private static final BigFraction BROKEN_WEIGHT_SCALE = new BigFraction(11, 10);
    /** Hurst index and amplitude of {@code holder-init}'s path (docs/derivations/claims.md section 3). */
    public static final double HOLDER_HURST = 0.8;
    public static final double HOLDER_AMPLITUDE = 0.1;
    /** Hurst index of the {@code fbm-weights} control's path: the predicted rate min(1, 2H) is 1/2. */
    public static final double FBM_HURST = 0.25;

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

    /** The memory-free adjoint this control trains or measures with: {@link org.resnetode.gradient.Adjoint} unless it breaks it. */
    public org.resnetode.gradient.GradientMethod adjoint() {
        return ControlAdjoints.adjoint(this, null);
    }

    /**
     * The network resampled to {@code depth} ({@link DepthResampling#resample}); under {@link #SHIFTED_RESAMPLING} every
     * layer reads the next one's weights, {@code θ'_k = θ_{k+1}} (the last repeated).
     */
    public ResNet resample(ResNet net, int depth) {
        ResNet r = DepthResampling.resample(net, depth);
        if (this != SHIFTED_RESAMPLING) {
            return r;
        }
        Weights w = r.weights();
        double[] shifted = w.data().clone();
        int late = (w.count() - 1) * w.size();
        System.arraycopy(w.data(), w.size(), shifted, 0, late);
        return new ResNet(r.family(), r.scheme(), new Weights(w.count(), w.size(), shifted), depth);
    }

    /** The residual function the network's gradients go through: {@code f}, or with its parameter VJP doubled ({@code wrong-vjp}). */
    public ResidualFunction family(ResidualFunction f) {
        return this == WRONG_VJP ? new DoubledParameterVjp(f) : f;
    }

    /**
     * The weights the network reads: {@code profile} itself, with unit-scale i.i.d. noise added to every θ_n
     * ({@code rough-weights}; {@code fbm-weights} adds a fractional Brownian path on the default grid), or shifted so that the flow expands ({@code no-propagation}).
     */
    public DepthProfile weights(DepthProfile profile, ResidualFunction f, long seed) {
        return weights(profile, f, seed, DepthProfiles.DEFAULT_FBM_GRID);
    }

    /**
     * As {@link #weights(DepthProfile, ResidualFunction, long)}; under {@code fbm-weights} the unit-scale fBm path
     * ({@value #FBM_HURST}) sampled on {@code fbmGrid} steps (every depth read must divide it) is added to every θ_n.
     */
    public DepthProfile weights(DepthProfile profile, ResidualFunction f, long seed, int fbmGrid) {
        if (this == NO_PROPAGATION) {
            return ExpandingWeights.of(profile, f);
        }
        if (this != ROUGH_WEIGHTS && this != FBM_WEIGHTS) {
            return profile;
        }
        DepthProfile noise = this == ROUGH_WEIGHTS ? DepthProfiles.create("iid", f, seed + 1, 1.0, true)
                : new FbmProfile(new double[f.parameterCount()], 1.0, FBM_HURST, fbmGrid, seed + 1);
        double[] buffer = new double[profile.parameterCount()];
        // θ_n = profile_n + ξ_n (the buffer is shared: one layer at a time)
        return profile.changed((n, depth, out, off) -> {
            synchronized (buffer) {
                noise.layer(n, depth, buffer, 0);
                for (int j = 0; j < buffer.length; j++) {
                    out[off + j] += buffer[j];
                }
            }
        });
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
