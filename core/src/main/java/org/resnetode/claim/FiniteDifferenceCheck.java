package org.resnetode.claim;

import java.util.Locale;
import java.util.SplittableRandom;
import org.resnetode.gradient.Backprop;
import org.resnetode.model.ResidualFunction;
import org.resnetode.scheme.ResNet;

/**
 * Backprop's gradient against an independent route, central finite differences of the loss itself
 * ({@code docs/derivations/claims.md}, section 6): on a few weight entries j chosen by the seed,
 * {@code D_j = (L(θ + h e_j) - L(θ - h e_j)) / (2 h)} must agree with {@code g_j = ∂L/∂θ_j} within
 * <pre>
 *   band_j = (h² / 6) M3_j + δ / h + γ |g_j|,   M3_j = 2 (|T_j| + 3 δ / H³),   δ = γ L_abs,   γ = n u,
 * </pre>
 * where {@code T_j} is the third central difference of L at step H (an estimate of {@code ∂³L/∂θ_j³}), {@code u} the
 * unit round-off, {@code n = N s (2 p + 4 d) + 3 B d} the floating-point operations one loss evaluation chains, and
 * {@code L_abs = ½ mean_i ||(|x_N^i| + |y_i|)||²} the loss of the magnitudes (what the residuals' rounding errors scale
 * with). The adjoint claim compares the adjoint with backprop, both through the same vector-Jacobian products: only this
 * route sees a wrong VJP.
 *
 * @param depth    the network's depth N
 * @param entries  the weight entries j checked
 * @param backprop {@code g_j}
 * @param central  {@code D_j}
 * @param band     {@code band_j}
 */
public record FiniteDifferenceCheck(int depth, int[] entries, double[] backprop, double[] central, double[] band) {
    /** Weight entries checked. */
    public static final int ENTRIES = 4;
    /** The central difference's step h (relative to max(1, |θ_j|)). */
    public static final double STEP = 1e-4;
    /** The step H of the third difference that estimates ∂³L/∂θ_j³. */
    public static final double THIRD_STEP = 1e-2;
    /** The unit round-off of a double, 2^-53. */
    static final double UNIT_ROUND_OFF = 0x1p-53;

    /** Measures {@code net} (its loss ½ mean ||x_N - y||² on the batch) on {@link #ENTRIES} entries drawn from {@code seed}. */
    public static FiniteDifferenceCheck measure(ResNet net, double[][] inputs, double[][] targets, long seed) {
        double[] theta = net.weights().data();
        double[] gradient = new double[theta.length];
        new Backprop().compute(net, inputs, targets, gradient);
        double gamma = operations(net, inputs.length) * UNIT_ROUND_OFF;
        double delta = gamma * magnitudeLoss(net, inputs, targets);
        int[] entries = entries(theta.length, seed);
        double[] g = new double[entries.length];
        double[] central = new double[entries.length];
        double[] band = new double[entries.length];
        for (int k = 0; k < entries.length; k++) {
            int j = entries[k];
            double scale = Math.max(1, Math.abs(theta[j]));
            double h = STEP * scale;
            double big = THIRD_STEP * scale;
            // D_j = (L(θ + h e_j) - L(θ - h e_j)) / (2 h), with the steps actually representable
            double[] lh = shifted(net, inputs, targets, j, h);
            central[k] = (lh[1] - lh[0]) / (lh[3] - lh[2]);
            // T_j = (L(θ + 2H) - 2 L(θ + H) + 2 L(θ - H) - L(θ - 2H)) / (2 H³)
            double[] l1 = shifted(net, inputs, targets, j, big);
            double[] l2 = shifted(net, inputs, targets, j, 2 * big);
            double third = (l2[1] - 2 * l1[1] + 2 * l1[0] - l2[0]) / (2 * big * big * big);
            double m3 = 2 * (Math.abs(third) + 3 * delta / (big * big * big));
            g[k] = gradient[j];
            band[k] = h * h / 6 * m3 + delta / h + gamma * Math.abs(g[k]);
        }
        return new FiniteDifferenceCheck(net.depth(), entries, g, central, band);
    }

    /** {@code n = N s (2p + 4d) + 3Bd}: the floating-point operations one loss evaluation of {@code batch} samples chains. */
    static double operations(ResNet net, int batch) {
        ResidualFunction f = net.family();
        int d = f.dim();
        return (double) net.steps() * net.scheme().tableau().stages() * (2.0 * f.parameterCount() + 4.0 * d) + 3.0 * batch * d;
    }

    /** True when every entry agrees within its band. */
    public boolean agrees() {
        for (int k = 0; k < entries.length; k++) {
            if (!(Math.abs(backprop[k] - central[k]) <= band[k])) {
                return false;
            }
        }
        return true;
    }

    /** The largest disagreement relative to the largest checked gradient entry: {@code max_j |g_j - D_j| / max_j |g_j|}. */
    public double relativeDisagreement() {
        return largest(difference()) / largest(backprop);
    }

    /** The largest band relative to the same scale: {@code max_j band_j / max_j |g_j|}. */
    public double relativeBand() {
        return largest(band) / largest(backprop);
    }

    /** The statement the adjoint claim judges, with its figures. */
    public String statement() {
        return String.format(Locale.ROOT, "backprop's gradient g against central differences D of the loss (h = %.0e, N = %d, "
                + "entries %s): max_j |g_j - D_j| / max_j |g_j| = %.3e, largest band %.3e; stated: |g_j - D_j| <= band_j for "
                + "every entry", STEP, depth, java.util.Arrays.toString(entries), relativeDisagreement(), relativeBand());
    }

    private double[] difference() {
        double[] out = new double[entries.length];
        for (int k = 0; k < entries.length; k++) {
            out[k] = Math.abs(backprop[k] - central[k]);
        }
        return out;
    }

    private static double largest(double[] values) {
        double m = 0;
        for (double v : values) {
            m = Math.max(m, Math.abs(v));
        }
        return m;
    }

    /** {@link #ENTRIES} distinct entries of {@code 0..count-1} (all of them when fewer), drawn from the seed. */
    static int[] entries(int count, long seed) {
        SplittableRandom rng = new SplittableRandom(seed ^ 0xFD5EEDL);
        int k = Math.min(ENTRIES, count);
        int[] out = new int[k];
        java.util.BitSet taken = new java.util.BitSet(count);
        for (int i = 0; i < k; i++) {
            int j;
            do {
                j = rng.nextInt(count);
            } while (taken.get(j));
            taken.set(j);
            out[i] = j;
        }
        java.util.Arrays.sort(out);
        return out;
    }

    /**
     * {@code {L(θ - s e_j), L(θ + s e_j), θ_j - s, θ_j + s}} with the shifted entries as rounded; {@code θ} is restored.
     */
    private static double[] shifted(ResNet net, double[][] inputs, double[][] targets, int j, double s) {
        double[] theta = net.weights().data();
        double saved = theta[j];
        double minus = saved - s;
        double plus = saved + s;
        try {
            theta[j] = minus;
            double lMinus = loss(net, inputs, targets);
            theta[j] = plus;
            double lPlus = loss(net, inputs, targets);
            return new double[] {lMinus, lPlus, minus, plus};
        } finally {
            theta[j] = saved;
        }
    }

    /** {@code L = ½ mean_i ||x_N^i - y_i||²} by the single-sample forward pass. */
    static double loss(ResNet net, double[][] inputs, double[][] targets) {
        return squares(net, inputs, targets, false);
    }

    /** {@code L_abs = ½ mean_i ||(|x_N^i| + |y_i|)||²}. */
    private static double magnitudeLoss(ResNet net, double[][] inputs, double[][] targets) {
        return squares(net, inputs, targets, true);
    }

    /** {@code ½ mean_i Σ_c r_ic²} with {@code r = x_N - y}, or {@code r = |x_N| + |y|} for the {@code magnitudes}. */
    private static double squares(ResNet net, double[][] inputs, double[][] targets, boolean magnitudes) {
        double[] x = new double[net.family().dim()];
        double sum = 0;
        for (int i = 0; i < inputs.length; i++) {
            net.forward(inputs[i], x);
            for (int c = 0; c < x.length; c++) {
                double r = magnitudes ? Math.abs(x[c]) + Math.abs(targets[i][c]) : x[c] - targets[i][c];
                sum += r * r;
            }
        }
        return 0.5 * sum / inputs.length;
    }
}
