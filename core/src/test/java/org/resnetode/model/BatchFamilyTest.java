package org.resnetode.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.resnetode.TestVectors.gaussian;

import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The batched family methods against the per-sample ones row by row: {@code valueBatch} and the x-VJP of
 * {@code vjpBatch} give each row's {@code value} and {@code vjp} (to 1e-13 relative per row: matrix products sum
 * in another order), and the θ-VJP is the sum over rows of the per-sample θ-VJPs added to what the buffer held.
 */
class BatchFamilyTest {

    static Stream<Arguments> cases() {
        return Stream.of(
                Arguments.of("linear", 1, 0, 3), Arguments.of("linear", 9, 0, 5), Arguments.of("linear", 17, 0, 11),
                Arguments.of("tanh", 2, 0, 7), Arguments.of("tanh", 8, 0, 4), Arguments.of("tanh", 19, 0, 13),
                Arguments.of("mlp", 3, 5, 6), Arguments.of("mlp", 8, 8, 9), Arguments.of("mlp", 16, 21, 17),
                Arguments.of("mlp", 5, 1, 2), Arguments.of("theta2", 1, 0, 6), Arguments.of("linear", 6, 0, 1),
                Arguments.of("mlp", 7, 9, 1), Arguments.of("tanh", 9, 0, 1));
    }

    private static double rowError(double[] batch, int row, double[] single) {
        double diff = 0;
        double norm = 0;
        for (int k = 0; k < single.length; k++) {
            double e = batch[row * single.length + k] - single[k];
            diff += e * e;
            norm += single[k] * single[k];
        }
        return Math.sqrt(diff) / Math.max(Math.sqrt(norm), Double.MIN_NORMAL);
    }

    /** The family with only its per-sample methods: the batch methods are {@link ResidualFunction}'s row-loop defaults. */
    static ResidualFunction rowLoop(ResidualFunction f) {
        return new ResidualFunction() {
            @Override public String name() { return f.name(); }
            @Override public int dim() { return f.dim(); }
            @Override public int parameterCount() { return f.parameterCount(); }
            @Override public int workSize() { return f.workSize(); }
            @Override public boolean oddInTheta() { return f.oddInTheta(); }
            @Override public boolean linearInTheta() { return f.linearInTheta(); }
            @Override public int normCount() { return f.normCount(); }
            @Override public void parameterNorms(double[] theta, int off, double[] out) { f.parameterNorms(theta, off, out); }
            @Override public Constants constants(double[] normBounds, double radius) { return f.constants(normBounds, radius); }
            @Override public void initialParameters(SplittableRandom rng, double[] out, int off) { f.initialParameters(rng, out, off); }

            @Override
            public void value(double[] theta, int off, double[] x, double[] out, double[] work) {
                f.value(theta, off, x, out, work);
            }

            @Override
            public void vjp(double[] theta, int off, double[] x, double[] p, double[] gx, double[] gTheta, int gOff, double[] work) {
                f.vjp(theta, off, x, p, gx, gTheta, gOff, work);
            }
        };
    }

    @ParameterizedTest(name = "default row loop: {0} d={1} hidden={2} rows={3}")
    @MethodSource("cases")
    void defaultBatchMethodsEqualThePerSampleOnesRowByRow(String name, int d, int hidden, int rows) {
        check(rowLoop(Families.create(name, d, hidden)), d, rows);
    }

    @ParameterizedTest(name = "{0} d={1} hidden={2} rows={3}")
    @MethodSource("cases")
    void batchedMethodsEqualThePerSampleOnesRowByRow(String name, int d, int hidden, int rows) {
        check(Families.create(name, d, hidden), d, rows);
    }

    private static void check(ResidualFunction f, int d, int rows) {
        SplittableRandom rng = new SplittableRandom(31L * d + rows);
        int p = f.parameterCount();
        int off = 2;
        double[] theta = new double[off + p];
        f.initialParameters(rng, theta, off);
        double[] x = gaussian(rng, rows * d, 1.0);
        double[] dir = gaussian(rng, rows * d, 1.0);
        double[] prior = gaussian(rng, off + p, 1.0);
        double[] work = new double[Math.max(f.workSize(), f.batchWorkSize(rows))];

        double[] out = new double[rows * d];
        f.valueBatch(theta, off, x, out, rows, work);
        double[] gx = new double[rows * d];
        java.util.Arrays.fill(gx, 1e3);
        double[] gTheta = prior.clone();
        f.vjpBatch(theta, off, x, dir, gx, rows, gTheta, off, work);

        double[] expectedTheta = prior.clone();
        double[] single = new double[d];
        double[] singleGx = new double[d];
        double[] xi = new double[d];
        double[] pi = new double[d];
        double[] rowWork = new double[f.workSize()];
        for (int i = 0; i < rows; i++) {
            System.arraycopy(x, i * d, xi, 0, d);
            System.arraycopy(dir, i * d, pi, 0, d);
            f.value(theta, off, xi, single, rowWork);
            assertThat(rowError(out, i, single)).as("value row %d", i).isLessThanOrEqualTo(1e-13);
            f.vjp(theta, off, xi, pi, singleGx, expectedTheta, off, rowWork);
            assertThat(rowError(gx, i, singleGx)).as("x-VJP row %d", i).isLessThanOrEqualTo(1e-13);
        }
        for (int j = 0; j < off; j++) {
            assertThat(gTheta[j]).as("entries before gOff untouched").isEqualTo(prior[j]);
        }
        double diff = 0;
        double norm = 0;
        for (int j = off; j < off + p; j++) {
            diff += (gTheta[j] - expectedTheta[j]) * (gTheta[j] - expectedTheta[j]);
            norm += expectedTheta[j] * expectedTheta[j];
        }
        assertThat(Math.sqrt(diff / norm)).as("θ-VJP accumulated over rows").isLessThanOrEqualTo(1e-13);
    }
}
