package org.resnetode.claim;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import org.resnetode.claim.GradientAuditParts.Recovery;
import org.resnetode.model.Norms;
import org.resnetode.network.NetworkArchive;
import org.resnetode.scheme.ButcherTableau;
import org.resnetode.scheme.ResNet;
import org.resnetode.scheme.Scheme;

/**
 * The candidate gradients a gradient audit compares the user's with: every scheme convention that reads the file's K
 * weights, and per convention exact backprop, the reverse-step adjoint and the known faulty adjoints
 * ({@link GradientAuditParts.Recovery}); the relative error {@code ||a - b|| / ||b||} that ranks them.
 */
final class GradientAuditReferences {
    private GradientAuditReferences() {
    }

    /** A way of reading the K weights: a scheme at the depth where it reads exactly K samples. */
    record Convention(Scheme scheme, ResNet net) {
    }

    /** A gradient the user's might be: a convention, how its states were recovered, whether its VJP reads θ_n only. */
    record Reference(Convention convention, Recovery recovery, boolean vjpThetaN, GradientAuditParts parts, double[] gradient) {
        String name() {
            String method = vjpThetaN ? (recovery == Recovery.STORED ? "backprop" : "adjoint")
                    + " whose backward pass reads θ_n instead of θ_{n+1}" : recovery.description;
            return convention.scheme().name() + " " + method;
        }

        boolean exact() {
            return recovery == Recovery.STORED && !vjpThetaN;
        }

        boolean adjoint() {
            return recovery == Recovery.REVERSE && !vjpThetaN;
        }
    }

    /** Every scheme that reads the file's K weights at some depth: euler, heun, heun-reference, the other tableaux, the extras. */
    static List<Convention> conventions(GradientAudit.Subject s) {
        List<Scheme> schemes = new ArrayList<>(List.of(Scheme.EULER, Scheme.HEUN, Scheme.HEUN_REFERENCE));
        for (ButcherTableau t : ButcherTableau.BUILT_IN) {
            if (!t.equals(ButcherTableau.EULER) && !t.equals(ButcherTableau.HEUN)) {
                schemes.add(Scheme.of(t));
            }
        }
        schemes.addAll(s.extraSchemes());
        int layers = s.net().weights().count();
        List<Convention> out = new ArrayList<>();
        for (Scheme scheme : schemes) {
            if (layers - (scheme.weightCount(scheme.minimumDepth()) - scheme.minimumDepth()) < scheme.minimumDepth()) {
                continue;
            }
            int depth = NetworkArchive.depthFor(scheme, layers);
            out.add(new Convention(scheme, new ResNet(s.net().family(), scheme, s.net().weights(), depth)));
        }
        return out;
    }

    /** Exact backprop, the adjoint and the known faulty adjoints of one convention. */
    static List<Reference> references(GradientAudit.Subject s, Convention c, int layers) {
        List<Reference> out = new ArrayList<>();
        boolean readsNext = c.scheme().tableau().lastStageTime() > 0;
        out.add(reference(s, c, layers, Recovery.STORED, false));
        out.add(reference(s, c, layers, Recovery.REVERSE, false));
        out.add(reference(s, c, layers, Recovery.SIGN_FLIPPED, false));
        if (readsNext) {
            out.add(reference(s, c, layers, Recovery.THETA_N, false));
            out.add(reference(s, c, layers, Recovery.THETA_N, true));
            out.add(reference(s, c, layers, Recovery.STORED, true));
        }
        return out;
    }

    private static Reference reference(GradientAudit.Subject s, Convention c, int layers, Recovery recovery, boolean vjpThetaN) {
        GradientAuditParts parts = GradientAuditParts.compute(c.net(), s.inputs(), s.batch(), s.loss().get(), recovery, vjpThetaN);
        return new Reference(c, recovery, vjpThetaN, parts, parts.layers(layers));
    }

    /** A layer counts as zero below a thousandth of the reference's root-mean-square layer norm. */
    static double floor(Reference r) {
        int layers = r.gradient().length / r.parts().size();
        return 1e-3 * Norms.euclidean(r.gradient()) / Math.sqrt(layers);
    }

    /** The reference accepted by {@code filter} closest to {@code g} in relative error (null when none is accepted). */
    static Reference closest(List<Reference> references, double[] g, Predicate<Reference> filter) {
        Reference best = null;
        double bestError = Double.POSITIVE_INFINITY;
        for (Reference r : references) {
            if (filter.test(r)) {
                double e = relativeError(g, r.gradient());
                if (best == null || e < bestError) {
                    best = r;
                    bestError = e;
                }
            }
        }
        return best;
    }

    /** {@code ||a - b|| / ||b||}. */
    static double relativeError(double[] a, double[] b) {
        return Norms.distance(a, 0, b, 0, b.length) / Math.max(Norms.euclidean(b), Double.MIN_NORMAL);
    }
}
