package org.resnetode.claim;

import java.util.List;
import java.util.SplittableRandom;
import org.resnetode.model.AffineFamily;
import org.resnetode.model.FbmProfile;
import org.resnetode.model.Gaussian;
import org.resnetode.model.LinearFamily;
import org.resnetode.model.MlpFamily;
import org.resnetode.model.ResidualFunction;
import org.resnetode.model.TanhFamily;
import org.resnetode.model.ThetaSquaredFamily;
import org.resnetode.model.Weights;
import org.resnetode.rough.DaviesHarte;
import org.resnetode.rough.PathIntegral;
import org.resnetode.scheme.ResNet;
import org.resnetode.scheme.Scheme;

/**
 * The strong-error sample of one {@link RoughnessConfig}: for each of M independent fBm paths θ = θ̄ + σ B^H (exact,
 * {@link DaviesHarte}, seeded per path), every depth N of the ladder runs the ResNet reading {@code θ(n/N)} from that
 * path and is compared with the path's own reference:
 * <ul>
 *   <li>{@code linear} ({@code f = θ x}, x_0 = 1): {@code x(1) = exp(∫θ)} with ∫θ sampled exactly with the path
 *       ({@link PathIntegral}); compared at t = 1;</li>
 *   <li>{@code theta2} ({@code f = θ² x}, x_0 = 1): {@code x(1) = exp(∫θ²)}, ∫θ² by the trapezoid rule on the fine
 *       grid; compared at t = 1;</li>
 *   <li>{@code affine} ({@code f = -x + θ}, x_0 ~ N(0, 1), Kloeden and Rosa): the solution on the fine grid with θ
 *       linear between its nodes, integrated exactly: {@code X_{k+1} = e^{-δ} X_k + a θ_k + (δ - a)(θ_{k+1} - θ_k)/δ},
 *       {@code a = 1 - e^{-δ}}; compared at every coarse time j/N;</li>
 *   <li>{@code tanh} ({@code f = tanh(θ x)}, x_0 = 1): no closed form; Heun on the fine grid of the same path
 *       (Kloeden and Rosa's approach, a much finer discretisation), compared at t = 1;</li>
 *   <li>{@code mlp} ({@code f = W_2 tanh(W_1 x)}, scalar state, {@value #MLP_HIDDEN} hidden units, every one of the
 *       2 m weight entries its own independent path, x_0 = 1): as {@code tanh}.</li>
 * </ul>
 * The fine reference's own error is estimated per path and time as its difference from the same reference on half the
 * grid (every other node of the same path).
 *
 * @param errors         {@code [scheme][depth][path][time]}: {@code |x_j^N - x(j/N)|} at the compared times
 * @param referenceError {@code [depth][path][time]}: the reference's estimated error there (0 for the exact one)
 */
public record RoughnessPaths(RoughnessConfig config, double[][][][] errors, double[][][] referenceError) {
    /** Hidden width of the scalar {@code mlp} family {@code f(x) = W_2 tanh(W_1 x)}, W_1 ∈ R^{m×1}, W_2 ∈ R^{1×m}. */
    public static final int MLP_HIDDEN = 4;

    /** Runs the M paths of {@code cfg} in order. */
    public static RoughnessPaths measure(RoughnessConfig cfg) {
        int[] depths = cfg.depths();
        int m = cfg.paths();
        List<Scheme> schemes = cfg.schemes().stream().map(Scheme::byName).toList();
        ResidualFunction f = family(cfg.family());
        DaviesHarte sampler = new DaviesHarte(cfg.hurst(), cfg.grid());
        PathIntegral integral = cfg.exactReference() ? new PathIntegral(cfg.hurst(), cfg.grid()) : null;
        boolean trajectory = cfg.family().equals("affine");
        double[][][][] errors = new double[schemes.size()][depths.length][m][];
        double[][][] referenceError = new double[depths.length][m][];
        double[] mean = new double[f.parameterCount()];
        java.util.Arrays.fill(mean, cfg.mean());
        for (int p = 0; p < m; p++) {
            long pathSeed = pathSeed(cfg.seed(), p);
            SplittableRandom extra = new SplittableRandom(pathSeed ^ 0x5DEECE66DL);
            FbmProfile profile = new FbmProfile(mean, cfg.amplitude(), sampler, pathSeed);
            double x0 = trajectory ? Gaussian.next(extra) : 1.0;
            Reference ref = reference(cfg, profile, integral, extra, x0);
            for (int i = 0; i < depths.length; i++) {
                int n = depths[i];
                int stride = cfg.grid() / n;
                int times = trajectory ? n : 1;
                referenceError[i][p] = new double[times];
                for (int j = 0; j < times; j++) {
                    referenceError[i][p][j] = ref.error(trajectory ? (j + 1) * stride : cfg.grid());
                }
                FbmProfile read = cfg.decoupled()
                        ? new FbmProfile(mean, cfg.amplitude(), sampler, pathSeed(pathSeed, n)) : profile;
                for (int s = 0; s < schemes.size(); s++) {
                    Scheme scheme = schemes.get(s);
                    ResNet net = new ResNet(f, scheme, Weights.sample(read, scheme.weightCount(n), n), n);
                    double[] e = new double[times];
                    if (trajectory) {
                        double[][] xs = net.trajectory(new double[] {x0});
                        for (int j = 0; j < n; j++) {
                            e[j] = Math.abs(xs[j + 1][0] - ref.value((j + 1) * stride));
                        }
                    } else {
                        double[] out = new double[1];
                        net.forward(new double[] {x0}, out);
                        e[0] = Math.abs(out[0] - ref.value(cfg.grid()));
                    }
                    errors[s][i][p] = e;
                }
            }
        }
        return new RoughnessPaths(cfg, errors, referenceError);
    }

    /** The seed of path p: one SplittableRandom step from {@code seed + p γ} (γ the golden-ratio increment). */
    static long pathSeed(long seed, long p) {
        return new SplittableRandom(seed + p * 0x9E3779B97F4A7C15L).nextLong();
    }

    static ResidualFunction family(String name) {
        switch (name) {
            case "linear":
                return new LinearFamily(1);
            case "theta2":
                return new ThetaSquaredFamily();
            case "tanh":
                return new TanhFamily(1);
            case "mlp":
                return new MlpFamily(1, MLP_HIDDEN);
            default:
                return new AffineFamily(1);
        }
    }

    /** The reference solution at grid index k, and its estimated error there. */
    private interface Reference {
        double value(int k);

        double error(int k);
    }

    private static Reference reference(RoughnessConfig cfg, FbmProfile profile, PathIntegral integral,
                                       SplittableRandom extra, double x0) {
        int grid = cfg.grid();
        if (integral != null) {
            // x(1) = x_0 exp(θ̄ + σ I), I = ∫B^H sampled from its conditional law given the path
            double exact = x0 * Math.exp(cfg.mean() + cfg.amplitude() * integral.integral(profile.path(0), Gaussian.next(extra)));
            return new Reference() {
                @Override public double value(int k) { return exact; }
                @Override public double error(int k) { return 0; }
            };
        }
        double[] theta = new double[grid + 1];
        for (int k = 0; k <= grid; k++) {
            theta[k] = profile.value(0, k);
        }
        if (cfg.family().equals("tanh") || cfg.family().equals("mlp")) {
            ResidualFunction f = family(cfg.family());
            double fine = fineHeun(f, profile, 1, x0);
            double half = fineHeun(f, profile, 2, x0);
            return new Reference() {
                @Override public double value(int k) { return fine; }
                @Override public double error(int k) { return Math.abs(fine - half); }
            };
        }
        if (cfg.family().equals("theta2")) {
            double fine = x0 * Math.exp(trapezoidOfSquares(theta, 1));
            double half = x0 * Math.exp(trapezoidOfSquares(theta, 2));
            return new Reference() {
                @Override public double value(int k) { return fine; }
                @Override public double error(int k) { return Math.abs(fine - half); }
            };
        }
        double[] fine = affineSolution(theta, 1, x0);
        double[] half = affineSolution(theta, 2, x0);
        return new Reference() {
            @Override public double value(int k) { return fine[k]; }
            @Override public double error(int k) { return Math.abs(fine[k] - half[k / 2]); }
        };
    }

    /**
     * {@code x(1)} of {@code x' = f(x, θ)} (scalar state) by Heun on the nodes {@code 0, stride, 2 stride, ..} of the
     * profile's grid: {@code k1 = f(x_k, θ_k)}, {@code k2 = f(x_k + δ k1, θ_{k+1})}, {@code x_{k+1} = x_k + (δ/2)(k1 + k2)}.
     */
    static double fineHeun(ResidualFunction f, FbmProfile profile, int stride, double x0) {
        int p = f.parameterCount();
        int steps = profile.grid() / stride;
        double delta = 1.0 / steps;
        double[] left = new double[p];
        double[] right = new double[p];
        double[] work = new double[f.workSize()];
        double[] x = {x0};
        double[] y = new double[1];
        double[] k1 = new double[1];
        double[] k2 = new double[1];
        for (int j = 0; j < p; j++) {
            left[j] = profile.value(j, 0);
        }
        for (int k = 0; k < steps; k++) {
            for (int j = 0; j < p; j++) {
                right[j] = profile.value(j, (k + 1) * stride);
            }
            f.value(left, 0, x, k1, work);
            y[0] = x[0] + delta * k1[0];
            f.value(right, 0, y, k2, work);
            x[0] += 0.5 * delta * (k1[0] + k2[0]);
            double[] t = left;
            left = right;
            right = t;
        }
        return x[0];
    }

    /** {@code ∫_0^1 θ²} by the trapezoid rule on the nodes {@code 0, stride, 2 stride, ..} of the grid. */
    static double trapezoidOfSquares(double[] theta, int stride) {
        int steps = (theta.length - 1) / stride;
        double delta = 1.0 / steps;
        double s = 0;
        for (int k = 0; k < steps; k++) {
            double a = theta[k * stride];
            double b = theta[(k + 1) * stride];
            s += 0.5 * delta * (a * a + b * b);
        }
        return s;
    }

    /**
     * {@code X' = -X + θ} with θ linear between the nodes {@code 0, stride, ..}, solved exactly: over a step δ,
     * {@code X_{k+1} = e^{-δ} X_k + a θ_k + (δ - a)(θ_{k+1} - θ_k)/δ} with {@code a = 1 - e^{-δ}}
     * (from {@code ∫_0^δ e^{-(δ-u)} du = a} and {@code ∫_0^δ e^{-(δ-u)} u du = δ - a}).
     */
    static double[] affineSolution(double[] theta, int stride, double x0) {
        int steps = (theta.length - 1) / stride;
        double delta = 1.0 / steps;
        double decay = Math.exp(-delta);
        double a = -Math.expm1(-delta);
        double slope = (delta - a) / delta;
        double[] x = new double[steps + 1];
        x[0] = x0;
        for (int k = 0; k < steps; k++) {
            double t0 = theta[k * stride];
            double t1 = theta[(k + 1) * stride];
            x[k + 1] = decay * x[k] + a * t0 + slope * (t1 - t0);
        }
        return x;
    }
}
