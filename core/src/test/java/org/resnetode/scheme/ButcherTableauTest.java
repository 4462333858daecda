package org.resnetode.scheme;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.apache.commons.math3.fraction.BigFraction;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.resnetode.io.JsonReader;
import org.resnetode.model.Families;
import org.resnetode.model.ResidualFunction;
import org.resnetode.model.Weights;

/** Tableaux validate themselves: explicitness, row sums, stage times, order conditions; and their order shows numerically. */
class ButcherTableauTest {

    private static BigFraction[] row(String... v) {
        BigFraction[] r = new BigFraction[v.length];
        for (int i = 0; i < v.length; i++) {
            r[i] = ButcherTableau.parseRational(v[i]);
        }
        return r;
    }

    /** The number of rooted trees of orders 1..6 (OEIS A000081): 1, 1, 2, 4, 9, 20. */
    @Test
    void rootedTreesAreCountedLikeA000081() {
        int[] expected = {1, 1, 2, 4, 9, 20};
        for (int n = 1; n <= 6; n++) {
            assertThat(OrderConditions.treeCount(n)).as("order %d", n).isEqualTo(expected[n - 1]);
        }
    }

    /** Orders from the literature (Hairer, Nørsett, Wanner I, II.1). */
    @ParameterizedTest
    @CsvSource({"euler,1", "heun,2", "midpoint,2", "ralston,2", "rk3,3", "rk4,4", "rk38,4"})
    void builtInTableauxHaveTheirClassicalOrder(String name, int order) {
        ButcherTableau t = Scheme.byName(name).tableau();
        assertThat(t.order()).isEqualTo(order);
        assertThat(t.linearOrder()).isEqualTo(order);
        for (int i = 0; i < t.stages(); i++) {
            BigFraction sum = BigFraction.ZERO;
            for (int j = 0; j < t.stages(); j++) {
                sum = sum.add(t.exactA(i, j));
            }
            assertThat(t.exactC(i)).isEqualTo(sum);
            assertThat(t.c()[i]).isEqualTo(sum.doubleValue());
        }
    }

    @Test
    void rk4StabilityPolynomialIsTheDegreeFourTaylorPolynomialOfExp() {
        assertThat(ButcherTableau.RK4.stabilityPolynomial()).containsExactly(row("1", "1", "1/2", "1/6", "1/24"));
        assertThat(ButcherTableau.EULER.stabilityPolynomial()).containsExactly(row("1", "1"));
    }

    /** Kutta's RK3 with other weights: (1/4, 1/2, 1/4) keeps Σ b = 1 and Σ b c = 1/2 (order 2), (1/2, 1/2, 0) only Σ b = 1. */
    @Test
    void perturbedWeightsLowerTheOrder() {
        BigFraction[][] a = {row(), row("1/2"), row("-1", "2")};
        assertThat(new ButcherTableau("p", a, row("1/6", "2/3", "1/6"), null).order()).isEqualTo(3);
        ButcherTableau second = new ButcherTableau("p", a, row("1/4", "1/2", "1/4"), null);
        assertThat(second.order()).isEqualTo(2);
        // r_3 = bᵀ A² 1 = b_3 a_32 a_21 = 1/4 ≠ 1/6
        assertThat(second.linearOrder()).isEqualTo(2);
        assertThat(new ButcherTableau("p", a, row("1/2", "1/2", "0"), null).order()).isEqualTo(1);
        assertThatThrownBy(() -> new ButcherTableau("p", a, row("1/2", "0", "1/4"), null))
                .hasMessageContaining("not consistent: Σ b_i = 3/4");
    }

    @Test
    void invalidTableauxAreRejectedWithTheReason() {
        assertThatThrownBy(() -> new ButcherTableau("imp", new BigFraction[][] {row("1/2", "0"), row("0", "1/2")}, row("1/2", "1/2"), null))
                .hasMessageContaining("tableau imp is implicit: a[0][0] = 1/2");
        assertThatThrownBy(() -> new ButcherTableau("c", new BigFraction[][] {row(), row("1")}, row("1/2", "1/2"), row("0", "1/2")))
                .hasMessageContaining("c[1] = 1/2 but row 1 of A sums to 1");
        assertThatThrownBy(() -> new ButcherTableau("far", new BigFraction[][] {row(), row("2")}, row("3/4", "1/4"), null))
                .hasMessageContaining("c[1] = 2 is outside [0, 1]");
        assertThatThrownBy(() -> new ButcherTableau("short", new BigFraction[][] {row()}, row("1/2", "1/2"), null))
                .hasMessageContaining("A has 1 rows but b has 2 entries");
        assertThatThrownBy(() -> ButcherTableau.RK4.requireOrder(5))
                .hasMessageContaining("declares order 5 but satisfies the order conditions up to order 4");
        assertThatThrownBy(() -> ButcherTableau.parseRational("1/0")).hasMessageContaining("zero denominator");
        assertThatThrownBy(() -> ButcherTableau.parseRational("one")).hasMessageContaining("'one' is not a rational number");
        assertThat(ButcherTableau.parseRational(" -0.25 ")).isEqualTo(new BigFraction(-1, 4));
        assertThat(ButcherTableau.parseRational("2e1")).isEqualTo(new BigFraction(20));
    }

    @Test
    void everyBuiltInNameIsAScheme() {
        assertThat(Scheme.NAMES).containsExactly("euler", "heun", "midpoint", "ralston", "rk3", "rk4", "rk38", "heun-reference");
        for (String name : Scheme.NAMES) {
            assertThat(Scheme.byName(name.toUpperCase()).name()).isEqualTo(name);
        }
        assertThat(Scheme.byName("rk4")).isEqualTo(Scheme.byName("rk4"));
        assertThat(Scheme.byName("euler")).isSameAs(Scheme.EULER);
    }

    /**
     * One order test for every tableau: on x' = tanh(w x) with a constant weight (an autonomous nonlinear ODE),
     * errors against classical RK4 at N = 8192 (error ~ 1e-16) fall by 2^p from N = 16 to 32.
     */
    @Test
    void measuredOrderOnANonlinearOdeIsTheTableauOrder() {
        ResidualFunction f = Families.create("tanh", 1, 0);
        double w = 1.7;
        double x0 = 0.8;
        double reference = run(ButcherTableau.RK4, f, w, 8192, x0);
        for (ButcherTableau t : ButcherTableau.BUILT_IN) {
            double e16 = Math.abs(run(t, f, w, 16, x0) - reference);
            double e32 = Math.abs(run(t, f, w, 32, x0) - reference);
            double rate = Math.log(e16 / e32) / Math.log(2);
            assertThat(rate).as("%s: errors %.3e, %.3e", t.name(), e16, e32).isBetween(t.order() - 0.15, t.order() + 0.15);
        }
    }

    private static double run(ButcherTableau t, ResidualFunction f, double w, int n, double x0) {
        Scheme s = Scheme.of(t);
        double[] weights = new double[s.weightCount(n)];
        java.util.Arrays.fill(weights, w);
        double[] x = {x0};
        new ResNet(f, s, new Weights(weights.length, 1, weights), n).forward(x, x);
        return x[0];
    }

    @Test
    void aTableauFileGivesTheSameTableauAsTheBuiltIn() {
        Object tree = JsonReader.parse("{\"name\": \"my-rk4\", \"A\": [[\"0\", \"0\", \"0\", \"0\"], [\"1/2\"], "
                + "[0, \"1/2\"], [0, 0, 1]], \"b\": [\"1/6\", \"1/3\", \"1/3\", \"1/6\"], \"c\": [\"0\", \"0.5\", \"1/2\", \"1\"], \"order\": 4}");
        ButcherTableau t = TableauFile.fromTree("rk4.json", tree);
        assertThat(t.name()).isEqualTo("my-rk4");
        assertThat(t.order()).isEqualTo(4);
        for (int i = 0; i < 4; i++) {
            assertThat(t.exactB(i)).isEqualTo(ButcherTableau.RK4.exactB(i));
            assertThat(t.exactC(i)).isEqualTo(ButcherTableau.RK4.exactC(i));
            for (int j = 0; j < 4; j++) {
                assertThat(t.exactA(i, j)).isEqualTo(ButcherTableau.RK4.exactA(i, j));
            }
        }
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
            "[1, 2]|tableau file t.json: expected a JSON object with keys A, b",
            "{\"b\": [\"1\"]}|tableau file t.json: missing key 'A'",
            "{\"A\": 3, \"b\": [\"1\"]}|tableau file t.json: A: expected an array",
            "{\"A\": [[], 5], \"b\": [\"1\"]}|tableau file t.json: A[1]: expected an array (a row of A)",
            "{\"A\": [[]], \"b\": [\"one\"]}|tableau file t.json: b[0]: 'one' is not a rational number",
            "{\"A\": [[]], \"b\": [0.1]}|tableau file t.json: b[0]: expected an exact rational as a string like \"1/6\" (or an integer), got the inexact number 0.1",
            "{\"A\": [[\"1\"]], \"b\": [\"1\"]}|tableau file t.json: tableau tableau is implicit: a[0][0] = 1",
            "{\"A\": [[]], \"b\": [\"1\"], \"order\": 2}|tableau file t.json: tableau tableau declares order 2 but satisfies the order conditions up to order 1",
            "{\"A\": [[]], \"b\": [\"1\"], \"order\": \"high\"}|tableau file t.json: order: expected an integer 1..6, got high",
            "{\"A\": [[]], \"b\": [\"1\"], \"stages\": 1}|tableau file t.json: unknown key 'stages'",
            "{\"A\": [[]], \"b\": [\"1\"], \"name\": 7}|tableau file t.json: name: expected 1 to 40 letters, digits or _.+-",
            "{\"A\": [[], [\"1\"]], \"b\": [\"1\", \"1\"]}|tableau file t.json: tableau tableau is not consistent: Σ b_i = 2, expected 1"})
    void malformedTableauFilesNameTheFileThePathAndWhatWasExpected(String json, String message) {
        assertThatThrownBy(() -> TableauFile.fromTree("t.json", JsonReader.parse(json)))
                .isInstanceOf(org.resnetode.checks.BadInputException.class).hasMessageStartingWith(message);
    }

    /**
     * Linear order above the classical one: stages (0, 1/2, 1/2), b = (0, 1/3, 2/3) satisfy Σ b = 1, Σ b c = 1/2 and
     * bᵀ A c = 1/6, so R(z) = 1 + z + z²/2 + z³/6, but Σ b c² = 1/4 ≠ 1/3: classical order 2, linear order 3.
     */
    @Test
    void linearOrderCanExceedTheClassicalOrder() {
        ButcherTableau t = new ButcherTableau("lin3", new BigFraction[][] {row(), row("1/2"), row("0", "1/2")}, row("0", "1/3", "2/3"), null);
        assertThat(t.order()).isEqualTo(2);
        assertThat(t.linearOrder()).isEqualTo(3);
        assertThat(t.toString()).isEqualTo("lin3 (3 stages, order 2)");
        assertThat(t.a()[1]).containsExactly(0.5);
        assertThat(t.a()[2]).containsExactly(0, 0.5);
        assertThat(t.b()).containsExactly(0, 1 / 3.0, 2 / 3.0);
        assertThat(t.c()).containsExactly(0, 0.5, 0.5);
        assertThat(t.exactLastStageTime()).isEqualTo(new BigFraction(1, 2));
        assertThat(ButcherTableau.HEUN.exactLastStageTime()).isEqualTo(BigFraction.ONE);
        assertThat(ButcherTableau.EULER.exactLastStageTime()).isEqualTo(BigFraction.ZERO);
        assertThat(ButcherTableau.RK4.requireOrder(4)).isSameAs(ButcherTableau.RK4);
    }

    @Test
    void stageCountAndExponentLimits() {
        BigFraction[][] a16 = new BigFraction[16][];
        BigFraction[] b16 = new BigFraction[16];
        for (int i = 0; i < 16; i++) {
            a16[i] = new BigFraction[i];
            java.util.Arrays.fill(a16[i], BigFraction.ZERO);
            b16[i] = new BigFraction(1, 16);
        }
        assertThat(new ButcherTableau("s16", a16, b16, null).stages()).isEqualTo(16);
        BigFraction[][] a17 = java.util.Arrays.copyOf(a16, 17);
        a17[16] = new BigFraction[16];
        java.util.Arrays.fill(a17[16], BigFraction.ZERO);
        BigFraction[] b17 = java.util.Arrays.copyOf(b16, 17);
        b17[16] = BigFraction.ZERO;
        assertThatThrownBy(() -> new ButcherTableau("s17", a17, b17, null)).hasMessageContaining("b has 17 entries, expected 1..16");
        assertThatThrownBy(() -> new ButcherTableau("s0", new BigFraction[0][], new BigFraction[0], null)).hasMessageContaining("b has 0 entries");
        assertThat(ButcherTableau.parseRational("1e1000")).isEqualTo(new BigFraction(java.math.BigInteger.TEN.pow(1000)));
        assertThat(ButcherTableau.parseRational("1e-1000")).isEqualTo(new BigFraction(java.math.BigInteger.ONE, java.math.BigInteger.TEN.pow(1000)));
        assertThatThrownBy(() -> ButcherTableau.parseRational("1e1001")).hasMessageContaining("exponent beyond ±1000");
        assertThatThrownBy(() -> ButcherTableau.parseRational("1e-1001")).hasMessageContaining("exponent beyond ±1000");
        assertThat(ButcherTableau.text(new BigFraction(-6, 4))).isEqualTo("-3/2");
        assertThatThrownBy(() -> Scheme.EULER.stepSize(0)).hasMessageContaining("depth must be at least 1");
    }

    @Test
    void tableauFileOrderMustBeInRange() {
        for (String order : new String[] {"0", "7"}) {
            assertThatThrownBy(() -> TableauFile.fromTree("t.json", JsonReader.parse(
                    "{\"A\": [[]], \"b\": [\"1\"], \"order\": " + order + "}")))
                    .hasMessage("tableau file t.json: order: expected an integer 1..6, got " + order);
        }
        assertThat(TableauFile.fromTree("t.json", JsonReader.parse("{\"A\": [[]], \"b\": [\"1\"], \"order\": 1}"))
                .name()).isEqualTo("tableau");
        assertThatThrownBy(() -> TableauFile.fromTree("t.json", JsonReader.parse(
                "{\"A\": [[]], \"b\": [\"1\"], \"order\": 6}"))).hasMessageContaining("declares order 6");
    }
}
