package org.resnetode.train.linear;

import org.resnetode.linalg.Gemm;

/**
 * A loss of the end-to-end matrix {@code P} of a linear ResNet (MATH.md section 3): returns {@code ℓ(P)} and
 * writes {@code G = ∂ℓ/∂P} (d×d, row-major) into a caller-owned buffer.
 */
public interface LinearLoss {

    /** Dimension d of P. */
    int dim();

    /** Returns {@code ℓ(P)} and overwrites {@code gradient} with {@code ∂ℓ/∂P}. */
    double evaluate(double[] p, double[] gradient);

    /** {@code ℓ = ½ ||P - B||_F²}, {@code ∂ℓ/∂P = P - B}. */
    static LinearLoss matrix(double[] target, int d) {
        Targets.requireSquare("target", target, d);
        double[] b = target.clone();
        return new LinearLoss() {
            @Override public int dim() { return d; }

            @Override
            public double evaluate(double[] p, double[] gradient) {
                double loss = 0;
                for (int i = 0; i < b.length; i++) {
                    double r = p[i] - b[i];
                    gradient[i] = r;
                    loss += r * r;
                }
                return 0.5 * loss;
            }
        };
    }

    /**
     * {@code ℓ = ½ mean_i ||P x_i - y_i||²} over m samples (rows of {@code inputs}, {@code targets}, m×d):
     * with {@code E = X Pᵀ - Y}, {@code ℓ = ||E||_F² / (2m)} and {@code ∂ℓ/∂P = Eᵀ X / m}.
     */
    static LinearLoss dataSet(double[] inputs, double[] targets, int samples, int d) {
        if (samples < 1 || inputs.length != (long) samples * d || targets.length != inputs.length) {
            throw new IllegalArgumentException("data set: expected " + samples + " inputs and targets of dimension " + d
                    + ", got " + inputs.length + " and " + targets.length + " values");
        }
        Targets.requireFinite("data set input", inputs);
        Targets.requireFinite("data set target", targets);
        double[] x = inputs.clone();
        double[] y = targets.clone();
        double[] residual = new double[samples * d];
        return new LinearLoss() {
            @Override public int dim() { return d; }

            @Override
            public double evaluate(double[] p, double[] gradient) {
                Gemm.nt(x, 0, p, 0, residual, 0, samples, d, d, 0);
                double loss = 0;
                for (int i = 0; i < residual.length; i++) {
                    residual[i] -= y[i];
                    loss += residual[i] * residual[i];
                }
                Gemm.tn(residual, 0, x, 0, gradient, 0, d, d, samples, 0);
                for (int i = 0; i < gradient.length; i++) {
                    gradient[i] /= samples;
                }
                return 0.5 * loss / samples;
            }
        };
    }
}
