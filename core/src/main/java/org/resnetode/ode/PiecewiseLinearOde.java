package org.resnetode.ode;

import org.apache.commons.math3.ode.FirstOrderDifferentialEquations;
import org.resnetode.model.ResidualFunction;
import org.resnetode.model.Weights;
import org.resnetode.scheme.WeightPath;

/**
 * The Neural ODE {@code x'(t) = f(x(t), θ(t))} of a network given by its weights: θ(t) is the
 * piecewise-linear interpolation of {@code (t_n, θ_n)}, {@code t_n = n h}, constant after the last knot
 * ({@link WeightPath}). The right-hand side is smooth on each knot interval; {@link #setInterval} selects the one
 * being integrated.
 */
final class PiecewiseLinearOde implements FirstOrderDifferentialEquations {
    private final ResidualFunction f;
    private final WeightPath path;
    private final double[] theta;
    private final double[] work;
    private int interval;

    PiecewiseLinearOde(ResidualFunction f, Weights weights, double h) {
        this.f = f;
        this.path = new WeightPath(weights, h);
        this.theta = new double[f.parameterCount()];
        this.work = new double[f.workSize()];
    }

    /** Integrate on {@code [t_k, t_{k+1}]} next; k = last knot means the constant tail. */
    void setInterval(int k) {
        this.interval = k;
    }

    int lastKnot() {
        return path.lastKnot();
    }

    double knotTime(int k) {
        return path.knotTime(k);
    }

    @Override
    public int getDimension() {
        return f.dim();
    }

    /** {@code f(x, θ(t))} with θ(t) on the current knot interval. */
    @Override
    public void computeDerivatives(double t, double[] x, double[] xDot) {
        path.at(interval, t, theta);
        f.value(theta, 0, x, xDot, work);
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
