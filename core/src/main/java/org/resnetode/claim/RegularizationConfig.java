package org.resnetode.claim;

import org.resnetode.checks.Checks;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import org.resnetode.model.DepthProfile;
import org.resnetode.model.DepthProfiles;
import org.resnetode.model.LinearFamily;
import org.resnetode.train.linear.LinearLoss;
import org.resnetode.train.linear.LinearTraining;
import org.resnetode.train.linear.Targets;

/**
 * One Claim R run (MATH.md section 3): dimension, target ({@code random:s}, {@code diagonal:...} or a file), seed,
 * the depth ladder, learning rate η and training time T (the same for every depth: {@code round(T/η)} steps),
 * the tracking interval in steps, the initial depth profile ({@code zero}, or a profile of {@link DepthProfiles}
 * around zero with the given amplitude) and the loss every depth must reach.
 */
public record RegularizationConfig(int dim, String target, long seed, int[] depths, double learningRate, double time,
                                   int trackEvery, String init, double initAmplitude, double lossTarget) {
    /** The initial profile that is zero at every layer. */
    public static final String ZERO = "zero";

    public RegularizationConfig {
        Checks.positive("dimension", dim);
        Checks.ladder("the depth ladder", depths, 1);
        for (int n : depths) {
            // the trainer keeps the N + 1 prefix products A_0 ... A_{n-1} of d×d blocks in one array
            Checks.arrayFits("depth " + n + " at dimension " + dim, ((long) n + 1) * dim * dim);
        }
        depths = depths.clone();
        Arrays.sort(depths);
        settings(learningRate, time, trackEvery);
        Checks.positive("loss target", lossTarget);
        Checks.finite("initial amplitude", initAmplitude);
        // the target judged here, before any training (the scan and the commuting case run minutes after the ladder)
        double[] b = Targets.parse(target, dim, seed);
        double distance = 0;
        for (int i = 0; i < dim; i++) {
            for (int j = 0; j < dim; j++) {
                double e = (i == j ? 1 : 0) - b[i * dim + j];
                distance += e * e;
            }
        }
        Checks.require(Double.isFinite(distance), "target " + org.resnetode.checks.Printable.of(target, 60)
                + ": ||I - B||_F^2 overflows a double (about 1.8e308), so the loss is infinite before any training step");
    }

    /** The same run with another target and ladder (for the scan). */
    public RegularizationConfig with(int newDim, String newTarget, int[] newDepths) {
        return new RegularizationConfig(newDim, newTarget, seed, newDepths, learningRate, time, trackEvery, init,
                initAmplitude, lossTarget);
    }

    public LinearTraining.Settings settings() {
        return settings(learningRate, time, trackEvery);
    }

    private static LinearTraining.Settings settings(double learningRate, double time, int trackEvery) {
        return LinearTraining.Settings.forTime(learningRate, time, trackEvery);
    }

    /** The loss {@code ½ ||P - B||_F²} of the target. */
    public LinearLoss loss() {
        return LinearLoss.matrix(Targets.parse(target, dim, seed), dim);
    }

    /** The initial depth profile, null for zero. */
    public DepthProfile initialProfile() {
        return init.equals(ZERO) ? null
                : DepthProfiles.create(init, new LinearFamily(dim), seed + 1, initAmplitude, true);
    }

    public Map<String, Object> describe() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("family", "linear");
        m.put("profile", init);
        m.put("scheme", "euler");
        m.put("dim", dim);
        m.put("target", target);
        m.put("seed", seed);
        m.put("depths", Arrays.stream(depths).boxed().toList());
        m.put("learningRate", learningRate);
        m.put("trainingTime", time);
        m.put("steps", settings().steps());
        m.put("trackEvery", trackEvery);
        if (!init.equals(ZERO)) {
            m.put("initAmplitude", initAmplitude);
        }
        m.put("lossTarget", lossTarget);
        m.put("limitReference", "Richardson on N and 2N at the same training time: 2 max_n ||A^N_n - A^{2N}_{2n}||; checked against "
                + "the deep reference 2 A^{2M} - A^M, M the deepest depth of the ladder, at every N <= M/4");
        return m;
    }
}
