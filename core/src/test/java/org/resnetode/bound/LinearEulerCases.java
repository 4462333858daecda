package org.resnetode.bound;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.resnetode.claim.DistanceMeasurement;
import org.resnetode.model.DepthProfile;
import org.resnetode.model.DepthProfiles;
import org.resnetode.model.Families;
import org.resnetode.model.LinearFamily;
import org.resnetode.model.ResidualFunction;
import org.resnetode.model.Weights;
import org.resnetode.scheme.ResNet;
import org.resnetode.scheme.Scheme;

/**
 * Linear networks under forward Euler and their exact solutions for the tests of {@link LinearEulerError}
 * ({@link LinearEulerErrorTest}, {@link LinearEulerRoutingTest}, {@link LinearEulerPilotTest}): the exact x(T) from
 * 60-digit Taylor series ({@link ExactEnclosureTest#exactSolution}) or, for diagonal layers, in closed form, and the
 * claims a finite carried result makes against it.
 */
final class LinearEulerCases {
    static final MathContext MC = new MathContext(60);
    /**
     * The exact solutions already computed, by case name (they depend on the weights and the input only, never on the
     * class under test; the mutation runs repeat this class once per mutant in the same JVM).
     */
    private static final Map<String, BigDecimal[]> EXACT = new ConcurrentHashMap<>();

    private LinearEulerCases() {
    }

    /** A network, its input and its computed output. */
    record Case(String what, ResNet net, double[] x0, double[] xN) {
        int dim() {
            return x0.length;
        }

        BigDecimal[] exact() {
            return EXACT.computeIfAbsent(what, k -> ExactEnclosureTest.exactSolution(net, x0));
        }

        BoundResult carried() {
            return new LinearEulerError(net).certify(x0, xN);
        }
    }

    /** A network of the linear family on a profile (amplitude 1, seed 7 + d), its unit input of that seed. */
    static Case profileCase(String profile, int d, int n, boolean zeroMean) {
        return profileCase(profile, d, n, zeroMean, 7 + d, Scheme.EULER);
    }

    static Case profileCase(String profile, int d, int n, boolean zeroMean, long seed, Scheme scheme) {
        ResidualFunction f = Families.create("linear", d, d);
        DepthProfile p = DepthProfiles.create(profile, f, seed, 1.0, zeroMean);
        Weights w = Weights.sample(p, scheme.weightCount(n), n);
        ResNet net = new ResNet(f, scheme, w, n);
        double[] x0 = DistanceMeasurement.unitInput(d, seed);
        return withOutput(String.format("%s%s d=%d N=%d seed %d %s", profile, zeroMean ? " (zero mean)" : "", d, n, seed,
                scheme.name()), net, x0);
    }

    static Case withOutput(String what, ResNet net, double[] x0) {
        double[] xN = new double[x0.length];
        net.forward(x0, xN);
        return new Case(what, net, x0, xN);
    }

    /** A network of d × d blocks given layer by layer (forward Euler, N = layers.length). */
    static Case layers(String what, double[][] layers, double[] x0) {
        int d = x0.length;
        int n = layers.length;
        double[] w = new double[n * d * d];
        for (int k = 0; k < n; k++) {
            System.arraycopy(layers[k], 0, w, k * d * d, d * d);
        }
        return withOutput(what, new ResNet(new LinearFamily(d), Scheme.EULER, new Weights(n, d * d, w), n), x0);
    }

    static double[] diagonal(double... entries) {
        int d = entries.length;
        double[] a = new double[d * d];
        for (int i = 0; i < d; i++) {
            a[i * d + i] = entries[i];
        }
        return a;
    }

    static double[][] constant(double[] a, int n) {
        double[][] layers = new double[n][];
        for (int k = 0; k < n; k++) {
            layers[k] = a.clone();
        }
        return layers;
    }

    static BigDecimal distance(double[] a, BigDecimal[] b) {
        BigDecimal s = BigDecimal.ZERO;
        for (int i = 0; i < a.length; i++) {
            BigDecimal e = new BigDecimal(a[i]).subtract(b[i]);
            s = s.add(e.multiply(e));
        }
        return s.sqrt(MC);
    }

    static BigDecimal[] big(double[] a) {
        BigDecimal[] b = new BigDecimal[a.length];
        for (int i = 0; i < a.length; i++) {
            b[i] = new BigDecimal(a[i]);
        }
        return b;
    }

    /**
     * The claims of a finite result against the exact x(T): {@code ||z - x(T)|| <= radius},
     * {@code ||x_N - x(T)|| <= bound}, {@code ||x_N - z|| <= shadowDistance}, {@code shadowDistance + radius <= bound}
     * (all in BigDecimal), and its form (order 2, one step per layer). Returns the exact {@code ||x_N - x(T)||}.
     */
    static BigDecimal assertEncloses(Case c, BoundResult b, BigDecimal[] exact) {
        assertThat(b.certified()).as("finite: %s", c.what()).isTrue();
        assertThat(b.order()).as("order of the carried error").isEqualTo(LinearEulerError.ORDER).isEqualTo(2);
        assertThat(b.substeps()).as("one step per layer").isEqualTo(c.net().steps());
        assertThat(b.shadow()).hasSize(c.dim());
        BigDecimal toShadow = distance(b.shadow(), exact);
        BigDecimal error = distance(c.xN(), exact);
        BigDecimal shadowDistance = distance(c.xN(), big(b.shadow()));
        assertThat(new BigDecimal(b.radius()).compareTo(toShadow))
                .as("radius %s >= exact ||z - x(T)|| %s: %s", b.radius(), toShadow, c.what()).isGreaterThanOrEqualTo(0);
        assertThat(new BigDecimal(b.bound()).compareTo(error))
                .as("bound %s >= exact ||x_N - x(T)|| %s: %s", b.bound(), error, c.what()).isGreaterThanOrEqualTo(0);
        assertThat(new BigDecimal(b.shadowDistance()).compareTo(shadowDistance))
                .as("shadow distance %s >= ||x_N - z|| %s: %s", b.shadowDistance(), shadowDistance, c.what())
                .isGreaterThanOrEqualTo(0);
        assertThat(new BigDecimal(b.bound()).compareTo(new BigDecimal(b.shadowDistance()).add(new BigDecimal(b.radius()))))
                .as("bound >= shadow distance + radius: %s", c.what()).isGreaterThanOrEqualTo(0);
        return error;
    }

    static void assertUnbounded(BoundResult b, int steps) {
        assertThat(b.certified()).isFalse();
        assertThat(b.bound()).isEqualTo(Double.POSITIVE_INFINITY);
        assertThat(b.radius()).isEqualTo(Double.POSITIVE_INFINITY);
        assertThat(b.shadowDistance()).isNaN();
        assertThat(b.order()).isEqualTo(2);
        assertThat(b.substeps()).isEqualTo(steps);
    }

    static boolean accepted(BoundResult b) {
        return b.radius() <= CertifiedBound.RADIUS_SHARE * b.shadowDistance();
    }

    /**
     * x(T) of a network of diagonal layers ({@code diagonals[k]} the diagonal of A_k, forward Euler): the layers commute,
     * {@code x_i(T) = e^{I_i} x_{0,i}} with {@code I_i = h (Σ_{k<N-1} (a_{k,i} + a_{k+1,i})/2 + a_{N-1,i})} (the trapezoids of
     * the piecewise-linear path, the last interval constant), in 60-digit BigDecimal.
     */
    static BigDecimal[] diagonalExact(double[][] diagonals, double[] x0) {
        int n = diagonals.length;
        BigDecimal h = BigDecimal.ONE.divide(BigDecimal.valueOf(n), MC);
        BigDecimal half = new BigDecimal("0.5");
        BigDecimal[] x = new BigDecimal[x0.length];
        for (int i = 0; i < x0.length; i++) {
            BigDecimal integral = new BigDecimal(diagonals[n - 1][i]);
            for (int k = 0; k + 1 < n; k++) {
                integral = integral.add(new BigDecimal(diagonals[k][i]).add(new BigDecimal(diagonals[k + 1][i])).multiply(half));
            }
            x[i] = BigSeries.exp(integral.multiply(h, MC), MC).multiply(new BigDecimal(x0[i]), MC);
        }
        return x;
    }
}
