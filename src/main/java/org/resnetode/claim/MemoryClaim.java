package org.resnetode.claim;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.resnetode.gradient.Adjoint;
import org.resnetode.gradient.Backprop;
import org.resnetode.gradient.GradientMethod;
import org.resnetode.model.DepthProfile;
import org.resnetode.model.DepthProfiles;
import org.resnetode.model.Families;
import org.resnetode.model.ResidualFunction;
import org.resnetode.model.Weights;
import org.resnetode.scheme.ResNet;
import org.resnetode.scheme.Scheme;
import org.resnetode.stats.RateFit;

/**
 * The memory claim of MATH.md section 4: backprop's stored activations grow like N, the adjoint's do not.
 * Weights are tied (every layer reads the profile's θ at t = 0, and the gradient accumulates
 * {@code Σ_n ∂L/∂θ_n} into that one block), so the only memory that differs between the two methods
 * is the activations, even at a million layers.
 */
public final class MemoryClaim {
    /** The adjoint's measured memory may vary by this factor across the ladder. */
    public static final double ADJOINT_FLATNESS = 1.10;
    /** Backprop's fitted growth exponent must lie within this distance of 1. */
    public static final double LINEAR_TOLERANCE = 0.1;

    private MemoryClaim() {
    }

    public static ClaimResult run(SweepConfig cfg, Progress progress) {
        ResidualFunction f = Families.create(cfg.family(), cfg.dim(), cfg.hidden());
        DepthProfile profile = DepthProfiles.create(cfg.profile(), f, cfg.seed(), cfg.amplitude(), cfg.zeroMean());
        Scheme scheme = Scheme.byName(cfg.scheme());
        double[] theta = new double[f.parameterCount()];
        profile.layer(0, 1, theta, 0);
        double[][][] batch = AdjointMeasurement.batch(cfg.batch(), f.dim(), cfg.seed());
        double[] gradient = new double[theta.length];
        List<MemoryMeasurement> ms = new ArrayList<>();
        for (int n : cfg.depths()) {
            ResNet net = new ResNet(f, scheme, Weights.tied(scheme.weightCount(n), theta), n);
            for (GradientMethod method : List.of(new Backprop(), new Adjoint())) {
                MemoryMeasurement m = MemoryMeasurement.measure(method, net, batch[0], batch[1], gradient);
                ms.add(m);
                progress.report(String.format("memory %s N=%d stored=%d doubles allocated=%d bytes %.2fs",
                        m.method(), n, m.storedStateDoubles(), m.allocatedBytes(), m.seconds()));
            }
        }
        return summarise(cfg, ms);
    }

    static ClaimResult summarise(SweepConfig cfg, List<MemoryMeasurement> ms) {
        List<Map<String, Object>> rows = new ArrayList<>();
        for (int i = 0; i + 1 < ms.size(); i += 2) {
            MemoryMeasurement bp = ms.get(i);
            MemoryMeasurement adj = ms.get(i + 1);
            Map<String, Object> r = new LinkedHashMap<>();
            r.put("N", bp.depth());
            r.put("backpropStored", bp.storedStateDoubles());
            r.put("adjointStored", adj.storedStateDoubles());
            r.put("backpropAllocatedBytes", bp.allocatedBytes());
            r.put("adjointAllocatedBytes", adj.allocatedBytes());
            r.put("backpropSeconds", bp.seconds());
            r.put("adjointSeconds", adj.seconds());
            rows.add(r);
        }
        int[] depths = rows.stream().mapToInt(r -> (Integer) r.get("N")).toArray();
        List<String> notes = new ArrayList<>();
        List<RateFit> fits = new ArrayList<>();
        Verdict verdict = Verdict.HOLDS;
        for (String key : List.of("backpropStored", "backpropAllocatedBytes", "adjointStored", "adjointAllocatedBytes")) {
            double[] values = rows.stream().mapToDouble(r -> ((Number) r.get(key)).doubleValue()).toArray();
            RateFit fit = Fits.tryFit(key, depths, values, 1, Integer.MAX_VALUE, 0, notes);
            if (fit == null) {
                verdict = Verdict.FAILS;
                continue;
            }
            fits.add(fit);
            double exponent = -fit.rate();
            if (key.startsWith("backprop")) {
                boolean linear = Math.abs(exponent - 1) <= LINEAR_TOLERANCE;
                notes.add(String.format("%s grows like N^%.3f (linear means within %.1f of 1)", key, exponent, LINEAR_TOLERANCE));
                verdict = verdict.and(linear ? Verdict.HOLDS : Verdict.FAILS);
            } else {
                double spread = java.util.Arrays.stream(values).max().getAsDouble() / java.util.Arrays.stream(values).min().getAsDouble();
                notes.add(String.format("%s: largest / smallest over the ladder = %.4f (independent of N means <= %.2f)",
                        key, spread, ADJOINT_FLATNESS));
                verdict = verdict.and(spread <= ADJOINT_FLATNESS ? Verdict.HOLDS : Verdict.FAILS);
            }
        }
        notes.add("rates are fitted as value ≈ c N^{-rate}: the growth exponent is -rate; tied weights, so only activations differ");
        return new ClaimResult("memory", cfg.describe(), rows, fits, verdict, notes);
    }
}
