package org.resnetode.cli;

import org.resnetode.checks.BadInputException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.resnetode.symbolic.Derivation;
import org.resnetode.symbolic.DistanceBound;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "bound", mixinStandardHelpOptions = true,
        description = {"The Claim D bound e^(L_x) (1/(2N)) (L_x M + L_theta TV) as an expression, its value at a depth and its "
                + "limit as N grows: bounded TV (smooth weights: the bound goes to 0 like 1/N) or TV = s N (iid-like weights: "
                + "the bound tends to e^(L_x) L_theta s / 2)."})
final class SymbolicBound implements Callable<Integer> {
    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Option(names = "--lx", defaultValue = "1", description = "L_x, Lipschitz constant in x. Default: ${DEFAULT-VALUE}.")
    double lx;

    @Option(names = "--ltheta", defaultValue = "1", description = "L_theta, Lipschitz constant in theta. Default: ${DEFAULT-VALUE}.")
    double lTheta;

    @Option(names = "--m", defaultValue = "1", description = "M, bound on ||f||. Default: ${DEFAULT-VALUE}.")
    double m;

    @Option(names = "--tv", defaultValue = "1", description = "V (bounded growth) or s (TV = s N). Default: ${DEFAULT-VALUE}.")
    double tv;

    @Option(names = "--growth", defaultValue = "bounded", description = "How TV grows with N: bounded or linear. Default: ${DEFAULT-VALUE}.")
    String growth;

    @Option(names = "--depth", defaultValue = "64", description = "Depth N at which the bound is evaluated. Default: ${DEFAULT-VALUE}.")
    int depth;

    @Mixin
    SymbolicOutput output;

    @Override
    public Integer call() {
        DistanceBound.Growth g = switch (growth) {
            case "bounded" -> DistanceBound.Growth.BOUNDED;
            case "linear" -> DistanceBound.Growth.LINEAR;
            default -> throw new BadInputException("unknown growth '" + growth + "' (expected bounded or linear)");
        };
        if (depth < 1) {
            throw new BadInputException("depth must be at least 1, got " + depth);
        }
        return output.emit("bound", () -> {
            List<Derivation> ds = new ArrayList<>();
            ds.add(DistanceBound.bound());
            ds.addAll(List.of(DistanceBound.atDepthAndLimit(lx, lTheta, m, tv, g, depth)));
            return ds;
        }, spec.commandLine().getOut(), spec.commandLine().getErr());
    }
}
