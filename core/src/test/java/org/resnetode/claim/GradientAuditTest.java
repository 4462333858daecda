package org.resnetode.claim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.resnetode.checks.BadInputException;
import org.resnetode.claim.UserImplementations.Method;
import org.resnetode.gradient.Adjoint;
import org.resnetode.gradient.Backprop;
import org.resnetode.gradient.GradientMethod;
import org.resnetode.gradient.TerminalLoss;
import org.resnetode.network.NetworkArchive;
import org.resnetode.network.NetworkFile;
import org.resnetode.scheme.ResNet;
import org.resnetode.scheme.Scheme;

/**
 * The audit against a set of user implementations written from the formulas alone ({@link UserImplementations}):
 * the three exact conventions hold, the two adjoints are findings, each faulty one fails with its pattern named.
 */
class GradientAuditTest {
    static final int LAYERS = 9;

    @TempDir
    Path dir;
    UserImplementations user;
    NetworkFile file;

    @BeforeEach
    void network() {
        user = new UserImplementations(LAYERS);
        file = NetworkArchive.read(user.writeNetwork(dir.resolve("net.npz")), "euler");
    }

    GradientAudit.Subject subject() {
        double[] targets = GradientMethod.flatten(file.targets());
        return new GradientAudit.Subject(file.network(), GradientMethod.flatten(file.inputs()), file.inputs().length,
                () -> TerminalLoss.squaredError(targets), file.kinds(), 1e-3, List.of());
    }

    List<ClaimResult> audit(Object gradient) {
        Map<String, Object> arrays = new LinkedHashMap<>();
        arrays.put("W", gradient);
        Path g = UserImplementations.writeNpz(dir.resolve("theirs.npz"), arrays);
        return GradientAudit.audit(subject(), g, Map.of());
    }

    @ParameterizedTest
    @CsvSource({
            "EULER_BACKPROP, holds, euler's exact gradient",
            "HEUN_BACKPROP, holds, heun's exact gradient",
            "HEUN_REFERENCE_BACKPROP, holds, heun-reference's exact gradient",
            "EULER_ADJOINT, finding, the euler adjoint to round-off",
            "HEUN_ADJOINT, finding, the heun adjoint to round-off",
            "HEUN_ADJOINT_THETA_N, fails, adjoint whose reverse step reads θ_n instead of θ_{n+1} (heun)",
            "HEUN_STAGES_CONCATENATED, fails, per-stage gradients concatenated step by step",
            "HEUN_STAGE_TO_THETA_N, fails, layer n receives both stages of step n",
            "EULER_OFF_BY_ONE, fails, off by one layer: layer n receives layer n+1's gradient",
            "EULER_ADJOINT_SIGN_FLIPPED, fails, adjoint whose reverse step has the sign of h flipped (euler)",
            "EULER_ADJOINT_HALF_STEPS, finding, an adjoint, correct up to its recovery error"})
    void eachImplementationIsNamed(Method method, String verdict, String why) {
        List<ClaimResult> r = audit(user.gradient(method));
        assertThat(r.get(0).verdict().label()).as(String.join("\n", r.get(0).notes())).isEqualTo(verdict);
        assertThat(String.join("\n", r.get(0).notes())).contains(why);
    }

    @Test
    void theAdjointsGapShrinksAndGivesTheDepthNeeded() {
        ClaimResult r = audit(user.gradient(Method.HEUN_ADJOINT)).get(0);
        assertThat(r.config().get("bestConvention")).isEqualTo("heun");
        // Heun's adjoint on weights linear in depth: recovery error of order h³ (MATH.md section 5), measured over N, 2N, 4N
        assertThat(r.fits().get(0).rate()).isBetween(2.0, 4.0);
        assertThat((double) r.config().get("depthNeeded")).isPositive();
        ClaimResult euler = audit(user.gradient(Method.EULER_ADJOINT)).get(0);
        assertThat(euler.config().get("bestConvention")).isEqualTo("euler");
        assertThat(euler.fits().get(0).rate()).isCloseTo(1.0, within(0.15));
    }

    @Test
    void roundOffNoiseHoldsAndLargerNoiseIsABug() {
        double[][][] g = user.gradient(Method.HEUN_BACKPROP);
        java.util.SplittableRandom rng = new java.util.SplittableRandom(3);
        double[][][] tiny = perturbed(g, 1e-13, rng);
        assertThat(audit(tiny).get(0).verdict()).isEqualTo(Verdict.HOLDS);
        ClaimResult noisy = audit(perturbed(g, 1e-1, rng)).get(0);
        assertThat(noisy.verdict()).isEqualTo(Verdict.FAILS);
        assertThat(String.join("\n", noisy.notes())).contains("a bug of no known pattern");
    }

    @Test
    void aFloat32ImplementationIsJudgedAtFloat32RoundOff() {
        double[][][] g = user.gradient(Method.EULER_BACKPROP);
        for (double[][] layer : g) {
            for (double[] row : layer) {
                for (int j = 0; j < row.length; j++) {
                    row[j] = (float) row[j];
                }
            }
        }
        ClaimResult r = audit(g).get(0);
        assertThat(r.config().get("precision")).isEqualTo("float32");
        assertThat(r.verdict()).isEqualTo(Verdict.HOLDS);
    }

    @Test
    void aScaledGradientNamesTheLossNormalisation() {
        double[][][] g = perturbed(user.gradient(Method.EULER_BACKPROP), 0, new java.util.SplittableRandom(1));
        for (double[][] layer : g) {
            for (double[] row : layer) {
                for (int j = 0; j < row.length; j++) {
                    row[j] *= 2.0 / 3;
                }
            }
        }
        ClaimResult r = audit(g).get(0);
        assertThat(r.verdict()).isEqualTo(Verdict.FAILS);
        assertThat(String.join("\n", r.notes())).contains("0.666667 times euler backprop").doesNotContain("no convention matches",
                "a bug of no known pattern");
    }

    @Test
    void jsonAndFlatNpyGradientsAreRead() throws Exception {
        double[][][] g = user.gradient(Method.HEUN_REFERENCE_BACKPROP);
        StringBuilder json = new StringBuilder("{\"W\": [");
        for (int k = 0; k < g.length; k++) {
            json.append(k == 0 ? "" : ",").append("[");
            for (int i = 0; i < 3; i++) {
                json.append(i == 0 ? "" : ",").append(java.util.Arrays.toString(g[k][i]));
            }
            json.append("]");
        }
        Path j = dir.resolve("theirs.json");
        Files.writeString(j, json.append("]}").toString());
        assertThat(GradientAudit.audit(subject(), j, Map.of()).get(0).verdict()).isEqualTo(Verdict.HOLDS);
        java.util.List<Integer> shape = new java.util.ArrayList<>();
        double[] flat = UserImplementations.flat(g, shape, 0);
        Path npy = Files.write(dir.resolve("theirs.npy"), UserImplementations.npy(flat, List.of(flat.length)));
        ClaimResult r = GradientAudit.audit(subject(), npy, Map.of()).get(0);
        assertThat(r.verdict()).isEqualTo(Verdict.HOLDS);
        assertThat(r.config().get("bestConvention")).isEqualTo("heun-reference");
    }

    @Test
    void thePartsSumToTheToolsOwnBackpropAndAdjoint() {
        double[] targets = GradientMethod.flatten(file.targets());
        double[] inputs = GradientMethod.flatten(file.inputs());
        for (Scheme scheme : List.of(Scheme.EULER, Scheme.HEUN, Scheme.HEUN_REFERENCE, Scheme.byName("rk4"))) {
            ResNet net = new ResNet(file.network().family(), scheme, file.network().weights(), NetworkArchive.depthFor(scheme, LAYERS));
            for (boolean adjoint : new boolean[] {false, true}) {
                double[] expected = new double[net.weights().data().length];
                (adjoint ? new Adjoint() : new Backprop()).compute(net, file.inputs(), file.targets(), expected);
                double[] parts = GradientAuditParts.compute(net, inputs, 2, TerminalLoss.squaredError(targets),
                        adjoint ? GradientAuditParts.Recovery.REVERSE : GradientAuditParts.Recovery.STORED, false).layers(LAYERS);
                assertThat(GradientAuditReferences.relativeError(parts, expected)).as(scheme.name() + " adjoint=" + adjoint).isLessThan(1e-13);
            }
        }
    }

    @Test
    void badGradientsAreOneLineBadInput() throws Exception {
        double[][][] g = user.gradient(Method.EULER_BACKPROP);
        double[][][] extra = java.util.Arrays.copyOf(g, LAYERS + 1);
        extra[LAYERS] = new double[3][3];
        double[][][] nan = perturbed(g, 0, new java.util.SplittableRandom(1));
        nan[2][1][0] = Double.NaN;
        double[][][] narrow = new double[LAYERS][3][2];
        Path shortNpy = Files.write(dir.resolve("short.npy"), UserImplementations.npy(new double[10], List.of(10)));
        Path missing = UserImplementations.writeNpz(dir.resolve("other.npz"), Map.of("A", g));
        Object[][] cases = {
                {extra, "10 layers of 9 parameters match no convention: the network's 9 weight layers expect 9 (every scheme), "
                        + "or twice a scheme's steps for per-stage gradients (heun: 16)"},
                {nan, "layer 2 parameter 3 is NaN"},
                {narrow, "array 'W' has shape [9, 3, 2], expected (layers, 3, 3)"}};
        for (Object[] c : cases) {
            assertThatThrownBy(() -> audit(c[0])).isInstanceOf(BadInputException.class).hasMessageContaining((String) c[1])
                    .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n"));
        }
        assertThatThrownBy(() -> GradientAudit.audit(subject(), shortNpy, Map.of())).isInstanceOf(BadInputException.class)
                .hasMessageContaining("10 values is not a whole number of layers of 9 parameters");
        assertThatThrownBy(() -> GradientAudit.audit(subject(), missing, Map.of())).isInstanceOf(BadInputException.class)
                .hasMessageContaining("no array 'W'");
        assertThatThrownBy(() -> GradientAudit.audit(subject(), dir.resolve("none.npz"), Map.of()))
                .isInstanceOf(BadInputException.class).hasMessageContaining("no such file");
    }

    static double[][][] perturbed(double[][][] g, double relative, java.util.SplittableRandom rng) {
        double[][][] out = new double[g.length][][];
        for (int k = 0; k < g.length; k++) {
            out[k] = new double[g[k].length][];
            for (int i = 0; i < g[k].length; i++) {
                out[k][i] = g[k][i].clone();
                for (int j = 0; j < out[k][i].length; j++) {
                    out[k][i][j] *= 1 + relative * (2 * rng.nextDouble() - 1);
                }
            }
        }
        return out;
    }

    @Test
    void perStageGradientsAsStepsTimesStagesAreNamedToo() {
        double[][][] g = user.gradient(Method.HEUN_STAGES_CONCATENATED);
        double[][][][] stacked = new double[g.length / 2][2][][];
        for (int n = 0; n < stacked.length; n++) {
            stacked[n][0] = g[2 * n];
            stacked[n][1] = g[2 * n + 1];
        }
        ClaimResult r = audit(stacked).get(0);
        assertThat(r.verdict()).isEqualTo(Verdict.FAILS);
        assertThat(String.join("\n", r.notes())).contains("per-stage gradients concatenated step by step", "heun backprop's per-stage parts");
        // summed per layer as they should be, the stages are heun's exact gradient
        assertThat(r.rows().stream().filter(row -> row.get("reference").equals("heun backprop"))
                .mapToDouble(row -> (double) row.get("relativeError")).min().orElseThrow()).isLessThan(1e-13);
    }

    /** Two weight kinds (W1, W2 of W2 tanh(W1 x)) keep their places in each layer: the tool's Heun backprop, read back from W1 and W2 arrays. */
    @Test
    void anMlpsTwoKindsAreReadAndAuditedPerKind() {
        org.resnetode.model.ResidualFunction mlp = org.resnetode.model.Families.create("mlp", 3, 4);
        int layers = 7;
        org.resnetode.model.DepthProfile profile = org.resnetode.model.DepthProfiles.create("fourier", mlp, 5L, 0.5, false);
        ResNet net = new ResNet(mlp, Scheme.HEUN, org.resnetode.model.Weights.sample(profile, layers, layers - 1), layers - 1);
        double[] targets = GradientMethod.flatten(user.targets);
        double[] gradient = new double[net.weights().data().length];
        new Backprop().compute(net, user.inputs, user.targets, gradient);
        double[][][] w1 = new double[layers][4][3];
        double[][][] w2 = new double[layers][3][4];
        for (int k = 0; k < layers; k++) {
            for (int i = 0; i < 12; i++) {
                w1[k][i / 3][i % 3] = gradient[k * 24 + i];
                w2[k][i / 4][i % 4] = gradient[k * 24 + 12 + i];
            }
        }
        Map<String, Object> arrays = new LinkedHashMap<>();
        arrays.put("W2", w2);
        arrays.put("W1", w1);
        Path g = UserImplementations.writeNpz(dir.resolve("mlp.npz"), arrays);
        GradientAudit.Subject s = new GradientAudit.Subject(net, GradientMethod.flatten(user.inputs), 2,
                () -> TerminalLoss.squaredError(targets), org.resnetode.network.WeightKinds.of("mlp", 3, 4), 1e-3, List.of());
        ClaimResult r = GradientAudit.audit(s, g, Map.of()).get(0);
        assertThat(r.verdict()).as(String.join("\n", r.notes())).isEqualTo(Verdict.HOLDS);
        assertThat(r.config().get("bestConvention")).isEqualTo("heun");
        assertThat(r.rows().get(0)).containsKeys("errorW1", "errorW2");
    }
}
