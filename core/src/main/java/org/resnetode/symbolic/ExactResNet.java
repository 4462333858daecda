package org.resnetode.symbolic;

import java.util.Locale;
import org.apache.commons.math3.fraction.BigFraction;
import org.resnetode.model.LinearFamily;
import org.resnetode.model.Weights;
import org.resnetode.scheme.ButcherTableau;
import org.resnetode.scheme.DepthGrid;
import org.resnetode.scheme.ResNet;
import org.resnetode.scheme.Scheme;
import org.resnetode.scheme.WeightPath;

/**
 * Exact rational evaluation of a linear ResNet {@code f(x, A) = A x} with rational weights and input, any explicit
 * tableau (MATH.md section 1): the round-off-free reference for the numeric tests. Stage i of step n reads the
 * weights {@code (1 - c_i) A_n + c_i A_{n+1}} ({@link WeightPath#interpolate}, as {@code scheme.RungeKuttaStep} does);
 * every operation is on {@link BigFraction}s, so the result is exact.
 */
public final class ExactResNet {
    /** Relative agreement required between the exact output and the double forward pass. */
    public static final double AGREEMENT = 1e-12;

    private ExactResNet() {
    }

    /**
     * {@code x_N} exactly: {@code weights[k]} is the d×d matrix A_k, k = 0..K with K + 1 the scheme's weight count at
     * this depth; N steps of size h = 1/N.
     */
    public static BigFraction[] forward(ButcherTableau tableau, BigFraction[][][] weights, BigFraction[] x0, int depth) {
        DepthGrid grid = Scheme.of(tableau).grid(depth);
        int count = grid.weightCount();
        int d = x0.length;
        if (weights.length != count) {
            throw new IllegalArgumentException("tableau " + tableau.name() + " at depth " + depth + " reads " + count
                    + " weight matrices, got " + weights.length);
        }
        for (BigFraction[][] a : weights) {
            if (a.length != d || java.util.Arrays.stream(a).anyMatch(row -> row.length != d)) {
                throw new IllegalArgumentException("every weight matrix must be " + d + "×" + d + " (the input has dimension " + d + ")");
            }
        }
        BigFraction h = grid.exactStepSize();
        int s = tableau.stages();
        BigFraction[] x = x0.clone();
        for (int n = 0; n < grid.steps(); n++) {
            BigFraction[][] k = new BigFraction[s][];
            for (int i = 0; i < s; i++) {
                // y_i = x + h Σ_{j<i} a_ij k_j;  k_i = ((1 - c_i) A_n + c_i A_{n+1}) y_i
                BigFraction[] y = x.clone();
                for (int j = 0; j < i; j++) {
                    axpy(h.multiply(tableau.exactA(i, j)), k[j], y);
                }
                BigFraction c = WeightPath.exactStagePosition(tableau, i, false);
                BigFraction[][] next = c.getNumerator().signum() == 0 ? weights[n] : weights[n + 1];
                k[i] = new BigFraction[d];
                for (int r = 0; r < d; r++) {
                    BigFraction v = BigFraction.ZERO;
                    for (int col = 0; col < d; col++) {
                        v = v.add(WeightPath.interpolate(weights[n][r][col], next[r][col], c).multiply(y[col]));
                    }
                    k[i][r] = v;
                }
            }
            // x_{n+1} = x_n + h Σ_i b_i k_i
            for (int i = 0; i < s; i++) {
                axpy(h.multiply(tableau.exactB(i)), k[i], x);
            }
        }
        return x;
    }

    /** The double forward pass ({@code scheme.ResNet}, linear family) of the same network. */
    public static double[] doubleForward(ButcherTableau tableau, BigFraction[][][] weights, BigFraction[] x0, int depth) {
        int d = x0.length;
        double[] w = new double[weights.length * d * d];
        for (int k = 0; k < weights.length; k++) {
            for (int r = 0; r < d; r++) {
                for (int c = 0; c < d; c++) {
                    w[(k * d + r) * d + c] = weights[k][r][c].doubleValue();
                }
            }
        }
        double[] x = new double[d];
        for (int i = 0; i < d; i++) {
            x[i] = x0[i].doubleValue();
        }
        new ResNet(new LinearFamily(d), Scheme.of(tableau), new Weights(weights.length, d * d, w), depth).forward(x, x);
        return x;
    }

    /**
     * The exact output as a derivation ({@code {x_1, ..., x_d}} as fractions; value: ||x_N||_2), cross-checked against
     * the double forward pass: {@code ||x_exact - x_double|| <= 1e-12 ||x_exact||}.
     */
    public static Derivation derivation(ButcherTableau tableau, BigFraction[][][] weights, BigFraction[] x0, int depth) {
        String name = "exact output x_" + depth + " of the " + tableau.name() + " linear ResNet";
        return SymbolicEngine.derive(name, () -> {
            BigFraction[] exact = forward(tableau, weights, x0, depth);
            double[] numeric = doubleForward(tableau, weights, x0, depth);
            double gap = relativeGap(exact, numeric);
            if (!(gap <= AGREEMENT)) {
                throw new IllegalStateException(String.format(Locale.ROOT, "the double forward pass differs from the exact "
                        + "output by %.2e relative (more than %.0e)", gap, AGREEMENT));
            }
            StringBuilder text = new StringBuilder("{");
            double norm = 0;
            for (int i = 0; i < exact.length; i++) {
                text.append(i == 0 ? "" : ",").append(ButcherTableau.text(exact[i]));
                norm += exact[i].doubleValue() * exact[i].doubleValue();
            }
            String expression = text.append("}").toString();
            return Derivation.of(name, expression, Math.sqrt(norm), String.format(Locale.ROOT,
                    "the double forward pass (scheme.ResNet) agrees to %.2e relative (<= %.0e)", gap, AGREEMENT));
        });
    }

    /** {@code ||exact - numeric||_2 / ||exact||_2} (the absolute gap when the exact output is 0). */
    public static double relativeGap(BigFraction[] exact, double[] numeric) {
        double diff = 0;
        double norm = 0;
        for (int i = 0; i < exact.length; i++) {
            double e = exact[i].doubleValue();
            diff += (e - numeric[i]) * (e - numeric[i]);
            norm += e * e;
        }
        return norm == 0 ? Math.sqrt(diff) : Math.sqrt(diff / norm);
    }

    private static void axpy(BigFraction alpha, BigFraction[] x, BigFraction[] y) {
        for (int i = 0; i < y.length; i++) {
            y[i] = y[i].add(alpha.multiply(x[i]));
        }
    }
}
