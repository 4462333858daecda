package org.resnetode.bound;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** Every interval operation encloses the exact real result, computed in BigDecimal (exact for +, ·, ÷ by an integer). */
class IntervalTest {
    private static final MathContext MC = new MathContext(80);
    private static final int SAMPLES = 20_000;

    private static double sample(SplittableRandom rng) {
        double v = (rng.nextDouble() - 0.5) * Math.pow(10, rng.nextInt(-6, 7));
        return rng.nextInt(10) == 0 ? 0 : v;
    }

    private static void assertEncloses(double lo, double hi, BigDecimal exact, String what) {
        assertThat(new BigDecimal(lo).compareTo(exact)).as("%s: lower end %s <= %s", what, lo, exact).isLessThanOrEqualTo(0);
        assertThat(new BigDecimal(hi).compareTo(exact)).as("%s: upper end %s >= %s", what, hi, exact).isGreaterThanOrEqualTo(0);
    }

    @Test
    void sumsAndProductsEncloseTheExactResult() {
        SplittableRandom rng = new SplittableRandom(19);
        for (int i = 0; i < SAMPLES; i++) {
            double a = sample(rng);
            double b = sample(rng);
            double c = sample(rng);
            BigDecimal ea = new BigDecimal(a);
            BigDecimal eb = new BigDecimal(b);
            assertEncloses(Interval.addLo(a, b), Interval.addHi(a, b), ea.add(eb), a + " + " + b);
            assertEncloses(Interval.scaleLo(c, a, a), Interval.scaleHi(c, a, a), new BigDecimal(c).multiply(ea), c + " · " + a);
            double lo = Math.min(a, b);
            double hi = Math.max(a, b);
            // the product of [lo, hi] and the point c at both ends of [lo, hi]
            for (BigDecimal x : new BigDecimal[] {new BigDecimal(lo), new BigDecimal(hi)}) {
                BigDecimal exact = x.multiply(new BigDecimal(c));
                assertEncloses(Interval.mulLo(lo, hi, c, c), Interval.mulHi(lo, hi, c, c), exact, "[" + lo + ", " + hi + "] · " + c);
                assertEncloses(Interval.squareLo(lo, hi), Interval.squareHi(lo, hi), x.multiply(x), "[" + lo + ", " + hi + "]²");
            }
            double m = Math.abs(a);
            assertThat(new BigDecimal(Interval.sqrtUp(m)).pow(2).compareTo(ea.abs())).as("sqrtUp(%s)²", m).isGreaterThanOrEqualTo(0);
            assertThat(new BigDecimal(Interval.mulUp(m, Math.abs(b))).compareTo(ea.abs().multiply(eb.abs())))
                    .as("mulUp").isGreaterThanOrEqualTo(0);
        }
    }

    @Test
    void divisionByAnIntegerIsRoundedUp() {
        SplittableRandom rng = new SplittableRandom(7);
        for (int i = 0; i < SAMPLES; i++) {
            double a = Math.abs(sample(rng));
            int k = rng.nextInt(1, 40);
            double up = RoundOff.divideUp(a, k);
            assertThat(new BigDecimal(up).compareTo(new BigDecimal(a).divide(BigDecimal.valueOf(k), MC)))
                    .as("%s / %d rounded up", a, k).isGreaterThanOrEqualTo(0);
        }
    }

    /** expUp against the exponential series in BigDecimal (80 digits), and tight to a few ulps. */
    @Test
    void expUpBoundsTheSeries() {
        SplittableRandom rng = new SplittableRandom(3);
        for (int i = 0; i < 500; i++) {
            double a = (rng.nextDouble() - 0.5) * 8;
            BigDecimal e = BigSeries.exp(new BigDecimal(a), MC);
            assertThat(new BigDecimal(Interval.expUp(a)).compareTo(e)).as("expUp(%s)", a).isGreaterThanOrEqualTo(0);
            assertThat(Interval.expUp(a) / e.doubleValue()).as("expUp(%s) tight", a).isLessThan(1 + 1e-15);
        }
    }

    /** A point times a genuine interval, both signs: the ends swap for a negative point; squares of intervals at 0. */
    @Test
    void scalingAndSquaringGenuineIntervals() {
        SplittableRandom rng = new SplittableRandom(23);
        for (int i = 0; i < SAMPLES; i++) {
            double w = sample(rng);
            double a = sample(rng);
            double b = sample(rng);
            double lo = Math.min(a, b);
            double hi = Math.max(a, b);
            for (double x : new double[] {lo, hi}) {
                BigDecimal exact = new BigDecimal(w).multiply(new BigDecimal(x));
                assertEncloses(Interval.scaleLo(w, lo, hi), Interval.scaleHi(w, lo, hi), exact, w + " · [" + lo + ", " + hi + "]");
            }
        }
        assertThat(Interval.scaleLo(-2, 1, 3)).isEqualTo(Math.nextDown(-6.0));
        assertThat(Interval.scaleHi(-2, 1, 3)).isEqualTo(Math.nextUp(-2.0));
        assertThat(Interval.squareLo(0, 2)).isZero();
        assertThat(Interval.squareLo(-2, 0)).isZero();
        assertThat(Interval.squareLo(-3, -2)).isEqualTo(Math.nextDown(4.0));
        assertThat(Interval.squareHi(-3, 2)).isEqualTo(Math.nextUp(9.0));
        // expUp: Math.exp's 1 ulp plus one, no more
        assertThat(Interval.expUp(1)).isEqualTo(Math.nextUp(Math.nextUp(Math.exp(1))));
    }
}
