package org.resnetode.train;

import org.resnetode.checks.BadInputException;
import java.util.HashMap;
import java.util.Map;

/**
 * Updates parameter blocks in place from their gradients. Each block (the ResNet's weights, the head) is
 * identified by a number and keeps its own state (velocity, moments), created on its first step.
 */
public abstract class Optimiser {
    private final Map<Integer, double[][]> state = new HashMap<>();

    /** One step on block {@code block}: {@code params} updated in place from {@code gradient}. */
    public final void step(int block, double[] params, double[] gradient) {
        if (params.length != gradient.length) {
            throw new IllegalArgumentException("block " + block + " has " + params.length + " parameters and "
                    + gradient.length + " gradient entries");
        }
        double[][] s = state.computeIfAbsent(block, b -> new double[stateArrays()][params.length]);
        update(params, gradient, s);
    }

    /** How many arrays of the block's size the method keeps per block. */
    abstract int stateArrays();

    abstract void update(double[] params, double[] gradient, double[][] state);

    /** Name and hyper-parameters, for reports. */
    public abstract String describe();

    /**
     * Minibatch SGD with heavy-ball momentum (the PyTorch convention): {@code v <- μ v + g}, {@code θ <- θ - η v};
     * μ = 0 is plain SGD and keeps no state.
     */
    public static Optimiser sgd(double learningRate, double momentum) {
        requireRate(learningRate);
        if (!(momentum >= 0 && momentum < 1)) {
            throw new BadInputException("momentum must be in [0, 1), got " + momentum);
        }
        return new Optimiser() {
            @Override
            int stateArrays() {
                return momentum == 0 ? 0 : 1;
            }

            @Override
            void update(double[] params, double[] gradient, double[][] state) {
                if (momentum == 0) {
                    for (int i = 0; i < params.length; i++) {
                        params[i] -= learningRate * gradient[i];
                    }
                    return;
                }
                double[] v = state[0];
                for (int i = 0; i < params.length; i++) {
                    v[i] = momentum * v[i] + gradient[i];
                    params[i] -= learningRate * v[i];
                }
            }

            @Override
            public String describe() {
                return "sgd lr=" + learningRate + " momentum=" + momentum;
            }
        };
    }

    /**
     * Adam (Kingma and Ba): {@code m <- β1 m + (1-β1) g}, {@code v <- β2 v + (1-β2) g²},
     * {@code θ <- θ - η m̂ / (√v̂ + ε)} with the bias corrections {@code m̂ = m / (1-β1^t)}, {@code v̂ = v / (1-β2^t)};
     * β1 = 0.9, β2 = 0.999, ε = 1e-8.
     */
    public static Optimiser adam(double learningRate) {
        requireRate(learningRate);
        double beta1 = 0.9;
        double beta2 = 0.999;
        double epsilon = 1e-8;
        return new Optimiser() {
            @Override
            int stateArrays() {
                return 3;
            }

            @Override
            void update(double[] params, double[] gradient, double[][] state) {
                double[] m = state[0];
                double[] v = state[1];
                // state[2][0] counts this block's steps t
                double t = ++state[2][0];
                double c1 = 1 - Math.pow(beta1, t);
                double c2 = 1 - Math.pow(beta2, t);
                for (int i = 0; i < params.length; i++) {
                    double g = gradient[i];
                    m[i] = beta1 * m[i] + (1 - beta1) * g;
                    v[i] = beta2 * v[i] + (1 - beta2) * g * g;
                    params[i] -= learningRate * (m[i] / c1) / (Math.sqrt(v[i] / c2) + epsilon);
                }
            }

            @Override
            public String describe() {
                return "adam lr=" + learningRate;
            }
        };
    }

    private static void requireRate(double learningRate) {
        if (!(learningRate > 0) || !Double.isFinite(learningRate)) {
            throw new BadInputException("learning rate must be a positive finite number, got " + learningRate);
        }
    }
}
