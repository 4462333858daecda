package org.resnetode.claim;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.resnetode.gradient.Backprop;
import org.resnetode.gradient.GradientMethod;
import org.resnetode.model.DepthProfile;
import org.resnetode.model.Families;
import org.resnetode.model.ResidualFunction;
import org.resnetode.network.LinearHead;
import org.resnetode.scheme.ResNet;
import org.resnetode.scheme.Scheme;
import org.resnetode.stats.RateFit;
import org.resnetode.train.Dataset;
import org.resnetode.train.DepthResampling;
import org.resnetode.train.Initialisation;
import org.resnetode.train.Optimiser;
import org.resnetode.train.Trainer;

/**
 * The training claim of the paper (MATH.md section 4, issue 6): the memory-free adjoint trains deep ResNets.
 * Four measured statements, each a {@link ClaimResult}:
 * <ol>
 *   <li>{@code finetune-curves}: backprop and adjoint trainings from one seed give loss curves whose difference per
 *       epoch is at most {@link #CURVE_TOLERANCE} of the loss decrease {@code ℓ_0 - ℓ_e} (Euler and Heun);</li>
 *   <li>{@code finetune-depth}: resampling a trained network to its own depth is the identity (test loss equal to
 *       {@link #IDENTITY_TOLERANCE} relative), and the network resampled to deeper N and trained further with the adjoint
 *       keeps its test accuracy within the 95% binomial resolution {@code 1.96 sqrt(p(1-p)/n_test)} of the test set,
 *       with stored state constant in N;</li>
 *   <li>{@code finetune-heun}: the largest gradient error along training falls at the adjoint's rates, Euler 1 and Heun
 *       at least the paper's 2 (3, the scalar round trip's prediction, is a finding), each within {@link #RATE_TOLERANCE};
 *       and the smallest depth whose adjoint gradients stay within {@link #GRADIENT_TOLERANCE} of backprop's along the
 *       whole run is smaller for Heun than for Euler;</li>
 *   <li>{@code finetune-smoothness}: after training, {@code N max ||θ_{n+1} - θ_n||} grows like N^a with
 *       a <= {@link #SMOOTH_GROWTH} from a smooth initialisation and a > {@link #SMOOTH_GROWTH} from an iid one.</li>
 * </ol>
 * The bands are derived in docs/derivations/claims.md; each statement has a negative {@link Control} that makes it fail.
 */
public final class FinetuneClaim {
    /**
     * The loss difference may be at most this fraction of the loss decrease: a gradient accurate to
     * {@link #GRADIENT_TOLERANCE} changes each step's decrease by at most that fraction (first order).
     */
    public static final double CURVE_TOLERANCE = 1e-3;
    /** Two-sided 95% normal quantile: the test accuracy's resolution is this many binomial standard errors. */
    public static final double Z95 = 1.96;
    /** Resampling at the network's own depth reproduces its test loss to this relative difference (round-off only). */
    public static final double IDENTITY_TOLERANCE = 1e-12;
    public static final double GRADIENT_TOLERANCE = 1e-3;
    /** Band around the predicted rates of the gradient error along training (the adjoint claim's). */
    public static final double RATE_TOLERANCE = AdjointClaim.RATE_TOLERANCE;
    /** Midway between the growth exponents 0 (Lipschitz θ(t)) and 1 (i.i.d. increments). */
    public static final double SMOOTH_GROWTH = 0.5;

    private final FinetuneConfig cfg;
    private final Dataset.Split data;
    private final Supplier<GradientMethod> adjoint;
    private final Control control;
    private final Progress progress;

    /** {@code adjoint} makes the gradient method under test (the memory-free adjoint; a broken one in negative controls). */
    public FinetuneClaim(FinetuneConfig cfg, Dataset.Split data, Supplier<GradientMethod> adjoint, Progress progress) {
        this(cfg, data, adjoint, Control.NONE, progress);
    }

    /**
     * The claim with a negative {@link Control}: its adjoint (wrong-reverse, swapped-stages, wrong-stage-time), resampling
     * (shifted-resampling) or smooth initialisation (iid-redraw) is broken while the statements are judged as stated.
     */
    public FinetuneClaim(FinetuneConfig cfg, Dataset.Split data, Control control, Progress progress) {
        this(cfg, data, control::adjoint, control, progress);
    }

    private FinetuneClaim(FinetuneConfig cfg, Dataset.Split data, Supplier<GradientMethod> adjoint, Control control,
                          Progress progress) {
        this.cfg = cfg;
        this.data = new Dataset.Split(data.train().slice(0, Math.min(cfg.trainRows(), data.train().rows())), data.test());
        this.adjoint = adjoint;
        this.control = control;
        this.progress = progress;
    }

    public List<ClaimResult> run() {
        return parts().stream().map(Supplier::get).toList();
    }

    /** The four parts of the claim, independent of each other (each trains its own networks): tasks of a sweep. */
    public List<Supplier<ClaimResult>> parts() {
        return List.of(() -> control.mark(curves()), () -> control.mark(finetune()), () -> control.mark(heun()),
                () -> control.mark(smoothness()));
    }

    /**
     * A fresh network (constant-in-depth or iid weights from the seed) and head; under {@link Control#IID_REDRAW} a
     * smooth initialisation is an i.i.d. draw.
     */
    private Model fresh(String scheme, int depth, String init) {
        int d = data.train().features();
        ResidualFunction f = Families.create("mlp", d, cfg.hidden());
        Scheme s = Scheme.byName(scheme);
        String drawn = control == Control.IID_REDRAW ? "iid" : init;
        ResNet net = new ResNet(f, s, Initialisation.weights(drawn, "constant", 1, f, s, depth, cfg.seed()), depth);
        return new Model(net, Initialisation.head(LinearHead.CROSS_ENTROPY, data.train().outputs(), d, cfg.seed()));
    }

    private record Model(ResNet net, LinearHead head) {
    }

    private List<Trainer.Epoch> train(Model m, GradientMethod method, GradientMethod reference, int epochs) {
        Trainer t = new Trainer(m.net(), m.head(), data.train(), data.test(), method, reference,
                Optimiser.sgd(cfg.learningRate(), cfg.momentum()), cfg.batch(), cfg.seed());
        return t.run(1, epochs, new Trainer.Listener() {
            @Override
            public void epoch(Trainer.Epoch e) {
                progress.report(String.format("finetune %s N=%d %s epoch %d loss %.5f test accuracy %.4f %.2fs",
                        m.net().scheme().name(), m.net().depth(), method.name(), e.epoch(), e.loss(), e.testAccuracy(), e.seconds()));
            }
        });
    }

    ClaimResult curves() {
        List<Map<String, Object>> rows = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        VerdictPolicy policy = new VerdictPolicy(notes);
        for (String scheme : List.of("euler", "heun")) {
            Model bpModel = fresh(scheme, cfg.curveDepth(), "smooth");
            double initial = evaluate(bpModel, data.train()).loss();
            List<Trainer.Epoch> bp = train(bpModel, new Backprop(), null, cfg.epochs());
            List<Trainer.Epoch> adj = train(fresh(scheme, cfg.curveDepth(), "smooth"), adjoint.get(), null, cfg.epochs());
            double largest = 0;
            for (int e = 0; e < bp.size(); e++) {
                double gap = Math.abs(adj.get(e).loss() - bp.get(e).loss());
                // |ℓ_adj - ℓ_bp| against the decrease ℓ_0 - ℓ_bp that the gradients produced (first-order perturbation);
                // Math.max propagates NaN: a NaN loss makes the statement inconclusive
                largest = Math.max(largest, gap / (initial - bp.get(e).loss()));
                Map<String, Object> r = new LinkedHashMap<>();
                r.put("scheme", scheme);
                r.put("epoch", e + 1);
                r.put("backpropLoss", bp.get(e).loss());
                r.put("adjointLoss", adj.get(e).loss());
                r.put("initialLoss", initial);
                r.put("relativeDifference", gap / Math.abs(bp.get(e).loss()));
                r.put("differenceOverDecrease", gap / (initial - bp.get(e).loss()));
                r.put("backpropTestAccuracy", bp.get(e).testAccuracy());
                r.put("adjointTestAccuracy", adj.get(e).testAccuracy());
                rows.add(r);
            }
            String quantity = String.format("largest |ℓ_adjoint - ℓ_backprop| / (ℓ_0 - ℓ_backprop) over the epochs, %s, N = %d "
                    + "(initial loss ℓ_0 = %.5f)", scheme, cfg.curveDepth(), initial);
            if (!(largest >= 0)) {
                policy.inconclusive(quantity + " is " + largest + ": the loss did not decrease or was not finite");
            } else {
                policy.band(quantity, largest, 0, CURVE_TOLERANCE, 0, Double.NaN, 0);
            }
        }
        return result("finetune-curves", Map.of("depth", cfg.curveDepth()), rows, List.of(), policy, notes);
    }

    ClaimResult finetune() {
        List<Map<String, Object>> rows = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        VerdictPolicy policy = new VerdictPolicy(notes);
        Model base = fresh("euler", cfg.baseDepth(), "smooth");
        List<Trainer.Epoch> trained = train(base, new Backprop(), null, cfg.epochs());
        double baseAccuracy = trained.get(trained.size() - 1).testAccuracy();
        // resampling at the network's own depth reads every old sample at its own time: the same network, the same loss
        double baseLoss = evaluate(base).loss();
        double identityLoss = evaluate(new Model(control.resample(base.net(), cfg.baseDepth()), base.head())).loss();
        double identityGap = Math.abs(identityLoss - baseLoss) / Math.abs(baseLoss);
        long[] stored = new long[cfg.finetuneDepths().length];
        double worst = Double.POSITIVE_INFINITY;
        for (int i = 0; i < stored.length; i++) {
            int n = cfg.finetuneDepths()[i];
            LinearHead head = new LinearHead(base.head().loss(), base.head().outputs(), base.head().dim(),
                    base.head().parameters().clone());
            Model m = new Model(control.resample(base.net(), n), head);
            double resampled = evaluate(m).accuracy();
            List<Trainer.Epoch> tuned = train(m, adjoint.get(), null, cfg.finetuneEpochs());
            Trainer.Epoch last = tuned.get(tuned.size() - 1);
            stored[i] = last.storedStateDoubles();
            worst = Math.min(worst, last.testAccuracy());
            Map<String, Object> r = new LinkedHashMap<>();
            r.put("N", n);
            r.put("baseTestAccuracy", baseAccuracy);
            r.put("resampledTestAccuracy", resampled);
            r.put("finetunedTestAccuracy", last.testAccuracy());
            r.put("finetunedLoss", last.loss());
            r.put("adjointStoredDoubles", last.storedStateDoubles());
            r.put("seconds", last.seconds());
            rows.add(r);
        }
        policy.band(String.format("relative test-loss change of resampling N = %d to its own depth (base test loss %.6g)",
                cfg.baseDepth(), baseLoss), identityGap, 0, IDENTITY_TOLERANCE, 0, Double.NaN, 0);
        double resolution = Z95 * Math.sqrt(baseAccuracy * (1 - baseAccuracy) / data.test().rows());
        policy.band(String.format("worst test accuracy after fine-tuning minus the accuracy %.4f at N = %d (resolution "
                        + "1.96 sqrt(p(1-p)/%d) = %.4f)", baseAccuracy, cfg.baseDepth(), data.test().rows(), resolution),
                worst - baseAccuracy, -resolution, 1, 0, Double.NaN, 0);
        policy.check(Arrays.stream(stored).distinct().count() == 1, "the adjoint's stored state doubles "
                + Arrays.toString(stored) + " are the same at every depth " + Arrays.toString(cfg.finetuneDepths()));
        Map<String, Object> extra = new LinkedHashMap<>();
        extra.put("baseDepth", cfg.baseDepth());
        extra.put("depths", Arrays.stream(cfg.finetuneDepths()).boxed().toList());
        extra.put("finetuneEpochs", cfg.finetuneEpochs());
        return result("finetune-depth", extra, rows, List.of(), policy, notes);
    }

    /** Loss and accuracy of {@code m} on the test rows. */
    private Trainer.Evaluation evaluate(Model m) {
        return evaluate(m, data.test());
    }

    /** Loss and accuracy of {@code m} on {@code rows}. */
    private Trainer.Evaluation evaluate(Model m, Dataset rows) {
        return new Trainer(m.net(), m.head(), data.train(), data.test(), new Backprop(), null,
                Optimiser.sgd(cfg.learningRate(), 0), cfg.batch(), cfg.seed()).evaluate(rows);
    }

    ClaimResult heun() {
        List<Map<String, Object>> rows = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        VerdictPolicy policy = new VerdictPolicy(notes);
        Map<String, Integer> needed = new LinkedHashMap<>();
        for (String scheme : List.of("euler", "heun")) {
            needed.put(scheme, null);
            for (int n : cfg.errorDepths()) {
                List<Trainer.Epoch> run = train(fresh(scheme, n, "smooth"), adjoint.get(), new Backprop(), cfg.errorEpochs());
                double error = run.stream().mapToDouble(Trainer.Epoch::gradientError).max().orElse(Double.NaN);
                Map<String, Object> r = new LinkedHashMap<>();
                r.put("scheme", scheme);
                r.put("N", n);
                r.put("maxGradientError", error);
                rows.add(r);
                if (needed.get(scheme) == null && error <= GRADIENT_TOLERANCE) {
                    needed.put(scheme, n);
                }
            }
        }
        List<RateFit> fits = new ArrayList<>();
        int[] depths = cfg.errorDepths();
        for (String scheme : List.of("euler", "heun")) {
            double[] errors = rows.stream().filter(r -> r.get("scheme").equals(scheme))
                    .mapToDouble(r -> (Double) r.get("maxGradientError")).toArray();
            String quantity = scheme + "MaxGradientError";
            RateFit fit = Fits.tryFit(quantity, depths, errors, fitFrom(depths), depths[depths.length - 1],
                    AdjointClaim.ROUND_OFF_FLOOR, notes);
            if (fit != null) {
                fits.add(fit);
            }
            Scheme s = Scheme.byName(scheme);
            int paper = AdjointClaim.paperRate(s, DepthProfile.Smoothness.SMOOTH);
            policy.rate("largest " + scheme + " adjoint gradient error along training (paper " + paper + ")", fit,
                    paper, RATE_TOLERANCE, +1, AdjointClaim.roundTripRate(s, DepthProfile.Smoothness.SMOOTH));
        }
        Integer euler = needed.get("euler");
        Integer heun = needed.get("heun");
        String ladder = Arrays.toString(cfg.errorDepths());
        if (heun == null) {
            if (euler == null) {
                policy.inconclusive("neither scheme's adjoint gradients came within " + GRADIENT_TOLERANCE + " of backprop's on " + ladder);
            } else {
                policy.fails("Euler reached " + GRADIENT_TOLERANCE + " at N = " + euler + ", Heun not on " + ladder);
            }
        } else {
            policy.check(euler == null || heun < euler, String.format("smallest depth with adjoint gradient error <= %.0e along "
                    + "the run: Heun N = %d, Euler %s", GRADIENT_TOLERANCE, heun, euler == null ? "none on " + ladder : "N = " + euler));
        }
        // insertion-ordered: Map.of's iteration order changes from one JVM to the next, and so did the file's bytes
        Map<String, Object> extra = new LinkedHashMap<>();
        extra.put("errorDepths", Arrays.stream(cfg.errorDepths()).boxed().toList());
        extra.put("errorEpochs", cfg.errorEpochs());
        extra.put("fitFrom", fitFrom(depths));
        return result("finetune-heun", extra, rows, fits, policy, notes);
    }

    /** The gradient-error rates are fitted from four times the smallest depth: the first two doublings are pre-asymptotic. */
    static int fitFrom(int[] depths) {
        return 4 * depths[0];
    }

    ClaimResult smoothness() {
        List<Map<String, Object>> rows = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        VerdictPolicy policy = new VerdictPolicy(notes);
        int[] depths = cfg.smoothDepths();
        for (String init : List.of("smooth", "iid")) {
            double[] after = new double[depths.length];
            for (int i = 0; i < depths.length; i++) {
                Model m = fresh("euler", depths[i], init);
                double before = DepthResampling.smoothness(m.net());
                List<Trainer.Epoch> run = train(m, new Backprop(), null, cfg.epochs());
                after[i] = run.get(run.size() - 1).smoothness();
                Map<String, Object> r = new LinkedHashMap<>();
                r.put("init", init);
                r.put("N", depths[i]);
                r.put("smoothnessBefore", before);
                r.put("smoothnessAfter", after[i]);
                r.put("testAccuracy", run.get(run.size() - 1).testAccuracy());
                rows.add(r);
            }
            // growth exponent a of N max ||Δθ|| ≈ c N^a between the ends of the ladder
            int last = depths.length - 1;
            double growth = Math.log(after[last] / after[0]) / Math.log((double) depths[last] / depths[0]);
            if (init.equals("smooth")) {
                policy.band("growth exponent of N max ||Δθ|| after training, smooth init", growth, Double.NEGATIVE_INFINITY,
                        SMOOTH_GROWTH, 0, Double.NaN, 0);
            } else {
                policy.band("growth exponent of N max ||Δθ|| after training, iid init", growth, SMOOTH_GROWTH,
                        Double.POSITIVE_INFINITY, 0, Double.NaN, 0);
            }
        }
        return result("finetune-smoothness", Map.of("depths", Arrays.stream(depths).boxed().toList()), rows, List.of(), policy, notes);
    }

    private ClaimResult result(String claim, Map<String, Object> extra, List<Map<String, Object>> rows, List<RateFit> fits,
                               VerdictPolicy policy, List<String> notes) {
        Map<String, Object> config = new LinkedHashMap<>(cfg.describe());
        config.putAll(extra);
        return new ClaimResult(claim, config, rows, fits, policy.verdict(), notes);
    }
}
