package org.resnetode.model;

import java.util.SplittableRandom;

/** The scalar example {@code f(x, θ) = θ² x} (d = p = 1) of MATH.md section 2. */
public final class ThetaSquaredFamily implements ResidualFunction {

    @Override public String name() { return "theta2"; }
    @Override public int dim() { return 1; }
    @Override public int parameterCount() { return 1; }
    @Override public int workSize() { return 0; }
    @Override public boolean oddInTheta() { return false; }
    @Override public boolean linearInTheta() { return false; }
    @Override public ScalarGrowthRate scalarGrowthRate() { return ScalarGrowthRate.THETA_SQUARED; }
    @Override public int normCount() { return 1; }

    @Override
    public void value(double[] theta, int off, double[] x, double[] out, double[] work) {
        out[0] = theta[off] * theta[off] * x[0];
    }

    /** {@code gx = θ² p}, {@code gθ += 2 θ x p}. */
    @Override
    public void vjp(double[] theta, int off, double[] x, double[] p, double[] gx, double[] gTheta, int gOff, double[] work) {
        double t = theta[off];
        gx[0] = t * t * p[0];
        gTheta[gOff] += 2 * t * x[0] * p[0];
    }

    @Override
    public void parameterNorms(double[] theta, int off, double[] out) {
        out[0] = Math.abs(theta[off]);
    }

    /** {@code L_x = θ²}, {@code |θ² - θ'²| |x| <= 2 max|θ| R |θ - θ'|}, {@code M = θ² R}. */
    @Override
    public Constants constants(double[] normBounds, double radius) {
        double t = normBounds[0];
        return new Constants(t * t, 2 * t * radius, t * t * radius);
    }

    /** A random sign: the unit scale of this example is {@code |θ| = 1} (alternation gives θ_n = ±1). */
    @Override
    public void initialParameters(SplittableRandom rng, double[] out, int off) {
        out[off] = rng.nextBoolean() ? 1.0 : -1.0;
    }
}
