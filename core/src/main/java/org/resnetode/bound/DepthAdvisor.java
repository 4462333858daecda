package org.resnetode.bound;

import java.util.ArrayList;
import java.util.List;
import org.resnetode.model.DepthProfile;
import org.resnetode.model.ResidualFunction;
import org.resnetode.model.Weights;
import org.resnetode.scheme.ResNet;
import org.resnetode.scheme.Scheme;

/**
 * The depth advisor ({@code distance --tolerance}): the smallest depth N whose certified bound on
 * {@code ||x_N - x(T)||} is at most a tolerance, for weights sampled from a profile. Doubling from the scheme's smallest
 * depth finds a certified N; bisection between the last failing and the first passing depth then narrows it. Every
 * candidate is certified ({@link CertifiedBound}), so the depth returned always meets the tolerance; the bound is not
 * proved monotone in N, so a smaller depth outside the bisection's path might meet it too.
 */
public final class DepthAdvisor {
    private DepthAdvisor() {
    }

    /** One certified candidate depth. */
    public record Candidate(int depth, double bound) {
    }

    /**
     * @param depth      the smallest certified depth found, or -1 when none up to {@code maxDepth} meets the tolerance
     * @param bound      its certified bound (NaN when none)
     * @param candidates every depth certified on the way, in the order tried
     */
    public record Advice(double tolerance, int depth, double bound, List<Candidate> candidates) {
        /** One line for the claim's notes. */
        public String describe() {
            String tried = candidates.stream().map(c -> c.depth() + ":" + String.format("%.3g", c.bound())).toList().toString();
            return depth < 0
                    ? String.format("depth advisor: no depth up to %d has a certified bound <= %.3g (tried N:bound %s)",
                    candidates.isEmpty() ? 0 : candidates.get(candidates.size() - 1).depth(), tolerance, tried)
                    : String.format("depth advisor: N = %d is the smallest depth found whose certified bound %.4g <= tolerance %.3g "
                    + "(bisection, every candidate certified; tried N:bound %s)", depth, bound, tolerance, tried);
        }
    }

    /** The advice for {@code f} with weights from {@code profile}, stepping with {@code scheme}, from {@code x0}. */
    public static Advice advise(ResidualFunction f, DepthProfile profile, Scheme scheme, double[] x0, double tolerance,
                                int maxDepth) {
        List<Candidate> tried = new ArrayList<>();
        int low = scheme.minimumDepth() - 1;
        int high = scheme.minimumDepth();
        Candidate pass = null;
        while (high <= maxDepth) {
            Candidate c = certify(f, profile, scheme, x0, high, tried);
            if (c.bound() <= tolerance) {
                pass = c;
                break;
            }
            low = high;
            high = (int) Math.min((long) high * 2, high < maxDepth ? maxDepth : (long) maxDepth + 1);
        }
        if (pass == null) {
            return new Advice(tolerance, -1, Double.NaN, tried);
        }
        // invariant: depth `low` fails (or is below the scheme's minimum), depth pass.depth() meets the tolerance
        while (pass.depth() - low > 1) {
            int mid = low + (pass.depth() - low) / 2;
            Candidate c = certify(f, profile, scheme, x0, mid, tried);
            if (c.bound() <= tolerance) {
                pass = c;
            } else {
                low = mid;
            }
        }
        return new Advice(tolerance, pass.depth(), pass.bound(), tried);
    }

    private static Candidate certify(ResidualFunction f, DepthProfile profile, Scheme scheme, double[] x0, int depth,
                                     List<Candidate> tried) {
        ResNet net = new ResNet(f, scheme, Weights.sample(profile, scheme.weightCount(depth), depth), depth);
        double[] xN = new double[x0.length];
        net.forward(x0, xN);
        Candidate c = new Candidate(depth, new CertifiedBound(net).certify(x0, xN).bound());
        tried.add(c);
        return c;
    }
}
