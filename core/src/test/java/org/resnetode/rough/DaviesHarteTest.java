package org.resnetode.rough;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.resnetode.checks.BadInputException;

class DaviesHarteTest {

    /** The linear map z -> path as a matrix, column i the path of the unit vector e_i (rows k = 1..n). */
    private static double[][] impliedMatrix(DaviesHarte dh) {
        int n = dh.steps();
        int q = dh.gaussianCount();
        double[][] a = new double[n][q];
        double[] z = new double[q];
        double[] re = new double[dh.bufferLength()];
        double[] im = new double[dh.bufferLength()];
        double[] out = new double[n + 1];
        for (int i = 0; i < q; i++) {
            z[i] = 1;
            dh.path(z, re, im, out);
            z[i] = 0;
            for (int k = 0; k < n; k++) {
                a[k][i] = out[k + 1];
            }
        }
        return a;
    }

    private static double dot(double[] x, double[] y) {
        double s = 0;
        for (int i = 0; i < x.length; i++) {
            s += x[i] * y[i];
        }
        return s;
    }

    @ParameterizedTest
    @ValueSource(doubles = {0.05, 0.1, 0.25, 0.5, 0.75, 0.9, 0.97})
    void impliedCovarianceEqualsTheFbmCovarianceAndTheCholeskyOracleOnSmallGrids(double hurst) {
        for (int n : new int[] {1, 2, 4, 8, 16}) {
            double[][] a = impliedMatrix(new DaviesHarte(hurst, n));
            double[] r = new double[n * n];
            for (int j = 0; j < n; j++) {
                for (int k = 0; k < n; k++) {
                    r[j * n + k] = 0.5 * (Math.pow((j + 1.0) / n, 2 * hurst) + Math.pow((k + 1.0) / n, 2 * hurst)
                            - Math.pow(Math.abs(j - k) / (double) n, 2 * hurst));
                }
            }
            // the Cholesky route maps z through L: its implied covariance L Lᵀ
            Cholesky chol = new Cholesky(r, n);
            double[][] l = new double[n][n];
            double[] e = new double[n];
            double[] col = new double[n];
            for (int i = 0; i < n; i++) {
                e[i] = 1;
                chol.multiply(e, col);
                e[i] = 0;
                for (int k = 0; k < n; k++) {
                    l[k][i] = col[k];
                }
            }
            for (int j = 0; j < n; j++) {
                for (int k = 0; k < n; k++) {
                    assertThat(dot(a[j], a[k])).as("DH cov(%d,%d) n=%d", j, k, n).isCloseTo(r[j * n + k], within(1e-12));
                    assertThat(dot(a[j], a[k])).as("DH vs Cholesky").isCloseTo(dot(l[j], l[k]), within(1e-12));
                }
            }
        }
    }

    @ParameterizedTest
    @ValueSource(doubles = {0.1, 0.5, 0.8})
    void incrementsAreExactlyStationary(double hurst) {
        int n = 32;
        double[][] a = impliedMatrix(new DaviesHarte(hurst, n));
        double[][] x = new double[n][];
        x[0] = a[0];
        for (int k = 1; k < n; k++) {
            x[k] = new double[a[k].length];
            for (int i = 0; i < a[k].length; i++) {
                x[k][i] = a[k][i] - a[k - 1][i];
            }
        }
        for (int lag = 0; lag < n; lag++) {
            // E X_j X_{j+l} = n^{-2H} (|l+1|^{2H} - 2|l|^{2H} + |l-1|^{2H}) / 2 for every j
            double expected = Math.pow(n, -2 * hurst) * 0.5 * (Math.pow(lag + 1, 2 * hurst) - 2 * Math.pow(lag, 2 * hurst)
                    + Math.pow(Math.abs(lag - 1), 2 * hurst));
            for (int j = 0; j + lag < n; j++) {
                assertThat(dot(x[j], x[j + lag])).isCloseTo(expected, within(1e-13));
            }
        }
    }

    @ParameterizedTest
    @ValueSource(doubles = {0.2, 0.5, 0.85})
    void sampleCovarianceOfOneHundredThousandPathsMatchesRWithinFiveStandardErrors(double hurst) {
        int n = 8;
        int samples = 100_000;
        DaviesHarte dh = new DaviesHarte(hurst, n);
        SplittableRandom rng = new SplittableRandom(11);
        double[] z = new double[dh.gaussianCount()];
        double[] re = new double[dh.bufferLength()];
        double[] im = new double[dh.bufferLength()];
        double[] b = new double[n + 1];
        double[][] sum = new double[n + 1][n + 1];
        for (int s = 0; s < samples; s++) {
            for (int i = 0; i < z.length; i++) {
                z[i] = org.resnetode.model.Gaussian.next(rng);
            }
            dh.path(z, re, im, b);
            for (int j = 1; j <= n; j++) {
                for (int k = 1; k <= n; k++) {
                    sum[j][k] += b[j] * b[k];
                }
            }
        }
        for (int j = 1; j <= n; j++) {
            for (int k = 1; k <= n; k++) {
                double r = FbmCovariance.covariance(hurst, j / (double) n, k / (double) n);
                // Isserlis: Var(B_j B_k) = R_jj R_kk + R_jk²; |z| < 5 for each of the 64 entries
                double rjj = FbmCovariance.covariance(hurst, j / (double) n, j / (double) n);
                double rkk = FbmCovariance.covariance(hurst, k / (double) n, k / (double) n);
                double se = Math.sqrt((rjj * rkk + r * r) / samples);
                assertThat(Math.abs(sum[j][k] / samples - r) / se).as("z-score of cov(%d,%d)", j, k).isLessThan(5);
            }
        }
    }

    @Test
    void refusesAHurstIndexOutsideTheOpenUnitIntervalAsBadInputAndGridsThatAreNotPowersOfTwo() {
        for (double h : new double[] {0, 1, -0.1, 1.5, Double.NaN}) {
            assertThatThrownBy(() -> new DaviesHarte(h, 8)).isInstanceOf(BadInputException.class).hasMessageContaining("--hurst");
        }
        assertThatThrownBy(() -> new DaviesHarte(0.5, 12)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new DaviesHarte(0.5, 0)).isInstanceOf(IllegalArgumentException.class);
    }
}
