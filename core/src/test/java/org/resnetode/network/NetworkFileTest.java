package org.resnetode.network;

import org.resnetode.checks.BadInputException;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.resnetode.TestVectors;
import org.resnetode.scheme.ResNet;

/** The network file format: exact round trips, a hand-written file, and one message per malformed file. */
class NetworkFileTest {
    @TempDir
    Path dir;

    static NetworkFile mlp(String scheme, int depth) {
        int count = org.resnetode.scheme.Scheme.byName(scheme).weightCount(depth);
        double[] layers = TestVectors.gaussian(new SplittableRandom(7), count * 2 * 3 * 2, 1.0 / 3);
        LinearHead head = new LinearHead(LinearHead.CROSS_ENTROPY, 4, 3, TestVectors.gaussian(new SplittableRandom(8), 16, 1));
        return new NetworkFile("mlp", scheme, 3, 2, depth, layers, head, new double[][] {{1, 2, 3}}, new double[][] {{0.5}},
                Map.of("epochs", 3, "gradient", "adjoint \"quoted\"\n\\", "loss", 0.25, "nan", Double.NaN));
    }

    @Test
    void roundTripIsExact() {
        for (String scheme : new String[] {"euler", "heun", "heun-reference"}) {
            NetworkFile n = mlp(scheme, 5);
            Path p = dir.resolve(scheme + ".json");
            n.write(p);
            NetworkFile back = NetworkFile.read(p);
            assertThat(back.layers()).containsExactly(n.layers());
            assertThat(back.head().parameters()).containsExactly(n.head().parameters());
            assertThat(back.shape()).isEqualTo(n.shape());
            assertThat(back.inputs()[0]).containsExactly(1, 2, 3);
            assertThat(NetworkJsonText.of(p)).contains("\"gradient\": \"adjoint \\\"quoted\\\"\\u000a\\\\\", ");
            assertThat(back.targets()[0]).containsExactly(0.5);
            assertThat(back.training()).containsEntry("epochs", 3L).containsEntry("gradient", "adjoint \"quoted\"\n\\")
                    .containsEntry("loss", 0.25).containsEntry("nan", null);
            double[] x = {0.3, -0.2, 0.9};
            double[] y1 = new double[3];
            double[] y2 = new double[3];
            n.network().forward(x, y1);
            back.network().forward(x, y2);
            assertThat(y2).containsExactly(y1);
        }
    }

    @Test
    void readsAHandWrittenFileInTheDocumentedLayout() throws IOException {
        // mlp d = 2, hidden 1, Euler depth 2: θ_n = (W1 (1×2), W2 (2×1)); f(x) = W2 tanh(W1 x)
        Path p = dir.resolve("hand.json");
        Files.writeString(p, """
                {"format": "resnet-ode-network", "version": 1, "family": "mlp", "scheme": "euler",
                 "dimension": 2, "hidden": 1, "depth": 2,
                 "weights": {"W1": [[[1, 0]], [[0, 1]]], "W2": [[[2], [0]], [[0], [4]]]},
                 "head": {"loss": "squared-error", "weight": [[1, 1]], "bias": [0.5]}}
                """);
        NetworkFile n = NetworkFile.read(p);
        assertThat(n.layers()).containsExactly(1, 0, 2, 0, 0, 1, 0, 4);
        assertThat(n.head().parameters()).containsExactly(1, 1, 0.5);
        assertThat(n.inputs()).isNull();
        ResNet net = n.network();
        // x0 = (1, 1), h = 1/2: x1 = x0 + ½ (2 tanh 1, 0); x2 = x1 + ½ (0, 4 tanh(x1_2))
        double[] x = {1, 1};
        net.forward(x, x);
        double x1a = 1 + Math.tanh(1);
        assertThat(x[0]).isEqualTo(x1a);
        assertThat(x[1]).isEqualTo(1 + 2 * Math.tanh(1));
    }

    @Test
    void aOneByOneHeadIsAValidHead() {
        LinearHead h = new LinearHead(LinearHead.SQUARED_ERROR, 1, 1, new double[] {2, 0.5});
        double[] z = new double[1];
        h.apply(new double[] {9, 3}, 1, z);
        assertThat(z[0]).isEqualTo(6.5);
        NetworkFile n = new NetworkFile("theta2", "euler", 1, 0, 2, new double[] {0.5, -0.5}, h, null, null, null);
        Path p = dir.resolve("t.json");
        n.write(p);
        assertThat(NetworkFile.read(p).head().parameters()).containsExactly(2, 0.5);
        assertThat(NetworkFile.read(p).shape()).isEqualTo("theta2 d=1 depth 2 euler, head 1 outputs (squared-error)");
    }

    @Test
    void otherFamiliesUseTheirWeightNames() {
        NetworkFile lin = new NetworkFile("linear", "euler", 2, 0, 1, new double[] {1, 2, 3, 4}, null, null, null, null);
        Path p = dir.resolve("lin.json");
        lin.write(p);
        assertThat(NetworkJsonText.of(p)).contains("\"A\": [\n   [[1.0, 2.0], [3.0, 4.0]]]").doesNotContain("hidden");
        assertThat(NetworkFile.read(p).layers()).containsExactly(1, 2, 3, 4);
        assertThat(WeightKinds.of("tanh", 2, 0).get(0).name()).isEqualTo("W");
        assertThat(WeightKinds.of("theta2", 1, 0).get(0).size()).isEqualTo(1);
        assertThatThrownBy(() -> WeightKinds.of("rnn", 1, 1)).hasMessageContaining("unknown family 'rnn'");
    }

    static final String GOOD = "{\"format\": \"resnet-ode-network\", \"version\": 1, \"family\": \"linear\", \"scheme\": \"euler\", "
            + "\"dimension\": 1, \"depth\": 2, \"weights\": {\"A\": [[[1]], [[2]]]}";

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "[1, 2]|$ is an array, expected an object",
            "{}|$.format is missing or null, expected \"resnet-ode-network\"",
            "{\"format\": \"npz\"}|$.format is \"npz\", expected \"resnet-ode-network\"",
            "GOOD}|OK",
            "GOOD, \"version\": 2}|OK",
            "{\"format\": \"resnet-ode-network\", \"version\": 2}|$.version is 2, this reader reads version 1",
            "{\"format\": \"resnet-ode-network\", \"version\": \"1\"}|$.version is \"1\", expected an integer of at least 1",
            "{\"format\": \"resnet-ode-network\", \"version\": 1, \"family\": \"rnn\"}|$.family is \"rnn\", expected one of",
            "{\"format\": \"resnet-ode-network\", \"version\": 1, \"family\": \"mlp\", \"scheme\": \"rk7\"}|$.scheme is \"rk7\"",
            "{\"format\": \"resnet-ode-network\", \"version\": 1, \"family\": \"mlp\", \"scheme\": \"euler\", \"dimension\": 0}|$.dimension is 0, expected an integer of at least 1",
            "{\"format\": \"resnet-ode-network\", \"version\": 1, \"family\": \"mlp\", \"scheme\": \"euler\", \"dimension\": 2}|$.hidden is missing or null",
            "{\"format\": \"resnet-ode-network\", \"version\": 1, \"family\": \"linear\", \"scheme\": \"euler\", \"dimension\": 1, \"depth\": 2.5}|$.depth is 2.5, expected an integer",
            "{\"format\": \"resnet-ode-network\", \"version\": 1, \"family\": \"linear\", \"scheme\": \"euler\", \"dimension\": 1, \"depth\": 2, \"weights\": {\"A\": [[[1]]]}}|$.weights.A has 1 entries, expected 2 (the weight layers of depth 2 (euler))",
            "{\"format\": \"resnet-ode-network\", \"version\": 1, \"family\": \"linear\", \"scheme\": \"euler\", \"dimension\": 1, \"depth\": 2, \"weights\": {\"A\": [[[1]], [[null]]]}}|$.weights.A[1][0][0] is missing or null, expected a finite number",
            "{\"format\": \"resnet-ode-network\", \"version\": 1, \"family\": \"linear\", \"scheme\": \"euler\", \"dimension\": 1, \"depth\": 2, \"weights\": {\"A\": [[[1]], [[1e999]]]}}|$.weights.A[1][0][0] is Infinity, expected a finite number",
            "{\"format\": \"resnet-ode-network\", \"version\": 1, \"family\": \"linear\", \"scheme\": \"euler\", \"dimension\": 1, \"depth\": 2, \"weights\": {\"A\": [[[1]], [[1, 2]]]}}|$.weights.A[1][0] has 2 entries, expected 1 (1 numbers)",
            "{\"format\": \"resnet-ode-network\", \"version\": 1, \"family\": \"linear\", \"scheme\": \"euler\", \"dimension\": 1, \"depth\": 2, \"weights\": {\"A\": [[[1]], [[1]]], \"B\": []}}|$.weights.B is not a weight of family linear (expected [A])",
            "{\"format\": \"resnet-ode-network\", \"version\": 1, \"family\": \"linear\", \"scheme\": \"euler\", \"dimension\": 1, \"depth\": 2, \"layers\": 3, \"weights\": {}}|$.layers is 3, but depth 2 with scheme euler reads 2 weight layers",
            "{\"format\": \"resnet-ode-network\", \"version\": 1, \"family\": \"linear\", \"scheme\": \"euler\", \"dimension\": 1, \"depth\": 2, \"weights\": {}}|$.weights.A is missing or null, expected an array",
            "{\"format\": \"resnet-ode-network\", \"version\": 1, \"family\": \"mlp\", \"scheme\": \"euler\", \"dimension\": 100000, \"hidden\": 100000, \"depth\": 2}|more than one array holds",
            "GOOD, \"head\": {\"loss\": \"hinge\"}}|$.head.loss is \"hinge\", expected \"cross-entropy\" or \"squared-error\"",
            "GOOD, \"head\": {\"loss\": \"cross-entropy\", \"weight\": []}}|$.head.weight is empty",
            "GOOD, \"head\": {\"loss\": \"cross-entropy\", \"weight\": [[1], [2, 3]]}}|$.head.weight[1] has 2 entries, expected 1",
            "GOOD, \"head\": {\"loss\": \"cross-entropy\", \"weight\": [[1], [2]], \"bias\": [0]}}|$.head.bias has 1 entries, expected 2",
            "GOOD, \"inputs\": [[1, 2]]}|$.inputs[0] has 2 entries, expected 1",
            "GOOD, \"inputs\": [[1]], \"targets\": [[1], [2]]}|$.targets has 2 entries, expected 1 (one per input)",
            "GOOD, \"targets\": [[1], [2, 3]]}|$.targets[1] has 2 values, expected 1 as $.targets[0]",
            "GOOD, \"training\": 3}|$.training is 3, expected an object",
            "{\"format\": \"resnet-ode-network\", \"version\": 1, \"family\": \"a-family-name-far-longer-than-thirty-characters\"}|$.family is \"a-family-name-far-longer-than-...\", expected",
            "GOOD, \"inputs\": [[1], [2]], \"targets\": [[1, 2], [3]]}|$.targets[1] has 1 values, expected 2 as $.targets[0]",
            "GOOD, \"inputs\": [[1], [2]], \"targets\": [[1, 2], [3, 4]]}|OK",
            "{\"format\": \"resnet-ode-network\", \"version\": 1, \"family\": {}}|$.family is an object, expected a string",
            "{\"format\": |malformed JSON at offset",
            "{\"format\": \"resnet-ode-network\"} x|malformed JSON at offset 33: trailing characters"})
    void malformedFilesGetOneLineNamingThePath(String text, String message) throws IOException {
        Path p = dir.resolve("bad.json");
        Files.writeString(p, text.replace("GOOD", GOOD));
        if (message.equals("OK")) {
            if (text.contains("\"version\": 2")) {
                // a duplicate key: refused (the reader used to keep the last value, version 2, silently)
                assertThatThrownBy(() -> NetworkFile.read(p)).hasMessageContaining("the key \"version\" appears twice in one object");
            } else {
                NetworkFile n = NetworkFile.read(p);
                assertThat(n.layers()).containsExactly(1, 2);
                if (n.targets() != null) {
                    assertThat(n.targets()[1]).containsExactly(3, 4);
                }
            }
            return;
        }
        assertThatThrownBy(() -> NetworkFile.read(p)).isInstanceOf(BadInputException.class)
                .hasMessageStartingWith(p + ": ").hasMessageContaining(message);
    }

    @Test
    void deepNestingMissingFilesAndInconsistentRecordsAreRefused() throws IOException {
        Path deep = dir.resolve("deep.json");
        Files.writeString(deep, "[".repeat(200_000));
        assertThatThrownBy(() -> NetworkFile.read(deep)).hasMessageContaining(deep + ": ");
        assertThatThrownBy(() -> NetworkFile.read(dir.resolve("none.json"))).hasMessageContaining("does not exist");
        assertThatThrownBy(() -> NetworkFile.read(dir)).hasMessageContaining("cannot read network file");
        assertThatThrownBy(() -> new NetworkFile("linear", "heun", 1, 0, 2, new double[2], null, null, null, null))
                .hasMessageContaining("has 3 weight layers of 1 parameters, got 2 values");
        assertThatThrownBy(() -> new NetworkFile("linear", "euler", 2, 0, 1, new double[4],
                LinearHead.zero(LinearHead.CROSS_ENTROPY, 3, 5), null, null, null)).hasMessageContaining("the head reads dimension 5");
    }

    /** The written text, for checks of the layout. */
    static final class NetworkJsonText {
        static String of(Path p) {
            try {
                return Files.readString(p);
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }
    }
}
