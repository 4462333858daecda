package org.resnetode.report;

import org.resnetode.checks.BadInputException;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.resnetode.claim.AdjointClaim;
import org.resnetode.claim.ClaimResult;
import org.resnetode.claim.DistanceClaim;
import org.resnetode.claim.Progress;
import org.resnetode.claim.SweepConfig;
import org.resnetode.io.AtomicFiles;

/**
 * Results are written, read back and compared: a round trip through JSON loses nothing, and small
 * fixed runs reproduce the golden results committed in proofs-data/golden (regenerate them, after a
 * deliberate change of the numerics, with {@code ./mvnw test -Dtest=RegressionTest -Dgolden.update=true}).
 */
class RegressionTest {
    private static final Path GOLDEN = Path.of("proofs-data", "golden");
    /** Same code, same seeds: only the last bits of libm (Math.tanh, Math.sin) may differ between JVMs. */
    private static final double RELATIVE_TOLERANCE = 1e-9;
    /** Absolute slack for round-off-level values (the ODE self-check differences are 1e-11 .. 1e-14). */
    private static final double ROUND_OFF = 1e-13;
    private static final int[] LADDER = {8, 16, 32, 64, 128, 256, 512};

    private static final Map<String, Supplier<ClaimResult>> RUNS = Map.of(
            "distance-tanh-fourier", () -> DistanceClaim.run(
                    new SweepConfig("tanh", "fourier", "euler", 4, 4, LADDER, 7, 1.0, false, 64, 0), Progress.SILENT),
            "distance-theta2-alternating", () -> DistanceClaim.run(
                    new SweepConfig("theta2", "alternating", "euler", 1, 1, LADDER, 7, 1.0, true, 64, 0), Progress.SILENT),
            "adjoint-mlp-heun-fourier", () -> AdjointClaim.run(
                    new SweepConfig("mlp", "fourier", "heun", 4, 3, LADDER, 7, 1.0, false, 64, 2), Progress.SILENT),
            "adjoint-tanh-euler-iid", () -> AdjointClaim.run(
                    new SweepConfig("tanh", "iid", "euler", 4, 4, LADDER, 7, 1.0, false, 64, 2), Progress.SILENT));

    @Test
    void jsonRoundTripLosesNothing() {
        ClaimResult r = RUNS.get("distance-tanh-fourier").get();
        ClaimResult back = ClaimResults.read(Json.write(r)).get(0);
        assertThat(back.claim()).isEqualTo(r.claim());
        assertThat(back.verdict()).isEqualTo(r.verdict());
        assertThat(back.notes()).isEqualTo(r.notes());
        assertThat(back.fits()).isEqualTo(r.fits());
        assertSameRows(r, back, 0, 0);
    }

    @ParameterizedTest
    @ValueSource(strings = {"distance-tanh-fourier", "distance-theta2-alternating", "adjoint-mlp-heun-fourier",
            "adjoint-tanh-euler-iid"})
    void goldenResultsAreReproduced(String name) throws Exception {
        ClaimResult fresh = RUNS.get(name).get();
        Path file = GOLDEN.resolve(name + ".json");
        if (Boolean.getBoolean("golden.update")) {
            AtomicFiles.write(file, Json.write(fresh) + "\n");
        }
        assertThat(file).as("golden file (generate with -Dgolden.update=true)").exists();
        ClaimResult golden = ClaimResults.read(Files.readString(file, StandardCharsets.UTF_8)).get(0);
        assertThat(fresh.verdict()).isEqualTo(golden.verdict());
        assertThat(fresh.config()).hasSameSizeAs(golden.config());
        assertSameRows(golden, fresh, RELATIVE_TOLERANCE, ROUND_OFF);
        for (int i = 0; i < golden.fits().size(); i++) {
            assertThat(fresh.fits().get(i).rate()).isCloseTo(golden.fits().get(i).rate(),
                    org.assertj.core.api.Assertions.within(1e-7));
        }
    }

    @Test
    void malformedJsonIsRejectedWithItsOffset() {
        assertThatThrownBy(() -> ClaimResults.read("{\"claim\": \"distance\", \"rows\": [1, }"))
                .isInstanceOf(BadInputException.class).hasMessageContaining("malformed JSON at offset");
        assertThatThrownBy(() -> ClaimResults.read("[{\"claim\": \"x\", \"rows\": 3}]"))
                .isInstanceOf(BadInputException.class).hasMessageContaining("rows is not an array");
    }

    private static void assertSameRows(ClaimResult expected, ClaimResult actual, double tolerance, double absolute) {
        List<Map<String, Object>> e = expected.rows();
        List<Map<String, Object>> a = actual.rows();
        assertThat(a).hasSameSizeAs(e);
        for (int i = 0; i < e.size(); i++) {
            assertThat(a.get(i).keySet()).isEqualTo(e.get(i).keySet());
            for (String key : e.get(i).keySet()) {
                Object ev = e.get(i).get(key);
                Object av = a.get(i).get(key);
                if (ev instanceof Boolean || ev instanceof String) {
                    assertThat(av).isEqualTo(ev);
                    continue;
                }
                double x = ClaimResults.num(ev);
                double y = ClaimResults.num(av);
                if (Double.isNaN(x)) {
                    assertThat(y).as("row %d %s", i, key).isNaN();
                } else {
                    assertThat(Math.abs(x - y)).as("row %d %s: %s vs %s", i, key, x, y)
                            .isLessThanOrEqualTo(tolerance * Math.abs(x) + absolute);
                }
            }
        }
    }
}
