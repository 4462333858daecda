package org.resnetode.claim;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.resnetode.model.Norms;
import org.resnetode.model.ResidualFunction;
import org.resnetode.model.Weights;
import org.resnetode.scheme.ResNet;
import org.resnetode.scheme.Scheme;
import org.resnetode.stats.RateFit;
import org.resnetode.train.DepthResampling;

/**
 * The paper's questions asked of a given network (weights from a file, not from a profile): are its weights
 * smooth in depth, how far is it from the Neural ODE its weights define (with the Euler bound and its
 * tightness), would the memory-free adjoint give the right gradients (Euler and Heun readings of the same
 * weights), and does the network behave like a discretised ODE when run at other depths (weights resampled by
 * linear interpolation in depth)?
 */
public final class NetworkInspection {
    /** The adjoint "gives the right gradients" when its relative error against backprop is at most this (default). */
    public static final double DEFAULT_GRADIENT_TOLERANCE = 1e-2;
    /** Depth factors of the resampled networks: N/4 .. 8N. */
    static final double[] DEPTH_FACTORS = {0.25, 0.5, 1, 2, 4, 8};
    /** Rows of the increments table. */
    static final int PROFILE_ROWS = 64;

    private NetworkInspection() {
    }

    /** The network to inspect: its residual network, and a batch of inputs with targets (B × d each). */
    public record Subject(ResNet net, double[][] inputs, double[][] targets, double gradientTolerance) {
    }

    public static List<ClaimResult> inspect(Subject s, Map<String, Object> config, Progress progress) {
        List<ClaimResult> results = new ArrayList<>();
        results.add(smoothness(s, config));
        progress.report("inspect: smoothness profile done");
        results.add(distance(s, config));
        progress.report("inspect: distance to the Neural ODE done");
        results.add(adjoint(s, config));
        progress.report("inspect: adjoint readings done");
        results.add(depths(s, config));
        progress.report("inspect: resampled depths done");
        return results;
    }

    /** Increments along depth; the claim that the weights are Lipschitz in depth (the hypothesis of Claims D and R). */
    static ClaimResult smoothness(Subject s, Map<String, Object> config) {
        ResNet net = s.net();
        SmoothnessProfile p = SmoothnessProfile.of(net.weights(), net.depth());
        List<Map<String, Object>> rows = new ArrayList<>();
        // at most PROFILE_ROWS evenly spaced layers in the table (the plot and the constants use them all)
        int stride = Math.max(1, (p.increments().length + PROFILE_ROWS - 1) / PROFILE_ROWS);
        for (int n = 0; n < p.increments().length; n += stride) {
            Map<String, Object> r = new LinkedHashMap<>();
            r.put("n", n);
            r.put("increment", p.increments()[n]);
            rows.add(r);
        }
        List<String> notes = new ArrayList<>();
        // the smoothness exponent from the variogram (model.HolderExponent): H for fBm weights of Hurst index H, 1 for a
        // continuously differentiable profile, 0 for i.i.d. layers; NaN when the depth gives fewer than two dyadic lags
        double exponent = org.resnetode.model.HolderExponent.of(net.weights());
        notes.add(String.format("N max_n ||θ_{n+1} - θ_n|| = %.4g, total variation %.4g, N² max_n ||Δ²θ_n|| = %.4g, "
                + "max_n ||θ_n|| = %.4g, smoothness exponent (variogram) %.3f: the weights look %s", p.lipschitz(),
                p.totalVariation(), p.curvature(), p.scale(), exponent, p.smoothnessClass()));
        VerdictPolicy policy = new VerdictPolicy(notes);
        policy.check(!p.smoothnessClass().equals("rough"),
                "weights Lipschitz in depth (N max Δθ below √N max ||θ||), the hypothesis of Claims D and R");
        Map<String, Object> c = new LinkedHashMap<>(config);
        c.put("lipschitz", p.lipschitz());
        c.put("totalVariation", p.totalVariation());
        c.put("curvature", p.curvature());
        c.put("smoothnessExponent", exponent);
        c.put("class", p.smoothnessClass());
        return new ClaimResult("inspect-smoothness", c, rows, List.of(), policy.verdict(), notes);
    }

    /**
     * Per input: the distance to the network's Neural ODE, for Euler the bound of MATH.md section 2, and for every scheme
     * the certified a-posteriori bound ({@code bound.CertifiedBound}, docs/derivations/bound.md), checked against the
     * error with the reference's own self-check difference accounted for.
     */
    static ClaimResult distance(Subject s, Map<String, Object> config) {
        ResNet net = s.net();
        List<Map<String, Object>> rows = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        VerdictPolicy policy = new VerdictPolicy(notes);
        boolean euler = net.scheme().equals(Scheme.EULER);
        for (int i = 0; i < s.inputs().length; i++) {
            DistanceMeasurement m = DistanceMeasurement.measure(net.family(), net.weights(), net.scheme(), net.depth(), s.inputs()[i]);
            Map<String, Object> r = new LinkedHashMap<>();
            r.put("input", i);
            r.put("error", m.error());
            r.put("bound", m.bound());
            r.put("tightness", m.tightness());
            r.put("certified", m.certified());
            r.put("certifiedTightness", m.certifiedTightness());
            r.put("referenceAccepted", m.accepted());
            rows.add(r);
            if (!m.accepted()) {
                policy.inconclusive("input " + i + ": the ODE reference could not be made 1000x more accurate than the error "
                        + m.error());
                continue;
            }
            if (euler) {
                policy.check(m.error() <= m.bound(), String.format("input %d: error %.4g within the Euler bound %.4g", i,
                        m.error(), m.bound()));
            }
            policy.check(m.error() <= m.certified() + m.odeSelfCheck(), String.format(
                    "input %d: error %.4g within the certified bound %.4g (tightness %.3g)", i, m.error(), m.certified(),
                    m.certifiedTightness()));
        }
        if (!euler) {
            policy.inconclusive("the bound of MATH.md section 2 is proved for the Euler scheme only, this network is "
                    + net.scheme().name());
        }
        return new ClaimResult("inspect-distance", config, rows, List.of(), policy.verdict(), notes);
    }

    /** The adjoint's recovery and gradient errors against backprop, reading the weights as Euler and as Heun. */
    static ClaimResult adjoint(Subject s, Map<String, Object> config) {
        List<Map<String, Object>> rows = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        VerdictPolicy policy = new VerdictPolicy(notes);
        ResNet net = s.net();
        for (Scheme scheme : List.of(Scheme.EULER, Scheme.HEUN)) {
            ResNet read = reread(net, scheme);
            AdjointMeasurement m = AdjointMeasurement.measure(read, s.inputs(), s.targets());
            double[] errors = {m.recoveryError(), m.gradientError()};
            Map<String, Object> r = new LinkedHashMap<>();
            r.put("scheme", scheme.name());
            r.put("N", read.depth());
            r.put("recoveryError", errors[0]);
            r.put("gradientError", errors[1]);
            rows.add(r);
            if (scheme.equals(net.scheme()) && policy.finite("the " + scheme.name() + " gradient error", errors[1])) {
                boolean within = errors[1] <= s.gradientTolerance();
                // the note states what was measured, true under either verdict ("fails: ... beyond ...")
                policy.check(within, String.format("the %s adjoint's gradient differs from backprop's by a relative error "
                        + "of %.3g, %s the tolerance %.0e", scheme.name(), errors[1], within ? "within" : "beyond",
                        s.gradientTolerance()));
            }
        }
        notes.add("the same weights read as euler (N layers) and as heun (N-1 steps over the N weights); the verdict judges "
                + "the network's own scheme");
        return new ClaimResult("inspect-adjoint", config, rows, List.of(), policy.verdict(), notes);
    }

    /** The network's weights under another scheme: Euler reads K weights as depth K, Heun as depth K - 1. */
    static ResNet reread(ResNet net, Scheme scheme) {
        Weights w = net.weights();
        return net.scheme().equals(scheme) ? net
                : new ResNet(net.family(), scheme, w, org.resnetode.network.NetworkArchive.depthFor(scheme, w.count()));
    }

    /**
     * The network resampled to depths N/4 .. 8N (weights interpolated linearly in depth): the distance of each to
     * the Neural ODE of the original weights, whose rate tells whether the network behaves like a discretised ODE.
     */
    static ClaimResult depths(Subject s, Map<String, Object> config) {
        ResNet net = s.net();
        double[] x0 = s.inputs()[0];
        double[] xN = new double[x0.length];
        net.forward(x0, xN);
        List<Map<String, Object>> rows = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        List<Integer> depths = new ArrayList<>();
        List<Double> errors = new ArrayList<>();
        int minimum = net.scheme().minimumDepth();
        for (double factor : DEPTH_FACTORS) {
            int depth = (int) Math.round(net.depth() * factor);
            if (depth < minimum || depths.contains(depth)) {
                continue;
            }
            ResNet resampled = DepthResampling.resample(net, depth);
            double[] out = new double[x0.length];
            resampled.forward(x0, out);
            DistanceMeasurement m = DistanceMeasurement.measure(net.family(), resampled.weights(), net.scheme(), depth, x0);
            Map<String, Object> r = new LinkedHashMap<>();
            r.put("N", depth);
            r.put("outputChange", Norms.distance(out, 0, xN, 0, x0.length));
            r.put("odeError", m.accepted() ? m.error() : Double.NaN);
            r.put("referenceAccepted", m.accepted());
            rows.add(r);
            depths.add(depth);
            errors.add(m.accepted() ? m.error() : Double.NaN);
        }
        VerdictPolicy policy = new VerdictPolicy(notes);
        RateFit fit = Fits.tryFit("odeError", depths.stream().mapToInt(Integer::intValue).toArray(),
                errors.stream().mapToDouble(Double::doubleValue).toArray(), 1, Integer.MAX_VALUE, DistanceClaim.ROUND_OFF_FLOOR, notes);
        List<RateFit> fits = fit == null ? List.of() : List.of(fit);
        policy.rate("odeError", fit, net.scheme().tableau().order(), DistanceClaim.RATE_TOLERANCE, 0, Double.NaN);
        notes.add("outputChange is ||x_M - x_N|| for the first input; odeError the distance of the depth-M network to the "
                + "Neural ODE of the interpolated weights: a network that discretises an ODE converges at the scheme's order");
        return new ClaimResult("inspect-depths", config, rows, fits, policy.verdict(), notes);
    }
}
