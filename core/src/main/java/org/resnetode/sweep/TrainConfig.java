package org.resnetode.sweep;

import java.util.Arrays;
import org.resnetode.checks.Checks;
import org.resnetode.model.Families;
import org.resnetode.model.ResidualFunction;
import org.resnetode.scheme.Scheme;
import org.resnetode.train.Dataset;
import org.resnetode.train.Initialisation;
import org.resnetode.train.TrainingRun;

/**
 * One configuration of the training measurement: a ResNet of {@code family} (the mlp's hidden width {@code hidden})
 * stepped by {@code scheme}, initialised by {@code init} ({@code smooth} with a smooth {@code profile} of depth variation
 * {@code amplitude}, {@code iid} or {@code zero}), trained with a linear head on the first {@code trainRows} rows of the
 * bundled digits for {@code epochs} epochs of minibatches of {@code batch}, gradients by {@code gradient}, at every depth
 * of {@code depths}. The record judges its fields as {@code train} does its options: the names, a family at the data's
 * dimension, a ladder of at least two depths each at least the scheme's minimum, a smooth profile for {@code smooth},
 * the optimiser's rate and momentum, positive counts, training rows the data has.
 */
record TrainConfig(String family, int hidden, String scheme, String init, String profile, double amplitude, int[] depths,
                   String gradient, String optimiser, double learningRate, double momentum, int epochs, int batch,
                   int trainRows, long seed) {

    TrainConfig {
        Dataset train = TrainData.split().train();
        Checks.oneOf("family", family, Families.NAMES);
        Checks.positive("hidden width", hidden);
        ResidualFunction f = Families.create(family, train.features(), hidden);
        Scheme s = Scheme.byName(scheme);
        Checks.ladder("the depth ladder (scheme " + scheme + ")", depths, s.minimumDepth());
        Checks.require(depths.length >= 2, "the smoothness exponent needs at least 2 depths, got " + Arrays.toString(depths));
        depths = depths.clone();
        Arrays.sort(depths);
        Initialisation.weights(init, profile, amplitude, f, s, depths[0], seed);
        Checks.oneOf("gradient method", gradient, TrainingRun.GRADIENTS);
        TrainingRun.optimiser(optimiser, learningRate, momentum);
        Checks.positive("epochs", epochs);
        Checks.positive("batch size", batch);
        Checks.inRange("training rows", trainRows, 1, train.rows());
    }

    @Override
    public int[] depths() {
        return depths.clone();
    }
}
