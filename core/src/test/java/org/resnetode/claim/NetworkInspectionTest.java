package org.resnetode.claim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.resnetode.model.DepthProfile;
import org.resnetode.model.DepthProfiles;
import org.resnetode.model.Families;
import org.resnetode.model.ResidualFunction;
import org.resnetode.model.Weights;
import org.resnetode.network.NetworkFile;
import org.resnetode.scheme.ResNet;
import org.resnetode.scheme.Scheme;

/** {@code inspect} on generated networks, whose smoothness class and distances are known from how they were made. */
class NetworkInspectionTest {

    static ResNet generated(String family, String profile, String scheme, int depth, long seed) {
        ResidualFunction f = Families.create(family, 4, 4);
        DepthProfile p = DepthProfiles.create(profile, f, seed, 1.0, false);
        Scheme s = Scheme.byName(scheme);
        return new ResNet(f, s, Weights.sample(p, s.weightCount(depth), depth), depth);
    }

    @ParameterizedTest(name = "{0} at N={1} looks {2}")
    @CsvSource({"fourier, 256, smooth", "polynomial, 256, smooth", "constant, 64, smooth", "kinked, 256, lipschitz",
            "kinked, 1024, lipschitz", "iid, 64, rough", "iid, 1024, rough", "alternating, 256, rough"})
    void smoothnessClassIsTheProfilesClass(String profile, int depth, String expected) {
        for (String family : List.of("tanh", "mlp", "linear")) {
            ResNet net = generated(family, profile, "euler", depth, 3);
            assertThat(SmoothnessProfile.of(net.weights(), depth).smoothnessClass()).as(family).isEqualTo(expected);
        }
    }

    @Test
    void smoothnessConstantsFollowTheirDefinitions() {
        // θ_n = n/N (scalar): increments 1/N, N max Δ = 1, TV = (N-1)/N, second differences 0, scale (N-1)/N
        int depth = 8;
        double[] data = new double[depth];
        for (int n = 0; n < depth; n++) {
            data[n] = (double) n / depth;
        }
        SmoothnessProfile p = SmoothnessProfile.of(new Weights(depth, 1, data), depth);
        assertThat(p.increments()).hasSize(depth - 1);
        for (double v : p.increments()) {
            assertThat(v).isCloseTo(1.0 / depth, org.assertj.core.api.Assertions.within(1e-16));
        }
        assertThat(p.lipschitz()).isCloseTo(1.0, org.assertj.core.api.Assertions.within(1e-14));
        assertThat(p.totalVariation()).isCloseTo(7.0 / 8, org.assertj.core.api.Assertions.within(1e-15));
        assertThat(p.curvature()).isLessThan(1e-12);
        assertThat(p.scale()).isEqualTo(7.0 / 8);
        assertThat(p.smoothnessClass()).isEqualTo("smooth");
    }

    @Test
    void agreesWithDistanceAndAdjointOnTheSameWeights(@TempDir Path dir) {
        ResNet net = generated("tanh", "fourier", "euler", 64, 5);
        Path file = dir.resolve("net.json");
        NetworkFile.of(net, 0, null, Map.of()).write(file);
        ResNet read = NetworkFile.read(file).network();
        double[][][] batch = AdjointMeasurement.batch(3, 4, 9);
        List<ClaimResult> results = NetworkInspection.inspect(new NetworkInspection.Subject(read, batch[0], batch[1], 1e-2),
                Map.of(), Progress.SILENT);
        ClaimResult distance = results.get(1);
        for (int i = 0; i < 3; i++) {
            DistanceMeasurement direct = DistanceMeasurement.measure(net.family(), net.weights(), Scheme.EULER, 64, batch[0][i]);
            assertThat(distance.rows().get(i).get("error")).isEqualTo(direct.error());
            assertThat(distance.rows().get(i).get("bound")).isEqualTo(direct.bound());
            // the certified a-posteriori bound of the user's network, above the error and tight on smooth weights
            double certified = (double) distance.rows().get(i).get("certified");
            assertThat(certified).isEqualTo(direct.certified()).isGreaterThanOrEqualTo(direct.error());
            // certify accepts a pass once its radius is at most half the shadow distance: tightness >= 2/3
            assertThat((double) distance.rows().get(i).get("certifiedTightness")).isGreaterThan(0.6);
        }
        assertThat(distance.notes()).anyMatch(n -> n.contains("within the certified bound"));
        assertThat(distance.verdict()).isEqualTo(Verdict.HOLDS);
        DepthProfile profile = DepthProfiles.create("fourier", net.family(), 5, 1.0, false);
        AdjointMeasurement adjoint = AdjointMeasurement.measure(net.family(), profile, Scheme.EULER, 64, batch[0], batch[1]);
        Map<String, Object> euler = results.get(2).rows().get(0);
        assertThat(euler.get("gradientError")).isEqualTo(adjoint.gradientError());
        assertThat(euler.get("recoveryError")).isEqualTo(adjoint.recoveryError());
        assertThat(results.get(0).verdict()).isEqualTo(Verdict.HOLDS);
        // a smooth Euler network discretises its ODE: the resampled depths converge at rate ≈ 1
        assertThat(results.get(3).verdict()).isEqualTo(Verdict.HOLDS);
        assertThat(results.get(3).fit("odeError").rate()).isBetween(0.9, 1.1);
    }

    /** The smoothness exponent of an fBm network estimates its Hurst index; a Fourier (C^∞) network's is 1. */
    @ParameterizedTest(name = "fbm H = {0}")
    @CsvSource({"0.25", "0.75"})
    void theSmoothnessExponentOfFractionalBrownianWeightsIsTheirHurstIndex(double hurst) {
        ResidualFunction f = Families.create("tanh", 4, 4);
        int depth = 1024;
        DepthProfile p = DepthProfiles.create("fbm", f, 7, 1.0, false, java.util.OptionalDouble.of(hurst),
                DepthProfiles.fbmGrid(depth));
        ResNet net = new ResNet(f, Scheme.EULER, Weights.sample(p, Scheme.EULER.weightCount(depth), depth), depth);
        ClaimResult fbm = NetworkInspection.smoothness(new NetworkInspection.Subject(net, new double[1][4], new double[1][4], 1e-6),
                Map.of());
        assertThat((double) fbm.config().get("smoothnessExponent")).isCloseTo(hurst, within(0.05));
        ResNet smooth = generated("tanh", "fourier", "euler", depth, 3);
        ClaimResult fourier = NetworkInspection.smoothness(new NetworkInspection.Subject(smooth, new double[1][4],
                new double[1][4], 1e-6), Map.of());
        assertThat((double) fourier.config().get("smoothnessExponent")).isCloseTo(1.0, within(0.05));
    }

    @Test
    void roughWeightsAndInaccurateAdjointsFail() {
        ResNet net = generated("tanh", "iid", "euler", 64, 5);
        double[][][] batch = AdjointMeasurement.batch(2, 4, 9);
        List<ClaimResult> results = NetworkInspection.inspect(new NetworkInspection.Subject(net, batch[0], batch[1], 1e-6),
                Map.of(), Progress.SILENT);
        assertThat(results.get(0).verdict()).isEqualTo(Verdict.FAILS);
        assertThat(results.get(0).config().get("class")).isEqualTo("rough");
        assertThat(results.get(2).verdict()).isEqualTo(Verdict.FAILS);
        assertThat(results.get(2).notes()).anyMatch(n -> n.startsWith("fails: the euler adjoint's gradient differs from backprop's by a relative error of ") && n.endsWith("beyond the tolerance 1e-06"));
    }

    @Test
    void heunNetworksHaveNoBoundToJudge() {
        ResNet net = generated("tanh", "fourier", "heun", 32, 5);
        double[][][] batch = AdjointMeasurement.batch(2, 4, 9);
        ClaimResult distance = NetworkInspection.distance(new NetworkInspection.Subject(net, batch[0], batch[1], 1e-2), Map.of());
        assertThat(distance.verdict()).isEqualTo(Verdict.INCONCLUSIVE);
        assertThat(distance.notes()).anyMatch(n -> n.contains("proved for the Euler scheme only"));
        // the certified bound needs no Euler scheme: it is checked (and holds) on the Heun network too
        assertThat(distance.notes()).anyMatch(n -> n.contains("within the certified bound"));
        assertThat(distance.rows()).allSatisfy(r -> assertThat((double) r.get("certified")).isGreaterThanOrEqualTo((double) r.get("error")));
    }

    @Test
    void rereadingUnderAnotherSchemeKeepsTheWeights() {
        ResNet euler = generated("mlp", "fourier", "euler", 16, 2);
        ResNet heun = NetworkInspection.reread(euler, Scheme.HEUN);
        assertThat(heun.depth()).isEqualTo(15);
        assertThat(heun.weights()).isSameAs(euler.weights());
        assertThat(NetworkInspection.reread(euler, Scheme.EULER)).isSameAs(euler);
    }
}
