package org.resnetode.train;

import org.resnetode.checks.BadInputException;
import org.resnetode.model.Norms;
import org.resnetode.model.Weights;
import org.resnetode.scheme.ResNet;
import org.resnetode.scheme.Scheme;
import org.resnetode.scheme.WeightPath;

/**
 * Weights as a function of depth: resampling a network to another depth, and its smoothness in depth.
 */
public final class DepthResampling {
    private DepthResampling() {
    }

    /**
     * The network at depth {@code depth}: sample k sits at t = k / depth and takes the piecewise-linear
     * interpolation of the old samples θ_n at t_n = n / N (held constant past the last sample), so the new
     * network discretises nearly the same ODE.
     */
    public static ResNet resample(ResNet net, int depth) {
        Scheme s = net.scheme();
        Weights w = net.weights();
        int count = s.weightCount(depth);
        int p = w.size();
        long total = (long) count * p;
        if (total > Integer.MAX_VALUE - 8) {
            throw new BadInputException("depth " + depth + " needs " + total + " weight values, more than one array holds");
        }
        double[] out = new double[(int) total];
        WeightPath path = net.weightPath();
        int oldDepth = net.depth();
        for (int k = 0; k < count; k++) {
            // θ at t = k / depth: position u = t N on the old grid
            path.atPosition((double) k * oldDepth / depth, out, k * p);
        }
        return new ResNet(net.family(), s, new Weights(count, p, out), depth);
    }

    /** {@code N max_n ||θ_{n+1} - θ_n||}: bounded in N for weights sampled from a Lipschitz θ(t), growing like N for i.i.d. draws. */
    public static double smoothness(ResNet net) {
        Weights w = net.weights();
        double max = 0;
        for (int n = 0; n + 1 < w.count(); n++) {
            max = Math.max(max, Norms.distance(w.data(), w.offset(n + 1), w.data(), w.offset(n), w.size()));
        }
        return net.depth() * max;
    }
}
