package org.resnetode.claim;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Supplier;
import org.resnetode.checks.BadInputException;
import org.resnetode.checks.Checks;
import org.resnetode.claim.GradientAuditParts.Recovery;
import org.resnetode.claim.GradientAuditReferences.Convention;
import org.resnetode.claim.GradientAuditReferences.Reference;
import org.resnetode.claim.GradientAuditPatterns.Explanation;
import org.resnetode.claim.GradientAuditPatterns.Pattern;
import org.resnetode.claim.GradientAuditPatterns.StageLayout;
import org.resnetode.gradient.TerminalLoss;
import org.resnetode.model.Norms;
import org.resnetode.network.NetworkArchive;
import org.resnetode.network.WeightKinds;
import org.resnetode.scheme.ButcherTableau;
import org.resnetode.scheme.ResNet;
import org.resnetode.scheme.Scheme;
import org.resnetode.stats.RateFit;

/**
 * Audit of gradients computed by a user's code for a given network and batch: which scheme convention and method
 * (exact backprop, or the reverse-step adjoint) they are, to round-off; if none, which mis-assignment of a
 * convention's step parts or which known faulty adjoint they are ({@link GradientAuditPatterns},
 * {@link GradientAuditParts.Recovery}); if none either, whether their gap to backprop is an adjoint's recovery
 * error or a bug: with the user's gradients at 2N and 4N, whether the gap shrinks at the predicted rate
 * ({@link GradientAuditDepths}); with the N gradients only, whether it is within {@value #RECOVERY_FACTOR} times the
 * tool's own adjoint error at the same depth (which shrinks when the network is resampled to 2N and 4N). Verdict: {@code holds} (exact backprop of a convention),
 * {@code finding} (an adjoint, correct up to its recovery error), {@code fails} (a bug, its pattern named).
 */
public final class GradientAudit {
    /** Relative agreement of a float64 implementation with ours: summation order changes the last digits only. */
    static final double DOUBLE_ROUND_OFF = 1e-9;
    /** Relative agreement of a float32 implementation (every value a float32 number): a few float32 ulps times depth. */
    static final double SINGLE_ROUND_OFF = 1e-4;
    /** A gap to backprop up to this multiple of the tool's own adjoint error at the same depth is a recovery error. */
    static final double RECOVERY_FACTOR = 3;
    /** Rows of the per-layer table (layers evenly spaced beyond it). */
    static final int LAYER_ROWS = 64;

    private GradientAudit() {
    }

    /**
     * The network (its weights; its scheme only names the file's convention), the batch ({@code batch × d} inputs),
     * a fresh terminal loss per gradient ({@code ½ mean ||x_N - y||²}, or the head's cross-entropy), the weight kinds
     * of its family, the gradient error to reach for the depth-needed estimate, and tableaux to try beyond the
     * built-in ones (a user's tableau file).
     */
    public record Subject(ResNet net, double[] inputs, int batch, Supplier<TerminalLoss> loss, List<WeightKinds.Kind> kinds,
                          double gradientTolerance, List<Scheme> extraSchemes) {
        public Subject {
            Checks.openInterval("--gradient-tolerance", gradientTolerance, 0, 1);
            extraSchemes = List.copyOf(extraSchemes);
        }
    }

    /** Reads the user's gradients from {@code file} (the network's depth N) and audits them. */
    public static List<ClaimResult> audit(Subject s, Path file, Map<String, Object> config) {
        return audit(s, file, null, null, config);
    }

    /**
     * Reads the user's gradients from {@code file} (the network's depth N) and, when given (not null), from {@code at2N} and
     * {@code at4N} (the network resampled to 2N and 4N, {@link GradientAuditDepths}), and audits them.
     */
    public static List<ClaimResult> audit(Subject s, Path file, Path at2N, Path at4N, Map<String, Object> config) {
        GradientAuditInput user = GradientAuditInput.read("--gradients", file, s.kinds());
        return audit(s, user, GradientAuditDepths.Resampled.read(at2N, at4N, s.kinds()), config);
    }

    static List<ClaimResult> audit(Subject s, GradientAuditInput user, GradientAuditDepths.Resampled resampled, Map<String, Object> config) {
        int layers = s.net().weights().count();
        List<Convention> conventions = GradientAuditReferences.conventions(s);
        List<Convention> acrossDepth = resampled == null ? List.of() : resampled.matching(conventions);
        List<Reference> references = new ArrayList<>();
        for (Convention c : conventions) {
            references.addAll(GradientAuditReferences.references(s, c, layers));
        }
        double tolerance = user.singlePrecision() || resampled != null && resampled.singlePrecision() ? SINGLE_ROUND_OFF : DOUBLE_ROUND_OFF;
        List<String> notes = new ArrayList<>();
        VerdictPolicy policy = new VerdictPolicy(notes);
        double[] gradient = user.data();
        if (user.layers() != layers) {
            gradient = perStage(s, user, references, tolerance, policy);
        }
        Reference exact = GradientAuditReferences.closest(references, gradient, Reference::exact);
        Map<Convention, GradientAuditDepths.Ladder> ladders = new HashMap<>();
        Function<Convention, GradientAuditDepths.Ladder> ladderOf = conv -> ladders.computeIfAbsent(conv, k -> GradientAuditDepths.ladder(s, k));
        Reference explaining = exact;
        List<ClaimResult> depthTable = List.of();
        if (user.layers() == layers) {
            Judged judged = judge(s, gradient, references, exact, tolerance, ladderOf, resampled != null, policy);
            explaining = judged.reference();
            if (resampled != null) {
                if (judged.identified() && !acrossDepth.contains(explaining.convention())) {
                    Convention n = explaining.convention();
                    throw new BadInputException("--gradients-2n " + resampled.at2N().file() + " and --gradients-4n " + resampled.at4N().file()
                            + ": " + resampled.at2N().layers() + " and " + resampled.at4N().layers() + " layers, but the gradients at N are "
                            + explaining.name() + "'s, whose network resampled to 2N and 4N has " + n.scheme().weightCount(2 * n.net().depth())
                            + " and " + n.scheme().weightCount(4 * n.net().depth()) + " layers");
                }
                Convention c = acrossDepth.contains(explaining.convention()) ? explaining.convention()
                        : GradientAuditReferences.closest(references, gradient, r -> r.exact() && acrossDepth.contains(r.convention())).convention();
                GradientAuditDepths.Judgement j = GradientAuditDepths.judge(ladderOf.apply(c), gradient, resampled, tolerance);
                if (judged.patterned()) {
                    notes.add("across depth (the N gradients already fail with a named pattern): " + j.reason());
                } else {
                    policy.record(j.verdict(), j.reason());
                }
                depthTable = List.of(GradientAuditDepths.table(config, ladderOf.apply(c), j, policy.verdict(), resampled));
            }
        } else if (resampled != null) {
            notes.add("the 2N and 4N gradients are not judged: the N gradients are per-stage");
        }
        Convention best = explaining.convention();
        Reference bestExact = GradientAuditReferences.closest(references, gradient, r -> r.exact() && r.convention() == best);
        Reference bestAdjoint = GradientAuditReferences.closest(references, gradient, r -> r.adjoint() && r.convention() == best);
        RateFit fit = ladderOf.apply(best).fit();
        Map<String, Object> c = new LinkedHashMap<>(config);
        c.put("layers", layers);
        c.put("kinds", String.join(",", s.kinds().stream().map(WeightKinds.Kind::name).toList()));
        c.put("roundOff", tolerance);
        c.put("precision", user.singlePrecision() ? "float32" : "float64");
        c.put("bestConvention", best.scheme().name());
        dependsOnDepth(s, best, fit, c, notes);
        ClaimResult summary = new ClaimResult("gradient-audit", c, GradientAuditRows.references(s, references, gradient), fit == null ? List.of() : List.of(fit),
                policy.verdict(), notes);
        ClaimResult perLayer = new ClaimResult("gradient-audit-layers", c, GradientAuditRows.layers(s, gradient, bestExact, bestAdjoint, tolerance),
                List.of(), policy.verdict(), List.of("per layer and weight kind, against " + bestExact.name() + " and " + bestAdjoint.name()
                        + "; match: the pattern of " + bestExact.name() + "'s step parts the layer equals to round-off"));
        List<ClaimResult> out = new ArrayList<>(List.of(summary, perLayer));
        out.addAll(depthTable);
        return out;
    }

    /**
     * The reference explaining a K-layer gradient, whether it is a named bug (a pattern, a faulty adjoint, a scale), and
     * whether the gradient is that reference to round-off (a convention's exact gradient or its adjoint).
     */
    private record Judged(Reference reference, boolean patterned, boolean identified) {
    }

    /**
     * A gradient of other than K layers: per-stage gradients of a convention whose stages read θ_{n+1} (2 S layers),
     * judged against both stage layouts; returns them summed per layer (in the layout that matched, or interleaved).
     */
    private static double[] perStage(Subject s, GradientAuditInput user, List<Reference> references, double tolerance,
                                     VerdictPolicy policy) {
        Reference bestRef = null;
        StageLayout bestLayout = StageLayout.INTERLEAVED;
        double bestError = Double.POSITIVE_INFINITY;
        for (Reference r : references) {
            if (!r.parts().readsNext() || 2 * r.parts().steps() != user.layers() || !(r.exact() || r.adjoint())) {
                continue;
            }
            for (StageLayout layout : StageLayout.values()) {
                double e = GradientAuditReferences.relativeError(user.data(), layout.arrange(r.parts()));
                if (e < bestError) {
                    bestError = e;
                    bestRef = r;
                    bestLayout = layout;
                }
            }
        }
        int layers = s.net().weights().count();
        if (bestRef == null) {
            throw new BadInputException("--gradients " + user.file() + ": " + user.layers() + " layers of " + user.size()
                    + " parameters match no convention: the network's " + layers + " weight layers expect " + layers
                    + " (every scheme), or twice a scheme's steps for per-stage gradients (heun: " + 2 * (layers - 1) + ")");
        }
        if (bestError <= tolerance) {
            policy.fails(String.format("%s: the gradients are %s's per-stage parts (relative error %.2e); layer n should "
                    + "receive step n's stage reading θ_n plus step n-1's stage reading θ_n", bestLayout.description,
                    bestRef.name(), bestError));
        } else {
            policy.fails(String.format("%d layers: shaped like %s's per-stage gradients, but neither stage layout matches "
                    + "(closest: %s, relative error %.2e)", user.layers(), bestRef.convention().scheme().name(),
                    bestLayout.name().toLowerCase(java.util.Locale.ROOT), bestError));
        }
        // summed per layer: stage parts L_n to θ_n, R_n to θ_{n+1}
        int p = user.size();
        int steps = bestRef.parts().steps();
        double[] summed = new double[layers * p];
        for (int n = 0; n < steps; n++) {
            int l = bestLayout == StageLayout.INTERLEAVED ? 2 * n : n;
            int r = bestLayout == StageLayout.INTERLEAVED ? 2 * n + 1 : steps + n;
            for (int j = 0; j < p; j++) {
                summed[n * p + j] += user.data()[l * p + j];
                summed[(n + 1) * p + j] += user.data()[r * p + j];
            }
        }
        return summed;
    }

    /**
     * The verdict of a K-layer gradient: a convention, an adjoint, a faulty adjoint, a pattern, a scale, a recovery error or a bug;
     * with {@code resampled} (the user's 2N and 4N gradients), an unexplained gap is left to {@link GradientAuditDepths#judge}.
     */
    private static Judged judge(Subject s, double[] g, List<Reference> references, Reference exact, double tolerance,
                                Function<Convention, GradientAuditDepths.Ladder> ladderOf, boolean resampled, VerdictPolicy policy) {
        Reference adjoint = GradientAuditReferences.closest(references, g, Reference::adjoint);
        double exactError = GradientAuditReferences.relativeError(g, exact.gradient());
        double adjointError = GradientAuditReferences.relativeError(g, adjoint.gradient());
        if (exactError <= tolerance) {
            policy.record(Verdict.HOLDS, String.format("the gradients are %s's exact gradient to round-off (relative error %.2e, "
                    + "round-off %.0e)%s", exact.convention().scheme().name(), exactError, tolerance, adjointError <= tolerance
                    ? String.format("; %s is as close (%.2e): at this depth the two cannot be told apart", adjoint.name(), adjointError) : ""));
            return new Judged(exact, false, true);
        }
        if (adjointError <= tolerance) {
            RateFit fit = ladderOf.apply(adjoint.convention()).fit();
            double gap = GradientAuditReferences.relativeError(adjoint.gradient(), GradientAuditReferences.closest(references, adjoint.gradient(), Reference::exact).gradient());
            policy.record(Verdict.FINDING, String.format("the gradients are the %s to round-off (relative error %.2e): correct up "
                    + "to its recovery error, %.3e relative to exact backprop at this depth%s", adjoint.name(), adjointError, gap,
                    fit == null ? "" : String.format(", shrinking at rate %.3g over N, 2N, 4N", fit.rate())));
            return new Judged(adjoint, false, true);
        }
        Reference faulty = GradientAuditReferences.closest(references, g, r -> !r.exact() && !r.adjoint());
        double faultyError = faulty == null ? Double.POSITIVE_INFINITY : GradientAuditReferences.relativeError(g, faulty.gradient());
        if (faultyError <= tolerance) {
            policy.fails(String.format("the gradients are those of an %s (relative error %.2e): a bug", faulty.name().replaceFirst("^\\S+ ", "")
                    + " (" + faulty.convention().scheme().name() + ")", faultyError));
            return new Judged(faulty, true, false);
        }
        Reference explained = pattern(s, g, references, tolerance, policy);
        explained = explained != null ? explained : scaled(g, references, tolerance, policy);
        if (explained != null) {
            return new Judged(explained, true, false);
        }
        if (resampled) {
            return new Judged(exact, false, false);
        }
        RateFit fit = ladderOf.apply(exact.convention()).fit();
        Reference own = GradientAuditReferences.closest(references, g, r -> r.adjoint() && r.convention() == exact.convention());
        double recovery = GradientAuditReferences.relativeError(own.gradient(), exact.gradient());
        String scheme = exact.convention().scheme().name();
        if (exactError <= RECOVERY_FACTOR * recovery && fit != null && fit.rate() > 0.5) {
            policy.record(Verdict.FINDING, String.format("no convention matches to round-off, but the gap to %s's exact gradient, "
                    + "%.3e, is within %.0fx the %s adjoint's own recovery error %.3e at this depth, which shrinks at rate %.3g "
                    + "(N, 2N, 4N): an adjoint, correct up to its recovery error", scheme, exactError, RECOVERY_FACTOR, scheme,
                    recovery, fit.rate()));
        } else {
            policy.fails(String.format("a bug of no known pattern: the gap to the closest exact gradient (%s) is %.3e, %.3g times "
                    + "the %s adjoint's recovery error %.3e at this depth", scheme, exactError, exactError / recovery, scheme, recovery));
        }
        return new Judged(exact, false, false);
    }

    /** A mis-assignment pattern of some convention's exact or adjoint parts explaining all layers but the end ones. */
    private static Reference pattern(Subject s, double[] g, List<Reference> references, double tolerance, VerdictPolicy policy) {
        int layers = s.net().weights().count();
        Explanation best = null;
        Reference bestRef = null;
        for (Reference r : references) {
            if (!r.exact() && !r.adjoint()) {
                continue;
            }
            Explanation e = GradientAuditPatterns.explain(r.parts(), g, layers, tolerance, GradientAuditReferences.floor(r));
            if (best == null || e.count() > best.count()) {
                best = e;
                bestRef = r;
            }
        }
        if (best == null || best.count() < Math.max(2, layers - 2)) {
            return null;
        }
        List<Integer> other = new ArrayList<>();
        for (int m = 0; m < layers; m++) {
            if (!best.matched()[m]) {
                other.add(m);
            }
        }
        String rest = other.isEmpty() ? "" : "; layers " + GradientAuditPatterns.ranges(other) + " do not follow it";
        if (best.pattern() == Pattern.CORRECT) {
            policy.fails(String.format("layers %s differ from %s's gradient, every other layer equals it to round-off",
                    GradientAuditPatterns.ranges(other), bestRef.name()));
        } else {
            policy.fails(String.format("%s (of %s's step parts, %d of %d layers to round-off%s)", best.pattern().description,
                    bestRef.name(), best.count(), layers, rest));
        }
        return bestRef;
    }

    /** The gradients are a constant multiple of a convention's (a different loss normalisation). */
    private static Reference scaled(double[] g, List<Reference> references, double tolerance, VerdictPolicy policy) {
        for (Reference r : references) {
            if (!r.exact() && !r.adjoint()) {
                continue;
            }
            double[] e = r.gradient();
            double dot = 0;
            double norm = 0;
            for (int i = 0; i < e.length; i++) {
                dot += g[i] * e[i];
                norm += e[i] * e[i];
            }
            double scale = dot / norm;
            double[] scaled = e.clone();
            for (int i = 0; i < scaled.length; i++) {
                scaled[i] *= scale;
            }
            if (GradientAuditReferences.relativeError(g, scaled) <= tolerance && Math.abs(scale - 1) > tolerance) {
                policy.fails(String.format("the gradients are %.6g times %s's: a different loss normalisation (--loss mse is "
                        + "½ mean_i ||x_N - y_i||²; PyTorch's MSELoss, the mean over B·d entries, gives 2/d times it)", scale, r.name()));
                return r;
            }
        }
        return null;
    }

    /** The depth at which the convention's adjoint reaches {@code --gradient-tolerance}, from the fitted rate. */
    private static void dependsOnDepth(Subject s, Convention c, RateFit fit, Map<String, Object> config, List<String> notes) {
        if (fit == null || !(fit.rate() > 0)) {
            notes.add("the " + c.scheme().name() + " adjoint's error does not shrink with depth here: no depth reaches --gradient-tolerance");
            config.put("depthNeeded", Double.NaN);
            return;
        }
        // e(N) = exp(logConstant) N^{-r} <= tol  <=>  N >= exp((logConstant - log tol) / r)
        double needed = Math.ceil(Math.exp((fit.logConstant() - Math.log(s.gradientTolerance())) / fit.rate()));
        config.put("depthNeeded", needed);
        notes.add(String.format("the %s adjoint's gradient error fits %.3g N^-%.3f over N = %d..%d (the paper: rate %d); it reaches "
                + "%.0e from N = %.0f", c.scheme().name(), Math.exp(fit.logConstant()), fit.rate(), fit.depthLow(), fit.depthHigh(),
                c.scheme().tableau().order() > 1 ? 2 : 1, s.gradientTolerance(), needed));
    }
}
