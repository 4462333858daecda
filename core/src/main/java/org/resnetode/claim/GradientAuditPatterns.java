package org.resnetode.claim;

import java.util.ArrayList;
import java.util.List;
import org.resnetode.model.Norms;

/**
 * Mis-assignments of a gradient, as sums of a convention's step parts ({@link GradientAuditParts}:
 * {@code L_n} reaches θ_n, {@code R_n} reaches θ_{n+1}, the right layer gradient is {@code e_m = L_m + R_{m-1}}).
 * Each pattern says what layer m receives instead of {@code e_m}; a gradient is explained by the pattern that
 * matches the most layers to round-off.
 */
final class GradientAuditPatterns {
    private GradientAuditPatterns() {
    }

    /** What layer m receives. */
    enum Pattern {
        CORRECT("layer n receives its own gradient", false),
        NEXT("off by one layer: layer n receives layer n+1's gradient", false),
        PREVIOUS("off by one layer: layer n receives layer n-1's gradient", false),
        SUM_NEXT("layer n receives the sum of layers n and n+1's gradients", false),
        SUM_PREVIOUS("layer n receives the sum of layers n-1 and n's gradients", false),
        NEGATED("layer n receives minus its gradient", false),
        STEP_STAGES("layer n receives both stages of step n, its own and layer n+1's (the stage reading θ_{n+1} is "
                + "given to θ_n)", true),
        PREVIOUS_STEP_STAGES("layer n receives both stages of step n-1, layer n-1's and its own (the stage reading θ_n "
                + "is given to θ_{n+1})", true),
        OWN_STAGE_ONLY("layer n receives only step n's stage, not step n-1's stage that reads θ_n", true),
        OTHER_STAGE_ONLY("layer n receives only step n-1's stage that reads θ_n, not step n's", true);

        final String description;
        /** Distinct from {@link #CORRECT} only when a stage reads θ_{n+1}. */
        final boolean stages;

        Pattern(String description, boolean stages) {
            this.description = description;
            this.stages = stages;
        }

        /** What layer m receives under this pattern, written to {@code out[0..size)} (overwritten). */
        void layer(GradientAuditParts parts, int layers, int m, double[] out) {
            java.util.Arrays.fill(out, 0.0);
            switch (this) {
                case CORRECT -> own(parts, layers, m, out);
                case NEXT -> own(parts, layers, m + 1, out);
                case PREVIOUS -> own(parts, layers, m - 1, out);
                case SUM_NEXT -> {
                    own(parts, layers, m, out);
                    own(parts, layers, m + 1, out);
                }
                case SUM_PREVIOUS -> {
                    own(parts, layers, m - 1, out);
                    own(parts, layers, m, out);
                }
                case NEGATED -> {
                    own(parts, layers, m, out);
                    for (int j = 0; j < out.length; j++) {
                        out[j] = -out[j];
                    }
                }
                case STEP_STAGES -> {
                    parts.addLeft(out, 0, m);
                    parts.addRight(out, 0, m);
                }
                case PREVIOUS_STEP_STAGES -> {
                    parts.addLeft(out, 0, m - 1);
                    parts.addRight(out, 0, m - 1);
                }
                case OWN_STAGE_ONLY -> parts.addLeft(out, 0, m);
                default -> parts.addRight(out, 0, m - 1);
            }
        }

        /** Adds {@code e_m = L_m + R_{m-1}} (nothing outside 0..layers-1). */
        private static void own(GradientAuditParts parts, int layers, int m, double[] out) {
            if (m >= 0 && m < layers) {
                parts.addLeft(out, 0, m);
                parts.addRight(out, 0, m - 1);
            }
        }
    }

    /** The pattern that explains the most layers, with the layers it explains (true at m) and how many. */
    record Explanation(Pattern pattern, boolean[] matched, int count) {
    }

    /**
     * Per layer and pattern, whether {@code gradient}'s layer m equals the pattern's layer to {@code tolerance}
     * (relative to the larger of the two norms, with {@code floor} below which a layer counts as zero); returns
     * the pattern matching the most layers (ties: the earlier pattern, {@link Pattern#CORRECT} first).
     */
    static Explanation explain(GradientAuditParts parts, double[] gradient, int layers, double tolerance, double floor) {
        int p = parts.size();
        double[] candidate = new double[p];
        Explanation best = null;
        for (Pattern pattern : Pattern.values()) {
            if (pattern.stages && !parts.readsNext()) {
                continue;
            }
            boolean[] matched = new boolean[layers];
            int count = 0;
            for (int m = 0; m < layers; m++) {
                pattern.layer(parts, layers, m, candidate);
                matched[m] = close(gradient, m * p, candidate, p, tolerance, floor);
                count += matched[m] ? 1 : 0;
            }
            if (best == null || count > best.count()) {
                best = new Explanation(pattern, matched, count);
            }
        }
        return best;
    }

    /** {@code ||a[off..off+p) - b|| <= tolerance max(||a||, ||b||, floor)}. */
    static boolean close(double[] a, int off, double[] b, int p, double tolerance, double floor) {
        double diff = Norms.distance(a, off, b, 0, p);
        double scale = Math.max(Math.max(Norms.euclidean(a, off, p), Norms.euclidean(b)), floor);
        return diff <= tolerance * scale;
    }

    /** How per-stage gradients of S steps can be laid out as 2S layers. */
    enum StageLayout {
        INTERLEAVED("per-stage gradients concatenated step by step (step n's stage reading θ_n, then its stage reading "
                + "θ_{n+1}) instead of summed per layer"),
        BLOCKED("per-stage gradients concatenated stage by stage (every step's stage reading θ_n, then every step's "
                + "stage reading θ_{n+1}) instead of summed per layer");

        final String description;

        StageLayout(String description) {
            this.description = description;
        }

        /** The 2S layers of {@code parts} in this layout. */
        double[] arrange(GradientAuditParts parts) {
            int p = parts.size();
            int s = parts.steps();
            double[] out = new double[2 * s * p];
            for (int n = 0; n < s; n++) {
                int l = this == INTERLEAVED ? 2 * n : n;
                int r = this == INTERLEAVED ? 2 * n + 1 : s + n;
                System.arraycopy(parts.left(), n * p, out, l * p, p);
                System.arraycopy(parts.right(), n * p, out, r * p, p);
            }
            return out;
        }
    }

    /** Runs of consecutive layers, "0..14, 16", for messages. */
    static String ranges(List<Integer> layers) {
        List<String> runs = new ArrayList<>();
        for (int i = 0; i < layers.size(); ) {
            int j = i;
            while (j + 1 < layers.size() && layers.get(j + 1) == layers.get(j) + 1) {
                j++;
            }
            runs.add(i == j ? String.valueOf(layers.get(i)) : layers.get(i) + ".." + layers.get(j));
            i = j + 1;
        }
        return String.join(", ", runs);
    }
}
