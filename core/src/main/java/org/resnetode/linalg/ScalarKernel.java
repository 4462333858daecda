package org.resnetode.linalg;

/** {@link Kernel} in plain Java ({@link Math#fma}, {@link Tanh#of}): the fallback when {@code jdk.incubator.vector} is absent. */
final class ScalarKernel implements Kernel {

    @Override
    public void block(double[] a, int aOff, int ars, int acs, double[] b, int bOff, double[] c, int cOff,
                      int n, int k, double beta, int i0, int i1, int j0, int j1) {
        for (int i = i0; i < i1; i++) {
            int ci = cOff + i * n;
            for (int j = j0; j < j1; j++) {
                c[ci + j] = beta == 0 ? 0 : beta * c[ci + j];
            }
            int ai = aOff + i * ars;
            for (int p = 0; p < k; p++) {
                double aip = a[ai + p * acs];
                int bp = bOff + p * n;
                for (int j = j0; j < j1; j++) {
                    c[ci + j] = Math.fma(aip, b[bp + j], c[ci + j]);
                }
            }
        }
    }

    @Override
    public void tanh(double[] z, int from, int to) {
        for (int i = from; i < to; i++) {
            z[i] = Tanh.of(z[i]);
        }
    }
}
