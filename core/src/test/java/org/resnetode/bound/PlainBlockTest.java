package org.resnetode.bound;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.SplittableRandom;
import java.util.function.DoubleSupplier;
import org.junit.jupiter.api.Test;

/**
 * The plain-block lemma ({@link RoundOff#blockUp}, bound.md §4): an expression of nonnegative leaves evaluated in plain
 * double arithmetic, then {@code fl(fl(s + MIN_NORMAL) · blockMargin(n))}, is at least the exact value plus
 * {@code MIN_NORMAL/2}. The exact values are BigDecimal (exact sums and products; quotients to 120 digits rounded
 * up, so the comparison is at least as strict as against the real quotient). The shapes are the ones the package
 * evaluates this way, with leaves spread over 2^-1074 .. 2^300 and products that underflow, where the absolute error
 * of a subnormal product matters. Negative controls: the plain value alone falls below the exact one in many trials
 * (the margin is needed), and the margin stays within {@code 1 + 4γ_{n+2}} of the exact value plus {@code 2 MIN_NORMAL}
 * (it is not a free over-estimate).
 */
class PlainBlockTest {
    private static final MathContext UP = new MathContext(120, RoundingMode.CEILING);
    private static final BigDecimal HALF_MIN_NORMAL = new BigDecimal(Double.MIN_NORMAL).divide(BigDecimal.valueOf(2));
    private final SplittableRandom rng = new SplittableRandom(2026);
    private int plainBelow;
    private int checked;

    /** A nonnegative leaf: a random mantissa at a random binary exponent, sometimes a subnormal or 0. */
    private double leaf() {
        int kind = rng.nextInt(20);
        if (kind == 0) {
            return 0;
        }
        if (kind == 1) {
            return Double.MIN_VALUE * rng.nextInt(1, 1 << 20);
        }
        int exponent = kind < 6 ? rng.nextInt(-560, -500) : rng.nextInt(-60, 60);
        return Math.scalb(1 + rng.nextDouble(), exponent);
    }

    /** A leaf at most 1 (a weight). */
    private double weight() {
        return rng.nextInt(10) == 0 ? 1 : rng.nextDouble();
    }

    private static BigDecimal big(double x) {
        return new BigDecimal(x);
    }

    private void check(double plain, int operations, BigDecimal exact, String shape) {
        double bound = RoundOff.blockUp(plain, RoundOff.blockMargin(operations));
        BigDecimal b = big(bound);
        assertThat(b.compareTo(exact.add(HALF_MIN_NORMAL))).as("%s: %s >= %s + MIN_NORMAL/2", shape, bound, exact)
                .isGreaterThanOrEqualTo(0);
        BigDecimal loose = exact.multiply(BigDecimal.ONE.add(big(4 * RoundOff.gamma(operations + 2))))
                .add(big(2 * Double.MIN_NORMAL));
        assertThat(b.compareTo(loose)).as("%s: %s within 1 + 4γ of %s", shape, bound, exact).isLessThanOrEqualTo(0);
        if (big(plain).compareTo(exact) < 0) {
            plainBelow++;
        }
        checked++;
    }

    @Test
    void sumsOfProductsAreBoundedWithOneMargin() {
        sumsOfProducts(20_000, 12, this::leaf, "Σ a b");
        assertThat(plainBelow).as("premise: the plain sums fall below the exact ones").isGreaterThan(1000);
    }

    /** BallTanh's y radius: Σ_j (a b) ℓ + (c (d + e)) ℓ + (f g) ℓ', the weights ℓ, ℓ' <= 1 multiplying products. */
    @Test
    void weightedProductsAreBoundedWithOneMargin() {
        for (int trial = 0; trial < 20_000; trial++) {
            int terms = rng.nextInt(1, 8);
            double s = 0;
            BigDecimal exact = BigDecimal.ZERO;
            for (int j = 0; j < terms; j++) {
                double a = leaf();
                double b = leaf();
                double c = leaf();
                double d = leaf();
                double e = leaf();
                double l = weight();
                double l2 = weight() * 1e-15;
                s += a * b * l + c * (d + e) * l + a * d * l2;
                exact = exact.add(big(a).multiply(big(b)).multiply(big(l)))
                        .add(big(c).multiply(big(d).add(big(e))).multiply(big(l)))
                        .add(big(a).multiply(big(d)).multiply(big(l2)));
            }
            check(s, 10 * terms, exact, "Σ (a b) ℓ + (c (d + e)) ℓ + (a d) ℓ'");
        }
        assertThat(plainBelow).as("premise: the plain sums fall below the exact ones").isGreaterThan(1000);
    }

    /** The tail's ρ = (a0 + a1/λ + t) / n, its M_q = max(S, λ S', λ (λ S'')) with λ < 1, and the t right side. */
    @Test
    void quotientsAndMaximaAreBoundedWithOneMargin() {
        for (int trial = 0; trial < 20_000; trial++) {
            double a0 = leaf();
            double a1 = leaf();
            double t = leaf();
            double lambda = Math.max(Double.MIN_NORMAL, rng.nextDouble());
            int n = rng.nextInt(1, 18);
            double rho = (a0 + a1 / lambda + t) / n;
            BigDecimal exactRho = big(a0).add(big(a1).divide(big(lambda), UP)).add(big(t)).divide(BigDecimal.valueOf(n), UP);
            check(rho, 4, exactRho, "(a0 + a1/λ + t)/n");

            double last = leaf();
            double before = leaf();
            double earlier = leaf();
            double largest = Math.max(last, Math.max(lambda * before, lambda * (lambda * earlier)));
            BigDecimal exactLargest = big(last).max(big(lambda).multiply(big(before)))
                    .max(big(lambda).multiply(big(lambda)).multiply(big(earlier)));
            check(largest, 5, exactLargest, "max(S, λ S', λ (λ S''))");

            double hw = rng.nextInt(10) == 0 ? Math.nextUp(1.0) : rng.nextDouble();
            double alpha2 = leaf();
            double y = leaf();
            double beta2W = leaf();
            double yLast = leaf();
            double right = hw * (alpha2 * y + beta2W * (yLast + y)) / n;
            BigDecimal exactRight = big(hw).multiply(big(alpha2).multiply(big(y)).add(big(beta2W).multiply(big(yLast).add(big(y)))))
                    .divide(BigDecimal.valueOf(n), UP);
            check(right, 6, exactRight, "hw (α2 y + β2w (y' + y)) / n");
        }
        assertThat(checked).isEqualTo(60_000);
        assertThat(plainBelow).as("premise: the plain values fall below the exact ones").isGreaterThan(1000);
    }

    /** Products that underflow: the plain value can be far below the exact one in relative terms, never beyond η each. */
    @Test
    void underflowingProductsAreCoveredByTheAbsoluteTerm() {
        sumsOfProducts(5_000, 40, () -> Math.scalb(1 + rng.nextDouble(), -537), "Σ a b, subnormal products");
        assertThat(plainBelow).as("premise: subnormal products round below the exact ones").isGreaterThan(500);
    }

    /** Sums of up to {@code maxTerms - 1} products of two factors drawn from {@code factor}, 2 operations a term. */
    private void sumsOfProducts(int trials, int maxTerms, DoubleSupplier factor, String shape) {
        for (int trial = 0; trial < trials; trial++) {
            int terms = rng.nextInt(1, maxTerms);
            double s = 0;
            BigDecimal exact = BigDecimal.ZERO;
            for (int t = 0; t < terms; t++) {
                double a = factor.getAsDouble();
                double b = factor.getAsDouble();
                s += a * b;
                exact = exact.add(big(a).multiply(big(b)));
            }
            check(s, 2 * terms, exact, shape);
        }
    }

    @Test
    void blockMarginIsAtLeastOnePlusGamma() {
        for (int n : new int[] {1, 2, 7, 21, 100, 1 << 20}) {
            BigDecimal nu = big(0x1p-53).multiply(BigDecimal.valueOf(n + 2));
            BigDecimal gamma = nu.divide(BigDecimal.ONE.subtract(nu), UP);
            BigDecimal margin = big(RoundOff.blockMargin(n));
            assertThat(margin.compareTo(BigDecimal.ONE.add(gamma))).as("n = %d", n).isGreaterThanOrEqualTo(0);
            // at most two ulps of 1 above: the rounding of 1 + γ and the step up
            assertThat(margin.compareTo(BigDecimal.ONE.add(gamma).add(big(0x1p-51)))).as("n = %d", n).isLessThanOrEqualTo(0);
        }
    }
}
