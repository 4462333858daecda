package org.resnetode.claim;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.resnetode.train.linear.Smoothness;
import org.resnetode.train.linear.TrainingHistory;

/**
 * Claim R's limit against an independent route (docs/derivations/claims.md section 3, "The limit against a deep
 * reference"). With {@code A^N_n(t) = A(t_n, t) + c(t_n, t)/N + e(t_n, t)/N² + O(1/N³)}:
 * <ul>
 *   <li>the Richardson limit {@code R_n = 2 A^{2N}_{2n} - A^N_n} the claim's limit distance measures against is
 *       {@code A(t_n) - e/(2N²)}, and the deep reference {@code A^ref_n = 2 A^{2M}_{2Mn/N} - A^M_{Mn/N}} (M the ladder's
 *       deepest depth, at least {@value #DEPTH_RATIO} N) is {@code A(t_n) - e/(2M²)}, so
 *       {@code max_n ||R_n - A^ref_n|| <= η (1 - N²/M²)};</li>
 *   <li>the claim's limit distance {@code E = 2 max_n ||A^N_n - A^{2N}_{2n}|| = max_n ||A^N_n - R_n||} and the distance
 *       to the reference {@code D = max_n ||A^N_n - A^ref_n||} differ by at most the same amount;</li>
 * </ul>
 * where {@code η = (4/3) max_n ||(A^N_n - A^{2N}_{2n}) - 2 (A^{2N}_{2n} - A^{4N}_{4n})|| = max_n ||e||/(2N²)} estimates
 * the O(1/N²) term from three levels. Both are judged against {@value #BAND_FACTOR} η at every tracked time and every
 * depth N of the ladder that has such a reference: the factor covers the O(1/N³) remainder while the next-order
 * coefficient is below N/6.4 times e's. The reference and η read the layers at {@code t_n} by their own stride
 * ({@link Smoothness#layersAt}); the Richardson limit and E come from the claim's own {@link Smoothness#evenLayers} and
 * {@link Smoothness#limitDistance}.
 */
final class RegularizationReference {
    /** The band is this many times the Richardson error estimate η. */
    static final double BAND_FACTOR = 2;
    /** The reference is at least this many times deeper than the depth it judges (its own error at most η/16). */
    static final int DEPTH_RATIO = 4;

    /**
     * The comparison: the judged depths, the reference depth M, the worst {@code max_n ||R_n - A^ref_n||} and
     * {@code |E - D|} over the judged depths and tracked times, each divided by its band {@code 2 η + floor}, and
     * {@code sup_t D} per judged depth.
     */
    record Check(int[] depths, int reference, double limitRatio, double distanceRatio, double[] referenceDistance) {
        /** {@code sup_t D} at depth n, NaN when n is not judged. */
        double referenceDistance(int n) {
            for (int i = 0; i < depths.length; i++) {
                if (depths[i] == n) {
                    return referenceDistance[i];
                }
            }
            return Double.NaN;
        }
    }

    private RegularizationReference() {
    }

    /** The comparison over the ladder {@code depths} (sorted), from the histories of every depth and its double. */
    static Check of(int[] depths, Map<Integer, TrainingHistory> histories, int d, double floor) {
        int m = depths[depths.length - 1];
        List<Integer> judged = new ArrayList<>();
        for (int n : depths) {
            if (m % n == 0 && m >= DEPTH_RATIO * n && histories.containsKey(4 * n)) {
                judged.add(n);
            }
        }
        double limitRatio = 0;
        double distanceRatio = 0;
        double[] referenceDistance = new double[judged.size()];
        for (int i = 0; i < judged.size(); i++) {
            int n = judged.get(i);
            TrainingHistory h = histories.get(n);
            for (int k = 0; k < h.size(); k++) {
                double[] a = h.weights(k);
                double[] doubled = histories.get(2 * n).weights(k);
                double[] reference = richardson(Smoothness.layersAt(histories.get(2 * m).weights(k), 2 * m, n, d),
                        Smoothness.layersAt(histories.get(m).weights(k), m, n, d));
                double band = BAND_FACTOR * eta(a, Smoothness.layersAt(doubled, 2 * n, n, d),
                        Smoothness.layersAt(histories.get(4 * n).weights(k), 4 * n, n, d), d) + floor;
                double toReference = Smoothness.largestLayerDistance(a, reference, d);
                double limitError = Smoothness.largestLayerDistance(richardson(Smoothness.evenLayers(doubled, n, d), a), reference, d);
                double distanceError = Math.abs(Smoothness.limitDistance(a, n, doubled, d) - toReference);
                limitRatio = Math.max(limitRatio, limitError / band);
                distanceRatio = Math.max(distanceRatio, distanceError / band);
                referenceDistance[i] = Math.max(referenceDistance[i], toReference);
            }
        }
        return new Check(judged.stream().mapToInt(Integer::intValue).toArray(), m, limitRatio, distanceRatio, referenceDistance);
    }

    /** {@code 2 fine - coarse}, entry by entry: Richardson's first-order extrapolation. */
    static double[] richardson(double[] fine, double[] coarse) {
        double[] out = new double[fine.length];
        for (int i = 0; i < out.length; i++) {
            out[i] = 2 * fine[i] - coarse[i];
        }
        return out;
    }

    /**
     * {@code η = (4/3) max_n ||(A^N_n - A^{2N}_{2n}) - 2 (A^{2N}_{2n} - A^{4N}_{4n})||} from the three levels read at the
     * same times {@code t_n}: the first differences are {@code c/(2N) + 3e/(4N²)} and {@code c/(4N) + 3e/(16N²)}, so the
     * combination is {@code 3e/(8N²)} and η is {@code max_n ||e||/(2N²)}.
     */
    static double eta(double[] a, double[] a2, double[] a4, int d) {
        double[] second = new double[a.length];
        for (int i = 0; i < a.length; i++) {
            second[i] = (a[i] - a2[i]) - 2 * (a2[i] - a4[i]);
        }
        return 4.0 / 3 * Smoothness.largestLayerDistance(second, new double[a.length], d);
    }
}
