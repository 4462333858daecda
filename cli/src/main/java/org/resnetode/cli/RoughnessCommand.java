package org.resnetode.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.resnetode.claim.RoughnessAdjointConfig;
import org.resnetode.claim.RoughnessClaim;
import org.resnetode.claim.RoughnessConfig;
import org.resnetode.claim.RoughnessSweep;
import org.resnetode.report.ClaimRun;
import org.resnetode.report.RoughnessSpec;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "roughness", mixinStandardHelpOptions = true, versionProvider = Version.class,
        description = {"Rough weights: the strong-error rate of a ResNet whose weights are a fractional Brownian motion path "
                + "of Hurst index H (sampled exactly, every depth reading the same path), against the prediction "
                + "min(1, H + 1/2) for Euler and H + 1/2 for Heun (MATH.md section 7).",
                "Rates of the mean strong error over M independent paths, with 95%% intervals (bootstrap over paths, and "
                        + "Kloeden and Rosa's construction). Families: linear (θ x, exact reference), theta2 (θ² x) and "
                        + "affine (-x + θ, Kloeden and Rosa's equation), tanh (tanh(θ x)) and mlp (W2 tanh(W1 x), 4 hidden units), the last four "
                        + "against a fine grid of the same path "
                        + "whose own error is estimated and must be 10x below the measured one.",
                "Also prints the exact closed-form prediction of the leading term against 10^4 sampled paths.",
                "Exit 0 when every row holds (or is a finding), 1 when one fails or is inconclusive."})
public final class RoughnessCommand implements Callable<Integer> {
    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Option(names = "--family", split = ",", defaultValue = "linear,theta2",
            description = "Families: linear, theta2, affine, tanh, mlp (with --adjoint: linear, tanh, mlp, all by default). "
                    + "Default: ${DEFAULT-VALUE}.")
    List<String> families;

    @Option(names = "--scheme", split = ",", defaultValue = "euler,heun",
            description = "Schemes (standard convention). Default: ${DEFAULT-VALUE}.")
    List<String> schemes;

    @Option(names = "--hurst", split = ",", defaultValue = "0.1,0.25,0.5,0.75,0.9",
            description = "Hurst indices H in (0, 1). Default: ${DEFAULT-VALUE}.")
    List<Double> hursts;

    @Option(names = "--paths", defaultValue = "400", description = "Independent paths M >= 2. Default: ${DEFAULT-VALUE}.")
    int paths;

    @Option(names = "--depths", paramLabel = "LADDER", converter = DepthLadder.Converter.class, defaultValue = "64:512",
            description = "Depth ladder, powers of two (LOW:HIGH doubles). Default: ${DEFAULT-VALUE}.")
    DepthLadder depths;

    @Option(names = "--reference-grid", defaultValue = "65536",
            description = "Steps of the fine reference grid (theta2, affine), a power of two. Default: ${DEFAULT-VALUE}.")
    int referenceGrid;

    @Option(names = "--mean", defaultValue = "0", description = "θ̄ of θ = θ̄ + σ B^H. Default: ${DEFAULT-VALUE}.")
    double mean;

    @Option(names = "--amplitude", description = "σ of θ = θ̄ + σ B^H. Default: 0.5 for theta2 (with σ = 1, E exp(2∫θ²) "
            + "is infinite at H = 1/2 and the mean error has no variance), 1 otherwise.")
    Double amplitude;

    @Option(names = "--seed", defaultValue = "1", description = "Seed of the paths. Default: ${DEFAULT-VALUE}.")
    long seed;

    @Option(names = "--kloeden-rosa", description = "Kloeden and Rosa's table: family affine, Euler, H = 0.1..0.5, 0.7, 0.9, "
            + "depths 64:512 (--family, --scheme, --hurst and --depths are refused with it; the others keep their values), side by "
            + "side with their published orders.")
    boolean kloedenRosa;

    @Option(names = "--control", paramLabel = "CONTROL",
            description = "Negative control, must fail (exit 1): decoupled (each depth reads its own independent path), "
                    + "wrong-reverse (with --adjoint: the reverse step with +h instead of -h).")
    String control;

    @Option(names = "--adjoint", description = "Measure the memory-free adjoint instead of the forward error: recovery and "
            + "gradient error rates against H for the families linear, tanh, mlp (scalar state), predicted 1 (Euler) and "
            + "min(3, 1 + 2H) (Heun).")
    boolean adjoint;

    @Option(names = "--limits", description = "Also measure the paper's two ends as limit rows (linear, exact reference): "
            + "H = 1 (B = t Z, smooth: Euler 1, Heun 2) and H = 0 (i.i.d.: both 1/2), and the adjoint at both ends with --adjoint.")
    boolean limits;

    @Option(names = "--full", description = "The full map: every family (forward: linear, theta2, tanh, mlp; adjoint: linear, tanh, "
            + "mlp), the five H, both ends, Euler and Heun, depths 64:512 (adjoint 16:128); prints its time. Only --seed may be given with it.")
    boolean full;

    @Option(names = "--quick", description = "The report's quick map ("
            + "linear and theta2 at 5 values of H, tanh and mlp at fewer, the adjoint for linear and mlp, the ends); "
            + "only --seed may be given with it.")
    boolean quick;

    @Mixin
    OutputOptions output;

    @Override
    public Integer call() {
        output.prepare();
        long start = System.nanoTime();
        int code = ClaimOutput.emit(new ClaimRun<>(RoughnessSpec.CLAIM, sweep()), output, spec.commandLine().getOut(),
                spec.commandLine().getErr());
        if (full) {
            spec.commandLine().getErr().printf(java.util.Locale.ROOT, "roughness --full: the full map took %.1f s%n",
                    (System.nanoTime() - start) / 1e9);
        }
        return code;
    }

    /** The full map: every family at the five H and both ends, Euler and Heun, forward on 64:512 and the adjoint on 16:128. */
    static RoughnessSweep fullMap(long seed) {
        List<String> both = List.of("euler", "heun");
        int[] forward = {64, 128, 256, 512};
        int[] backward = {16, 32, 64, 128};
        List<RoughnessConfig> configs = new ArrayList<>();
        List<RoughnessAdjointConfig> adjoints = new ArrayList<>();
        for (double h : RoughnessClaim.HURSTS) {
            for (String f : List.of("linear", "theta2", "tanh", "mlp")) {
                configs.add(new RoughnessConfig(f, both, h, forward, RoughnessClaim.QUICK_PATHS, 1 << 16, 0,
                        RoughnessConfig.defaultAmplitude(f), seed, false));
            }
            for (String f : RoughnessAdjointConfig.FAMILIES) {
                adjoints.add(new RoughnessAdjointConfig(f, both, h, false, backward, RoughnessClaim.QUICK_PATHS, 1, seed, false));
            }
        }
        for (double h : List.of(0.0, 1.0)) {
            for (String f : RoughnessAdjointConfig.FAMILIES) {
                adjoints.add(new RoughnessAdjointConfig(f, both, h, true, backward, RoughnessClaim.QUICK_PATHS, 1, seed, false));
            }
        }
        return new RoughnessSweep(configs, adjoints, true, true, seed);
    }

    /** The options of the measurement that --quick and --full fix. */
    private static final String[] MAP_OPTIONS = {"--family", "--scheme", "--hurst", "--paths", "--depths", "--reference-grid",
        "--mean", "--amplitude", "--control", "--kloeden-rosa", "--adjoint", "--limits"};

    /** The claim's configuration from the options. */
    RoughnessSweep sweep() {
        // --quick and --full fix every option of the measurement (only --seed is kept); --kloeden-rosa fixes the family, the
        // schemes, H and the depths: an option they override would be silently ignored
        for (String option : MAP_OPTIONS) {
            Applies.require(spec, option, !quick, "does not apply with --quick (the report's fixed quick map; only --seed is kept)");
            Applies.require(spec, option, !full, "does not apply with --full (the fixed full map; only --seed is kept)");
        }
        Applies.require(spec, "--full", !quick, "does not apply with --quick (the report's fixed quick map; only --seed is kept)");
        for (String option : new String[] {"--family", "--scheme", "--hurst", "--depths"}) {
            Applies.require(spec, option, !kloedenRosa, "does not apply with --kloeden-rosa (family affine, Euler, H = 0.1..0.5, 0.7, "
                    + "0.9, depths 64:512: their table's settings)");
        }
        if (quick) {
            return RoughnessSweep.quick(seed);
        }
        if (full) {
            return fullMap(seed);
        }
        boolean decoupled = false;
        boolean wrongReverse = false;
        if (control != null) {
            if (!control.equals(adjoint ? "wrong-reverse" : "decoupled")) {
                throw new org.resnetode.checks.BadInputException("--control: unknown control '"
                        + org.resnetode.checks.Printable.of(control, 30) + "' for roughness" + (adjoint ? " --adjoint" : "")
                        + " (expected " + (adjoint ? "wrong-reverse" : "decoupled") + ")");
            }
            decoupled = !adjoint;
            wrongReverse = adjoint;
        }
        if (adjoint) {
            List<RoughnessAdjointConfig> adjoints = new ArrayList<>();
            boolean given = spec.commandLine().getParseResult().hasMatchedOption("--family");
            for (String f : given ? families : RoughnessAdjointConfig.FAMILIES) {
                for (double h : hursts) {
                    adjoints.add(new RoughnessAdjointConfig(f, schemes, h, false, depths.depths(), paths,
                            amplitude != null ? amplitude : 1, seed, wrongReverse));
                }
                for (double h : limits ? List.of(0.0, 1.0) : List.<Double>of()) {
                    adjoints.add(new RoughnessAdjointConfig(f, schemes, h, true, depths.depths(), paths,
                            amplitude != null ? amplitude : 1, seed, wrongReverse));
                }
            }
            return new RoughnessSweep(List.of(), adjoints, false, false, seed);
        }
        List<String> fams = kloedenRosa ? List.of("affine") : families;
        List<String> sch = kloedenRosa ? List.of("euler") : schemes;
        List<Double> hs = kloedenRosa ? List.of(0.1, 0.2, 0.3, 0.4, 0.5, 0.7, 0.9) : hursts;
        int[] ladder = kloedenRosa ? new int[] {64, 128, 256, 512} : depths.depths();
        List<RoughnessConfig> configs = new ArrayList<>();
        for (String f : fams) {
            for (double h : hs) {
                configs.add(new RoughnessConfig(f, sch, h, ladder, paths, referenceGrid, mean,
                        amplitude != null ? amplitude : RoughnessConfig.defaultAmplitude(f), seed, decoupled));
            }
        }
        boolean prediction = !kloedenRosa && control == null && fams.contains("linear");
        return new RoughnessSweep(configs, List.of(), prediction, limits && !kloedenRosa, seed);
    }
}
