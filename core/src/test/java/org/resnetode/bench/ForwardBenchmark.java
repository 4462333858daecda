package org.resnetode.bench;

import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.RealMatrix;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.resnetode.model.DepthProfile;
import org.resnetode.model.DepthProfiles;
import org.resnetode.model.Families;
import org.resnetode.model.ResidualFunction;
import org.resnetode.model.Weights;
import org.resnetode.scheme.ResNet;
import org.resnetode.scheme.Scheme;

/**
 * Forward pass of a depth-4096, d = 64 Euler ResNet ({@code x_{n+1} = x_n + h f(x_n, θ_n)}), against a
 * baseline measured in the same run: the same recursion written with Commons Math's
 * {@code RealMatrix.operate} per layer. Scores are nanoseconds per layer (one invocation runs 4096 layers).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@OperationsPerInvocation(ForwardBenchmark.DEPTH)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class ForwardBenchmark {
    static final int DIM = 64;
    static final int DEPTH = 4096;

    @Param({"linear", "tanh"})
    public String family;

    private ResNet net;
    private RealMatrix[] matrices;
    private double[] x0;
    private double[] out;

    @Setup
    public void setUp() {
        ResidualFunction f = Families.create(family, DIM, DIM);
        DepthProfile profile = DepthProfiles.create("fourier", f, 1, 1.0, false);
        Weights weights = Weights.sample(profile, DEPTH, DEPTH);
        net = new ResNet(f, Scheme.EULER, weights, DEPTH);
        matrices = new RealMatrix[DEPTH];
        for (int n = 0; n < DEPTH; n++) {
            double[][] a = new double[DIM][DIM];
            for (int i = 0; i < DIM; i++) {
                System.arraycopy(weights.data(), weights.offset(n) + i * DIM, a[i], 0, DIM);
            }
            matrices[n] = new Array2DRowRealMatrix(a, false);
        }
        SplittableRandom rng = new SplittableRandom(2);
        x0 = new double[DIM];
        for (int i = 0; i < DIM; i++) {
            x0[i] = rng.nextDouble() - 0.5;
        }
        out = new double[DIM];
    }

    @Benchmark
    public double[] resnetForward() {
        net.forward(x0, out);
        return out;
    }

    /** Baseline: {@code x += h σ(A_n x)} with {@code RealMatrix.operate}, σ = identity or tanh. */
    @Benchmark
    public double[] commonsMathForward() {
        double h = 1.0 / DEPTH;
        boolean tanh = family.equals("tanh");
        double[] x = x0.clone();
        for (int n = 0; n < DEPTH; n++) {
            double[] y = matrices[n].operate(x);
            for (int i = 0; i < DIM; i++) {
                x[i] += h * (tanh ? Math.tanh(y[i]) : y[i]);
            }
        }
        return x;
    }
}
