package org.resnetode.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.resnetode.scheme.ButcherTableau;
import org.resnetode.symbolic.Derivation;
import org.resnetode.symbolic.StabilityExpansion;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "expansion", mixinStandardHelpOptions = true,
        description = {"For f = a x with a constant weight a: the stability polynomial R(z) of the tableau, its order, and the "
                + "expansion of R(a/N)^N e^(-a) - 1 in h = 1/N (Euler: -a^2 h/2 + (a^4/8 + a^3/3) h^2 + ...), with its leading "
                + "coefficient checked against Richardson extrapolation of the ResNet's error."})
final class SymbolicExpansion implements Callable<Integer> {
    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Option(names = "--tableau", defaultValue = "euler",
            description = "A built-in tableau (euler, heun, midpoint, ralston, rk3, rk4, rk38) or a JSON file (A, b, c as exact "
                    + "rationals, e.g. \"1/6\"). Default: ${DEFAULT-VALUE}.")
    String tableau;

    @Option(names = "--order", defaultValue = "3", description = "Order K of the expansion in h, 1.." + StabilityExpansion.MAX_ORDER
            + ". Default: ${DEFAULT-VALUE}.")
    int order;

    @Mixin
    SymbolicOutput output;

    @Override
    public Integer call() {
        ButcherTableau t = SymbolicInputs.tableau(tableau);
        StabilityExpansion.requireOrder(order);
        return output.emit("expansion", () -> {
            List<Derivation> ds = new ArrayList<>();
            ds.add(StabilityExpansion.stabilityPolynomial(t));
            ds.add(StabilityExpansion.order(t));
            StabilityExpansion.Expansion e = StabilityExpansion.expansion(t, StabilityExpansion.Kind.FORWARD, order);
            ds.add(e.series());
            ds.add(e.leading());
            return ds;
        }, spec.commandLine().getOut(), spec.commandLine().getErr());
    }
}
