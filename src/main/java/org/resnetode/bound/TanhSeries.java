package org.resnetode.bound;

/**
 * The Taylor coefficients of {@code y = tanh(z)} from those of z, with {@code v = 1 - y²}: {@code y' = v z'} gives
 * {@code y_[k] = (1/k) Σ_{j=1}^{k} j z_[j] v_[k-j]}, and {@code v_[k] = -Σ_{j=0}^{k} y_[j] y_[k-j]} for k >= 1;
 * {@code y_[0] = tanh z_[0]}, {@code v_[0] = 1 - y_[0]²}. Holds the coefficients of z, y and v for n components.
 */
final class TanhSeries {
    private final int n;
    final double[] zlo;
    final double[] zhi;
    final double[] ylo;
    final double[] yhi;
    private final double[] vlo;
    private final double[] vhi;

    TanhSeries(int n, int capacity) {
        this.n = n;
        int size = (capacity + 1) * n;
        zlo = new double[size];
        zhi = new double[size];
        ylo = new double[size];
        yhi = new double[size];
        vlo = new double[size];
        vhi = new double[size];
    }

    /** Fills {@code y_[k]} and {@code v_[k]} (at {@code k·n}) once {@code z_[0..k]} are in place. */
    void next(int k) {
        int at = k * n;
        if (k == 0) {
            for (int i = 0; i < n; i++) {
                ylo[i] = Interval.tanhLo(zlo[i]);
                yhi[i] = Interval.tanhHi(zhi[i]);
                vlo[i] = Math.max(0, Math.nextDown(1 - Interval.squareHi(ylo[i], yhi[i])));
                vhi[i] = Math.min(1, Math.nextUp(1 - Interval.squareLo(ylo[i], yhi[i])));
            }
            return;
        }
        for (int i = 0; i < n; i++) {
            double sl = 0;
            double sh = 0;
            for (int j = 1; j <= k; j++) {
                // j z_[j] v_[k-j]
                double jzl = Interval.scaleLo(j, zlo[j * n + i], zhi[j * n + i]);
                double jzh = Interval.scaleHi(j, zlo[j * n + i], zhi[j * n + i]);
                int v = (k - j) * n + i;
                sl = Interval.addLo(sl, Interval.mulLo(jzl, jzh, vlo[v], vhi[v]));
                sh = Interval.addHi(sh, Interval.mulHi(jzl, jzh, vlo[v], vhi[v]));
            }
            ylo[at + i] = Math.nextDown(sl / k);
            yhi[at + i] = Math.nextUp(sh / k);
        }
        for (int i = 0; i < n; i++) {
            double sl = 0;
            double sh = 0;
            for (int j = 0; j <= k; j++) {
                int a = j * n + i;
                int b = (k - j) * n + i;
                sl = Interval.addLo(sl, Interval.mulLo(ylo[a], yhi[a], ylo[b], yhi[b]));
                sh = Interval.addHi(sh, Interval.mulHi(ylo[a], yhi[a], ylo[b], yhi[b]));
            }
            vlo[at + i] = -sh;
            vhi[at + i] = -sl;
        }
    }
}
