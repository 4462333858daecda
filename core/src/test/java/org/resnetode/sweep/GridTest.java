package org.resnetode.sweep;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.resnetode.checks.BadInputException;
import org.resnetode.claim.Ladder;

/** Grids: the product in its stated order, and every refusal before any work, naming its axis. */
class GridTest {
    private static Grid grid(String claim, Object... axisValues) {
        Map<Axis, List<Object>> axes = new LinkedHashMap<>();
        for (int i = 0; i < axisValues.length; i += 2) {
            axes.put((Axis) axisValues[i], List.of((Object[]) axisValues[i + 1]));
        }
        return new Grid(claim, axes);
    }

    @Test
    void theProductRunsOverTheAxesInAxisOrderTheLastFastest() {
        Grid g = grid("distance", Axis.SEED, new Object[] {1L, 2L, 3L}, Axis.FAMILY, new Object[] {"linear", "tanh"},
                Axis.DIM, new Object[] {2L, 4L});
        List<String> expected = new ArrayList<>();
        for (String family : List.of("linear", "tanh")) {
            for (long dim : List.of(2L, 4L)) {
                for (long seed : List.of(1L, 2L, 3L)) {
                    expected.add(family + "/" + dim + "/" + seed);
                }
            }
        }
        List<SweepTask> tasks = g.tasks(12);
        assertThat(g.size()).isEqualTo(12);
        assertThat(tasks).extracting(t -> t.value(Axis.FAMILY) + "/" + t.value(Axis.DIM) + "/" + t.value(Axis.SEED))
                .containsExactlyElementsOf(expected);
        assertThat(tasks).extracting(SweepTask::index).containsExactly(0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11);
        assertThat(tasks.get(0).value(Axis.SCHEME)).isEqualTo("euler");
        assertThat(DepthMeasure.config(tasks.get(0)).hidden()).isEqualTo(2);
        assertThat(DepthMeasure.config(tasks.get(0)).batch()).isZero();
        assertThat(tasks.get(5).key()).isEqualTo("distance|family=linear,profile=fourier,scheme=euler,dim=4,hidden=0,"
                + "amplitude=1.0,zeroMean=false,depths=8:1024,seed=3,fitFrom=64");
    }

    @Test
    void adjointGridsCarryTheirBatch() {
        SweepTask t = grid("adjoint", Axis.BATCH, new Object[] {7L}).tasks(10).get(0);
        assertThat(DepthMeasure.config(t).batch()).isEqualTo(7);
        assertThat(t.key()).endsWith(",batch=7");
        assertRefused(() -> grid("adjoint", Axis.BATCH, new Object[] {0L}).tasks(10), "axis 'batch' must be at least 1, got 0");
    }

    @Test
    void refusalsNameTheirAxis() {
        assertRefused(() -> grid("bound", Axis.DIM, new Object[] {2L}), "unknown claim 'bound'");
        assertRefused(() -> grid("distance", Axis.DIM, new Object[] {}), "axis 'dim' lists no value");
        assertRefused(() -> grid("distance", Axis.DIM, new Object[] {2L, 2L}), "axis 'dim' lists 2 twice");
        assertRefused(() -> grid("distance", Axis.DIM, new Object[] {2.5}), "axis 'dim' takes whole numbers, got 2.5");
        assertRefused(() -> grid("distance", Axis.AMPLITUDE, new Object[] {"big"}), "axis 'amplitude' takes finite numbers");
        assertRefused(() -> grid("distance", Axis.ZERO_MEAN, new Object[] {1L}), "axis 'zeroMean' takes true or false");
        assertThat(grid("distance", Axis.ZERO_MEAN, new Object[] {true, false}).values(Axis.ZERO_MEAN)).containsExactly(true, false);
        assertRefused(() -> grid("distance", Axis.FAMILY, new Object[] {" "}), "axis 'family' takes non-empty strings");
        assertRefused(() -> grid("distance", Axis.BATCH, new Object[] {4L}), "axis 'batch' does not apply to claim distance");
        assertRefused(() -> grid("distance", Axis.HIDDEN, new Object[] {4L}), "axis 'hidden' applies to the mlp family only");
        assertRefused(() -> grid("distance", Axis.FAMILY, new Object[] {"cubic"}).tasks(10), "axis 'family': unknown family 'cubic'");
        assertRefused(() -> grid("distance", Axis.PROFILE, new Object[] {"wavy"}).tasks(10), "axis 'profile': unknown profile 'wavy'");
        assertRefused(() -> grid("distance", Axis.SCHEME, new Object[] {"rk9"}).tasks(10), "axis 'scheme'");
        assertRefused(() -> grid("distance", Axis.DEPTHS, new Object[] {"64:8"}).tasks(10), "malformed depth ladder '64:8'");
        assertRefused(() -> grid("distance", Axis.FAMILY, new Object[] {"theta2"}, Axis.DIM, new Object[] {8L}).tasks(10),
                "axis 'family' = theta2 in the configuration distance|family=theta2,");
        assertRefused(() -> grid("distance", Axis.DIM, new Object[] {0L}).tasks(10), "axis 'dim' = 0 in the configuration distance|");
        assertRefused(() -> grid("distance", Axis.SEED, new Object[] {1L, 2L, 3L}).tasks(2),
                "the grid's product has 3 configurations, more than --max-configs 2");
    }

    @Test
    void aProductBeyondTheLongRangeSaturates() {
        List<Object> many = new ArrayList<>();
        for (long i = 0; i < 100_000; i++) {
            many.add(i);
        }
        Map<Axis, List<Object>> axes = new LinkedHashMap<>();
        for (Axis a : List.of(Axis.SEED, Axis.DIM, Axis.FIT_FROM, Axis.HIDDEN)) {
            axes.put(a, many);
        }
        axes.put(Axis.FAMILY, List.of("mlp"));
        Grid g = new Grid("distance", axes);
        assertThat(g.size()).isEqualTo(Long.MAX_VALUE);
        assertRefused(() -> g.tasks(Grid.DEFAULT_MAX_CONFIGS), "more than 2^63 configurations");
    }

    @Test
    void ladders() {
        assertThat(Ladder.parse("64:1024")).containsExactly(64, 128, 256, 512, 1024);
        assertThat(Ladder.parse("10:100:3")).containsExactly(10, 30, 90, 100);
        assertThat(Ladder.parse(" 5, 7 ,9")).containsExactly(5, 7, 9);
        assertRefused(() -> Ladder.parse("8,8"), "depth 8 appears twice");
        assertThat(Ladder.parse("40,10")).containsExactly(40, 10);
        assertRefused(() -> Ladder.parse("0x10:64"), "'0x10' is not a whole number");
        assertRefused(() -> Ladder.parse("1:2:3:4"), "expected LOW:HIGH or LOW:HIGH:FACTOR");
        assertRefused(() -> Ladder.parse("8:4096:1"), "FACTOR >= 2");
        assertRefused(() -> Ladder.parse("1:" + (Integer.MAX_VALUE + 1L)), "HIGH <= " + Integer.MAX_VALUE);
        assertRefused(() -> Ladder.parse("8,\u0668"), "is not a whole number");
        assertRefused(() -> Ladder.parse("0,4"), "depth 0 is outside");
    }

    @Test
    void gridFiles() {
        Grid g = GridFile.parse("{\"claim\": \"adjoint\", \"axes\": {\"seed\": {\"from\": 3, \"to\": 5}, \"scheme\": [\"heun\"]}}");
        assertThat(g.values(Axis.SEED)).containsExactly(3L, 4L, 5L);
        assertThat(g.values(Axis.SCHEME)).containsExactly("heun");
        assertThat(g.values(Axis.DIM)).containsExactly(8L);
        assertRefused(() -> GridFile.parse("[1]"), "expected a JSON object");
        assertRefused(() -> GridFile.parse("{\"claim\": \"distance\", \"axes\": {}, \"extra\": 1}"), "unknown field 'extra'");
        assertRefused(() -> GridFile.parse("{\"axes\": {}}"), "\"claim\" must name a claim");
        assertRefused(() -> GridFile.parse("{\"claim\": \"distance\", \"axes\": []}"), "\"axes\" must be an object");
        assertRefused(() -> GridFile.parse("{\"claim\": \"distance\", \"axes\": {\"depth\": [8]}}"), "unknown axis 'depth'");
        assertRefused(() -> GridFile.parse("{\"claim\": \"distance\", \"axes\": {\"dim\": 3}}"), "axis 'dim' must list its values");
        assertRefused(() -> GridFile.parse("{\"claim\": \"distance\", \"axes\": {\"family\": {\"from\": 1, \"to\": 2}}}"),
                "axis 'family' takes a list, not a range");
        assertRefused(() -> GridFile.parse("{\"claim\": \"distance\", \"axes\": {\"seed\": {\"from\": 5, \"to\": 4}}}"),
                "range from 5 to 4 is empty");
    }

    private static void assertRefused(org.assertj.core.api.ThrowableAssert.ThrowingCallable call, String message) {
        assertThatThrownBy(call).isInstanceOf(BadInputException.class).hasMessageContaining(message);
    }
}
