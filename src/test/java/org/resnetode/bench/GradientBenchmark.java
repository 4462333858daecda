package org.resnetode.bench;

import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.resnetode.claim.AdjointMeasurement;
import org.resnetode.gradient.Adjoint;
import org.resnetode.gradient.Backprop;
import org.resnetode.model.DepthProfiles;
import org.resnetode.model.Families;
import org.resnetode.model.ResidualFunction;
import org.resnetode.model.Weights;
import org.resnetode.scheme.ResNet;
import org.resnetode.scheme.Scheme;

/**
 * One gradient of ½ mean ||x_N - y||² at d = 64, MLP hidden width 64, batch 64, depth 1024 (Euler):
 * exact backprop, the adjoint, and a plain forward pass of the batch, all in the same run, so the
 * adjoint's cost can be read as a ratio to backprop and as a number of extra forward passes.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class GradientBenchmark {
    static final int DIM = 64;
    static final int HIDDEN = 64;
    static final int BATCH = 64;
    static final int DEPTH = 1024;

    private ResNet net;
    private double[][] inputs;
    private double[][] targets;
    private double[] gradient;
    private double[] out;
    private final Backprop backprop = new Backprop();
    private final Adjoint adjoint = new Adjoint();

    @Setup
    public void setUp() {
        ResidualFunction f = Families.create("mlp", DIM, HIDDEN);
        Weights w = Weights.sample(DepthProfiles.create("fourier", f, 1, 1.0, false), DEPTH, DEPTH);
        net = new ResNet(f, Scheme.EULER, w, DEPTH);
        double[][][] batch = AdjointMeasurement.batch(BATCH, DIM, 1);
        inputs = batch[0];
        targets = batch[1];
        gradient = new double[w.data().length];
        out = new double[DIM];
    }

    @Benchmark
    public double backprop() {
        return backprop.compute(net, inputs, targets, gradient).loss();
    }

    @Benchmark
    public double adjoint() {
        return adjoint.compute(net, inputs, targets, gradient).loss();
    }

    @Benchmark
    public double forwardBatch() {
        double s = 0;
        for (double[] x : inputs) {
            net.forward(x, out);
            s += out[0];
        }
        return s;
    }
}
