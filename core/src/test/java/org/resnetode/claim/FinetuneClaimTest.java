package org.resnetode.claim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.function.Supplier;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.resnetode.gradient.Adjoint;
import org.resnetode.gradient.GradientMethod;
import org.resnetode.gradient.GradientReport;
import org.resnetode.train.DataReader;
import org.resnetode.train.Dataset;

/** The fine-tuning claim on a tiny configuration: it holds with the real adjoint, and broken numerics make it fail. */
@org.junit.jupiter.api.Timeout(value = 5, unit = java.util.concurrent.TimeUnit.MINUTES) // training loops
class FinetuneClaimTest {
    static Dataset.Split digits;

    @BeforeAll
    static void data() {
        digits = DataReader.digits().split(DataReader.DIGITS_TEST_ROWS);
    }

    static FinetuneConfig tiny() {
        return new FinetuneConfig(64, 4, 32, 0.1, 0.9, 1, 2, 16, 4, new int[] {8, 16}, 1, new int[] {2, 4, 8, 16, 32}, 1,
                new int[] {4, 8, 16});
    }

    /** The adjoint with its weight gradient multiplied by {@code factor}: wrong numerics, same loss. */
    static Supplier<GradientMethod> scaled(double factor) {
        return () -> new GradientMethod() {
            private final Adjoint adjoint = new Adjoint();

            @Override
            public String name() {
                return "broken-adjoint";
            }

            @Override
            public GradientReport compute(org.resnetode.scheme.ResNet net, double[] inputs, int batch,
                                          org.resnetode.gradient.TerminalLoss loss, double[] gradient) {
                GradientReport r = adjoint.compute(net, inputs, batch, loss, gradient);
                for (int i = 0; i < gradient.length; i++) {
                    gradient[i] *= factor;
                }
                return r;
            }
        };
    }

    @Test
    void holdsWithTheAdjoint() {
        List<String> progress = new java.util.ArrayList<>();
        List<ClaimResult> results = new FinetuneClaim(tiny(), digits, Adjoint::new, progress::add).run();
        assertThat(progress).anyMatch(l -> l.startsWith("finetune euler N=4 backprop epoch 1 loss "));
        assertThat(results).extracting(ClaimResult::claim)
                .containsExactly("finetune-curves", "finetune-depth", "finetune-heun", "finetune-smoothness");
        for (ClaimResult r : results) {
            assertThat(r.verdict()).as(r.claim() + " " + r.notes()).isIn(Verdict.HOLDS, Verdict.FINDING);
        }
        ClaimResult curves = results.get(0);
        assertThat(curves.config()).containsEntry("depth", 16).containsEntry("trainRows", 64).containsEntry("hidden", 4);
        assertThat(curves.rows()).extracting(row -> row.get("epoch")).containsExactly(1, 2, 1, 2);
        double largestEuler = 0;
        for (java.util.Map<String, Object> row : curves.rows()) {
            double bp = (Double) row.get("backpropLoss");
            double adj = (Double) row.get("adjointLoss");
            double initial = (Double) row.get("initialLoss");
            assertThat((Double) row.get("relativeDifference")).isEqualTo(Math.abs(adj - bp) / Math.abs(bp));
            assertThat((Double) row.get("differenceOverDecrease")).isEqualTo(Math.abs(adj - bp) / (initial - bp));
            if (row.get("scheme").equals("euler")) {
                largestEuler = Math.max(largestEuler, Math.abs(adj - bp) / (initial - bp));
            }
        }
        assertThat(curves.notes().get(0)).startsWith("holds: largest |ℓ_adjoint - ℓ_backprop| / (ℓ_0 - ℓ_backprop) over the epochs, euler")
                .contains(String.format("= %.4g,", largestEuler));
        ClaimResult depth = results.get(1);
        assertThat(depth.verdict()).isEqualTo(Verdict.HOLDS);
        double base = (Double) depth.rows().get(0).get("baseTestAccuracy");
        double worst = depth.rows().stream().mapToDouble(row -> (Double) row.get("finetunedTestAccuracy")).min().orElseThrow();
        // resampling at its own depth is the identity: the test loss is reproduced exactly
        assertThat(depth.notes().get(0)).startsWith("holds: relative test-loss change of resampling N = 4 to its own depth")
                .contains("= 0.000,");
        // the accuracy's resolution on 360 test rows, 1.96 sqrt(p (1 - p) / 360)
        assertThat(depth.notes().get(1)).contains(String.format("= %.4g,", worst - base))
                .contains(String.format("stated band [%.4g,", -1.96 * Math.sqrt(base * (1 - base) / 360)));
        ClaimResult smooth = results.get(3);
        assertThat(smooth.verdict()).isEqualTo(Verdict.HOLDS);
        double first = (Double) smooth.rows().get(0).get("smoothnessAfter");
        double last = (Double) smooth.rows().get(2).get("smoothnessAfter");
        assertThat(smooth.notes().get(0)).contains(String.format("= %.4g,", Math.log(last / first) / Math.log(4)));
        assertThat(depth.rows()).extracting(row -> row.get("adjointStoredDoubles")).containsOnly(2L * 32 * 64);
        ClaimResult heun = results.get(2);
        assertThat(heun.rows()).hasSize(10);
        // the gradient error falls with N for both schemes, faster for Heun (rate about 1 and at least 2)
        double euler2 = (Double) heun.rows().get(0).get("maxGradientError");
        double euler16 = (Double) heun.rows().get(3).get("maxGradientError");
        double heun2 = (Double) heun.rows().get(5).get("maxGradientError");
        double heun16 = (Double) heun.rows().get(8).get("maxGradientError");
        assertThat(euler2 / euler16).isBetween(4.0, 16.0);
        assertThat(heun2 / heun16).isGreaterThan(64.0);
        // the rates are fitted from 4 N_min = 8: three depths 8, 16, 32
        assertThat(heun.config()).containsEntry("fitFrom", 8);
        assertThat(heun.fit("eulerMaxGradientError").points()).isEqualTo(3);
        assertThat(heun.fit("eulerMaxGradientError").depthLow()).isEqualTo(8);
        assertThat(heun.fit("heunMaxGradientError").rate()).isGreaterThan(1.9);
        // the files are the same bytes from one run to the next: every config in the order it was put (Map.of's order
        // changes from one JVM to the next)
        assertThat(List.copyOf(heun.config().keySet())).endsWith("errorDepths", "errorEpochs", "fitFrom");
        assertThat(List.copyOf(depth.config().keySet())).endsWith("baseDepth", "depths", "finetuneEpochs");
    }

    @Test
    void brokenAdjointGradientsFailTheClaim() {
        FinetuneClaim claim = new FinetuneClaim(tiny(), digits, scaled(-10), Progress.SILENT);
        ClaimResult curves = claim.curves();
        assertThat(curves.verdict()).as(curves.notes().toString()).isEqualTo(Verdict.FAILS);
        // a gradient 1% too large: Heun's error stays at 1e-2 whatever N (rate 0); Euler's own O(1/N) error is larger
        ClaimResult heun = new FinetuneClaim(tiny(), digits, scaled(1.01), Progress.SILENT).heun();
        assertThat(heun.verdict()).as(heun.notes().toString()).isEqualTo(Verdict.FAILS);
        assertThat(heun.fit("heunMaxGradientError").rate()).isCloseTo(0, org.assertj.core.api.Assertions.within(0.1));
        assertThat(heun.notes()).anyMatch(n -> n.startsWith("inconclusive: neither scheme's adjoint gradients came within 0.001"));
    }

    @Test
    void anAdjointAsExactAsBackpropGivesHeunNoAdvantage() {
        // the "adjoint" is backprop itself: both schemes match at the smallest depth, so Heun needs no fewer layers
        ClaimResult heun = new FinetuneClaim(tiny(), digits, org.resnetode.gradient.Backprop::new, Progress.SILENT).heun();
        assertThat(heun.verdict()).isEqualTo(Verdict.FAILS);
        assertThat(heun.notes()).anyMatch(n -> n.startsWith("fails: smallest depth") && n.contains("Heun N = 2, Euler N = 2"));
        // the same loss curves: a difference of exactly 0 lies in the band
        ClaimResult curves = new FinetuneClaim(tiny(), digits, org.resnetode.gradient.Backprop::new, Progress.SILENT).curves();
        assertThat(curves.verdict()).isEqualTo(Verdict.HOLDS);
        assertThat(curves.rows()).allMatch(row -> (Double) row.get("differenceOverDecrease") == 0);
                // errors of zero are round-off: no rate can be fitted
        assertThat(heun.notes()).anyMatch(n -> n.startsWith("inconclusive: no rate of largest euler adjoint gradient error"));
    }

    /** Each statement has a negative control through the real pipeline that makes it fail (docs/derivations/claims.md). */
    @org.junit.jupiter.params.ParameterizedTest(name = "{0} fails {1}")
    @org.junit.jupiter.params.provider.CsvSource({"WRONG_REVERSE, 0", "SHIFTED_RESAMPLING, 1", "WRONG_STAGE_TIME, 2",
            "IID_REDRAW, 3"})
    void eachStatementHasAControlThatFailsIt(Control control, int part) {
        ClaimResult r = new FinetuneClaim(tiny(), digits, control, Progress.SILENT).parts().get(part).get();
        assertThat(r.verdict()).as(r.notes().toString()).isEqualTo(Verdict.FAILS);
        assertThat(r.config()).containsEntry("control", control.label());
    }

    @Test
    void configurationsAreChecked() {
        assertThatThrownBy(() -> new FinetuneConfig(64, 4, 32, 0.1, 0.9, 1, 2, 4, 4, new int[] {8}, 1, new int[] {2, 4}, 1,
                new int[] {4, 8})).hasMessageContaining("at least two depths");
        assertThat(FinetuneConfig.quick(1).finetuneDepths()).containsExactly(32, 128, 256);
        assertThat(FinetuneConfig.full(1).finetuneDepths()).contains(16384);
    }
}
