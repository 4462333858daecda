package org.resnetode.model;

/**
 * The smoothness exponent of weights read from the weights alone, by their variogram: with
 * {@code V(k) = mean_{n, j} (θ_{n+k, j} - θ_{n, j})²} over the layers n and the entries j, the exponent is half the
 * least-squares slope of {@code log V(k)} against {@code log k} over the dyadic lags {@code k = 1, 2, 4, ..} up to a
 * quarter of the layers. For an fBm path of Hurst index H, {@code E V(k) = σ² (k h)^{2H}}: the exponent estimates H;
 * for a continuously differentiable profile {@code V(k) ≈ θ'² (k h)²}: 1; for i.i.d. layers V is flat: 0.
 */
public final class HolderExponent {
    /** Fewest dyadic lags the slope is fitted on. */
    public static final int MIN_LAGS = 2;

    private HolderExponent() {
    }

    /** The exponent of the change {@code θ_n - θ_n(start)} (two weights of the same shape). */
    public static double ofChange(Weights now, Weights start) {
        if (now.count() != start.count() || now.size() != start.size()) {
            throw new IllegalArgumentException("weights of " + now.count() + " x " + now.size() + " against " + start.count()
                    + " x " + start.size());
        }
        double[] change = new double[now.count() * now.size()];
        for (int n = 0; n < now.count(); n++) {
            for (int j = 0; j < now.size(); j++) {
                change[n * now.size() + j] = now.data()[now.offset(n) + j] - start.data()[start.offset(n) + j];
            }
        }
        return of(new Weights(now.count(), now.size(), change));
    }

    /** The exponent of {@code w}; NaN when fewer than {@value #MIN_LAGS} lags fit or the weights do not vary. */
    public static double of(Weights w) {
        int count = w.count();
        int lags = 0;
        for (int k = 1; 4 * k <= count; k *= 2) {
            lags++;
        }
        if (lags < MIN_LAGS) {
            return Double.NaN;
        }
        double[] logLag = new double[lags];
        double[] logV = new double[lags];
        double[] data = w.data();
        int size = w.size();
        for (int i = 0, k = 1; i < lags; i++, k *= 2) {
            double s = 0;
            for (int n = 0; n + k < count; n++) {
                int a = w.offset(n);
                int b = w.offset(n + k);
                for (int j = 0; j < size; j++) {
                    double d = data[b + j] - data[a + j];
                    s += d * d;
                }
            }
            double v = s / ((double) (count - k) * size);
            if (!(v > 0)) {
                return Double.NaN;
            }
            logLag[i] = Math.log(k);
            logV[i] = Math.log(v);
        }
        // least-squares slope of log V on log k, Σ (x_i - x̄) y_i / Σ (x_i - x̄) x_i, halved
        double mx = 0;
        for (int i = 0; i < lags; i++) {
            mx += logLag[i] / lags;
        }
        double sxy = 0;
        double sxx = 0;
        for (int i = 0; i < lags; i++) {
            sxy += (logLag[i] - mx) * logV[i];
            sxx += (logLag[i] - mx) * logLag[i];
        }
        return sxy / sxx / 2;
    }
}
