package org.resnetode.train.linear;

import org.resnetode.checks.BadInputException;
import org.resnetode.checks.Checks;

/**
 * Runs gradient descent for a fixed training time {@code t = steps × η} and reports the tracked state every
 * {@code trackEvery} steps (step 0 and the last step included). Divergence (a loss that is NaN, infinite, or
 * {@value #DIVERGENCE_FACTOR} times the initial loss) stops the run with a {@link Divergence} naming the step.
 */
public final class LinearTraining {
    /** A loss this many times the initial loss is divergence. */
    public static final double DIVERGENCE_FACTOR = 1e6;

    private LinearTraining() {
    }

    /** Learning rate η, number of steps and tracking interval. */
    public record Settings(double learningRate, int steps, int trackEvery) {
        public Settings {
            Checks.positive("learning rate", learningRate);
            Checks.atLeast("steps", steps, 0);
            Checks.positive("tracking interval (steps)", trackEvery);
        }

        /** The settings reaching training time {@code time} with step η (steps rounded to the nearest integer). */
        public static Settings forTime(double learningRate, double time, int trackEvery) {
            if (!(time >= 0) || !Double.isFinite(time)) {
                throw new BadInputException("training time must be finite and >= 0, got " + time);
            }
            Checks.positive("learning rate", learningRate);
            Checks.require(Math.round(time / learningRate) <= Integer.MAX_VALUE, "training time " + time
                    + " at learning rate " + learningRate + " needs more than " + Integer.MAX_VALUE + " steps");
            return new Settings(learningRate, (int) Math.round(time / learningRate), trackEvery);
        }
    }

    /** Receives the state at each tracked step: {@code weights} is the trainer's live array, valid during the call. */
    @FunctionalInterface
    public interface Observer {
        void tracked(int step, double time, double loss, double smoothness, double[] weights);
    }

    /** The training diverged: the step, its loss, and a smaller learning rate to try. */
    public static final class Divergence extends RuntimeException {
        private static final long serialVersionUID = 1L;
        private final int step;

        Divergence(int step, double loss, double initialLoss, double learningRate) {
            super(String.format(java.util.Locale.ROOT,
                    "training diverged at step %d (loss %.4g, initial loss %.4g): use a smaller learning rate, e.g. %.3g",
                    step, loss, initialLoss, learningRate / 10));
            this.step = step;
        }

        public int step() { return step; }
    }

    /** Trains for {@code settings.steps()} steps; returns the final loss. */
    public static double run(LinearTrainer trainer, Settings settings, Observer observer) {
        double eta = settings.learningRate();
        double initial = trainer.loss();
        // before any step the loss is the target's own: infinite there is input out of range, not divergence
        Checks.require(Double.isFinite(initial), "the loss is " + initial
                + " before any training step: the target or the data are too large");
        for (int step = 0; step < settings.steps(); step++) {
            if (step % settings.trackEvery() == 0) {
                track(trainer, step, eta, step == 0 ? initial : trainer.loss(), observer);
            }
            double loss = trainer.step(eta);
            if (!Double.isFinite(loss) || loss > DIVERGENCE_FACTOR * initial) {
                throw new Divergence(step, loss, initial, eta);
            }
        }
        double last = trainer.loss();
        if (!Double.isFinite(last) || last > DIVERGENCE_FACTOR * initial) {
            throw new Divergence(settings.steps(), last, initial, eta);
        }
        track(trainer, settings.steps(), eta, last, observer);
        return last;
    }

    private static void track(LinearTrainer trainer, int step, double eta, double loss, Observer observer) {
        observer.tracked(step, step * eta, loss,
                Smoothness.of(trainer.weights(), trainer.dim(), trainer.depth()), trainer.weights());
    }
}
