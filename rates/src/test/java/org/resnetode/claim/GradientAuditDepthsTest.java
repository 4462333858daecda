package org.resnetode.claim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;
import static org.resnetode.assertions.ConvergenceAssertions.assertThatErrors;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.resnetode.checks.BadInputException;
import org.resnetode.claim.UserImplementations.Method;
import org.resnetode.gradient.GradientMethod;
import org.resnetode.gradient.TerminalLoss;
import org.resnetode.network.NetworkArchive;
import org.resnetode.network.NetworkFile;

/**
 * The audit across depth: the user's gradients for the network resampled to 2N and 4N (resampled by the user's code
 * from the documented rule, {@link UserImplementations#resampled}). A correct adjoint's gap to backprop shrinks at its
 * rate (finding), a bug's does not (fails), exact gradients hold at every depth.
 */
class GradientAuditDepthsTest {
    static final int LAYERS = 9;

    @TempDir
    Path dir;
    final UserImplementations user = new UserImplementations(LAYERS);

    GradientAudit.Subject subject() {
        NetworkFile file = NetworkArchive.read(user.writeNetwork(dir.resolve("net.npz")), "euler");
        double[] targets = GradientMethod.flatten(file.targets());
        return new GradientAudit.Subject(file.network(), GradientMethod.flatten(file.inputs()), file.inputs().length,
                () -> TerminalLoss.squaredError(targets), file.kinds(), 1e-3, List.of());
    }

    /** Layers of the network resampled to {@code factor} N: factor K (Euler, N = K), factor (K - 1) + 1 (Heun, N = K - 1). */
    static int layers(int factor, boolean heun) {
        return heun ? factor * (LAYERS - 1) + 1 : factor * LAYERS;
    }

    Path write(String name, double[][][] g) {
        return UserImplementations.writeNpz(dir.resolve(name), Map.of("W", g));
    }

    List<ClaimResult> audit(Method atN, Method across) {
        boolean heun = across.name().startsWith("HEUN");
        Path n = write("n.npz", user.gradient(atN));
        Path n2 = write("n2.npz", user.resampled(2, layers(2, heun)).gradient(across));
        Path n4 = write("n4.npz", user.resampled(4, layers(4, heun)).gradient(across));
        return GradientAudit.audit(subject(), n, n2, n4, Map.of());
    }

    static String notes(ClaimResult r) {
        return String.join("\n", r.notes());
    }

    @Test
    void exactGradientsHoldAtEveryDepth() {
        List<ClaimResult> r = audit(Method.HEUN_BACKPROP, Method.HEUN_BACKPROP);
        assertThat(r.get(0).verdict()).as(notes(r.get(0))).isEqualTo(Verdict.HOLDS);
        assertThat(notes(r.get(0))).contains("at 2N and 4N too the gradients are heun's exact gradients to round-off");
        assertThat(r.get(2).claim()).isEqualTo("gradient-audit-depths");
        assertThat(r.get(2).rows()).extracting(row -> row.get("N")).containsExactly(8, 16, 32);
        assertThat(r.get(2).fits()).hasSize(1);
    }

    /** A correct adjoint of another kind (two reverse half steps): its gap shrinks like 1/N, as the gaps of the user's own backprop show. */
    @Test
    void aCorrectAdjointsGapShrinksAtItsRate() {
        List<ClaimResult> r = audit(Method.EULER_ADJOINT_HALF_STEPS, Method.EULER_ADJOINT_HALF_STEPS);
        assertThat(r.get(0).verdict()).as(notes(r.get(0))).isEqualTo(Verdict.FINDING);
        assertThat(notes(r.get(0))).contains("the gap to euler's exact gradient shrinks at rate", "correct up to its recovery error");
        ClaimResult depths = r.get(2);
        assertThat(depths.fits()).hasSize(2);
        assertThatErrors(column(depths, "N"), gaps(depths)).convergesAtRate(1.0, within(0.1));
        // the gaps, from the user's own backprop on the networks they resampled: the audit resamples as documented
        for (int i = 0; i < 3; i++) {
            int factor = 1 << i;
            UserImplementations at = factor == 1 ? user : user.resampled(factor, layers(factor, false));
            double expected = GradientAuditReferences.relativeError(flat(at.gradient(Method.EULER_ADJOINT_HALF_STEPS)), flat(at.gradient(Method.EULER_BACKPROP)));
            assertThat((double) depths.rows().get(i).get("userGap")).isCloseTo(expected, within(1e-12 * expected));
            assertThat(depths.rows().get(i).get("N")).isEqualTo(LAYERS * factor);
        }
    }

    @Test
    void theToolsOwnAdjointHasItsFindingConfirmedAcrossDepth() {
        ClaimResult r = audit(Method.EULER_ADJOINT, Method.EULER_ADJOINT).get(0);
        assertThat(r.verdict()).isEqualTo(Verdict.FINDING);
        assertThat(notes(r)).contains("the euler adjoint to round-off", "the gap to euler's exact gradient shrinks at rate 1.01");
    }

    /**
     * Weight decay left in an Euler adjoint's gradients: at N alone its gap passes for a recovery error (it is within 3x the
     * adjoint's); across depth it does not shrink, so it is a bug.
     */
    @Test
    void aBugsGapDoesNotShrink() {
        ClaimResult alone = GradientAudit.audit(subject(), write("n.npz", user.gradient(Method.EULER_ADJOINT_WEIGHT_DECAY)), Map.of()).get(0);
        assertThat(alone.verdict()).as(notes(alone)).isEqualTo(Verdict.FINDING);
        List<ClaimResult> r = audit(Method.EULER_ADJOINT_WEIGHT_DECAY, Method.EULER_ADJOINT_WEIGHT_DECAY);
        assertThat(r.get(0).verdict()).as(notes(r.get(0))).isEqualTo(Verdict.FAILS);
        assertThat(notes(r.get(0))).contains("a bug: the gap to euler's exact gradient does not shrink at the adjoint's rate")
                .doesNotContain("within 3x");
        assertThatErrors(column(r.get(2), "N"), gaps(r.get(2))).doesNotConverge();
        assertThat(r.get(2).verdict()).isEqualTo(Verdict.FAILS);
    }

    @Test
    void exactAtNOnlyFails() {
        ClaimResult r = audit(Method.HEUN_BACKPROP, Method.HEUN_ADJOINT).get(0);
        assertThat(r.verdict()).isEqualTo(Verdict.FAILS);
        assertThat(notes(r)).contains("heun's exact gradient at N but not at 2N or 4N");
    }

    /**
     * On weights smooth in depth, layer n+1's gradient is layer n's plus O(h): an off-by-one's gap shrinks (rate 0.65 here),
     * so the rate alone would pass it for a recovery error. The named pattern keeps the verdict; the rate is a note.
     */
    @Test
    void aNamedPatternStaysTheVerdictAndTheDepthsAreANote() {
        ClaimResult r = audit(Method.EULER_OFF_BY_ONE, Method.EULER_OFF_BY_ONE).get(0);
        assertThat(r.verdict()).isEqualTo(Verdict.FAILS);
        assertThat(notes(r)).contains("fails: off by one layer",
                "across depth (the N gradients already fail with a named pattern): the gap to euler's exact gradient shrinks at rate 0.6");
    }

    @Test
    void badResampledGradientsAreOneLineBadInput() {
        Path n = write("n.npz", user.gradient(Method.EULER_BACKPROP));
        Path n2 = write("n2.npz", user.resampled(2, layers(2, false)).gradient(Method.EULER_BACKPROP));
        Path n4 = write("n4.npz", user.resampled(4, layers(4, false)).gradient(Method.EULER_BACKPROP));
        double[][][] nan = user.resampled(4, layers(4, false)).gradient(Method.EULER_BACKPROP);
        nan[3][0][1] = Double.NaN;
        Path n4nan = write("nan.npz", nan);
        Object[][] cases = {
                {n2, null, "--gradients-2n needs --gradients-4n"},
                {null, n4, "--gradients-4n needs --gradients-2n"},
                {n, n4, "9 and 36 layers match no convention's network resampled to 2N and 4N (layers expected: euler 18 and 36; heun 17 and 33"},
                {n4, n2, "36 and 18 layers match no convention"},
                {n2, n4nan, "--gradients-4n " + n4nan + ": layer 3 parameter 1 is NaN"},
                {n2, dir.resolve("none.npz"), "--gradients-4n " + dir.resolve("none.npz") + ": no such file"}};
        for (Object[] c : cases) {
            assertThatThrownBy(() -> GradientAudit.audit(subject(), n, (Path) c[0], (Path) c[1], Map.of())).isInstanceOf(BadInputException.class)
                    .hasMessageContaining((String) c[2]).satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n"));
        }
    }

    static int[] column(ClaimResult r, String key) {
        return r.rows().stream().mapToInt(row -> (int) row.get(key)).toArray();
    }

    static double[] gaps(ClaimResult r) {
        return r.rows().stream().mapToDouble(row -> (double) row.get("userGap")).toArray();
    }

    static double[] flat(double[][][] g) {
        return UserImplementations.flat(g, new java.util.ArrayList<>(), 0);
    }
}
