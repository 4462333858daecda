package org.resnetode.bound;

import static org.assertj.core.api.Assertions.assertThat;
import static org.resnetode.bound.LinearEulerCases.*;
import static org.resnetode.properties.Generators.smooth;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.resnetode.scheme.ResNet;

/**
 * The carried global error of linear networks under forward Euler ({@link LinearEulerError}, bound.md §9) against
 * quantities computed on an independent route: the exact x(T) of the Neural ODE from 60-digit Taylor series on every
 * knot interval ({@link ExactEnclosureTest#exactSolution}), or {@code e^{A T} x_0} in closed form for a constant diagonal
 * A ({@link BigSeries#exp}). Wherever the result is finite:
 * <ul>
 *   <li>the exact x(T) lies within its radius of its shadow z, and the exact {@code ||x_N - x(T)||} is at most its bound;</li>
 *   <li>its shadow distance is at least the exact {@code ||x_N - z||}, its bound at least shadow distance plus radius;</li>
 *   <li>where its radius is at most {@link CertifiedBound#RADIUS_SHARE} of the shadow distance (the share
 *       {@code CertifiedBound.certify} accepts it at), on smooth weights, the exact error is at least 2/3 of the bound.</li>
 * </ul>
 * Where it is +∞ (a layer with {@code h ||A||_2 > 1}, a quantity not finite, the early stop past the first eighth of the
 * layers) {@code CertifiedBound.certify} falls back to the validated passes: the routing is checked in {@link LinearEulerRoutingTest}.
 */
class LinearEulerErrorTest {
    /** The tightness an accepted result promises against its shadow distance: {@code 1/(1 + RADIUS_SHARE)}. */
    private static final double ACCEPTED = 1 / (1 + CertifiedBound.RADIUS_SHARE);
    private static final String[] PROFILES = {"fourier", "polynomial", "iid", "alternating"};
    private static final int[] DEPTHS = {1, 2, 16, 64, 256, 1024};

    /**
     * Four profiles, d = 2, 3, 4, N = 1 .. 1024, zero mean or not (144 networks), and one d = 8 network: every finite
     * result encloses the exact solution; on smooth profiles every accepted one is at least 2/3 tight against the exact
     * error. The counts are the ones measured (2026-12, this class's first version): finite results on the smooth
     * profiles from N = 16 on (none at N = 1, 2 but the zero-mean polynomial's A = 0 at N = 1: h ||A|| > 1 or the early
     * stop, which at N <= 8 already judges ||G_1|| = 0), none on i.i.d. and alternating weights beyond N = 1 (their
     * radius, made of the ||Δ|| terms, exceeds half the carried error at the first eighth).
     */
    @Test
    void finiteResultsEncloseTheExactSolution() {
        List<Case> cases = new ArrayList<>();
        for (String profile : PROFILES) {
            for (int d = 2; d <= 4; d++) {
                for (int n : DEPTHS) {
                    for (boolean zeroMean : new boolean[] {false, true}) {
                        cases.add(profileCase(profile, d, n, zeroMean));
                    }
                }
            }
        }
        cases.add(profileCase("polynomial", 8, 256, false));
        int finite = 0;
        int smoothDeep = 0;
        int smoothDeepFinite = 0;
        int acceptedSmooth = 0;
        int finiteRough = 0;
        double worst = 1;
        StringBuilder table = new StringBuilder();
        for (Case c : cases) {
            BoundResult b = c.carried();
            String profile = c.what().substring(0, c.what().indexOf(' '));
            int n = c.net().depth();
            boolean deep = smooth(profile) && n >= 256 && c.dim() <= 4;
            smoothDeep += deep ? 1 : 0;
            if (!b.certified()) {
                assertUnbounded(b, c.net().steps());
                table.append(String.format("%n  %-40s unbounded", c.what()));
                continue;
            }
            finite++;
            smoothDeepFinite += deep ? 1 : 0;
            finiteRough += smooth(profile) ? 0 : 1;
            BigDecimal error = assertEncloses(c, b, c.exact());
            double tightness = error.doubleValue() / b.bound();
            table.append(String.format("%n  %-40s bound %.4e  r/dist %.3f  exact error %.4e  exact/bound %.4f", c.what(),
                    b.bound(), b.radius() / b.shadowDistance(), error.doubleValue(), tightness));
            if (smooth(profile) && accepted(b) && error.signum() > 0) {
                acceptedSmooth++;
                worst = Math.min(worst, tightness);
                assertThat(tightness).as("tightness of an accepted result, %s", c.what()).isGreaterThanOrEqualTo(2.0 / 3);
            }
        }
        System.out.printf("LinearEulerErrorTest.finiteResultsEncloseTheExactSolution: %d of %d finite (%d on i.i.d. or "
                + "alternating weights), smooth N >= 256 d <= 4: %d of %d; accepted on smooth profiles: %d, worst "
                + "exact/bound %.4f%s%n", finite, cases.size(), finiteRough, smoothDeepFinite, smoothDeep, acceptedSmooth,
                worst, table);
        // measured: 34 of 145 finite (1 rough: i.i.d. zero mean d = 2 N = 1), 19 of 24 smooth at N >= 256
        assertThat(finite).as("finite results").isGreaterThanOrEqualTo(34);
        assertThat(smoothDeepFinite).as("finite on smooth profiles at N >= 256, d <= 4").isGreaterThanOrEqualTo(19);
        assertThat(acceptedSmooth).as("accepted on smooth profiles").isGreaterThanOrEqualTo(30);
    }

    /**
     * A constant diagonal {@code A = diag(0.5, -1, 2)}: the layers commute, {@code x(T) = e^{A} x_0} componentwise
     * (60-digit exponential series). The bound holds at every depth and is at least 2/3 tight at N = 1024.
     */
    @Test
    void commutingDiagonalAgainstTheMatrixExponential() {
        double[] a = {0.5, -1, 2};
        double[] x0 = {0.6, -0.8, 0.5};
        for (int n : new int[] {16, 64, 256, 1024}) {
            Case c = layers("diag(0.5, -1, 2) N=" + n, constant(diagonal(a), n), x0);
            BigDecimal[] exact = new BigDecimal[3];
            for (int i = 0; i < 3; i++) {
                exact[i] = BigSeries.exp(new BigDecimal(a[i]), MC).multiply(new BigDecimal(x0[i]), MC);
            }
            BoundResult b = c.carried();
            BigDecimal error = assertEncloses(c, b, exact);
            double tightness = error.doubleValue() / b.bound();
            System.out.printf("commutingDiagonal N=%d: bound %.6e exact error %.6e r/dist %.4f exact/bound %.5f%n", n,
                    b.bound(), error.doubleValue(), b.radius() / b.shadowDistance(), tightness);
            if (n == 1024) {
                assertThat(accepted(b)).as("accepted at N = 1024").isTrue();
                assertThat(tightness).isGreaterThanOrEqualTo(2.0 / 3);
            }
        }
    }

    /**
     * A = I for 17 layers, then diag(9, -7) to the end (N = 128): the layers commute, the closed form is exact. The radius
     * here is within 21% of the exact {@code ||z - x(T)||}: the propagation of the carried error and of the pending local
     * error by {@code e^L - 1 = L + L²/2 + Σ_{k>=3}} is what keeps it above (a sign turned in that sum falls below).
     */
    @Test
    void aDiagonalThatSplitsEarlyIsEnclosed() {
        int n = 128;
        double[][] diagonals = new double[n][];
        double[][] layers = new double[n][];
        for (int k = 0; k < n; k++) {
            diagonals[k] = k < 17 ? new double[] {1, 1} : new double[] {9, -7};
            layers[k] = diagonal(diagonals[k]);
        }
        double[] x0 = {1, 0.5};
        Case c = layers("I, then diag(9, -7) from layer 17, N = 128", layers, x0);
        BoundResult b = c.carried();
        BigDecimal error = assertEncloses(c, b, diagonalExact(diagonals, x0));
        System.out.printf("split diagonal: bound %.6e, exact error %.6e, radius / exact ||z - x(T)|| %.4f%n", b.bound(),
                error.doubleValue(), b.radius() / distance(b.shadow(), diagonalExact(diagonals, x0)).doubleValue());
    }

    /**
     * A = I on 127 layers, the last one {@code I + 8K} (K = [[0, 1], [1, 0]]), N = 128: the one jump Δ = 8K acts on the
     * carried error at its largest; the Δ terms of the local error (the commutator and Δ² weights, {@code h a/6 + h b/8})
     * are what the radius needs there (exact x(T) from the Taylor series).
     */
    @Test
    void aJumpAtTheLastLayerIsEnclosed() {
        int n = 128;
        double[][] layers = constant(diagonal(1, 1), n);
        layers[n - 1] = new double[] {1, 8, 8, 1};
        Case c = layers("I, the last layer I + 8K, N = 128", layers, new double[] {1, 0.5});
        BoundResult b = c.carried();
        assertEncloses(c, b, c.exact());
        System.out.printf("last-layer jump: bound %.6e, radius / exact ||z - x(T)|| %.4f%n", b.bound(),
                b.radius() / distance(b.shadow(), c.exact()).doubleValue());
    }

    /**
     * d = 3 (odd: the last row is summed on its own), {@code A_n = diag(1, 1, c_n)}, c_n from 0 to 2: only the last row
     * changes between layers, so ||Δ|| comes from that row alone; the result is finite and encloses x(T).
     */
    @Test
    void aChangeInTheLastRowAloneIsCarried() {
        int n = 64;
        double[][] diagonals = new double[n][];
        double[][] layers = new double[n][];
        for (int k = 0; k < n; k++) {
            diagonals[k] = new double[] {1, 1, 2.0 * k / (n - 1)};
            layers[k] = diagonal(diagonals[k]);
        }
        double[] x0 = {1, 0.5, 1.0 / 3};
        Case c = layers("diag(1, 1, 0..2), N = 64", layers, x0);
        assertEncloses(c, c.carried(), diagonalExact(diagonals, x0));
    }

    /**
     * The early stop is judged from layer N/8 on. With A = c_n I, {@code c_1 = c_0/(1 + h c_0)} makes
     * {@code A_1 x̂_1 = A_0 x̂_0}, so the first local error λ_0 and the carried error G_2 vanish while the radius does not:
     * at N = 16 (N/8 = 2) the pass stops there, +∞ (and {@code certify} falls back to the validated passes); at N = 24
     * (N/8 = 3) layer 2 is not judged and the result is finite and encloses x(T). (At N = 16 the full pass would have been
     * accepted: G passing through 0 defeats the rule's premise that r/||G|| only grows.)
     */
    @Test
    void theEarlyStopIsJudgedFromTheFirstEighthOfTheLayers() {
        for (int n : new int[] {16, 24}) {
            double[][] diagonals = new double[n][];
            double[][] layers = new double[n][];
            for (int k = 0; k < n; k++) {
                double c = k == 0 ? 1 : k == 1 ? 1 / (1 + 1.0 / n) : 1;
                diagonals[k] = new double[] {c, c};
                layers[k] = diagonal(diagonals[k]);
            }
            double[] x0 = {1, 0.5};
            Case c = layers("c_1 = c_0/(1 + h c_0), N = " + n, layers, x0);
            BoundResult b = c.carried();
            if (n == 16) {
                assertUnbounded(b, n);
                BoundResult v = new CertifiedBound(c.net()).certify(x0, c.xN());
                assertThat(v.certified()).isTrue();
                assertThat(new BigDecimal(v.bound()).compareTo(distance(c.xN(), diagonalExact(diagonals, x0)))).isPositive();
            } else {
                assertEncloses(c, b, diagonalExact(diagonals, x0));
            }
        }
    }

    /**
     * One layer (N = 1) of A = c I with c the largest double whose {@code L = h ||A||_2} (rounded up) is at most 1:
     * exactly 1, certified (the remainder bounds hold for L <= 1) and enclosing {@code e^c x_0}; the next double up gives
     * L > 1 and +∞.
     */
    /** L of one layer c I at N = 1 as the class forms it: {@code h a} with h = nextUp(1), a one-operation plain block. */
    private static double stepLipschitz(double c) {
        return RoundOff.blockUp(Math.nextUp(1.0) * new SpectralBound(2, 2).of(diagonal(c, c), 0), RoundOff.blockMargin(1));
    }

    @Test
    void aStepLipschitzOfExactlyOneIsCertified() {
        double c = 1;
        while (stepLipschitz(c) > 1) {
            c = Math.nextDown(c);
        }
        assertThat(stepLipschitz(c)).as("L at c = %s", c).isEqualTo(1.0);
        double[] x0 = {1, 0.5};
        Case at = layers("c I, L = 1, N = 1", constant(diagonal(c, c), 1), x0);
        assertEncloses(at, at.carried(), diagonalExact(new double[][] {{c, c}}, x0));
        double above = Math.nextUp(c);
        assertUnbounded(layers("c I, L > 1, N = 1", constant(diagonal(above, above), 1), x0).carried(), 1);
    }

    /**
     * One instance, several inputs ("one instance per thread"): every call starts from a zero carried error and local
     * error and a spectral reference of its own, so each result is bit for bit the one a fresh instance gives, and
     * encloses its own exact solution; on periodic fourier weights too, whose first layer is close to the last (the
     * reference an instance kept between calls, before each call got its own, changed the radius by 1e-7 relative).
     */
    @Test
    void anInstanceServesSeveralInputs() {
        Case c = profileCase("polynomial", 3, 256, false);
        LinearEulerError reused = new LinearEulerError(c.net());
        double[][] inputs = {c.x0(), {0.2, -0.9, 0.4}, {-1, 0, 0.5}, c.x0()};
        for (double[] x0 : inputs) {
            Case k = withOutput(c.what() + " from " + java.util.Arrays.toString(x0), c.net(), x0);
            BoundResult again = reused.certify(k.x0(), k.xN());
            BoundResult fresh = new LinearEulerError(c.net()).certify(k.x0(), k.xN());
            assertEncloses(k, again, k.exact());
            assertThat(again.bound()).as("reused instance, %s", k.what()).isEqualTo(fresh.bound());
            assertThat(again.radius()).isEqualTo(fresh.radius());
            assertThat(again.shadow()).containsExactly(fresh.shadow());
        }
        Case periodic = profileCase("fourier", 2, 256, false);
        LinearEulerError twice = new LinearEulerError(periodic.net());
        BoundResult first = twice.certify(periodic.x0(), periodic.xN());
        BoundResult second = twice.certify(periodic.x0(), periodic.xN());
        assertEncloses(periodic, first, periodic.exact());
        assertThat(second.radius()).isEqualTo(first.radius());
        assertThat(second.shadow()).containsExactly(first.shadow());
    }

    /** {@code h ||A||_2 = 3} on the one layer of N = 1: the remainder bounds assume {@code L <= 1}, so +∞. */
    @Test
    void aLayerWithStepLipschitzAboveOneIsNotCertified() {
        Case c = layers("3 I, N = 1", constant(diagonal(3, 3), 1), new double[] {1, 0.5});
        assertUnbounded(c.carried(), 1);
        // the same in the middle of a deep network: one layer of 20 I among 0.5 I at N = 16 (h ||A|| = 1.25)
        double[][] w = constant(diagonal(0.5, 0.5), 16);
        w[9] = diagonal(20, 20);
        assertUnbounded(layers("20 I at layer 9 of 16", w, new double[] {1, 0.5}).carried(), 16);
    }

    /**
     * An input of norm 1e200: the states are finite, their squares (the norms' sums) overflow, so the pass stops at the
     * first layer (a quantity not finite): +∞.
     */
    @Test
    void aStateWhoseNormOverflowsIsNotCertified() {
        double[] x0 = {1e200, -1e200};
        Case c = layers("0.5 I from 1e200, N = 16", constant(diagonal(0.5, 0.5), 16), x0);
        assertThat(java.util.Arrays.stream(c.xN()).allMatch(Double::isFinite)).as("finite output").isTrue();
        assertUnbounded(c.carried(), 16);
        // the same network from a unit input is certified
        assertThat(layers("0.5 I, N = 16", constant(diagonal(0.5, 0.5), 16), new double[] {1, -1}).carried().certified())
                .isTrue();
    }

    /** A NaN or infinite output is at no finite distance from anything: +∞. */
    @Test
    void aNonFiniteOutputIsNotCertified() {
        Case c = profileCase("polynomial", 3, 256, false);
        assertThat(c.carried().certified()).as("the premise: finite for the computed output").isTrue();
        for (double bad : new double[] {Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY}) {
            double[] xN = c.xN().clone();
            xN[1] = bad;
            assertUnbounded(new LinearEulerError(c.net()).certify(c.x0(), xN), 256);
        }
    }

    /**
     * x_0 = 0: the trajectory, the carried error and the exact solution are 0. With small weights (A of norm about 0.3,
     * N = 1, 16, 1024) the carried result is finite and at the floor of the norms ({@code normUp(0) = sqrt(MIN_NORMAL)}
     * rounded up, about 1.5e-154, is every zero vector's norm). With larger weights the radius, which sums
     * {@code (e^L - 1) ||λ||} over the layers with ||λ|| at that floor, passes half of ||G|| (at that floor too) once
     * {@code Σ h ||A_n||} is about 1/2: the early stop gives +∞ (measured), and {@code certify}'s validated passes a
     * bound at round-off.
     */
    @Test
    void aZeroInputGivesARoundOffBound() {
        double[] small = {0.15, -0.1, 0.05, 0.025, 0.2, -0.15, -0.05, 0.1, 0.125};
        for (int n : new int[] {1, 16, 1024}) {
            Case zeroInput = layers("small constant N=" + n, constant(small, n), new double[3]);
            assertThat(zeroInput.xN()).containsOnly(0.0);
            BoundResult b = zeroInput.carried();
            System.out.printf("x0 = 0, %s: bound %s radius %s%n", zeroInput.what(), b.bound(), b.radius());
            assertEncloses(zeroInput, b, big(new double[3]));
            assertThat(b.bound()).isGreaterThanOrEqualTo(0).isLessThanOrEqualTo(1e-150);
            assertThat(b.shadow()).containsOnly(0.0);
        }
        for (Case c : List.of(profileCase("polynomial", 3, 64, false), layers("2 x small constant N=1024",
                constant(java.util.Arrays.stream(small).map(v -> 4 * v).toArray(), 1024), new double[3]))) {
            ResNet net = c.net();
            assertUnbounded(new LinearEulerError(net).certify(new double[3], new double[3]), net.steps());
            BoundResult v = new CertifiedBound(net).certify(new double[3], new double[3]);
            System.out.printf("x0 = 0, %s: carried +inf, certify %s%n", c.what(), v.bound());
            assertThat(v.certified()).isTrue();
            assertThat(v.bound()).isGreaterThanOrEqualTo(0).isLessThanOrEqualTo(1e-150);
        }
    }

    /**
     * Zero weights: x(T) = x_0 = x_N. At N = 1 the carried result is finite and at round-off ({@code γ_2 ||x̂_N||} and the
     * step's rounding). From N = 2 on the carried error G stays exactly 0 while the radius collects the Euler steps'
     * rounding bounds (about 2u ||x||): the early stop (radius above half of ||G||) gives +∞ (measured; certify's
     * acceptance "at round-off" is not part of that rule), and {@code certify} returns the validated bound, at round-off.
     */
    @Test
    void zeroWeightsGiveARoundOffBound() {
        double[] x0 = {0.3, -1.2, 0.4};
        for (int n : new int[] {1, 2, 16, 1024}) {
            Case zeroWeights = layers("zero weights N=" + n, constant(new double[9], n), x0);
            assertThat(zeroWeights.xN()).containsExactly(x0);
            BoundResult z = zeroWeights.carried();
            BoundResult c = new CertifiedBound(zeroWeights.net()).certify(x0, zeroWeights.xN());
            System.out.printf("A = 0, N=%d: carried %s radius %s, certify %s%n", n, z.bound(), z.radius(), c.bound());
            assertThat(c.certified()).isTrue();
            assertThat(c.bound()).isGreaterThanOrEqualTo(0).isLessThanOrEqualTo(1e-12);
            if (n == 1) {
                BigDecimal error = assertEncloses(zeroWeights, z, big(x0));
                assertThat(error.signum()).isZero();
                assertThat(z.bound()).isLessThanOrEqualTo(1e-15);
            } else {
                assertUnbounded(z, n);
            }
        }
    }
}
