package org.resnetode.claim;

import org.resnetode.checks.BadInputException;
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
        for (int[] ladder : new int[][] {finetuneDepths, errorDepths, smoothDepths}) {
            if (ladder.length < 2 || Arrays.stream(ladder).anyMatch(n -> n < 2)) {
                throw new BadInputException("each depth ladder needs at least two depths of at least 2, got "
                        + Arrays.toString(ladder));
            }
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
