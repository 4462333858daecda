package org.resnetode.bench;

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
import org.resnetode.bound.BoundResult;
import org.resnetode.bound.CertifiedBound;
import org.resnetode.claim.DistanceMeasurement;
import org.resnetode.model.DepthProfile;
import org.resnetode.model.DepthProfiles;
import org.resnetode.model.Families;
import org.resnetode.model.ResidualFunction;
import org.resnetode.model.Weights;
import org.resnetode.scheme.ResNet;
import org.resnetode.scheme.Scheme;

/**
 * Cost of the certified bound (issue 19: at most 5× the forward pass it certifies): the forward pass of a depth-1024,
 * d = 8 ResNet on a smooth (fourier) profile, and the certification of its output, per family and scheme. The ratio is
 * {@code certify / forward} of the same parameters. Run: {@code bin/benchmark BoundBenchmark}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class BoundBenchmark {
    static final int DIM = 8;
    static final int DEPTH = 1024;

    @Param({"linear", "tanh", "mlp", "theta2"})
    public String family;

    @Param({"euler", "rk4"})
    public String scheme;

    private ResNet net;
    private double[] x0;
    private double[] xN;

    @Setup
    public void setUp() {
        int d = family.equals("theta2") ? 1 : DIM;
        ResidualFunction f = Families.create(family, d, d);
        DepthProfile profile = DepthProfiles.create("fourier", f, 1, 1.0, false);
        Scheme s = Scheme.byName(scheme);
        net = new ResNet(f, s, Weights.sample(profile, s.weightCount(DEPTH), DEPTH), DEPTH);
        x0 = DistanceMeasurement.unitInput(d, 1);
        xN = new double[d];
        net.forward(x0, xN);
    }

    @Benchmark
    public double[] forward() {
        double[] out = new double[x0.length];
        net.forward(x0, out);
        return out;
    }

    @Benchmark
    public BoundResult certify() {
        return new CertifiedBound(net).certify(x0, xN);
    }
}
