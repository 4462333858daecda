package org.resnetode.stats;

/** Richardson extrapolation of the leading constant c in {@code e(N) = c N^{-r} + O(N^{-r-1})}. */
public final class Richardson {
    private Richardson() {
    }

    /**
     * With {@code g(N) = N^r e(N) = c + d/N + ...}, eliminates the {@code 1/N} term between N and 2N:
     * {@code c ≈ 2 g(2N) - g(N)}.
     */
    public static double leadingConstant(int n, double errorAtN, double errorAt2N, double rate) {
        double g1 = Math.pow(n, rate) * errorAtN;
        double g2 = Math.pow(2.0 * n, rate) * errorAt2N;
        return 2 * g2 - g1;
    }
}
