package org.resnetode.scheme;

import org.resnetode.model.ResidualFunction;

/**
 * One explicit Runge-Kutta step of a tableau on the interval between two weight samples, its exact
 * vector-Jacobian product, and (via {@link #reverse}) its reverse: the same tableau with step -h and
 * the stage weights mirrored, {@code θ(t_{n+1} - c_i h)} (θ_n throughout for a tableau that reads only θ_n).
 *
 * <p>Stage i reads the weights at position {@code s_i} of the step ({@link WeightPath#stagePosition}): {@code s = 0}
 * is θ_n, {@code s = 1} is θ_{n+1}, in between {@link WeightPath#interpolate}. Owns its stage buffers: one instance
 * per thread.
 */
public final class RungeKuttaStep {
    private final ButcherTableau tableau;
    /** The tableau's A (row i of length i) and b, read in place (no copy: a gradient allocates only its state). */
    private final double[][] a;
    private final double[] b;
    private final ResidualFunction f;
    private final double direction;
    private final double[] position;
    private final int d;
    private final int p;
    private final double[] stageTheta;
    private final double[] stageGradient;
    /** Rows the stage buffers hold ({@link #reserve}). */
    private int capacity;
    private double[][] stageInput;
    private double[][] stageSlope;
    private double[][] stageAdjoint;
    private double[] vjpX;
    private double[] work;

    private RungeKuttaStep(ButcherTableau tableau, ResidualFunction f, boolean reverse) {
        this.tableau = tableau;
        this.a = tableau.sharedA();
        this.b = tableau.sharedB();
        this.f = f;
        this.direction = reverse ? -1 : 1;
        int s = tableau.stages();
        this.position = new double[s];
        for (int i = 0; i < s; i++) {
            position[i] = WeightPath.stagePosition(tableau, i, reverse);
        }
        this.d = f.dim();
        this.p = f.parameterCount();
        // interpolated weights are needed only by stages strictly inside the step (RK4's c = 1/2)
        boolean interior = java.util.Arrays.stream(position).anyMatch(x -> x != 0 && x != 1);
        this.stageTheta = new double[interior ? p : 0];
        this.stageGradient = new double[interior ? p : 0];
        reserve(1);
    }

    /** Sizes the stage buffers for batches of up to {@code rows} rows (allocates only when they grow). */
    public void reserve(int rows) {
        if (rows <= capacity) {
            return;
        }
        int s = tableau.stages();
        this.stageInput = new double[s][];
        for (int i = 1; i < s; i++) {
            stageInput[i] = new double[rows * d];
        }
        this.stageSlope = new double[s][rows * d];
        this.stageAdjoint = new double[s][rows * d];
        this.vjpX = new double[rows * d];
        this.work = new double[Math.max(f.workSize(), f.batchWorkSize(rows))];
        this.capacity = rows;
    }

    /** The step {@code t_n -> t_{n+1}}. */
    public static RungeKuttaStep forward(ButcherTableau tableau, ResidualFunction f) {
        return new RungeKuttaStep(tableau, f, false);
    }

    /** The reverse step {@code t_{n+1} -> t_n}: step -h, stage i reading θ at {@link WeightPath#stagePosition} reversed. */
    public static RungeKuttaStep reverse(ButcherTableau tableau, ResidualFunction f) {
        return new RungeKuttaStep(tableau, f, true);
    }

    public ButcherTableau tableau() {
        return tableau;
    }

    /**
     * {@code out = x ± h Σ b_i k_i} with θ_n at {@code w[offN..]} and θ_{n+1} at {@code w[offNext..]}
     * ({@code offNext} is not read when the tableau only reads θ_n). {@code out} may alias {@code x}.
     */
    public void apply(double[] w, int offN, int offNext, double h, double[] x, double[] out) {
        applyBatch(w, offN, offNext, h, x, out, 1);
    }

    /** {@link #apply} on a batch: x and out are {@code rows × d} blocks, one sample a row (out may alias x). */
    public void applyBatch(double[] w, int offN, int offNext, double h, double[] x, double[] out, int rows) {
        applyBatchKeeping(w, offN, offNext, h, x, out, rows, null);
    }

    /**
     * Doubles {@link #applyBatchKeeping} keeps on {@code rows} rows: each stage's
     * {@link ResidualFunction#keptSize}, stage after stage (0 when the family keeps nothing).
     */
    public int keptSize(int rows) {
        return rows == 1 ? 0 : tableau.stages() * f.keptSize(rows);
    }

    /**
     * {@link #applyBatch}, keeping in {@code kept} ({@link #keptSize} doubles, or null: nothing kept) what each stage's
     * family evaluation computed on the way and its VJP needs ({@link ResidualFunction#valueBatchKeeping}).
     */
    public void applyBatchKeeping(double[] w, int offN, int offNext, double h, double[] x, double[] out, int rows,
                                  double[] kept) {
        reserve(rows);
        double signedH = direction * h;
        evaluateStages(w, offN, offNext, signedH, x, rows, tableau.stages(), kept);
        int size = rows * d;
        if (b.length == 1) {
            // one stage (Euler): the loop below with its one-term sum unrolled (the same value, up to the sign of a zero)
            double b0 = b[0];
            double[] k0 = stageSlope[0];
            for (int k = 0; k < size; k++) {
                out[k] = x[k] + signedH * (b0 * k0[k]);
            }
            return;
        }
        for (int k = 0; k < size; k++) {
            double s = 0;
            for (int i = 0; i < b.length; i++) {
                s += b[i] * stageSlope[i][k];
            }
            out[k] = x[k] + signedH * s;
        }
    }

    /**
     * Reverse-mode derivative of {@link #apply} at {@code x}: given {@code pOut = ∂L/∂out}, writes
     * {@code pIn = ∂L/∂x} and accumulates {@code ∂L/∂θ_n} into {@code g[gOffN..]} and {@code ∂L/∂θ_{n+1}}
     * into {@code g[gOffNext..]}. With {@code ȳ_i = ∂_x f(y_i)^T k̄_i}:
     * {@code k̄_i = h (b_i pOut + Σ_{j>i} a_ji ȳ_j)}, {@code pIn = pOut + Σ_i ȳ_i}.
     * {@code pIn} may alias {@code pOut}.
     */
    public void vjp(double[] w, int offN, int offNext, double h, double[] x, double[] pOut, double[] pIn,
                    double[] g, int gOffN, int gOffNext) {
        vjpBatch(w, offN, offNext, h, x, pOut, pIn, 1, g, gOffN, gOffNext);
    }

    /**
     * {@link #vjp} on a batch of {@code rows × d} blocks; the θ-gradients of all rows are accumulated into
     * {@code g} (summed over the batch by the family's {@link ResidualFunction#vjpBatch}).
     */
    public void vjpBatch(double[] w, int offN, int offNext, double h, double[] x, double[] pOut, double[] pIn,
                         int rows, double[] g, int gOffN, int gOffNext) {
        vjpBatchKept(w, offN, offNext, h, x, pOut, pIn, rows, g, gOffN, gOffNext, null);
    }

    /**
     * {@link #vjpBatch} reading, when {@code kept} is not null, what {@link #applyBatchKeeping} kept at the same x and
     * weights instead of recomputing it in each stage's family VJP: the same results, bit for bit.
     */
    public void vjpBatchKept(double[] w, int offN, int offNext, double h, double[] x, double[] pOut, double[] pIn,
                             int rows, double[] g, int gOffN, int gOffNext, double[] kept) {
        reserve(rows);
        double signedH = direction * h;
        // the VJP needs the stage inputs y_i, hence the slopes k_j feeding later stages, but not the last slope
        evaluateStages(w, offN, offNext, signedH, x, rows, tableau.stages() - 1, null);
        int s = b.length;
        int size = rows * d;
        for (int i = s - 1; i >= 0; i--) {
            double[] kBar = stageAdjoint[i];
            double bi = b[i];
            if (i == s - 1) {
                // the last stage has no later stages: the loop below without its empty inner sum
                for (int k = 0; k < size; k++) {
                    kBar[k] = signedH * (bi * pOut[k]);
                }
            } else {
                for (int k = 0; k < size; k++) {
                    double v = bi * pOut[k];
                    for (int j = i + 1; j < s; j++) {
                        v += a[j][i] * stageAdjoint[j][k];
                    }
                    kBar[k] = signedH * v;
                }
            }
            // stageAdjoint[i] now holds k̄_i; replace it by ȳ_i after the θ-gradient is accumulated
            double[] theta = stageParameters(i, w, offN, offNext);
            int thetaOff = stageOffset(i, offN, offNext);
            double[] y = stageInput(i, x);
            if (position[i] == 0 || position[i] == 1) {
                familyVjp(theta, thetaOff, y, kBar, rows, g, position[i] == 0 ? gOffN : gOffNext, kept, i);
            } else {
                java.util.Arrays.fill(stageGradient, 0.0);
                familyVjp(theta, thetaOff, y, kBar, rows, stageGradient, 0, kept, i);
                WeightPath.distribute(position[i], stageGradient, g, gOffN, gOffNext, p);
            }
            stageAdjoint[i] = vjpX;
            vjpX = kBar;
        }
        // pIn = pOut + ȳ_0 + ... + ȳ_{s-1}, summed in that order, one stage at a time
        double[] y0 = stageAdjoint[0];
        for (int k = 0; k < size; k++) {
            pIn[k] = pOut[k] + y0[k];
        }
        for (int i = 1; i < s; i++) {
            double[] yi = stageAdjoint[i];
            for (int k = 0; k < size; k++) {
                pIn[k] += yi[k];
            }
        }
    }

    /**
     * Stage inputs {@code y_i = x + H Σ_{j<i} a_ij k_j} for every stage ({@code y_0 = x} itself, explicit
     * tableaux having an empty first row), and slopes {@code k_i = f(y_i, θ(s_i))} for the first {@code slopes}
     * stages, on {@code rows} rows.
     */
    private void evaluateStages(double[] w, int offN, int offNext, double signedH, double[] x, int rows, int slopes,
                                double[] kept) {
        int size = rows * d;
        slope(0, slopes, w, offN, offNext, x, rows, kept);
        for (int i = 1; i < a.length; i++) {
            double[] y = stageInput[i];
            for (int k = 0; k < size; k++) {
                double v = x[k];
                for (int j = 0; j < i; j++) {
                    v += signedH * a[i][j] * stageSlope[j][k];
                }
                y[k] = v;
            }
            slope(i, slopes, w, offN, offNext, y, rows, kept);
        }
    }

    /**
     * {@code k_i = f(y_i, θ(s_i))} if stage i is among the first {@code slopes}: the family's matrix-vector
     * {@code value} on one row, its batched {@code valueBatch} on several ({@code valueBatchKeeping} into stage i's
     * share of {@code kept} when it is not null).
     */
    private void slope(int i, int slopes, double[] w, int offN, int offNext, double[] y, int rows, double[] kept) {
        if (i >= slopes) {
            return;
        }
        double[] theta = stageParameters(i, w, offN, offNext);
        int off = stageOffset(i, offN, offNext);
        if (rows == 1) {
            f.value(theta, off, y, stageSlope[i], work);
        } else if (kept == null) {
            f.valueBatch(theta, off, y, stageSlope[i], rows, work);
        } else {
            f.valueBatchKeeping(theta, off, y, stageSlope[i], rows, work, kept, i * f.keptSize(rows));
        }
    }

    /**
     * The family's VJPs at stage i's input y with cotangent k̄ into {@link #vjpX} and {@code g[gOff..]}: vjp on one row,
     * vjpBatch on several, vjpBatchKept on stage i's share of {@code kept} when it is not null.
     */
    private void familyVjp(double[] theta, int thetaOff, double[] y, double[] kBar, int rows, double[] g, int gOff,
                           double[] kept, int i) {
        if (rows == 1) {
            f.vjp(theta, thetaOff, y, kBar, vjpX, g, gOff, work);
        } else if (kept == null) {
            f.vjpBatch(theta, thetaOff, y, kBar, vjpX, rows, g, gOff, work);
        } else {
            f.vjpBatchKept(theta, thetaOff, y, kBar, vjpX, rows, g, gOff, work, kept, i * f.keptSize(rows));
        }
    }

    /** The input of stage i: x itself for the first stage, else its buffer. */
    private double[] stageInput(int i, double[] x) {
        return i == 0 ? x : stageInput[i];
    }

    /** The array holding stage i's weights: {@code w} itself at s = 0 or 1, else the interpolation {@code (1-s) θ_n + s θ_{n+1}}. */
    private double[] stageParameters(int i, double[] w, int offN, int offNext) {
        double s = position[i];
        if (s == 0 || s == 1) {
            return w;
        }
        WeightPath.interpolate(w, offN, offNext, s, stageTheta, 0, p);
        return stageTheta;
    }

    /** Offset of stage i's weights in the array {@link #stageParameters} returns. */
    private int stageOffset(int i, int offN, int offNext) {
        double s = position[i];
        return s == 0 ? offN : s == 1 ? offNext : 0;
    }
}
