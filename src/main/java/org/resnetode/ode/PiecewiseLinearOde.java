package org.resnetode.ode;

import org.apache.commons.math3.ode.FirstOrderDifferentialEquations;
import org.resnetode.model.ResidualFunction;
import org.resnetode.model.Weights;

/**
 * The Neural ODE {@code x'(t) = f(x(t), θ(t))} of a network given by its weights: θ(t) is the
 * piecewise-linear interpolation of {@code (t_n, θ_n)}, {@code t_n = n h}, constant after the last knot.
 * The right-hand side is smooth on each knot interval; {@link #setInterval} selects the one being integrated.
 */
final class PiecewiseLinearOde implements FirstOrderDifferentialEquations {
    private final ResidualFunction f;
    private final Weights weights;
    private final double h;
    private final double[] theta;
    private final double[] work;
    private int interval;

    PiecewiseLinearOde(ResidualFunction f, Weights weights, double h) {
        this.f = f;
        this.weights = weights;
        this.h = h;
        this.theta = new double[f.parameterCount()];
        this.work = new double[f.workSize()];
    }

    /** Integrate on {@code [t_k, t_{k+1}]} next; k = last knot means the constant tail. */
    void setInterval(int k) {
        this.interval = k;
    }

    int lastKnot() {
        return weights.count() - 1;
    }

    double knotTime(int k) {
        return k * h;
    }

    @Override
    public int getDimension() {
        return f.dim();
    }

    /** {@code θ(t) = (1-λ) θ_k + λ θ_{k+1}}, {@code λ = (t - t_k)/h}, on the current interval. */
    @Override
    public void computeDerivatives(double t, double[] x, double[] xDot) {
        double[] w = weights.data();
        int p = weights.size();
        int k = interval;
        if (k >= lastKnot()) {
            f.value(w, weights.offset(lastKnot()), x, xDot, work);
        } else {
            double lambda = (t - knotTime(k)) / h;
            int a = weights.offset(k);
            int b = weights.offset(k + 1);
            for (int j = 0; j < p; j++) {
                theta[j] = (1 - lambda) * w[a + j] + lambda * w[b + j];
            }
            f.value(theta, 0, x, xDot, work);
        }
        requireFinite(t, xDot);
    }

    /** A NaN or infinite slope (overflow) stops the integration: the step-size control cannot recover from it. */
    private static void requireFinite(double t, double[] xDot) {
        for (double v : xDot) {
            if (!Double.isFinite(v)) {
                throw new ArithmeticException("the right-hand side is " + v + " at t = " + t);
            }
        }
    }
}
