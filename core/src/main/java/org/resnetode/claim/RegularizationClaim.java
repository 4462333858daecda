package org.resnetode.claim;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import org.resnetode.checks.BadInputException;
import org.resnetode.model.DepthProfile;
import org.resnetode.model.DepthProfiles;
import org.resnetode.model.FbmProfile;
import org.resnetode.model.LinearFamily;
import org.resnetode.model.Weights;
import org.resnetode.scheme.Scheme;
import org.resnetode.stats.RateFit;
import org.resnetode.train.linear.LinearLoss;
import org.resnetode.train.linear.LinearTrainer;
import org.resnetode.train.linear.LinearTraining;
import org.resnetode.train.linear.Smoothness;
import org.resnetode.train.linear.TrainingHistory;

/**
 * Claim R (MATH.md section 3): gradient descent with the depth-scaled step on a linear ResNet, from an initialisation
 * smooth in depth and with a small initial loss, (1) drives the loss to zero, (2) keeps
 * {@code S(t) = N max_n ||A_{n+1}(t) - A_n(t)||} bounded independently of N, and (3) stays within C/N of a limit
 * {@code A(s, t)} uniformly in the training time t; the trained network is then O(1/N) from its Neural ODE.
 *
 * <p>Every depth of the ladder is trained for the same training time, and so is its double 2N; the distance to the
 * limit at each tracked time is the Richardson estimate {@code 2 max_n ||A^N_n(t) - A^{2N}_{2n}(t)||}
 * ({@link Smoothness#limitDistance}), exact to O(1/N²), with no interpolation (layer 2n of the 2N network sits at the
 * same depth time {@code t_n} as layer n of the N network).
 */
public final class RegularizationClaim {
    /** {@code sup_t S(t)} may differ across depths by at most this fraction of the smallest. */
    public static final double SMOOTHNESS_SPREAD = 0.10;
    /** Rates within this band of 1 count as "rate 1/N". */
    public static final double RATE_TOLERANCE = 0.1;
    /** Distances at or below this are round-off and kept out of fits. */
    public static final double ROUND_OFF_FLOOR = 1e-12;

    private RegularizationClaim() {
    }

    /** Trains every depth of the ladder and its double for the configured time, then judges the claim. */
    public static ClaimResult run(RegularizationConfig cfg, Progress progress) {
        return run(cfg, Control.NONE, progress);
    }

    /**
     * As {@link #run(RegularizationConfig, Progress)}; under {@link Control#UNSCALED_STEP} gradient descent loses its depth
     * scaling, under {@link Control#HOLDER_INIT} the initialisation gains a Hölder-{@value Control#HOLDER_HURST} path,
     * while the claim is judged as stated.
     */
    public static ClaimResult run(RegularizationConfig cfg, Control control, Progress progress) {
        TreeSet<Integer> all = new TreeSet<>();
        for (int n : cfg.depths()) {
            all.add(n);
            all.add(2 * n);
        }
        return control.mark(summarise(cfg, train(cfg, all, control, progress)));
    }

    /** Trains depth by depth (see {@link #train(RegularizationConfig, Iterable, Control, Progress)}), no control. */
    public static Map<Integer, TrainingHistory> train(RegularizationConfig cfg, Iterable<Integer> depths, Progress progress) {
        return train(cfg, depths, Control.NONE, progress);
    }

    /**
     * Trains depth by depth from the configured initialisation, keeping the weights at every tracked step. The depth-scaled
     * step {@code A_n <- A_n - η N ∂ℓ/∂A_n}; under {@link Control#UNSCALED_STEP} the same number of steps of
     * {@code A_n <- A_n - η ∂ℓ/∂A_n}, i.e. learning rate η/N in the trainer's scaled step; under {@link Control#HOLDER_INIT}
     * from {@code A⁰(t_n) + σ B^H(t_n)} ({@link #holderPath}).
     *
     * @throws LinearTraining.Divergence when a depth diverges
     */
    public static Map<Integer, TrainingHistory> train(RegularizationConfig cfg, Iterable<Integer> depths, Control control,
                                                      Progress progress) {
        LinearLoss loss = cfg.loss();
        DepthProfile init = cfg.initialProfile();
        DepthProfile holder = control == Control.HOLDER_INIT ? holderPath(cfg, depths) : null;
        Map<Integer, TrainingHistory> histories = new TreeMap<>();
        for (int n : depths) {
            double[] initial = LinearTrainer.initialWeights(init, cfg.dim(), n);
            if (holder != null) {
                // A_n(0) = A⁰(t_n) + σ B^H(t_n): the same path at every depth
                double[] path = LinearTrainer.initialWeights(holder, cfg.dim(), n);
                for (int i = 0; i < initial.length; i++) {
                    initial[i] += path[i];
                }
            }
            LinearTrainer trainer = new LinearTrainer(loss, n, initial);
            TrainingHistory h = new TrainingHistory(true);
            LinearTraining.Settings settings = cfg.settings();
            if (control == Control.UNSCALED_STEP) {
                settings = new LinearTraining.Settings(settings.learningRate() / n, settings.steps(), settings.trackEvery());
            }
            LinearTraining.run(trainer, settings, h);
            histories.put(n, h);
            progress.report(String.format("regularization d=%d %s N=%d final loss=%.3e sup S=%.4g", cfg.dim(), cfg.target(),
                    n, h.finalLoss(), h.supSmoothness()));
        }
        return histories;
    }

    /**
     * {@code holder-init}'s path: every entry an independent fractional Brownian motion of Hurst index
     * {@link Control#HOLDER_HURST} times {@link Control#HOLDER_AMPLITUDE}, one path on a grid every depth divides.
     */
    private static DepthProfile holderPath(RegularizationConfig cfg, Iterable<Integer> depths) {
        List<Integer> all = new ArrayList<>();
        depths.forEach(all::add);
        int grid = holderGrid(all.stream().mapToInt(Integer::intValue).toArray());
        return new FbmProfile(new double[cfg.dim() * cfg.dim()], Control.HOLDER_AMPLITUDE, Control.HOLDER_HURST, grid,
                cfg.seed() + 2);
    }

    /**
     * The grid of {@code holder-init}'s path, which every depth reads ({@link DepthProfiles#fbmGrid}); the path is sampled
     * on a power-of-two grid, so a depth that is not a power of two is refused.
     */
    static int holderGrid(int... depths) {
        for (int n : depths) {
            if (Integer.bitCount(n) != 1) {
                throw new BadInputException("--control holder-init reads one fractional Brownian path on a power-of-two grid: "
                        + "every depth must be a power of two, got " + n);
            }
        }
        return DepthProfiles.fbmGrid(depths);
    }

    static ClaimResult summarise(RegularizationConfig cfg, Map<Integer, TrainingHistory> histories) {
        int d = cfg.dim();
        int[] depths = cfg.depths();
        double[] x0 = DistanceMeasurement.unitInput(d, cfg.seed());
        List<Map<String, Object>> rows = new ArrayList<>();
        double[] limit = new double[depths.length];
        double[] ode = new double[depths.length];
        double[] supS = new double[depths.length];
        double[] finalLoss = new double[depths.length];
        int tracked = histories.get(depths[0]).size();
        double[][] limitAtTime = new double[tracked][depths.length];
        RegularizationReference.Check reference = RegularizationReference.of(depths, histories, d, ROUND_OFF_FLOOR);
        for (int i = 0; i < depths.length; i++) {
            int n = depths[i];
            TrainingHistory h = histories.get(n);
            TrainingHistory doubled = histories.get(2 * n);
            double sup = 0;
            double supTime = 0;
            for (int k = 0; k < h.size(); k++) {
                double e = Smoothness.limitDistance(h.weights(k), n, doubled.weights(k), d);
                limitAtTime[k][i] = e;
                if (e > sup) {
                    sup = e;
                    supTime = h.time(k);
                }
            }
            double[] last = h.weights(h.size() - 1);
            DistanceMeasurement m = DistanceMeasurement.measure(new LinearFamily(d), new Weights(n, d * d, last.clone()),
                    Scheme.EULER, n, x0);
            limit[i] = sup;
            ode[i] = m.accepted() ? m.error() : Double.NaN;
            supS[i] = h.supSmoothness();
            finalLoss[i] = h.finalLoss();
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("N", n);
            row.put("initialLoss", h.loss(0));
            row.put("finalLoss", finalLoss[i]);
            row.put("initialS", h.smoothness(0));
            row.put("supS", supS[i]);
            row.put("limitDistance", sup);
            row.put("limitDistanceTime", supTime);
            row.put("odeDistance", ode[i]);
            if (Double.isFinite(reference.referenceDistance(n))) {
                row.put("referenceDistance", reference.referenceDistance(n));
            }
            rows.add(row);
        }
        return verdict(cfg, rows, depths, limit, ode, supS, finalLoss, limitAtTime, histories.get(depths[0]), reference);
    }

    static ClaimResult verdict(RegularizationConfig cfg, List<Map<String, Object>> rows, int[] depths, double[] limit,
                               double[] ode, double[] supS, double[] finalLoss, double[][] limitAtTime,
                               TrainingHistory times, RegularizationReference.Check reference) {
        List<String> notes = new ArrayList<>();
        VerdictPolicy policy = new VerdictPolicy(notes);
        List<RateFit> fits = new ArrayList<>();
        double worstLoss = Arrays.stream(finalLoss).max().orElse(Double.NaN);
        // a band, not a check: the judged value is then a figure regression mode compares
        policy.band("largest final loss over the ladder", worstLoss, 0, cfg.lossTarget(), 0, Double.NaN, 0);
        double lo = Arrays.stream(supS).min().orElse(Double.NaN);
        double hi = Arrays.stream(supS).max().orElse(Double.NaN);
        double spread = hi / lo - 1;
        policy.band(String.format("sup_t S(t) ranges over [%.5g, %.5g] across depths %d..%d, spread hi/lo - 1", lo, hi, depths[0],
                depths[depths.length - 1]), spread, 0, SMOOTHNESS_SPREAD, 0, Double.NaN, 0);
        RateFit limitFit = fit("limitDistance", depths, limit);
        if (limitFit != null) {
            fits.add(limitFit);
        }
        policy.rate("sup_t max_n ||A^N_n(t) - A(t_n, t)||", limitFit, 1.0, RATE_TOLERANCE, 1, Double.NaN);
        judgeReference(policy, reference, depths);
        RateFit odeFit = fit("odeDistance", depths, ode);
        if (odeFit != null) {
            fits.add(odeFit);
        }
        policy.rate("||x_N - x(1)|| of the trained network", odeFit, 1.0, RATE_TOLERANCE, 1, Double.NaN);
        notes.add(ratesOverTime(depths, limitAtTime, times));
        return new ClaimResult("regularization", cfg.describe(), rows, fits, policy.verdict(), notes);
    }

    /**
     * The limit against the deep reference ({@link RegularizationReference}): the Richardson limit and the limit distance
     * each within {@code 2 η} of the reference's at every tracked time; {@code inconclusive} when no depth of the ladder
     * has a reference {@value RegularizationReference#DEPTH_RATIO} times deeper.
     */
    private static void judgeReference(VerdictPolicy policy, RegularizationReference.Check reference, int[] depths) {
        int[] judged = reference.depths();
        if (judged.length == 0) {
            policy.inconclusive(String.format("the limit against a deep reference needs a ladder reaching %d N_min (with 4 N_min "
                    + "trained); depths %d..%d have none", RegularizationReference.DEPTH_RATIO, depths[0], depths[depths.length - 1]));
            return;
        }
        String where = String.format("N = %d..%d, every tracked t, M = %d", judged[0], judged[judged.length - 1], reference.reference());
        policy.band("Richardson limit 2 A^{2N}_{2n} - A^N_n against the deep reference 2 A^{2M} - A^M at t_n (" + where
                + "): largest max_n ||R_n - A^ref_n|| / (2 eta)", reference.limitRatio(), 0, 1, 0, Double.NaN, 0);
        policy.band("limit distance 2 max_n ||A^N_n - A^{2N}_{2n}|| against the distance to the deep reference (" + where
                + "): largest |difference| / (2 eta)", reference.distanceRatio(), 0, 1, 0, Double.NaN, 0);
    }

    /** The rate of the limit distance at each tracked training time, as a note (uniformity in t). */
    private static String ratesOverTime(int[] depths, double[][] limitAtTime, TrainingHistory times) {
        StringBuilder sb = new StringBuilder("rate of max_n ||A^N_n(t) - A(t_n, t)|| at each tracked time t:");
        for (int k = 0; k < limitAtTime.length; k++) {
            RateFit f = fit("limitDistance", depths, limitAtTime[k]);
            sb.append(String.format(java.util.Locale.ROOT, " t=%.3g: %s;", times.time(k),
                    f == null ? "—" : String.format(java.util.Locale.ROOT, "%.3f", f.rate())));
        }
        return sb.toString();
    }

    /** The rate fit over every depth above the round-off floor, or null when fewer than 2 remain. */
    static RateFit fit(String quantity, int[] depths, double[] values) {
        long usable = Arrays.stream(values).filter(v -> Double.isFinite(v) && v > ROUND_OFF_FLOOR).count();
        return usable < 2 ? null : RateFit.fit(quantity, depths, values, 1, Integer.MAX_VALUE, ROUND_OFF_FLOOR);
    }
}
