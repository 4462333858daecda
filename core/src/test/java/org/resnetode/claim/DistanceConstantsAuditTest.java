package org.resnetode.claim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import java.util.function.BiFunction;
import org.junit.jupiter.api.Test;
import org.resnetode.model.Constants;
import org.resnetode.model.DepthProfile;
import org.resnetode.model.DepthProfiles;
import org.resnetode.model.Families;
import org.resnetode.model.ResidualFunction;
import org.resnetode.model.Weights;
import org.resnetode.scheme.Scheme;

/** The audit of the a-priori bound's constants against values the residual function attains. */
class DistanceConstantsAuditTest {
    private static final Constants C = new Constants(1, 1, 1);

    /** {@code f} with its certified constants replaced (a wrong constant, as a maintainer might write it). */
    private record WrongConstants(ResidualFunction f, BiFunction<double[], Double, Constants> constants)
            implements ResidualFunction {
        @Override public String name() { return f.name(); }
        @Override public int dim() { return f.dim(); }
        @Override public int parameterCount() { return f.parameterCount(); }
        @Override public int workSize() { return f.workSize(); }
        @Override public void value(double[] theta, int off, double[] x, double[] out, double[] work) {
            f.value(theta, off, x, out, work);
        }
        @Override public void vjp(double[] theta, int off, double[] x, double[] p, double[] gx, double[] gTheta, int gOff,
                                  double[] work) {
            f.vjp(theta, off, x, p, gx, gTheta, gOff, work);
        }
        @Override public boolean oddInTheta() { return f.oddInTheta(); }
        @Override public boolean linearInTheta() { return f.linearInTheta(); }
        @Override public int normCount() { return f.normCount(); }
        @Override public void parameterNorms(double[] theta, int off, double[] out) { f.parameterNorms(theta, off, out); }
        @Override public Constants constants(double[] normBounds, double radius) { return constants.apply(normBounds, radius); }
        @Override public void initialParameters(java.util.SplittableRandom rng, double[] out, int off) {
            f.initialParameters(rng, out, off);
        }
    }

    private static Verdict judge(ResidualFunction f, DepthProfile profile, List<DistanceMeasurement> ms, List<String> notes) {
        VerdictPolicy policy = new VerdictPolicy(notes);
        DistanceConstantsAudit.judge(f, profile, Scheme.EULER, ms, policy);
        return policy.verdict();
    }

    private static List<DistanceMeasurement> rowAt(int n, double radius) {
        return List.of(new DistanceMeasurement(n / 2, 1e-3, 1, 1, C, radius, 1e-12, 1e-16, null),
                new DistanceMeasurement(n, 1e-3, 1, 1, C, radius, 1e-12, 1e-16, null),
                new DistanceMeasurement(2 * n, 1e-3, 1, 1, C, radius, 1e-14, 1e-3, "refused"));
    }

    @Test
    void theJacobianAtTheOriginOfTanhIsTheSpectralNormOfItsClosedForm() {
        // W = [[3, 1], [0, 2]]: σ_max² = (||W||_F² + sqrt(||W||_F⁴ - 4 det²)) / 2 = 7 + √13
        ResidualFunction tanh = Families.create("tanh", 2, 2);
        double norm = new DistanceConstantsAudit(tanh).jacobianNorm(new double[] {3, 1, 0, 2}, 0, new double[2], true);
        assertThat(norm).isCloseTo(Math.sqrt(7 + Math.sqrt(13)), within(1e-14));
    }

    @Test
    void theSearchFindsTheMlpParameterJacobiansUnsaturatedSupremum() {
        // W1 = diag(1, 3), W2 = diag(1, 2): J_θ J_θᵀ = ||tanh(W1 x)||² I + ||x||² W2 D² W2ᵀ, at x = ρ e_2 with D = I + O(ρ²)
        // its largest eigenvalue is ρ² (9 + 4): ||∂_θ f|| = ρ √13 (1 + O((3ρ)²)); the search starts at e_1 (ρ² (1 + 4))
        ResidualFunction mlp = Families.create("mlp", 2, 2);
        double[] theta = {1, 0, 0, 3, 1, 0, 0, 2};
        DistanceConstantsAudit audit = new DistanceConstantsAudit(mlp);
        double rho = 1e-3;
        double[] v = audit.searchParameterDirection(theta, 0, rho);
        double attained = audit.jacobianNorm(theta, 0, new double[] {rho * v[0], rho * v[1]}, false);
        assertThat(attained / (rho * Math.sqrt(13))).isCloseTo(1, within(1e-4));
        assertThat(Math.abs(v[1])).isCloseTo(1, within(1e-6));
        // the constant hypot(min(√m, s1 ρ), s2 ρ) is attained: ratio 1 - O((3 ρ)²) at ρ = R/256
        DistanceConstantsAudit.Audit a = audit.audit(Weights.tied(4, theta), 0.256);
        assertThat(a.lThetaRatio()).isBetween(0.999, 1 + DistanceConstantsAudit.ROUND_OFF);
        assertThat(a.lxAttainedRatio()).isNaN();
    }

    @Test
    void tanhsValueBoundIsAttainedAlongTheTopSingularDirection() {
        // W = diag(1, 3): ||tanh(W ρ e_2)|| = tanh(3ρ) = 3ρ (1 - O((3ρ)²)) = M(ρ) = min(√2, 3ρ) at small ρ; L_x = 3 at x = 0
        ResidualFunction tanh = Families.create("tanh", 2, 2);
        DistanceConstantsAudit.Audit a = new DistanceConstantsAudit(tanh).audit(Weights.tied(4, new double[] {1, 0, 0, 3}), 0.256);
        assertThat(a.mRatio()).isBetween(0.999, 1.0);
        assertThat(a.lxRatio()).isCloseTo(1, within(1e-9));
        assertThat(a.lxAttainedRatio()).isCloseTo(1, within(1e-9));
        assertThat(a.worst()).contains("at layer").contains("radius");
    }

    @Test
    void aZeroConstantWithANonZeroAttainedValueIsViolated() {
        ResidualFunction tanh = Families.create("tanh", 2, 2);
        ResidualFunction wrong = new WrongConstants(tanh, (s, r) -> new Constants(0, r, Math.min(Math.sqrt(2), s[0] * r)));
        DistanceConstantsAudit.Audit a = new DistanceConstantsAudit(wrong).audit(Weights.tied(2, new double[] {1, 0, 0, 3}), 1);
        assertThat(a.lxRatio()).isInfinite();
        assertThat(a.worst()).startsWith("L_x at layer 0");
        ResidualFunction zero = new WrongConstants(tanh, (s, r) -> new Constants(0, 0, 0));
        assertThat(new DistanceConstantsAudit(zero).audit(Weights.tied(2, new double[4]), 1).lThetaRatio()).isInfinite();
        ResidualFunction identity = new WrongConstants(Families.create("linear", 2, 2), (s, r) -> new Constants(0, r, 0));
        assertThat(new DistanceConstantsAudit(identity).audit(Weights.tied(2, new double[4]), 1).mRatio()).isZero();
    }

    @Test
    void everyFamilysConstantsHoldOnAProfileNetworkAndTanhsLxIsAttained() {
        for (String name : List.of("tanh", "mlp", "linear", "theta2")) {
            int d = name.equals("theta2") ? 1 : 4;
            ResidualFunction f = Families.create(name, d, d);
            DepthProfile profile = DepthProfiles.create("fourier", f, 3, 1.0, false);
            List<String> notes = new ArrayList<>();
            assertThat(judge(f, profile, rowAt(64, 1.5), notes)).as(name + ": " + notes).isEqualTo(Verdict.HOLDS);
            assertThat(notes.get(0)).contains("N=64").contains("largest attained / constant");
            assertThat(notes).hasSize(DistanceConstantsAudit.attainedAtOrigin(f) ? 2 : 1);
        }
    }

    @Test
    void anMlpParameterConstantWithMaxForHypotIsBelowAnAttainedValue() {
        ResidualFunction mlp = Families.create("mlp", 4, 4);
        ResidualFunction wrong = new WrongConstants(mlp, (s, r) -> {
            double a = Math.min(2, s[0] * r);
            return new Constants(s[0] * s[1], Math.max(a, s[1] * r), s[1] * a);
        });
        assertFailsOnFourier(mlp, wrong, "largest: L_θ at layer");
    }

    /** The audit of {@code wrong} (constants replaced) on a fourier network of {@code f} fails, naming {@code largest}. */
    private static void assertFailsOnFourier(ResidualFunction f, ResidualFunction wrong, String largest) {
        List<String> notes = new ArrayList<>();
        assertThat(judge(wrong, DepthProfiles.create("fourier", f, 1, 1.0, false), rowAt(64, 1.5), notes))
                .isEqualTo(Verdict.FAILS);
        assertThat(notes.get(0)).contains(largest).contains("outside the band");
    }

    @Test
    void aTanhLxFromTheFrobeniusNormIsNotTheAttainedOne() {
        ResidualFunction tanh = Families.create("tanh", 4, 4);
        DepthProfile profile = DepthProfiles.create("fourier", tanh, 1, 1.0, false);
        Weights w = Weights.sample(profile, 65, 64);
        double frobenius = 0;
        for (int k = 0; k < w.count(); k++) {
            double s = 0;
            for (int j = 0; j < w.size(); j++) {
                s += w.data()[w.offset(k) + j] * w.data()[w.offset(k) + j];
            }
            frobenius = Math.max(frobenius, Math.sqrt(s));
        }
        double lx = frobenius;
        ResidualFunction wrong = new WrongConstants(tanh, (s, r) -> new Constants(lx, r, Math.min(2, lx * r)));
        List<String> notes = new ArrayList<>();
        assertThat(judge(wrong, profile, rowAt(64, 1.5), notes)).isEqualTo(Verdict.FAILS);
        assertThat(notes.get(1)).contains("attained at the origin").contains("outside the band");
    }

    @Test
    void aValueBoundHalvedIsBelowAnAttainedValue() {
        ResidualFunction tanh = Families.create("tanh", 4, 4);
        ResidualFunction wrong = new WrongConstants(tanh, (s, r) -> {
            Constants c = tanh.constants(s, r);
            return new Constants(c.lx(), c.lTheta(), c.m() / 2);
        });
        assertFailsOnFourier(tanh, wrong, "largest: M at layer");
    }

    @Test
    void withoutAnAcceptedRowNothingIsRecorded() {
        ResidualFunction tanh = Families.create("tanh", 2, 2);
        List<String> notes = new ArrayList<>();
        judge(tanh, DepthProfiles.create("fourier", tanh, 1, 1.0, false),
                List.of(new DistanceMeasurement(8, 1e-3, 1, 1, C, Double.NaN, 1e-12, 1e-16, null),
                        new DistanceMeasurement(16, 1e-3, 1, 1, C, 1, 1e-14, 1e-3, "refused")), notes);
        assertThat(notes).isEmpty();
    }
}
