package org.resnetode.ode;

import org.apache.commons.math3.exception.MathIllegalArgumentException;
import org.apache.commons.math3.exception.MathIllegalStateException;
import org.apache.commons.math3.ode.nonstiff.DormandPrince853Integrator;
import org.resnetode.model.Norms;
import org.resnetode.model.ResidualFunction;
import org.resnetode.model.Weights;

/**
 * The Neural ODE reference solution: Dormand-Prince 8(5,3), integrated knot interval by knot interval
 * (the right-hand side has kinks at the knots), and self-checked against a solve at a 10× tighter
 * tolerance. {@link #solve(double[], double, double)} tightens the tolerance until the reference is
 * {@value #REQUIRED_MARGIN}× more accurate than the error it is asked to measure, or reports that it cannot.
 * For a scalar field linear in x (theta2, linear at d = 1) the reference is the closed form {@code x_0 e^{∫ g}}
 * ({@link ScalarLinearSolution}) instead: exact but for its rounding to a double, its self-check difference one ulp.
 */
public final class OdeReference {
    /** The reference must be this many times more accurate than the error it measures (MATH.md section 1). */
    public static final double REQUIRED_MARGIN = 1e3;
    /** First tolerance tried, relative (and absolute, scaled by max(1, ||x_0||)). */
    public static final double START_TOLERANCE = 1e-11;
    /** Tightest tolerance tried: below it double rounding dominates. */
    public static final double TIGHTEST_TOLERANCE = 1e-14;

    private final PiecewiseLinearOde ode;
    /** The closed form where f is scalar and linear in x, else null. */
    private final ScalarLinearSolution closedForm;

    /** @param h spacing of the knots {@code t_n = n h} of the weights */
    public OdeReference(ResidualFunction f, Weights weights, double h) {
        this.ode = new PiecewiseLinearOde(f, weights, h);
        this.closedForm = ScalarLinearSolution.of(f, weights, h);
    }

    /**
     * Solves to time {@code T} at tolerance τ and τ/10, starting from {@link #START_TOLERANCE} and
     * tightening 10× while the self-check difference is not 1000× below {@code errorToMeasure}.
     * The returned solution says, through {@link OdeSolution#accurateFor}, whether it succeeded.
     */
    public OdeSolution solve(double[] x0, double endTime, double errorToMeasure) {
        OdeSolution s = first(x0, endTime);
        while (!s.accurateFor(errorToMeasure) && canTighten(s)) {
            s = solveChecked(x0, endTime, s.tolerance());
        }
        return s;
    }

    /**
     * The distance {@code ||point - x(T)||} from a point (a network's output) to the reference, tightening
     * the tolerance from {@link #START_TOLERANCE} while the reference is not {@value #REQUIRED_MARGIN}×
     * more accurate than that distance. {@link MeasuredDistance#refusal()} says why the distance must not be
     * reported as measured: even {@link #TIGHTEST_TOLERANCE} does not suffice, the solution or the point is not
     * finite (overflow), or the integrator gave up (step count exhausted, step size below its minimum: stiffness;
     * a right-hand side that is NaN or infinite).
     */
    public MeasuredDistance distance(double[] x0, double endTime, double[] point) {
        try {
            OdeSolution s = first(x0, endTime);
            double e = Norms.distance(point, 0, s.x(), 0, point.length);
            while (Double.isFinite(e) && !s.accurateFor(e) && canTighten(s)) {
                s = solveChecked(x0, endTime, s.tolerance());
                e = Norms.distance(point, 0, s.x(), 0, point.length);
            }
            return new MeasuredDistance(e, s, refusal(s, e));
        } catch (MathIllegalStateException | MathIllegalArgumentException | ArithmeticException ex) {
            return new MeasuredDistance(Double.NaN, null, "the ODE solver gave up: " + ex.getMessage());
        }
    }

    /** The first solution: the closed form where f has one, else the integrator at {@link #START_TOLERANCE}. */
    private OdeSolution first(double[] x0, double endTime) {
        return closedForm != null ? closedForm.solve(x0[0], endTime) : solveChecked(x0, endTime, START_TOLERANCE);
    }

    /** Whether a tolerance 10× below s's is still allowed: never for the closed form, whose tolerance is 0. */
    private static boolean canTighten(OdeSolution s) {
        return s.tolerance() / 10 >= TIGHTEST_TOLERANCE * 0.999;
    }

    /** Why a distance {@code e} measured against {@code s} is refused, or null when it is accepted. */
    private static String refusal(OdeSolution s, double e) {
        if (!Double.isFinite(e) || !Double.isFinite(s.selfCheckDifference())) {
            return "overflow: distance " + e + ", reference self-check " + s.selfCheckDifference()
                    + " (largest state norm at the knots " + s.maxKnotNorm() + ")";
        }
        if (!s.accurateFor(e)) {
            return "the ODE reference could not be made " + (long) REQUIRED_MARGIN + "x more accurate than the error " + e
                    + " (self-check " + s.selfCheckDifference() + " at tolerance " + s.tolerance() + ")";
        }
        return null;
    }

    /**
     * One solve at τ, self-checked against τ/10 (the finer solve is the one returned). The finer solve
     * also takes at least two steps per knot interval, so that it never retraces the coarse solve's
     * steps (when both take one step per interval their difference would be exactly 0 and check nothing).
     */
    public OdeSolution solveChecked(double[] x0, double endTime, double tolerance) {
        double[] coarse = new double[x0.length];
        integrate(x0, endTime, tolerance, 1, coarse);
        double[] fine = new double[x0.length];
        double maxNorm = integrate(x0, endTime, tolerance / 10, 2, fine);
        return new OdeSolution(fine, tolerance / 10, Norms.distance(coarse, 0, fine, 0, x0.length), maxNorm);
    }

    /** Integrates from 0 to {@code endTime}, breaking at every knot; returns the largest norm at the knots. */
    public double integrate(double[] x0, double endTime, double tolerance, double[] out) {
        return integrate(x0, endTime, tolerance, 1, out);
    }

    /** As {@link #integrate(double[], double, double, double[])}, with at least {@code minSteps} steps per knot interval. */
    private double integrate(double[] x0, double endTime, double tolerance, int minSteps, double[] out) {
        double scale = Math.max(1, Norms.euclidean(x0));
        double[] y = x0.clone();
        double maxNorm = Norms.euclidean(y);
        int last = ode.lastKnot();
        double t = 0;
        for (int k = 0; t < endTime; k++) {
            double next = k >= last ? endTime : Math.min(ode.knotTime(k + 1), endTime);
            double length = next - t;
            if (length > 0) {
                DormandPrince853Integrator integrator =
                        new DormandPrince853Integrator(length * 1e-12, length / minSteps, tolerance * scale, tolerance);
                ode.setInterval(Math.min(k, last));
                integrator.integrate(ode, t, y, next, y);
                maxNorm = Math.max(maxNorm, Norms.euclidean(y));
            }
            t = next;
        }
        System.arraycopy(y, 0, out, 0, y.length);
        return maxNorm;
    }
}
