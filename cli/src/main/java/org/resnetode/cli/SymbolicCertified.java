package org.resnetode.cli;

import java.util.Locale;
import java.util.concurrent.Callable;
import org.resnetode.checks.BadInputException;
import org.resnetode.scheme.ButcherTableau;
import org.resnetode.symbolic.CertifiedDistance;
import org.resnetode.symbolic.WeightExpression;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "certified", mixinStandardHelpOptions = true,
        description = {"Issue 19's certified a-posteriori bound on a scalar linear ResNet x_{n+1} = R(h, a_n, a_{n+1}) x_n with "
                + "weights a_n = a(n/N), against the exact distance in closed form: x_N - x(1) = prod_n R - exp(integral of the "
                + "interpolated weights), evaluated to 60 digits; its expansion C_q h^q + C_{q+1} h^{q+1} (Richardson-checked); the "
                + "certified bound (bound.CertifiedBound) with a check line that holds only when distance <= bound and tightness "
                + "distance/bound >= 0.3; the a-priori bound e^(L_x) (1/(2N)) (L_x M + L_theta TV) (Euler) and its tightness.",
                "Exit code 3 when a check line fails (the negative control must)."})
final class SymbolicCertified implements Callable<Integer> {
    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Option(names = "--tableau", defaultValue = "euler", description = "A built-in tableau or a JSON file. Default: ${DEFAULT-VALUE}.")
    String tableau;

    @Option(names = "--weight", defaultValue = "1",
            description = "a(t): numbers, t, pi, + - * /, integer powers ^k, sin(w*t + f), cos(w*t + f), e.g. \"-2\" or \"sin(t)\". "
                    + "Default: ${DEFAULT-VALUE}.")
    String weight;

    @Option(names = "--depth", defaultValue = "64", description = "Depth N, 1.." + CertifiedDistance.MAX_DEPTH + ". Default: ${DEFAULT-VALUE}.")
    int depth;

    @Option(names = "--control", defaultValue = "none",
            description = "none, or no-propagation: the negative control (weights shifted so that the flow expands, the bound "
                    + "replaced by the local errors summed without growth factors), whose check must fail. Default: ${DEFAULT-VALUE}.")
    String control;

    @Mixin
    SymbolicOutput output;

    @Override
    public Integer call() {
        ButcherTableau t = SymbolicInputs.tableau(tableau);
        CertifiedDistance.Control c = switch (control.toLowerCase(Locale.ROOT)) {
            case "none" -> CertifiedDistance.Control.NONE;
            case "no-propagation" -> CertifiedDistance.Control.NO_PROPAGATION;
            default -> throw new BadInputException("unknown --control '" + control + "' (expected none or no-propagation)");
        };
        if (depth < 1 || depth > CertifiedDistance.MAX_DEPTH) {
            throw new BadInputException("--depth must be in 1.." + CertifiedDistance.MAX_DEPTH + ", got " + depth);
        }
        WeightExpression a = WeightExpression.parse(weight);
        return output.emit("certified", () -> CertifiedDistance.derive(t, a, depth, c), spec.commandLine().getOut(),
                spec.commandLine().getErr());
    }
}
