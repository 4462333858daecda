package org.resnetode.symbolic;

import java.util.function.DoubleUnaryOperator;
import java.util.function.IntToDoubleFunction;
import org.resnetode.gradient.Adjoint;
import org.resnetode.gradient.TerminalLoss;
import org.resnetode.model.LinearFamily;
import org.resnetode.model.Weights;
import org.resnetode.scheme.ButcherTableau;
import org.resnetode.scheme.ResNet;
import org.resnetode.scheme.Scheme;

/**
 * The numeric layer on the scalar linear ODE {@code x' = a(t) x}, x(0) = 1: the ResNet forward pass
 * ({@code scheme.ResNet} with {@code model.LinearFamily}, d = 1, weights {@code a(t_n)}), the adjoint's recovered
 * input {@code x~_0} ({@code gradient.Adjoint}'s recovery listener) and Richardson extrapolation of a leading
 * coefficient. This is the independent route every expansion of the symbolic layer is checked against.
 */
final class ScalarNetworks {
    private ScalarNetworks() {
    }

    /** {@code x_N} of the depth-N network of {@code tableau} with weights {@code a(t_n)}, n = 0..K, from x_0 = 1. */
    static double forward(ButcherTableau tableau, DoubleUnaryOperator a, int depth) {
        double[] x = {1.0};
        network(tableau, a, depth).forward(x, x);
        return x[0];
    }

    /** {@code x~_0 - x_0}: the input the adjoint recovers by reverse steps from x_N, minus x_0 = 1. */
    static double recoveryError(ButcherTableau tableau, DoubleUnaryOperator a, int depth) {
        double[] recovered = new double[1];
        Adjoint adjoint = new Adjoint((sample, n, xTilde) -> {
            if (n == 0) {
                recovered[0] = xTilde[0];
            }
        });
        ResNet net = network(tableau, a, depth);
        double[] gradient = new double[net.weights().data().length];
        adjoint.compute(net, new double[] {1.0}, 1, TerminalLoss.squaredError(new double[] {0.0}), gradient);
        return recovered[0] - 1.0;
    }

    private static ResNet network(ButcherTableau tableau, DoubleUnaryOperator a, int depth) {
        Scheme scheme = Scheme.of(tableau);
        int count = scheme.weightCount(depth);
        double[] w = new double[count];
        for (int n = 0; n < count; n++) {
            w[n] = a.applyAsDouble((double) n / depth);
        }
        return new ResNet(new LinearFamily(1), scheme, new Weights(count, 1, w), depth);
    }

    /**
     * Richardson extrapolation of c_q in {@code e(N) = c_q N^{-q} + c_{q+r} N^{-q-r} + c_{q+r+1} N^{-q-r-1} + ...}
     * (r = {@code first}: 1 for a raw error, more when a control variate has removed the terms in between): with
     * {@code g(N) = N^q e(N) = c_q + c_{q+r}/N^r + ...} at N = n0, 2 n0, ..., 2^{levels} n0, the table
     * {@code T_{j,m} = (2^p T_{j,m-1} - T_{j-1,m-1}) / (2^p - 1)}, p = r + m - 1, removes one power of 1/N per column.
     * Returns {@code {T_{L,L}, |T_{L,L} - T_{L,L-1}|}}: the estimate and the size of the last correction.
     */
    static double[] leadingCoefficient(IntToDoubleFunction error, int q, int first, int n0, int levels) {
        double[] previous = new double[levels + 1];
        double[] current = new double[levels + 1];
        double correction = Double.NaN;
        for (int j = 0; j <= levels; j++) {
            int n = n0 << j;
            current[0] = Math.pow(n, q) * error.applyAsDouble(n);
            for (int m = 1; m <= j; m++) {
                double f = Math.pow(2, first + m - 1);
                current[m] = (f * current[m - 1] - previous[m - 1]) / (f - 1);
            }
            if (j == levels && j > 0) {
                correction = Math.abs(current[j] - current[j - 1]);
            }
            double[] t = previous;
            previous = current;
            current = t;
        }
        return new double[] {previous[levels], correction};
    }

    /**
     * {@code {n0, levels}} of the Richardson ladder n0, 2 n0, ..., 2^levels n0 for a coefficient of h^q. Higher q
     * means errors that fall fast, so the ladder starts low (round-off of ~N ulps in x_N is multiplied by N^q)
     * and uses more columns to remove the larger relative corrections c_{q+j}/(c_q N^j).
     */
    static int[] ladder(int q) {
        return switch (q) {
            case 1 -> new int[] {64, 3};
            case 2 -> new int[] {32, 3};
            case 3 -> new int[] {16, 3};
            case 4 -> new int[] {8, 2};
            default -> new int[] {4, 3};
        };
    }
}
