package org.resnetode.claim;

import org.resnetode.checks.Checks;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Settings of the fine-tuning claim, all on the bundled digits (first {@code trainRows} training rows, the last
 * 360 rows as test set), an mlp ResNet of hidden width {@code hidden}, SGD with momentum, batch {@code batch}:
 * loss curves at depth {@code curveDepth} over {@code epochs} epochs; a base network at {@code baseDepth} resampled
 * to {@code finetuneDepths} and trained {@code finetuneEpochs} more epochs with the adjoint; adjoint-versus-backprop
 * gradient errors along {@code errorEpochs} epochs over {@code errorDepths}; smoothness after {@code epochs}
 * epochs over {@code smoothDepths}.
 */
public record FinetuneConfig(int trainRows, int hidden, int batch, double learningRate, double momentum, long seed,
                             int epochs, int curveDepth, int baseDepth, int[] finetuneDepths, int finetuneEpochs,
                             int[] errorDepths, int errorEpochs, int[] smoothDepths) {

    /** The default of {@code finetune} and {@code report}: seconds on the per-sample engine. */
    public static FinetuneConfig quick(long seed) {
        return new FinetuneConfig(256, 16, 64, 0.1, 0.9, seed, 3, 16, 8, new int[] {32, 128, 256}, 1,
                new int[] {4, 8, 16, 32, 64, 128}, 1, new int[] {8, 16, 32, 64, 128});
    }

    /** {@code finetune --full}: 512 training rows, fine-tuning up to N = 16384 and longer ladders (about ten minutes on the per-sample engine). */
    public static FinetuneConfig full(long seed) {
        return new FinetuneConfig(512, 16, 64, 0.1, 0.9, seed, 5, 32, 16, new int[] {64, 256, 1024, 4096, 16384}, 1,
                new int[] {4, 8, 16, 32, 64, 128, 256}, 2, new int[] {8, 16, 32, 64, 128, 256, 512});
    }

    public FinetuneConfig {
        Checks.positive("training rows", trainRows);
        Checks.positive("hidden width", hidden);
        Checks.positive("batch size", batch);
        Checks.positive("learning rate", learningRate);
        Checks.require(momentum >= 0 && momentum < 1, "momentum must be in [0, 1), got " + momentum);
        Checks.positive("epochs", epochs);
        Checks.atLeast("the loss-curve depth", curveDepth, 2);
        Checks.atLeast("the base depth", baseDepth, 2);
        Checks.positive("fine-tuning epochs", finetuneEpochs);
        Checks.positive("gradient-error epochs", errorEpochs);
        for (int[] ladder : new int[][] {finetuneDepths, errorDepths, smoothDepths}) {
            Checks.ladder("a depth ladder", ladder, 2);
            Checks.require(ladder.length >= 2, "each depth ladder needs at least two depths, got " + Arrays.toString(ladder));
        }
        finetuneDepths = finetuneDepths.clone();
        errorDepths = errorDepths.clone();
        smoothDepths = smoothDepths.clone();
    }

    public Map<String, Object> describe() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("data", "digits");
        m.put("trainRows", trainRows);
        m.put("family", "mlp");
        m.put("dim", 64);
        m.put("hidden", hidden);
        m.put("batch", batch);
        m.put("lr", learningRate);
        m.put("momentum", momentum);
        m.put("seed", seed);
        m.put("epochs", epochs);
        return m;
    }
}
