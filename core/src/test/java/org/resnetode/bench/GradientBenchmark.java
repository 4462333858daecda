package org.resnetode.bench;

import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.resnetode.gradient.Adjoint;
import org.resnetode.gradient.Backprop;
import org.resnetode.gradient.TerminalLoss;
import org.resnetode.linalg.Parallelism;
import org.resnetode.model.Families;
import org.resnetode.model.ResidualFunction;
import org.resnetode.model.Weights;
import org.resnetode.scheme.ResNet;
import org.resnetode.scheme.Scheme;

/**
 * One gradient of {@code ½ mean ||x_N - y||²} for Euler ResNets {@code f = W2 tanh(W1 x)} on the workloads of
 * {@code ../shared/anchors/numpy_mlp_gradient.py} (d = hidden, batch, N), drawn like the anchor draws them
 * (W1 entries N(0, 1/d), W2 entries N(0, 1/m), inputs and targets N(0, 1)): exact backprop and the adjoint in
 * the same run, so the adjoint reads as a ratio to backprop. {@link NumpyComparison} runs it next to the anchor.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"--add-modules", "jdk.incubator.vector"})
public class GradientBenchmark {
    /** d = hidden, batch, N. */
    @Param({"8,64,4096", "64,64,1024", "128,128,256"})
    public String workload;

    /** Kernel threads; 0 means every core. */
    @Param("0")
    public int threads;

    private ResNet net;
    private double[] inputs;
    private int batch;
    private TerminalLoss loss;
    private double[] gradient;
    private Backprop backprop;
    private Adjoint adjoint;

    @Setup
    public void setUp() {
        String[] parts = workload.split(",");
        int d = Integer.parseInt(parts[0]);
        batch = Integer.parseInt(parts[1]);
        int depth = Integer.parseInt(parts[2]);
        Parallelism parallelism = threads == 0 ? Parallelism.allCores() : Parallelism.of(threads);
        backprop = new Backprop(parallelism);
        adjoint = new Adjoint(parallelism);
        ResidualFunction f = Families.create("mlp", d, d);
        SplittableRandom rng = new SplittableRandom(0);
        int count = Scheme.EULER.weightCount(depth);
        double[] theta = new double[count * f.parameterCount()];
        for (int n = 0; n < count; n++) {
            f.initialParameters(rng, theta, n * f.parameterCount());
        }
        net = new ResNet(f, Scheme.EULER, new Weights(count, f.parameterCount(), theta), depth);
        inputs = new double[batch * d];
        double[] targets = new double[batch * d];
        for (int i = 0; i < inputs.length; i++) {
            inputs[i] = rng.nextGaussian();
            targets[i] = rng.nextGaussian();
        }
        loss = TerminalLoss.squaredError(targets);
        gradient = new double[theta.length];
    }

    @Benchmark
    public double backprop() {
        return backprop.compute(net, inputs, batch, loss, gradient).loss();
    }

    @Benchmark
    public double adjoint() {
        return adjoint.compute(net, inputs, batch, loss, gradient).loss();
    }
}
