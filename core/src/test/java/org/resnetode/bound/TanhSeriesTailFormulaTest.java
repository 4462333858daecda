package org.resnetode.bound;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.resnetode.model.TanhFamily;

/**
 * {@link TanhSeriesTail} against its own derivation (bound.md §2, "the tail of a tanh field") carried out in 50-digit
 * BigDecimal from the same coefficient norms and radii: the scaled bounds {@code X_k, Z_k, Y_k, V_k}, the sums of known
 * pairs {@code P_y = Σ j/(i+j) Z_j V_i} and {@code P_v = Σ Y_j Y_i} over {@code i, j < q <= i + j}, the candidate
 * (1.5 times the fixed point of the system linearised at T = 0 without Y², or where that does not verify 1.5 times the
 * last fixed-point sweep from 0) and the right side {@code h w F(Y)/(q+1)} at it. The double
 * routine must agree to 1e-9 relative (its sweeps and check rounded up, the derivation exact) and lie above the
 * exact value of the returned right side. The coefficient norms are chosen so that P_y and P_v are a large part of the
 * tail: a wrong weight or a wrong range in those sums moves the result by far more than 1e-9.
 */
class TanhSeriesTailFormulaTest {
    private static final MathContext MC = new MathContext(50);
    private static final int SWEEPS = 12;

    @Test
    void theTailIsTheDerivationsRightSideAtTheCandidate() {
        SplittableRandom rng = new SplittableRandom(2026);
        int compared = 0;
        // one instance for every trial, the largest order first: its buffers keep the previous trial's entries above
        // the current order, which must not enter the sums; the first trial fills the buffers to their capacity
        TanhSeriesTail tail = new TanhSeriesTail(8);
        for (int trial = 0; trial < 60; trial++) {
            int q = trial == 0 ? 8 : 2 + trial % 5;
            boolean mlp = trial % 2 == 1;
            Inputs in = Inputs.random(rng, q, mlp);
            BallField x = BallField.of(new TanhFamily(1), 8);
            BallTanh t = new BallTanh(1, 8);
            in.load(x, t);
            double got = tail.bound(x, t, q, in.w, in.alpha, in.beta, in.alpha2, in.beta2, in.hw);
            BigDecimal expected = in.exactTail();
            if (expected == null) {
                assertThat(got).as("trial %d: the candidate does not verify", trial).isEqualTo(Double.POSITIVE_INFINITY);
                continue;
            }
            assertThat(got).as("trial %d (q = %d, %s)", trial, q, mlp ? "mlp" : "tanh").isFinite();
            BigDecimal g = new BigDecimal(got);
            BigDecimal rel = g.subtract(expected).abs().divide(expected, MC);
            assertThat(rel.doubleValue()).as("trial %d: %s against %s", trial, got, expected).isLessThan(1e-9);
            compared++;
        }
        assertThat(compared).isGreaterThan(40);
    }

    @Test
    void thePairSumsWeighEachPairByItsOwnOrder() {
        // q = 3, only Z_2 (and V_0, which pairs with nothing at i + j >= 3) and V_2 nonzero among the pairs of known orders with i + j >= 3 (j >= 1): P_y = 2/4 Z_2 V_2;
        // with V_1 also nonzero the pair (j = 2, i = 1) adds 2/3 Z_2 V_1. The tail is increasing in P_y, so the two
        // results order as the weights do, and a weight j/(i - j) (negative or infinite for i <= j) cannot.
        Inputs a = Inputs.fixed(new double[] {0, 0, 0.25}, new double[] {1, 0, 0.25});
        Inputs b = Inputs.fixed(new double[] {0, 0, 0.25}, new double[] {1, 0.25, 0.25});
        double ta = a.run();
        double tb = b.run();
        BigDecimal ea = a.exactTail();
        BigDecimal eb = b.exactTail();
        assertThat(new BigDecimal(ta).compareTo(ea)).isGreaterThanOrEqualTo(0);
        assertThat(new BigDecimal(tb).compareTo(eb)).isGreaterThanOrEqualTo(0);
        assertThat(Math.abs(ta - ea.doubleValue()) / ea.doubleValue()).isLessThan(1e-9);
        assertThat(Math.abs(tb - eb.doubleValue()) / eb.doubleValue()).isLessThan(1e-9);
        assertThat(tb).isGreaterThan(ta);
    }

    /**
     * Where the linearised candidate fails its check (here its neglected terms push the right sides above 1.5 times it),
     * the sweeps from 0 give the candidate: the double routine still returns a finite tail, the derivation's.
     */
    @Test
    void whereTheLinearisedCandidateFailsTheSweepsDecide() {
        Inputs in = new Inputs(2, 1, 1.328125, 0.03125, -1, 0, 1.0 / 8, new double[] {1.078125, 0.375, 0.0625},
                new double[] {0.5625, 0.25}, new double[] {0.34375, 0.140625}, new double[] {0.953125, 0.34375});
        assertThat(in.linearisedTail()).as("premise: the linearised candidate does not verify").isNull();
        BigDecimal expected = in.exactTail();
        assertThat(expected).as("premise: the sweeps' candidate verifies").isNotNull();
        double got = in.run();
        assertThat(new BigDecimal(got).compareTo(expected)).isGreaterThanOrEqualTo(0);
        assertThat(Math.abs(got - expected.doubleValue()) / expected.doubleValue()).isLessThan(1e-9);
    }

    /** Norms (radii folded in as half of each) and scalars of one call. */
    private record Inputs(int q, double w, double alpha, double beta, double alpha2, double beta2, double hw,
                          double[] xs, double[] zs, double[] ys, double[] vs) {
        static Inputs random(SplittableRandom rng, int q, boolean mlp) {
            double w = rng.nextBoolean() ? 1 : 0.5;
            double[] xs = new double[q + 1];
            double[] zs = new double[q];
            double[] ys = new double[q];
            double[] vs = new double[q];
            for (int k = 0; k <= q; k++) {
                double decay = Math.pow(0.05 + 0.15 * rng.nextDouble(), k);
                xs[k] = (0.5 + rng.nextDouble()) * decay;
                if (k < q) {
                    zs[k] = (0.5 + rng.nextDouble()) * decay;
                    ys[k] = (0.2 + 0.7 * rng.nextDouble()) * decay;
                    vs[k] = k == 0 ? 0.5 + 0.5 * rng.nextDouble() : (0.5 + rng.nextDouble()) * decay;
                }
            }
            double alpha = 0.5 + rng.nextDouble();
            double beta = 0.05 * rng.nextDouble();
            double h = 1.0 / (8 << rng.nextInt(4));
            return new Inputs(q, w, alpha, beta, mlp ? 0.5 + rng.nextDouble() : -1, mlp ? 0.05 * rng.nextDouble() : 0,
                    h * w, xs, zs, ys, vs);
        }

        static Inputs fixed(double[] zs, double[] vs) {
            int q = 3;
            return new Inputs(q, 1, 1, 0, -1, 0, 1.0 / 16, new double[] {1, 0.1, 0.01, 0.001}, zs,
                    new double[] {0.2, 0.05, 0.02}, vs);
        }

        double run() {
            BallField x = BallField.of(new TanhFamily(1), 8);
            BallTanh t = new BallTanh(1, 8);
            load(x, t);
            return new TanhSeriesTail(8).bound(x, t, q, w, alpha, beta, alpha2, beta2, hw);
        }

        /** Unscaled norms and radii such that (norm + radius) w^k is the scaled bound (dyadic w: exact). */
        void load(BallField x, BallTanh t) {
            double wk = 1;
            for (int k = 0; k <= q; k++) {
                x.cNorm[k] = xs[k] / 2 / wk;
                x.cRad[k] = xs[k] / 2 / wk;
                if (k < q) {
                    t.zetaNorm[k] = zs[k] / 2 / wk;
                    t.zetaRad[k] = zs[k] / 2 / wk;
                    t.yNorm[k] = ys[k] / 2 / wk;
                    t.yRad[k] = ys[k] / 2 / wk;
                    t.vNorm[k] = vs[k] / 2 / wk;
                    t.vRad[k] = vs[k] / 2 / wk;
                }
                wk *= w;
            }
        }

        /** The derivation in BigDecimal; null when the candidate does not verify. */
        BigDecimal exactTail() {
            return tail(true);
        }

        /** The derivation with the linearised candidate alone (no sweeps); null when it does not verify. */
        BigDecimal linearisedTail() {
            return tail(false);
        }

        private BigDecimal tail(boolean sweeps) {
            BigDecimal a = bd(alpha);
            BigDecimal bw = bd(beta).multiply(bd(w));
            BigDecimal zLo = BigDecimal.ZERO;
            BigDecimal yLo = BigDecimal.ZERO;
            BigDecimal vLo = BigDecimal.ZERO;
            for (int j = 0; j < q; j++) {
                if (j >= 1) {
                    zLo = zLo.add(bd(zs[j]));
                }
                yLo = yLo.add(bd(ys[j]));
                vLo = vLo.add(bd(vs[j]));
            }
            BigDecimal py = BigDecimal.ZERO;
            BigDecimal pv = BigDecimal.ZERO;
            for (int j = 0; j < q; j++) {
                for (int i = 0; i < q; i++) {
                    if (i + j < q) {
                        continue;
                    }
                    pv = pv.add(bd(ys[j]).multiply(bd(ys[i])));
                    if (j >= 1) {
                        BigDecimal weight = BigDecimal.valueOf(j).divide(BigDecimal.valueOf(i + j), MC);
                        py = py.add(weight.multiply(bd(zs[j])).multiply(bd(vs[i])), MC);
                    }
                }
            }
            BigDecimal xq = bd(xs[q]);
            BigDecimal xBefore = bd(xs[q - 1]);
            BigDecimal hwOver = bd(hw).divide(BigDecimal.valueOf(q + 1), MC);
            BigDecimal yLast = bd(ys[q - 1]);
            BigDecimal twoYLo = yLo.multiply(BigDecimal.valueOf(2));
            // the linearised candidate: Z at T = 0, V = P_v + 2 Y_lo Y, Y from the linear equation
            BigDecimal z0 = a.multiply(xq).add(bw.multiply(xBefore.add(xq)), MC);
            BigDecimal coupling = twoYLo.multiply(z0.add(zLo), MC);
            if (coupling.compareTo(BigDecimal.ONE) < 0) {
                BigDecimal y0 = py.add(z0.multiply(vLo)).add(z0.add(zLo).multiply(pv))
                        .divide(BigDecimal.ONE.subtract(coupling), MC);
                BigDecimal checked = check(a, bw, xq, xBefore, py, vLo, zLo, pv, yLo, hwOver, yLast,
                        hwOver.multiply(f(y0, yLast), MC), pv.add(y0.multiply(twoYLo.add(y0)), MC));
                if (checked != null || !sweeps) {
                    return checked;
                }
            }
            if (!sweeps) {
                return null;
            }
            BigDecimal tail = BigDecimal.ZERO;
            BigDecimal vTail = BigDecimal.ZERO;
            for (int sweep = 0; sweep < SWEEPS; sweep++) {
                BigDecimal z = a.multiply(xq.add(tail)).add(bw.multiply(xBefore.add(xq).add(tail)), MC);
                BigDecimal y = py.add(z.multiply(vLo.add(vTail))).add(zLo.multiply(vTail), MC);
                vTail = pv.add(y.multiply(yLo.multiply(BigDecimal.valueOf(2)).add(y)), MC);
                BigDecimal next = hwOver.multiply(f(y, yLast), MC);
                boolean settled = next.compareTo(tail.multiply(new BigDecimal("1.001"))) <= 0;
                tail = next;
                if (settled) {
                    break;
                }
            }
            return check(a, bw, xq, xBefore, py, vLo, zLo, pv, yLo, hwOver, yLast, tail, vTail);
        }

        /** The right side at the candidate inflated by 1.5, or null when the right sides do not stay below it. */
        private BigDecimal check(BigDecimal a, BigDecimal bw, BigDecimal xq, BigDecimal xBefore, BigDecimal py,
                                 BigDecimal vLo, BigDecimal zLo, BigDecimal pv, BigDecimal yLo, BigDecimal hwOver,
                                 BigDecimal yLast, BigDecimal tail, BigDecimal vTail) {
            BigDecimal tc = tail.multiply(new BigDecimal("1.5"));
            BigDecimal vc = vTail.multiply(new BigDecimal("1.5"));
            BigDecimal z = a.multiply(xq.add(tc)).add(bw.multiply(xBefore.add(xq).add(tc)), MC);
            BigDecimal y = py.add(z.multiply(vLo.add(vc))).add(zLo.multiply(vc), MC);
            BigDecimal v = pv.add(y.multiply(yLo.multiply(BigDecimal.valueOf(2)).add(y)), MC);
            BigDecimal t = hwOver.multiply(f(y, yLast), MC);
            return v.compareTo(vc) <= 0 && t.compareTo(tc) <= 0 ? t : null;
        }

        private BigDecimal f(BigDecimal y, BigDecimal yLast) {
            return alpha2 < 0 ? y : bd(alpha2).multiply(y).add(bd(beta2).multiply(bd(w)).multiply(yLast.add(y)), MC);
        }

        private static BigDecimal bd(double v) {
            return new BigDecimal(v);
        }
    }
}
