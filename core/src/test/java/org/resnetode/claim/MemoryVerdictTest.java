package org.resnetode.claim;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.IntToLongFunction;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.Isolated;

/**
 * Negative controls of the memory claim: made-up measurements through {@link MemoryClaim#summarise}. The claim is
 * judged on measured allocation; what a method reports about itself cannot make it hold.
 */
@Isolated("measures allocation per thread: code compiled or deoptimized for tests running beside it would add to the counts")
class MemoryVerdictTest {
    private static final int[] LADDER = {1000, 2000, 4000, 8000, 16000};

    private static ClaimResult judge(int[] depths, IntToLongFunction backpropBytes, IntToLongFunction adjointBytes) {
        List<MemoryMeasurement> ms = new ArrayList<>();
        for (int n : depths) {
            ms.add(new MemoryMeasurement("backprop", n, 8L * (n + 1), backpropBytes.applyAsLong(n), 0));
            ms.add(new MemoryMeasurement("adjoint", n, 16, adjointBytes.applyAsLong(n), 0));
        }
        SweepConfig cfg = new SweepConfig("tanh", "fourier", "euler", 8, 8, depths, 1, 1.0, false, 1, 1);
        return MemoryClaim.summarise(cfg, ms);
    }

    @Test
    void linearBackpropAndFlatAdjointHold() {
        assertThat(judge(LADDER, n -> 64L * n + 500, n -> 7000).verdict()).isEqualTo(Verdict.HOLDS);
    }

    @Test
    void anAdjointWhoseMeasuredAllocationGrowsFailsThoughItReportsAFlatState() {
        ClaimResult r = judge(LADDER, n -> 64L * n + 500, n -> 64L * n + 7000);
        assertThat(r.rows()).allMatch(row -> row.get("adjointStored").equals(16L));
        assertThat(r.verdict()).isEqualTo(Verdict.FAILS);
    }

    @Test
    void aBackpropThatDoesNotGrowFails() {
        assertThat(judge(LADDER, n -> 5000, n -> 5000).verdict()).isEqualTo(Verdict.FAILS);
    }

    @Test
    void twoDepthsAreInconclusive() {
        assertThat(judge(new int[] {1000, 2000}, n -> 64L * n, n -> 7000).verdict()).isEqualTo(Verdict.INCONCLUSIVE);
    }

    @Test
    void aNoisyGrowthWhoseIntervalCoversLinearIsNotFails() {
        // growth N^1.3 with ±40% noise: fitted exponent 1.37, 95% interval [0.83, 1.92] reaches linear growth
        double[] noise = {1, 0.6, 1.3, 0.7, 1.2};
        int[] i = {0};
        ClaimResult r = judge(LADDER, n -> (long) (noise[i[0]++] * Math.pow(n, 1.3)), n -> 7000);
        assertThat(-r.fit("backpropAllocatedBytes").rate()).isGreaterThan(1.1);
        assertThat(r.fit("backpropAllocatedBytes").ci95Low()).isLessThan(-0.9);
        assertThat(r.verdict()).isEqualTo(Verdict.INCONCLUSIVE);
    }

    @Test
    void notesStateTheSignOfTheRate() {
        ClaimResult r = judge(LADDER, n -> 64L * n + 500, n -> 7000);
        assertThat(r.fit("backpropAllocatedBytes").rate()).isNegative();
        assertThat(r.notes()).noneMatch(n -> n.contains("grows like N^"));
        assertThat(r.notes()).anyMatch(n -> n.contains("growing like N^k has rate -k"));
    }

    /** The adjoint's largest / smallest allocation is judged against [1, 1.10], ends included: 11000 / 10000 = 1.10 holds. */
    @Test
    void anAdjointAllocationSpreadAboveOnePointOneFailsEvenWithAFlatRate() {
        long[] exactly = {10000, 11000, 10000, 11000, 10000};
        long[] above = {10000, 11001, 10000, 11001, 10000};
        int[] i = {0};
        assertThat(judge(LADDER, n -> 64L * n + 500, n -> exactly[i[0]++]).verdict()).isEqualTo(Verdict.HOLDS);
        int[] j = {0};
        ClaimResult r = judge(LADDER, n -> 64L * n + 500, n -> above[j[0]++]);
        assertThat(r.fit("adjointAllocatedBytes").rate()).isBetween(-0.1, 0.1);
        assertThat(r.verdict()).isEqualTo(Verdict.FAILS);
    }

    /** Measurements come in (backprop, adjoint) pairs per depth; an unpaired last one is not a row. */
    @Test
    void eachPairOfMeasurementsIsOneRowWithBothMethodsFigures() {
        List<MemoryMeasurement> ms = new ArrayList<>();
        for (int n : LADDER) {
            ms.add(new MemoryMeasurement("backprop", n, 8L * (n + 1), 64L * n, 0.5));
            ms.add(new MemoryMeasurement("adjoint", n, 16, 7000, 0.25));
        }
        ms.add(new MemoryMeasurement("backprop", 32000, 8L * 32001, 64L * 32000, 0.5));
        SweepConfig cfg = new SweepConfig("tanh", "fourier", "euler", 8, 8, LADDER, 1, 1.0, false, 1, 1);
        ClaimResult r = MemoryClaim.summarise(cfg, ms);
        assertThat(r.claim()).isEqualTo("memory");
        assertThat(r.rows()).extracting(row -> row.get("N")).containsExactly(1000, 2000, 4000, 8000, 16000);
        assertThat(r.rows().get(2)).containsEntry("backpropStored", 8L * 4001).containsEntry("adjointStored", 16L)
                .containsEntry("backpropAllocatedBytes", 64L * 4000).containsEntry("adjointAllocatedBytes", 7000L)
                .containsEntry("backpropSeconds", 0.5).containsEntry("adjointSeconds", 0.25);
        // 64 N bytes: rate -1 exactly; 8 (N + 1) doubles: close to -1; 16 and 7000: rate 0
        assertThat(r.fit("backpropAllocatedBytes").rate()).isCloseTo(-1, org.assertj.core.api.Assertions.within(1e-12));
        assertThat(r.fit("adjointStored").rate()).isCloseTo(0, org.assertj.core.api.Assertions.within(1e-12));
        assertThat(r.fits()).hasSize(4);
        assertThat(r.verdict()).isEqualTo(Verdict.HOLDS);
    }

    /** A short real run (d = 2, N = 4..32): two progress lines and one row per depth; backprop's stored state grows, the adjoint's does not. */
    @Test
    void aShortRunMeasuresBothMethodsAtEveryDepth() {
        int[] ladder = {4, 8, 16, 32};
        List<String> lines = new ArrayList<>();
        ClaimResult r = MemoryClaim.run(new SweepConfig("tanh", "fourier", "euler", 2, 2, ladder, 1, 1.0, false, 1, 2),
                lines::add);
        // backprop once and the adjoint twice at every depth
        assertThat(lines).hasSize(12);
        for (int n : ladder) {
            for (String method : new String[] {"backprop", "adjoint"}) {
                assertThat(lines).as("progress of %s at N = %d", method, n)
                        .anyMatch(line -> line.startsWith("memory " + method + " N=" + n + " stored="));
            }
        }
        assertThat(r.rows()).extracting(row -> row.get("N")).containsExactly(4, 8, 16, 32);
        // the adjoint's two runs per depth are reported, and the smaller allocation is the one kept
        for (Map<String, Object> row : r.rows()) {
            int n = (Integer) row.get("N");
            List<Long> runs = lines.stream().filter(line -> line.startsWith("memory adjoint N=" + n + " "))
                    .peek(line -> assertThat(line).containsPattern("\\(run [12] of 2\\)$"))
                    .map(line -> Long.parseLong(line.replaceAll(".* allocated=(\\d+) bytes.*", "$1"))).toList();
            assertThat(runs).hasSize(2);
            assertThat(row.get("adjointAllocatedBytes")).isEqualTo(java.util.Collections.min(runs));
            assertThat(lines).filteredOn(line -> line.startsWith("memory backprop N=" + n + " ")).singleElement()
                    .satisfies(line -> assertThat(line).doesNotContain("run"));
        }
        long[] backprop = r.rows().stream().mapToLong(row -> (Long) row.get("backpropStored")).toArray();
        for (int k = 1; k < backprop.length; k++) {
            assertThat(backprop[k]).isGreaterThan(backprop[k - 1]);
        }
        assertThat(r.rows()).extracting(row -> row.get("adjointStored")).containsOnly(r.rows().get(0).get("adjointStored"));
    }

    @Test
    void noMeasurementsAreInconclusiveNotACrash() {
        SweepConfig cfg = new SweepConfig("tanh", "fourier", "euler", 8, 8, LADDER, 1, 1.0, false, 1, 1);
        ClaimResult r = MemoryClaim.summarise(cfg, List.of());
        assertThat(r.rows()).isEmpty();
        assertThat(r.verdict()).isEqualTo(Verdict.INCONCLUSIVE);
    }

    /** A measurement's time lies within the wall time around it, and {@code smaller} keeps the fewer bytes and the shorter time. */
    @Test
    void aMeasurementsTimeIsWithinTheWallTimeAroundIt() {
        org.resnetode.model.ResidualFunction f = org.resnetode.model.Families.create("tanh", 4, 4);
        org.resnetode.scheme.ResNet net = new org.resnetode.scheme.ResNet(f, org.resnetode.scheme.Scheme.EULER,
                org.resnetode.model.Weights.tied(2000, new double[f.parameterCount()]), 2000);
        double[][] x = {{1, 2, 3, 4}};
        long t0 = System.nanoTime();
        MemoryMeasurement m = MemoryMeasurement.measure(new org.resnetode.gradient.Adjoint(), net, x, x, new double[f.parameterCount()]);
        double wall = (System.nanoTime() - t0) / 1e9;
        assertThat(m.seconds()).isPositive().isLessThanOrEqualTo(wall);
        MemoryMeasurement other = new MemoryMeasurement(m.method(), m.depth(), m.storedStateDoubles(), m.allocatedBytes() + 1, m.seconds() / 2);
        assertThat(m.smaller(other)).isEqualTo(new MemoryMeasurement(m.method(), m.depth(), m.storedStateDoubles(), m.allocatedBytes(), m.seconds() / 2));
    }
}
