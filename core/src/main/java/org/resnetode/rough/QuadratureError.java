package org.resnetode.rough;

/**
 * The exact mean-square error of a quadrature rule applied to a standard fBm on the uniform grid
 * {@code t_k = k/N}, k = 0..N: for {@code Q = Σ_k w_k B(t_k)} and {@code I = ∫_0^1 B},
 * {@code E (Q - I)² = E I² - 2 Σ_k w_k ∫_0^1 R(s, t_k) ds + Σ_{j,k} w_j w_k R(t_j, t_k)}, every term in closed form
 * ({@link FbmCovariance}); no sampling. With {@code p_k = t_k^{2H}} and {@code q_l = (l/N)^{2H}} the double sum is
 * {@code (Σ w)(Σ w_k p_k) - ½ Σ_{j,k} w_j w_k q_{|j-k|}}.
 */
public final class QuadratureError {
    private QuadratureError() {
    }

    /** {@code E (Σ_k w_k B(k/N) - ∫_0^1 B)²} for weights {@code w} on the N + 1 grid points. */
    public static double meanSquare(double hurst, double[] w) {
        int steps = w.length - 1;
        double e = 2 * hurst;
        double[] power = new double[steps + 1];
        for (int k = 0; k <= steps; k++) {
            power[k] = Math.pow(k / (double) steps, e);
        }
        double total = 0;
        double weightedPower = 0;
        double cross = 0;
        for (int k = 0; k <= steps; k++) {
            total += w[k];
            weightedPower += w[k] * power[k];
            cross += w[k] * FbmCovariance.integratedCovariance(hurst, k / (double) steps);
        }
        double lagged = 0;
        for (int j = 0; j <= steps; j++) {
            double row = 0;
            for (int k = 0; k <= steps; k++) {
                row += w[k] * power[Math.abs(j - k)];
            }
            lagged += w[j] * row;
        }
        double doubleSum = total * weightedPower - 0.5 * lagged;
        return FbmCovariance.integralVariance(hurst) - 2 * cross + doubleSum;
    }

    /**
     * The quadrature weights of an explicit Runge-Kutta tableau (weights b, stage times c) applied to {@code θ' = θ(t)}
     * on N steps of size h = 1/N, the stage weights interpolated linearly between θ_n and θ_{n+1} as the toolkit's
     * networks do: node n receives {@code h Σ_i b_i (1 - c_i)} from step n and {@code h Σ_i b_i c_i} from step n - 1.
     * Euler gives the left Riemann sum, every tableau with {@code Σ b_i c_i = 1/2} the trapezoid rule.
     */
    public static double[] tableauWeights(double[] b, double[] c, int steps) {
        double left = 0;
        double right = 0;
        for (int i = 0; i < b.length; i++) {
            left += b[i] * (1 - c[i]);
            right += b[i] * c[i];
        }
        double h = 1.0 / steps;
        double[] w = new double[steps + 1];
        for (int n = 0; n < steps; n++) {
            w[n] += h * left;
            w[n + 1] += h * right;
        }
        return w;
    }

    /**
     * The asymptotic rate of the root-mean-square quadrature error: {@code H + 1/2} for the trapezoid weights
     * ({@code Σ b_i c_i = 1/2}), {@code min(1, H + 1/2)} otherwise (the left or right sum's O(1/N) endpoint term).
     */
    public static double asymptoticRate(double hurst, double[] b, double[] c) {
        double right = 0;
        for (int i = 0; i < b.length; i++) {
            right += b[i] * c[i];
        }
        return Math.abs(right - 0.5) < 1e-12 ? hurst + 0.5 : Math.min(1, hurst + 0.5);
    }
}
