package org.resnetode.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * {@code resnet-ode symbolic}: the symbolic layer as a tool. Each subcommand prints derivations (exact
 * expression, LaTeX, double value where there is one, and the numeric cross-check that was run on it).
 * Exit codes: 0 every derivation passed its cross-check, 2 bad input, 3 a derivation failed (Symja left a
 * result unevaluated, a cross-check rejected it, or it ran past the time limit).
 */
@Command(name = "symbolic", mixinStandardHelpOptions = true,
        description = {"The symbolic layer (Symja, exact rationals), every result cross-checked numerically: expansions in "
                + "h = 1/N for any explicit Runge-Kutta tableau, time-varying weights, adjoint round trips, closed-form linear "
                + "trajectories, exact rational ResNets, the Claim D bound, and issue 19's certified bound against the exact distance (scalar linear)."},
        subcommands = {SymbolicExpansion.class, SymbolicTimeVarying.class, SymbolicRoundTrip.class, SymbolicLinear.class,
                SymbolicExact.class, SymbolicBound.class, SymbolicCertified.class},
        footer = {"", "Exit codes: 0 derived and cross-checked, 2 bad input, 3 a derivation failed (named on stderr) or a check line fails."})
public final class SymbolicCommand implements Runnable {
    /** Exit code of a derivation that failed (unevaluated, rejected by its cross-check, or timed out). */
    public static final int EXIT_DERIVATION_FAILED = 3;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(),
                "missing subcommand (expansion, time-varying, roundtrip, linear, exact, bound, certified)");
    }
}
