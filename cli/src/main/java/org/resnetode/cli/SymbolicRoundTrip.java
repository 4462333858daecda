package org.resnetode.cli;

import java.util.List;
import java.util.concurrent.Callable;
import org.resnetode.scheme.ButcherTableau;
import org.resnetode.symbolic.RoundTrip;
import org.resnetode.symbolic.StabilityExpansion;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "roundtrip", mixinStandardHelpOptions = true,
        description = {"Adjoint round trips for any tableau on f = a x: one forward step then its reverse. Constant weight: "
                + "R(z) R(-z) and the expansion of the recovered input (R(a h) R(-a h))^(1/h) - 1; time-varying weights "
                + "a_n, a_(n+1): the factor, and the predicted recovery (and gradient-error) order on smooth and rough weights, "
                + "each checked against the adjoint's measured recovery error."})
final class SymbolicRoundTrip implements Callable<Integer> {
    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Option(names = "--tableau", defaultValue = "heun", description = "A built-in tableau or a JSON file. Default: ${DEFAULT-VALUE}.")
    String tableau;

    @Option(names = "--order", defaultValue = "6", description = "Order K of the recovery expansion in h. Default: ${DEFAULT-VALUE}.")
    int order;

    @Mixin
    SymbolicOutput output;

    @Override
    public Integer call() {
        ButcherTableau t = SymbolicInputs.tableau(tableau);
        StabilityExpansion.requireOrder(order);
        return output.emit("roundtrip", () -> {
            StabilityExpansion.Expansion e = StabilityExpansion.expansion(t, StabilityExpansion.Kind.RECOVERY, order);
            java.util.ArrayList<org.resnetode.symbolic.Derivation> ds = new java.util.ArrayList<>(List.of(
                    RoundTrip.constantFactor(t), e.series()));
            ds.add(e.leading());
            ds.add(RoundTrip.timeVaryingFactor(t));
            ds.add(RoundTrip.recoveryOrder(t, true));
            ds.add(RoundTrip.recoveryOrder(t, false));
            return ds;
        }, spec.commandLine().getOut(), spec.commandLine().getErr());
    }
}
