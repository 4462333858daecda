package org.resnetode.claim;

import org.resnetode.checks.BadInputException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.resnetode.symbolic.CommutingTraining;
import org.resnetode.train.linear.Targets;
import org.resnetode.train.linear.TrainingHistory;

/**
 * Claim R in the commuting case (MATH.md section 3b): a diagonal target B with positive entries and a constant
 * initialisation. Every layer stays equal and training converges to {@code D_N = N (B^{1/N} - I)}; its expansion
 * {@code log B + (log B)²/(2N) + ...} (symbolic layer) gives the 1/N constant {@code (log B)²/2}. Measured: the
 * trained layers against the closed form (relative, over every layer), and the 1/N constant by Richardson on N, 2N, 4N
 * of the trained weights alone ({@code A^N = L + c_1/N + c_2/N² + ...} gives {@code c_1 = 2N (4 (A^{2N} - A^{4N}) - (A^N - A^{2N}))}
 * up to O(1/N²)), compared with Symja's coefficient.
 */
public final class RegularizationCommuting {
    /** The trained layers must equal the closed form to this relative accuracy. */
    public static final double CLOSED_FORM_TOLERANCE = 1e-8;
    /** The measured 1/N constant must equal the symbolic one to this (absolute, per entry). */
    public static final double CONSTANT_TOLERANCE = 1e-4;

    private RegularizationCommuting() {
    }

    /** {@code cfg.target()} must be {@code diagonal:b1,...}; its ladder is extended by 2N and 4N of the deepest depth. */
    public static ClaimResult run(RegularizationConfig cfg, Progress progress) {
        if (!cfg.target().startsWith("diagonal:")) {
            throw new BadInputException("the commuting case needs a diagonal target (diagonal:b1,b2,...), got " + cfg.target());
        }
        double[] b = Targets.diagonalEntries(cfg.target().substring("diagonal:".length()), cfg.target());
        TreeSet<Integer> all = new TreeSet<>();
        for (int n : cfg.depths()) {
            all.add(n);
            all.add(2 * n);
            all.add(4 * n);
        }
        Map<Integer, double[]> diagonals = new LinkedHashMap<>();
        Map<Integer, Double> losses = new LinkedHashMap<>();
        Map<Integer, Double> closedFormErrors = new LinkedHashMap<>();
        for (Map.Entry<Integer, TrainingHistory> e : RegularizationClaim.train(cfg, all, progress).entrySet()) {
            int n = e.getKey();
            TrainingHistory h = e.getValue();
            double[] w = h.weights(h.size() - 1);
            closedFormErrors.put(n, closedFormError(w, b, n));
            diagonals.put(n, meanDiagonal(w, b.length, n));
            losses.put(n, h.finalLoss());
        }
        double[] symbolic = new double[b.length];
        for (int i = 0; i < b.length; i++) {
            symbolic[i] = CommutingTraining.coefficients(b[i], 2)[1];
        }
        List<Map<String, Object>> rows = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        VerdictPolicy policy = new VerdictPolicy(notes);
        double worstClosed = 0;
        double constantError = Double.NaN;
        for (int n : cfg.depths()) {
            double[] c1 = richardsonConstant(diagonals.get(n), diagonals.get(2 * n), diagonals.get(4 * n), n);
            double diff = 0;
            for (int i = 0; i < b.length; i++) {
                diff = Math.max(diff, Math.abs(c1[i] - symbolic[i]));
            }
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("N", n);
            row.put("finalLoss", losses.get(n));
            row.put("closedFormError", closedFormErrors.get(n));
            row.put("constant", c1[0]);
            row.put("symbolicConstant", symbolic[0]);
            row.put("constantError", diff);
            rows.add(row);
            worstClosed = Math.max(worstClosed, closedFormErrors.get(n));
            constantError = diff;
        }
        if (policy.finite("relative distance to N (B^{1/N} - I)", worstClosed)) {
            policy.check(worstClosed <= CLOSED_FORM_TOLERANCE, String.format("trained layers against N (B^{1/N} - I): largest "
                    + "relative distance over every layer and depth %.3e, required at most %.0e", worstClosed, CLOSED_FORM_TOLERANCE));
        }
        int top = cfg.depths()[cfg.depths().length - 1];
        if (policy.finite("measured 1/N constant", constantError)) {
            policy.check(constantError <= CONSTANT_TOLERANCE, String.format("1/N constant by Richardson on N = %d, %d, %d against "
                    + "Symja's (log B)²/2: largest difference over the entries %.3e, required at most %.0e", top, 2 * top, 4 * top,
                    constantError, CONSTANT_TOLERANCE));
        }
        notes.add("Symja: N (b^{1/N} - 1) = (e^{L h} - 1)/h = " + CommutingTraining.expansion() + " + O(h^7), L = log b, h = 1/N");
        Map<String, Object> config = cfg.describe();
        config.put("limitReference", "closed form N (B^{1/N} - I); 1/N constant by Richardson on N, 2N, 4N");
        return new ClaimResult("regularization-commuting", config, rows, List.of(), policy.verdict(), notes);
    }

    /** {@code max_n ||A_n - D_N||_F / ||D_N||_F}, {@code D_N = N (B^{1/N} - I)}. */
    static double closedFormError(double[] w, double[] b, int depth) {
        int d = b.length;
        double norm = 0;
        double[] closed = new double[d];
        for (int i = 0; i < d; i++) {
            closed[i] = CommutingTraining.trainedLayer(b[i], depth);
            norm += closed[i] * closed[i];
        }
        double worst = 0;
        for (int n = 0; n < depth; n++) {
            double s = 0;
            for (int i = 0; i < d; i++) {
                for (int j = 0; j < d; j++) {
                    double r = w[n * d * d + i * d + j] - (i == j ? closed[i] : 0);
                    s += r * r;
                }
            }
            worst = Math.max(worst, Math.sqrt(s / norm));
        }
        return worst;
    }

    /** The diagonal of the mean layer {@code (1/N) Σ_n A_n}. */
    static double[] meanDiagonal(double[] w, int d, int depth) {
        double[] diag = new double[d];
        for (int n = 0; n < depth; n++) {
            for (int i = 0; i < d; i++) {
                diag[i] += w[n * d * d + i * d + i] / depth;
            }
        }
        return diag;
    }

    /** {@code c_1 = 2N (4 (A^{2N} - A^{4N}) - (A^N - A^{2N}))}, exact for {@code A^N = L + c_1/N + c_2/N²}. */
    static double[] richardsonConstant(double[] a1, double[] a2, double[] a4, int n) {
        double[] c = new double[a1.length];
        for (int i = 0; i < c.length; i++) {
            c[i] = 2.0 * n * (4 * (a2[i] - a4[i]) - (a1[i] - a2[i]));
        }
        return c;
    }
}
