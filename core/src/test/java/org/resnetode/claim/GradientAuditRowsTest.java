package org.resnetode.claim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.resnetode.claim.UserImplementations.Method;
import org.resnetode.gradient.GradientMethod;
import org.resnetode.gradient.TerminalLoss;
import org.resnetode.network.NetworkArchive;
import org.resnetode.network.NetworkFile;

/**
 * The audit's tables and figures against values computed from the user implementations alone
 * ({@link UserImplementations}: their exact Euler backprop and adjoint), never from the audit's own references.
 */
class GradientAuditRowsTest {
    @TempDir
    Path dir;

    GradientAudit.Subject subject(UserImplementations user, double tolerance) {
        NetworkFile file = NetworkArchive.read(user.writeNetwork(dir.resolve("net.npz")), "euler");
        double[] targets = GradientMethod.flatten(file.targets());
        return new GradientAudit.Subject(file.network(), GradientMethod.flatten(file.inputs()), file.inputs().length,
                () -> TerminalLoss.squaredError(targets), file.kinds(), tolerance, List.of());
    }

    List<ClaimResult> audit(UserImplementations user, double[][][] g) {
        return GradientAudit.audit(subject(user, 1e-3), UserImplementations.writeNpz(dir.resolve("g.npz"), Map.of("W", g)), Map.of());
    }

    static double[] flat(double[][][] g) {
        return UserImplementations.flat(g, new java.util.ArrayList<>(), 0);
    }

    static double norm(double[] v, int off, int n) {
        double s = 0;
        for (int i = off; i < off + n; i++) {
            s += v[i] * v[i];
        }
        return Math.sqrt(s);
    }

    static double distance(double[] a, double[] b, int off, int n) {
        double s = 0;
        for (int i = off; i < off + n; i++) {
            s += (a[i] - b[i]) * (a[i] - b[i]);
        }
        return Math.sqrt(s);
    }

    static Map<String, Object> row(ClaimResult r, String reference) {
        return r.rows().stream().filter(row -> row.get("reference").equals(reference)).findFirst().orElseThrow();
    }

    /** Exact Euler backprop with layer 4 scaled by 1.5: one layer differs, every figure of the two tables by hand. */
    @Test
    void oneWrongLayerIsNamedAndEveryFigureIsItsFormula() {
        UserImplementations user = new UserImplementations(9);
        double[][][] theirs = user.gradient(Method.EULER_BACKPROP);
        for (double[] rowOfW : theirs[4]) {
            for (int j = 0; j < 3; j++) {
                rowOfW[j] *= 1.5;
            }
        }
        double[] g = flat(theirs);
        double[] e = flat(user.gradient(Method.EULER_BACKPROP));
        double[] a = flat(user.gradient(Method.EULER_ADJOINT));
        List<ClaimResult> r = audit(user, theirs);
        assertThat(r.get(0).verdict()).isEqualTo(Verdict.FAILS);
        assertThat(String.join("\n", r.get(0).notes())).contains("layers 4 differ from euler backprop's gradient, every other layer equals it");
        Map<String, Object> backprop = row(r.get(0), "euler backprop");
        double overall = distance(g, e, 0, e.length) / norm(e, 0, e.length);
        assertThat((double) backprop.get("relativeError")).isCloseTo(overall, within(1e-12 * overall));
        assertThat((double) backprop.get("errorW")).isCloseTo(overall, within(1e-12 * overall));
        assertThat((double) backprop.get("worstLayerError")).isCloseTo(0.5, within(1e-12));
        assertThat(backprop.get("N")).isEqualTo(9);
        List<Map<String, Object>> layers = r.get(1).rows();
        assertThat(layers).hasSize(9);
        for (int m = 0; m < 9; m++) {
            Map<String, Object> layer = layers.get(m);
            assertThat(layer.get("layer")).isEqualTo(m);
            assertThat((double) layer.get("norm")).isCloseTo(norm(g, 9 * m, 9), within(1e-12));
            assertThat((double) layer.get("errorExact")).isCloseTo(m == 4 ? 0.5 : 0, within(1e-12));
            double adjoint = distance(g, a, 9 * m, 9) / norm(a, 9 * m, 9);
            assertThat((double) layer.get("errorAdjoint")).isCloseTo(adjoint, within(1e-9 * adjoint));
            assertThat(layer.get("match")).isEqualTo(m == 4 ? "none" : "correct");
        }
    }

    /** An off-by-one whose layer 0 is also wrong: the pattern still explains K - 1 layers and names the other. */
    @Test
    void aPatternNamesTheLayersThatDoNotFollowIt() {
        UserImplementations user = new UserImplementations(9);
        double[][][] g = user.gradient(Method.EULER_OFF_BY_ONE);
        g[0][1][2] += 0.3;
        ClaimResult r = audit(user, g).get(0);
        assertThat(r.verdict()).isEqualTo(Verdict.FAILS);
        assertThat(String.join("\n", r.notes())).contains("off by one layer: layer n receives layer n+1's gradient (of euler backprop's "
                + "step parts, 8 of 9 layers to round-off; layers 0 do not follow it)");
    }

    /** More than 64 layers: the per-layer table keeps every ceil(K / 64)-th layer (K = 128: every second). */
    @Test
    void aDeepNetworksLayerTableIsEvenlySpaced() {
        UserImplementations user = new UserImplementations(128);
        List<Map<String, Object>> layers = audit(user, user.gradient(Method.EULER_BACKPROP)).get(1).rows();
        assertThat(layers).hasSize(64);
        assertThat(layers.get(1).get("layer")).isEqualTo(2);
        assertThat(layers.get(63).get("layer")).isEqualTo(126);
    }

    /** Heun backprop giving stage 2's gradient to θ_n: the per-layer table names the stage pattern layer by layer. */
    @Test
    void theLayerTableNamesAStagePattern() {
        UserImplementations user = new UserImplementations(9);
        List<Map<String, Object>> layers = audit(user, user.gradient(Method.HEUN_STAGE_TO_THETA_N)).get(1).rows();
        assertThat(layers.subList(1, 7)).extracting(row -> row.get("match")).containsOnly("step-stages");
    }

    /** Every convention once: euler, heun, heun-reference, then the other built-in tableaux, no duplicate. */
    @Test
    void everyConventionIsTriedOnce() {
        List<String> names = GradientAuditReferences.conventions(subject(new UserImplementations(9), 1e-3)).stream()
                .map(c -> c.scheme().name()).toList();
        assertThat(names.subList(0, 3)).containsExactly("euler", "heun", "heun-reference");
        assertThat(names).doesNotHaveDuplicates().contains("rk4", "midpoint");
    }

    /** Per-stage gradients at N: the 2N and 4N files are read (checked) but not judged. */
    @Test
    void perStageGradientsAreNotJudgedAcrossDepth() {
        UserImplementations user = new UserImplementations(9);
        Path n = UserImplementations.writeNpz(dir.resolve("n.npz"), Map.of("W", user.gradient(Method.HEUN_STAGES_CONCATENATED)));
        Path n2 = UserImplementations.writeNpz(dir.resolve("n2.npz"), Map.of("W", user.resampled(2, 17).gradient(Method.HEUN_BACKPROP)));
        Path n4 = UserImplementations.writeNpz(dir.resolve("n4.npz"), Map.of("W", user.resampled(4, 33).gradient(Method.HEUN_BACKPROP)));
        List<ClaimResult> r = GradientAudit.audit(subject(user, 1e-3), n, n2, n4, Map.of());
        assertThat(r).hasSize(2);
        assertThat(r.get(0).notes()).contains("the 2N and 4N gradients are not judged: the N gradients are per-stage");
    }

    /**
     * The depth needed for the tolerance, from a fit of the user's own adjoint errors at N, 2N, 4N (their resampling, their
     * backprop): {@code e(N) = c N^-r <= tol} from {@code N = exp((log c - log tol) / r)}.
     */
    @Test
    void theDepthNeededFollowsFromTheRateOfTheAdjointsError() {
        UserImplementations user = new UserImplementations(9);
        double[] x = new double[3];
        double[] y = new double[3];
        for (int i = 0; i < 3; i++) {
            int factor = 1 << i;
            UserImplementations at = factor == 1 ? user : user.resampled(factor, 9 * factor);
            double[] e = flat(at.gradient(Method.EULER_BACKPROP));
            x[i] = Math.log(9.0 * factor);
            y[i] = Math.log(distance(flat(at.gradient(Method.EULER_ADJOINT)), e, 0, e.length) / norm(e, 0, e.length));
        }
        double mx = (x[0] + x[1] + x[2]) / 3;
        double my = (y[0] + y[1] + y[2]) / 3;
        double sxy = 0;
        double sxx = 0;
        for (int i = 0; i < 3; i++) {
            sxy += (x[i] - mx) * (y[i] - my);
            sxx += (x[i] - mx) * (x[i] - mx);
        }
        double rate = -sxy / sxx;
        double logC = my + rate * mx;
        double needed = Math.ceil(Math.exp((logC - Math.log(1e-3)) / rate));
        ClaimResult r = audit(user, user.gradient(Method.EULER_ADJOINT)).get(0);
        assertThat((double) r.config().get("depthNeeded")).isEqualTo(needed);
        assertThat(r.fits().get(0).rate()).isCloseTo(rate, within(1e-9));
        assertThat(String.join("\n", r.notes())).contains(String.format("it reaches 1e-03 from N = %.0f", needed), "(the paper: rate 1)");
    }

    /** A gap of no pattern: the note's ratio is the gap over the recovery error it prints. */
    @Test
    void aBugsNoteGivesItsGapAsAMultipleOfTheRecoveryError() {
        UserImplementations user = new UserImplementations(9);
        double[][][] g = GradientAuditTest.perturbed(user.gradient(Method.EULER_BACKPROP), 1.0, new java.util.SplittableRandom(4));
        String notes = String.join("\n", audit(user, g).get(0).notes());
        Matcher m = java.util.regex.Pattern.compile("\\(euler\\) is ([0-9.e+-]+), ([0-9.e+-]+) times the euler adjoint's recovery error "
                + "([0-9.e+-]+)").matcher(notes);
        assertThat(m.find()).as(notes).isTrue();
        double gap = Double.parseDouble(m.group(1));
        double recovery = Double.parseDouble(m.group(3));
        assertThat(Double.parseDouble(m.group(2))).isCloseTo(gap / recovery, within(0.01 * gap / recovery));
        double[] e = flat(user.gradient(Method.EULER_BACKPROP));
        double[] a = flat(user.gradient(Method.EULER_ADJOINT));
        assertThat(recovery).isCloseTo(distance(a, e, 0, e.length) / norm(e, 0, e.length), within(1e-3 * recovery));
    }

    /** Per-stage gradients laid out stage by stage (every step's first stage, then every step's second). */
    @Test
    void blockedPerStageGradientsAreNamedAndSummed() {
        UserImplementations user = new UserImplementations(9);
        double[][][] interleaved = user.gradient(Method.HEUN_STAGES_CONCATENATED);
        int steps = interleaved.length / 2;
        double[][][] blocked = new double[interleaved.length][][];
        for (int n = 0; n < steps; n++) {
            blocked[n] = interleaved[2 * n];
            blocked[steps + n] = interleaved[2 * n + 1];
        }
        ClaimResult r = audit(user, blocked).get(0);
        assertThat(r.verdict()).isEqualTo(Verdict.FAILS);
        assertThat(String.join("\n", r.notes())).contains("per-stage gradients concatenated stage by stage");
        assertThat((double) row(r, "heun backprop").get("relativeError")).isLessThan(1e-13);
    }

    /**
     * Heun's exact gradients at 2N and 4N (17 and 33 layers, which no Euler network resampled has): beside exact Euler
     * gradients at N they are bad input; beside a noisy gradient at N (no convention), they are judged in the convention
     * of those layer counts closest at N, where the gap, large at N and small at 2N and 4N, is a bug.
     */
    @Test
    void resampledGradientsOfAnotherConventionAreRefusedOrJudgedInTheirs() {
        UserImplementations user = new UserImplementations(9);
        Path exact = UserImplementations.writeNpz(dir.resolve("n.npz"), Map.of("W", user.gradient(Method.EULER_BACKPROP)));
        Path noisy = UserImplementations.writeNpz(dir.resolve("noisy.npz"), Map.of("W",
                GradientAuditTest.perturbed(user.gradient(Method.EULER_BACKPROP), 1.0, new java.util.SplittableRandom(4))));
        Path n2 = UserImplementations.writeNpz(dir.resolve("n2.npz"), Map.of("W", user.resampled(2, 17).gradient(Method.HEUN_BACKPROP)));
        Path n4 = UserImplementations.writeNpz(dir.resolve("n4.npz"), Map.of("W", user.resampled(4, 33).gradient(Method.HEUN_BACKPROP)));
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> GradientAudit.audit(subject(user, 1e-3), exact, n2, n4, Map.of()))
                .isInstanceOf(org.resnetode.checks.BadInputException.class)
                .hasMessageContaining("17 and 33 layers, but the gradients at N are euler backprop's, whose network resampled to 2N and 4N has "
                        + "18 and 36 layers");
        List<ClaimResult> r = GradientAudit.audit(subject(user, 1e-3), noisy, n2, n4, Map.of());
        String convention = (String) r.get(2).config().get("acrossDepthConvention");
        assertThat(convention).isNotEqualTo("euler");
        assertThat(r.get(0).verdict()).isEqualTo(Verdict.FAILS);
        assertThat(String.join("\n", r.get(0).notes())).as(convention).contains("a bug: the gap to " + convention + "'s exact gradient")
                .doesNotContain("within 3x");
    }
}
