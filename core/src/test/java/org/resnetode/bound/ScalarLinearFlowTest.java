package org.resnetode.bound;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.resnetode.model.DepthProfile;
import org.resnetode.model.DepthProfiles;
import org.resnetode.model.Families;
import org.resnetode.model.LinearFamily;
import org.resnetode.model.MlpFamily;
import org.resnetode.model.ResidualFunction;
import org.resnetode.model.TanhFamily;
import org.resnetode.model.ThetaSquaredFamily;
import org.resnetode.model.Weights;
import org.resnetode.scheme.ResNet;
import org.resnetode.scheme.Scheme;

/**
 * The closed form of scalar linear fields against exact arithmetic ({@link ScalarLinearExact}: I and
 * {@code x(T) = x_0 e^I} in 60-digit BigDecimal from the double knots), and the distance {@code |x_N - x(T)|} of the
 * computed output.
 */
class ScalarLinearFlowTest {
    private static final String[] PROFILES = {"constant", "polynomial", "fourier", "kinked", "iid", "alternating"};
    private static final String[] SCHEMES = {"euler", "heun", "rk4", "heun-reference"};
    private static final int[] DEPTHS = {2, 7, 64, 1000, 4096};

    /** One network of the closed form, its input and output, and the exact quantities. */
    private record Case(String what, ResNet net, double x0, double xN, BigDecimal integral, BigDecimal scale,
                        BigDecimal solution) {
        BigDecimal error() {
            return new BigDecimal(xN).subtract(solution).abs();
        }
    }

    private static Case exactCase(String what, ResNet net, double x0) {
        double[] xN = new double[1];
        net.forward(new double[] {x0}, xN);
        BigDecimal[] integral = ScalarLinearExact.integral(net);
        BigDecimal solution = ScalarLinearExact.solution(net, x0);
        return new Case(what, net, x0, xN[0], integral[0], integral[1], solution);
    }

    /** theta2 and linear (d = 1) on every profile, four schemes, five depths, inputs of both signs. */
    private static List<Case> cases() {
        List<Case> cases = new ArrayList<>();
        int seed = 0;
        for (String family : new String[] {"theta2", "linear"}) {
            ResidualFunction f = Families.create(family, 1, 1);
            for (String profile : PROFILES) {
                for (String scheme : SCHEMES) {
                    for (int depth : DEPTHS) {
                        seed++;
                        // linear: zero mean half the time (a of both signs), else around a mean of either sign
                        boolean zeroMean = family.equals("linear") && seed % 2 == 0;
                        double amplitude = family.equals("theta2") ? 1.2 : 2.5;
                        DepthProfile p = DepthProfiles.create(profile, f, seed, amplitude, zeroMean);
                        Scheme s = Scheme.byName(scheme);
                        Weights w = Weights.sample(p, s.weightCount(depth), depth);
                        double x0 = seed % 3 == 0 ? -0.7 : 1.3;
                        cases.add(exactCase(family + " " + profile + " " + scheme + " N=" + depth + " seed " + seed,
                                new ResNet(f, s, w, depth), x0));
                    }
                }
            }
        }
        // constant negative and positive a, where the error has a closed form too
        for (double a : new double[] {-3, -0.25, 0.5, 4}) {
            for (int depth : new int[] {1, 16, 512}) {
                double[] w = new double[depth];
                java.util.Arrays.fill(w, a);
                cases.add(exactCase("linear a = " + a + " N=" + depth,
                        new ResNet(new LinearFamily(1), Scheme.EULER, new Weights(depth, 1, w), depth), 1));
            }
        }
        return cases;
    }

    /** I and x(T) lie in their enclosures, whose widths are a few dozen rounding units of their scales. */
    @Test
    void enclosuresHoldTheExactIntegralAndSolution() {
        for (Case c : cases()) {
            ScalarLinearFlow flow = ScalarLinearFlow.of(c.net());
            flow.enclose(c.x0());
            assertThat(new BigDecimal(flow.integralLo).compareTo(c.integral())).as("I_lo <= I, %s", c.what()).isLessThanOrEqualTo(0);
            assertThat(new BigDecimal(flow.integralHi).compareTo(c.integral())).as("I_hi >= I, %s", c.what()).isGreaterThanOrEqualTo(0);
            double scale = c.scale().doubleValue();
            assertThat(flow.integralHi - flow.integralLo).as("width of I, %s", c.what())
                    .isLessThanOrEqualTo(1e-13 * scale + 1e-300);
            assertThat(new BigDecimal(flow.solutionLo).compareTo(c.solution())).as("lo <= x(T), %s", c.what()).isLessThanOrEqualTo(0);
            assertThat(new BigDecimal(flow.solutionHi).compareTo(c.solution())).as("hi >= x(T), %s", c.what()).isGreaterThanOrEqualTo(0);
            double x = Math.abs(c.solution().doubleValue());
            assertThat(flow.solutionHi - flow.solutionLo).as("width of x(T), %s", c.what())
                    .isLessThanOrEqualTo((1e-13 * scale + 2e-15) * x);
        }
    }

    /**
     * The width of I's enclosure is the documented margin and no more: the pairwise sum's {@code m = ⌊log2 n⌋ + 1}
     * additions plus a term's own roundings (5 for theta2, 1 for linear), so {@code 2 γ_{2m} I} (theta2) or
     * {@code 2 γ_m 2 Σ|a_k + b_k| / (2N)} (linear), plus the outward roundings of the two divisions: logarithmic in N,
     * not linear as a plain sum's γ_n would be.
     */
    @Test
    void theIntegralsWidthIsThePairwiseMargin() {
        for (Case c : cases()) {
            ScalarLinearFlow flow = ScalarLinearFlow.of(c.net());
            flow.enclose(c.x0());
            boolean squared = c.net().family() instanceof ThetaSquaredFamily;
            int steps = c.net().steps();
            int m = 32 - Integer.numberOfLeadingZeros(steps) + (squared ? 5 : 1);
            double gamma = (squared ? 2 * m : m) * 0x1p-53;
            double margin = squared ? 2 * gamma * c.integral().doubleValue() : 2 * gamma * 2 * c.scale().doubleValue();
            assertThat(flow.integralHi - flow.integralLo).as("width of I, %s", c.what())
                    .isLessThanOrEqualTo(margin * (1 + 1e-6) + 4 * Math.ulp(Math.abs(flow.integralHi) + Math.abs(flow.integralLo)));
        }
    }

    /**
     * {@link CertifiedBound#certify} dispatches to the closed form (order 0, one term per knot interval); the bound is
     * above the exact distance and at most that distance plus twice the radius (the shadow is within r of x(T)) plus a
     * few ulps, and at least 0.999 of it wherever the error is 10^4 times the radius.
     */
    @Test
    void theBoundHoldsAndIsTight() {
        int tight = 0;
        for (Case c : cases()) {
            BoundResult b = new CertifiedBound(c.net()).certify(new double[] {c.x0()}, new double[] {c.xN()});
            assertThat(b.order()).as("closed form, %s", c.what()).isZero();
            assertThat(b.substeps()).isEqualTo(c.net().steps());
            assertThat(b.certified()).as(c.what()).isTrue();
            BigDecimal error = c.error();
            assertThat(new BigDecimal(b.bound()).compareTo(error)).as("bound %s >= error %s, %s", b.bound(), error, c.what())
                    .isGreaterThanOrEqualTo(0);
            assertThat(new BigDecimal(b.shadow()[0]).subtract(c.solution()).abs().compareTo(new BigDecimal(b.radius())))
                    .as("shadow within r of x(T), %s", c.what()).isLessThanOrEqualTo(0);
            assertThat(b.bound()).as("bound at most error + 2r, %s", c.what())
                    .isLessThanOrEqualTo(error.doubleValue() + 2 * b.radius() + 4 * Math.ulp(b.bound()));
            if (error.doubleValue() >= 1e4 * b.radius()) {
                tight++;
                assertThat(b.tightness(error.doubleValue())).as("tightness, %s", c.what()).isGreaterThanOrEqualTo(0.999);
            }
        }
        assertThat(tight).as("cases with the error well above the enclosure (222 of 252)").isGreaterThanOrEqualTo(200);
    }

    /** The closed form applies to theta2 and linear at d = 1 only; linear at d = 2 keeps the Taylor steps. */
    @Test
    void onlyScalarLinearFieldsTakeTheClosedForm() {
        int n = 8;
        assertThat(ScalarLinearFlow.of(net(new ThetaSquaredFamily(), n))).isNotNull();
        assertThat(ScalarLinearFlow.of(net(new LinearFamily(1), n))).isNotNull();
        assertThat(ScalarLinearFlow.of(net(new LinearFamily(2), n))).isNull();
        assertThat(ScalarLinearFlow.of(net(new TanhFamily(1), n))).isNull();
        assertThat(ScalarLinearFlow.of(net(new MlpFamily(1, 2), n))).isNull();
        ResNet two = net(new LinearFamily(2), n);
        double[] x0 = {1, -0.5};
        double[] xN = new double[2];
        two.forward(x0, xN);
        assertThat(new CertifiedBound(two).certify(x0, xN).order()).as("Taylor order p + 1 or more").isGreaterThanOrEqualTo(2);
    }

    private static ResNet net(ResidualFunction f, int n) {
        DepthProfile p = DepthProfiles.create("fourier", f, 3, 1.0, false);
        return new ResNet(f, Scheme.EULER, Weights.sample(p, n, n), n);
    }

    /**
     * Overflow gives +∞, never a finite number: θ² of 1e200 overflows the integral; linear knots of ±1e308 overflow
     * their sum; a NaN or infinite output; e^I beyond the doubles (I = 1000).
     */
    @Test
    void overflowAndNonFiniteOutputsAreNotCertified() {
        double[][] theta = {{1e200, 1e200}, {1e155, 1e155}};
        for (double[] w : theta) {
            ResNet net = new ResNet(new ThetaSquaredFamily(), Scheme.EULER, new Weights(2, 1, w), 2);
            assertThat(new CertifiedBound(net).certify(new double[] {1}, new double[] {1}).bound()).isInfinite();
        }
        ResNet huge = new ResNet(new LinearFamily(1), Scheme.HEUN, new Weights(3, 1, new double[] {1e308, 1e308, -1e308}), 2);
        assertThat(new CertifiedBound(huge).certify(new double[] {1}, new double[] {1}).bound()).isInfinite();
        ResNet thousand = new ResNet(new LinearFamily(1), Scheme.EULER, new Weights(1, 1, new double[] {1000}), 1);
        assertThat(new CertifiedBound(thousand).certify(new double[] {1}, new double[] {1001}).bound()).isInfinite();
        ResNet plain = net(new ThetaSquaredFamily(), 8);
        for (double bad : new double[] {Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY}) {
            BoundResult b = new CertifiedBound(plain).certify(new double[] {1}, new double[] {bad});
            assertThat(b.certified()).as("x_N = %s", bad).isFalse();
            assertThat(b.bound()).isEqualTo(Double.POSITIVE_INFINITY);
        }
        assertThat(new CertifiedBound(plain).certify(new double[] {Double.NaN}, new double[] {1}).bound()).isInfinite();
    }

    /**
     * Extremes that stay finite: a = -1e300 (e^I underflows to 0: x(T) in [0, MIN_VALUE]), x_0 = 0 (x(T) = 0), θ = 1e-160
     * (θ² subnormal: the products' underflow margin), all against the exact values.
     */
    @Test
    void underflowIsEnclosed() {
        ResNet vanishing = new ResNet(new LinearFamily(1), Scheme.EULER, new Weights(2, 1, new double[] {-1e300, -1e300}), 2);
        BoundResult b = new CertifiedBound(vanishing).certify(new double[] {1}, new double[] {0.25});
        assertThat(b.bound()).isBetween(0.25, 0.25 + 4 * Math.ulp(0.25));
        ResNet plain = net(new ThetaSquaredFamily(), 8);
        assertThat(new CertifiedBound(plain).certify(new double[] {0}, new double[] {0}).bound()).isBetween(0.0, 1e-300);
        for (int n : new int[] {1, 5, 64}) {
            double[] w = new double[n];
            java.util.Arrays.fill(w, 1e-160);
            w[0] = 3e-160;
            ResNet tiny = new ResNet(new ThetaSquaredFamily(), Scheme.EULER, new Weights(n, 1, w), n);
            ScalarLinearFlow flow = ScalarLinearFlow.of(tiny);
            flow.enclose(1);
            BigDecimal exact = ScalarLinearExact.integral(tiny)[0];
            assertThat(exact.signum()).isPositive();
            assertThat(new BigDecimal(flow.integralLo).compareTo(exact)).as("N = %d", n).isLessThanOrEqualTo(0);
            assertThat(new BigDecimal(flow.integralHi).compareTo(exact)).as("N = %d", n).isGreaterThanOrEqualTo(0);
            assertThat(flow.integralHi).isLessThan(1e-300);
        }
    }

    /**
     * The negative control on theta2 is untouched by the closed form: with θ shifted so that θ² >= 4 (the flow expands),
     * the local errors summed without growth factors fall below the exact Euler error, which the closed-form bound holds.
     */
    @Test
    void theNegativeControlIsStillBelowTheError() {
        ResidualFunction f = new ThetaSquaredFamily();
        for (int n : new int[] {8, 32, 128}) {
            DepthProfile p = ExpandingWeights.of(DepthProfiles.create("fourier", f, 5, 1.0, false), f);
            ResNet net = new ResNet(f, Scheme.EULER, Weights.sample(p, n, n), n);
            double[][] xs = net.trajectory(new double[] {1});
            Case c = exactCase("expanding theta2 N=" + n, net, 1);
            double control = new CertifiedBound(net).localErrorSum(xs);
            double error = c.error().doubleValue();
            assertThat(control).as("control below the error, N = %d", n).isLessThan(error);
            assertThat(new CertifiedBound(net).certify(new double[] {1}, xs[n]).bound()).isGreaterThanOrEqualTo(error);
        }
    }

    /** The closed form's bounds of e^a, {@link Interval#expLo} and {@link Interval#expUp}, around e^a in BigDecimal, a of either sign. */
    @Test
    void exponentialBoundsEncloseTheSeries() {
        for (double a : new double[] {-19.7, -3.3, -1e-9, 0, 1e-300, 0.1, 1, 2.302585092994046, 7.5, 19.9}) {
            BigDecimal exact = BigSeries.exp(new BigDecimal(a), ScalarLinearExact.MC);
            assertThat(new BigDecimal(Interval.expLo(a)).compareTo(exact)).as("a = %s", a).isLessThanOrEqualTo(0);
            assertThat(new BigDecimal(Interval.expUp(a)).compareTo(exact)).as("a = %s", a).isGreaterThanOrEqualTo(0);
            assertThat(Interval.expUp(a) - Interval.expLo(a))
                    .as("two ulps either side: at most 2^-49 relative").isLessThanOrEqualTo(0x1p-49 * Math.exp(a));
        }
        assertThat(Interval.expLo(-800)).isZero();
        assertThat(Interval.expUp(-800)).isGreaterThan(0);
        assertThat(Interval.expUp(710)).isInfinite();
    }
}
