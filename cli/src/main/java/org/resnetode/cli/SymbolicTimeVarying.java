package org.resnetode.cli;

import org.resnetode.checks.BadInputException;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.resnetode.scheme.ButcherTableau;
import org.resnetode.symbolic.TimeVaryingExpansion;
import org.resnetode.symbolic.WeightExpression;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "time-varying", mixinStandardHelpOptions = true,
        description = {"For f = a(t) x with a(t) a polynomial or trigonometric polynomial, sampled as the scheme samples it "
                + "(a_n = a(t_n), stages interpolated linearly): the leading error coefficient C and power q of "
                + "x_N - x(1) = C h^q + ..., and of the adjoint's recovery error x~_0 - x_0 (reverse steps from x_N), in closed "
                + "form, each checked against quadrature and against Richardson extrapolation of the ResNet's (the adjoint's) error."})
final class SymbolicTimeVarying implements Callable<Integer> {
    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Option(names = "--tableau", defaultValue = "euler", description = "A built-in tableau or a JSON file. Default: ${DEFAULT-VALUE}.")
    String tableau;

    @Option(names = "--weight", required = true,
            description = "a(t): numbers, t, pi, + - * /, integer powers ^k, sin(w*t + f), cos(w*t + f), e.g. \"1 + t\" or \"1 + sin(2*pi*t)/2\".")
    String weight;

    @Option(names = "--reference", defaultValue = "profile",
            description = "profile: the ODE with a(t) itself; interpolated: with the piecewise-linear interpolation of a(t_n). "
                    + "Default: ${DEFAULT-VALUE}.")
    String reference;

    @Mixin
    SymbolicOutput output;

    @Override
    public Integer call() {
        ButcherTableau t = SymbolicInputs.tableau(tableau);
        WeightExpression a = WeightExpression.parse(weight);
        TimeVaryingExpansion.Reference ref = switch (reference.toLowerCase(Locale.ROOT)) {
            case "profile" -> TimeVaryingExpansion.Reference.PROFILE;
            case "interpolated" -> TimeVaryingExpansion.Reference.INTERPOLATED;
            default -> throw new BadInputException("unknown reference '" + reference + "' (expected profile or interpolated)");
        };
        return output.emit("time-varying", () -> List.of(TimeVaryingExpansion.leadingCoefficient(t, a, ref),
                        TimeVaryingExpansion.recoveryCoefficient(t, a)),
                spec.commandLine().getOut(), spec.commandLine().getErr());
    }
}
