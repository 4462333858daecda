package org.resnetode.scheme;

/**
 * An explicit Runge-Kutta scheme as data: {@code y_i = x + h Σ_{j<i} a_ij k_j},
 * {@code k_i = f(y_i, θ(t + c_i h))}, {@code x' = x + h Σ_i b_i k_i}, of classical order {@code order}.
 */
public record ButcherTableau(String name, double[][] a, double[] b, double[] c, int order) {

    /** {@code x_{n+1} = x_n + h f(x_n, θ_n)}. */
    public static final ButcherTableau EULER =
            new ButcherTableau("euler", new double[][] {{}}, new double[] {1}, new double[] {0}, 1);

    /** Explicit trapezoid: {@code k1 = f(x_n, θ_n)}, {@code k2 = f(x_n + h k1, θ_{n+1})}, {@code x_{n+1} = x_n + (h/2)(k1 + k2)}. */
    public static final ButcherTableau HEUN =
            new ButcherTableau("heun", new double[][] {{}, {1}}, new double[] {0.5, 0.5}, new double[] {0, 1}, 2);

    /** Classical RK4 (stages at t, t+h/2, t+h/2, t+h): room for higher order, weights interpolated at c = 1/2. */
    public static final ButcherTableau RK4 = new ButcherTableau("rk4",
            new double[][] {{}, {0.5}, {0, 0.5}, {0, 0, 1}},
            new double[] {1 / 6.0, 1 / 3.0, 1 / 3.0, 1 / 6.0}, new double[] {0, 0.5, 0.5, 1}, 4);

    public int stages() {
        return b.length;
    }

    /** Largest stage time: 0 when a step reads only θ_n (Euler), 1 when it also reads θ_{n+1}. */
    public double lastStageTime() {
        double m = 0;
        for (double ci : c) {
            m = Math.max(m, ci);
        }
        return m;
    }
}
