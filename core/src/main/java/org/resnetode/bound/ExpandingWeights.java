package org.resnetode.bound;

import org.resnetode.model.DepthProfile;
import org.resnetode.model.ResidualFunction;

/**
 * Weights whose flow expands, for the negative control of the certified bound ({@code --control no-propagation}): every
 * θ_n of a profile is shifted so that {@code ∂_x f} near the trajectory has a positive definite symmetric part (the shift
 * {@code s_n = 4 + ||block||_F} exceeds the block's spectral norm by 4, so the symmetric part is at least 4 I), and the
 * exact flow magnifies every local error on its way to t = 1. Then the local errors summed without growth factors
 * ({@link CertifiedBound#localErrorSum}) fall below the true error: for {@code x' = a x} the Euler error is
 * {@code ≈ (h/2) a² e^a} while the sum of local errors is {@code ≈ (h/2) a (e^a - 1)}, smaller by {@code a e^a / (e^a - 1)}.
 * <ul>
 *   <li>linear and tanh ({@code f = A x}, {@code tanh(W x)}): {@code A + s_n I};</li>
 *   <li>mlp ({@code W2 tanh(W1 x)}): {@code W1 + s_n [I; 0]} and {@code W2 + s_n [I, 0]}, each with its own block's s_n;</li>
 *   <li>theta2 ({@code θ² x}): {@code |θ| + 2}, so {@code θ² >= 4}.</li>
 * </ul>
 */
public final class ExpandingWeights {
    /** The identity shift beyond the block's Frobenius norm, for the matrix families. */
    public static final double SHIFT = 4;
    /** The shift of theta2's |θ|. */
    public static final double SCALAR_SHIFT = 2;

    private ExpandingWeights() {
    }

    /** {@code profile} with every θ_n shifted as above; name and smoothness are kept (the control runs the claim as stated). */
    public static DepthProfile of(DepthProfile profile, ResidualFunction f) {
        int d = f.dim();
        int p = f.parameterCount();
        String family = f.name();
        return profile.changed((n, depth, out, off) -> shift(family, d, p, out, off));
    }

    static void shift(String family, int d, int p, double[] out, int off) {
        switch (family) {
            case "theta2":
                out[off] = Math.abs(out[off]) + SCALAR_SHIFT;
                return;
            case "mlp":
                int m = p / (2 * d);
                double s1 = SHIFT + frobenius(out, off, m * d);
                double s2 = SHIFT + frobenius(out, off + m * d, m * d);
                for (int i = 0; i < Math.min(m, d); i++) {
                    out[off + i * d + i] += s1;          // W1 (m × d)
                    out[off + m * d + i * m + i] += s2;  // W2 (d × m)
                }
                return;
            default:
                double s = SHIFT + frobenius(out, off, d * d);
                for (int i = 0; i < d; i++) {
                    out[off + i * d + i] += s;
                }
        }
    }

    private static double frobenius(double[] v, int off, int n) {
        double sum = 0;
        for (int i = off; i < off + n; i++) {
            sum += v[i] * v[i];
        }
        return Math.sqrt(sum);
    }
}
