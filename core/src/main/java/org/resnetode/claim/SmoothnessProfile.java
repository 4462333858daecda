package org.resnetode.claim;

import org.resnetode.model.Norms;
import org.resnetode.model.Weights;

/**
 * How a network's weights vary with depth, read from the weights alone: increments {@code Δ_n = ||θ_{n+1} - θ_n||},
 * {@code N max_n Δ_n} (a Lipschitz constant of θ(t) when θ_n = θ(n/N)), the total variation {@code Σ_n Δ_n}, the
 * second differences {@code N² max_n ||θ_{n+1} - 2θ_n + θ_{n-1}||}, and the class the weights look like:
 * <ul>
 *   <li>rough: increments are not O(1/N), {@code N max Δ >= √N · s} with {@code s = max_n ||θ_n||}
 *       (i.i.d. draws have Δ of the order of s, so N max Δ ≈ N s);</li>
 *   <li>smooth: second differences are O(1/N²) as well, {@code N² max ||Δ²θ|| < √N (N max Δ + s)};</li>
 *   <li>Lipschitz: neither (increments O(1/N), but the slope jumps at kinks, where Δ² is of order 1/N).</li>
 * </ul>
 * The √N margins separate the scalings N^0, N^1 and N^2 by a factor √N on each side at any depth N >= 16.
 */
public record SmoothnessProfile(double[] increments, double lipschitz, double totalVariation, double curvature,
                                double scale, String smoothnessClass) {

    public static SmoothnessProfile of(Weights w, int depth) {
        int count = w.count();
        double[] inc = new double[Math.max(count - 1, 0)];
        double maxInc = 0;
        double tv = 0;
        double scale = 0;
        for (int n = 0; n < count; n++) {
            scale = Math.max(scale, Norms.euclidean(w.data(), w.offset(n), w.size()));
            if (n + 1 < count) {
                inc[n] = Norms.distance(w.data(), w.offset(n + 1), w.data(), w.offset(n), w.size());
                maxInc = Math.max(maxInc, inc[n]);
                tv += inc[n];
            }
        }
        double maxSecond = 0;
        for (int n = 1; n + 1 < count; n++) {
            double s = 0;
            for (int j = 0; j < w.size(); j++) {
                // Δ²θ_n = θ_{n+1} - 2 θ_n + θ_{n-1}
                double v = w.data()[w.offset(n + 1) + j] - 2 * w.data()[w.offset(n) + j] + w.data()[w.offset(n - 1) + j];
                s += v * v;
            }
            maxSecond = Math.max(maxSecond, Math.sqrt(s));
        }
        double lipschitz = depth * maxInc;
        double curvature = (double) depth * depth * maxSecond;
        double root = Math.sqrt(depth);
        String cls = lipschitz >= root * scale && lipschitz > 0 ? "rough"
                : curvature < root * (lipschitz + scale) ? "smooth" : "lipschitz";
        return new SmoothnessProfile(inc, lipschitz, tv, curvature, scale, cls);
    }
}
