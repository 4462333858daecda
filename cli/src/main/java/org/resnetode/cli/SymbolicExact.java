package org.resnetode.cli;

import org.resnetode.checks.BadInputException;
import java.util.List;
import java.util.concurrent.Callable;
import org.apache.commons.math3.fraction.BigFraction;
import org.resnetode.scheme.ButcherTableau;
import org.resnetode.scheme.Scheme;
import org.resnetode.symbolic.ExactResNet;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "exact", mixinStandardHelpOptions = true,
        description = {"Exact rational evaluation of a linear ResNet f(x, A) = A x (any tableau): rational weights and input give "
                + "x_N as exact fractions, the round-off-free reference, checked against the double forward pass."})
final class SymbolicExact implements Callable<Integer> {
    /** Largest depth × dimension handled exactly (fractions grow with every step). */
    static final int MAX_WORK = 4096;

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Option(names = "--tableau", defaultValue = "euler", description = "A built-in tableau or a JSON file. Default: ${DEFAULT-VALUE}.")
    String tableau;

    @Option(names = "--matrix", required = true, description = "The weight matrix A (constant in depth), e.g. \"[[0,1],[-1,1/2]]\".")
    String matrix;

    @Option(names = "--next-matrix", description = "A second matrix B: weights interpolated linearly, A_n = A + (n/N)(B - A).")
    String nextMatrix;

    @Option(names = "--input", required = true, description = "The input x_0, e.g. \"[1,-1/3]\".")
    String input;

    @Option(names = "--depth", defaultValue = "4", description = "Depth N >= 1. Default: ${DEFAULT-VALUE}.")
    int depth;

    @Mixin
    SymbolicOutput output;

    @Override
    public Integer call() {
        ButcherTableau t = SymbolicInputs.tableau(tableau);
        BigFraction[][] a = SymbolicInputs.matrix("--matrix", matrix);
        BigFraction[][] b = nextMatrix == null ? a : SymbolicInputs.matrix("--next-matrix", nextMatrix);
        BigFraction[] x0 = SymbolicInputs.vector("--input", input);
        if (b.length != a.length || x0.length != a.length) {
            throw new BadInputException("--matrix is " + a.length + "×" + a.length + ", --next-matrix " + b.length + "×"
                    + b.length + " and --input has " + x0.length + " entries: they must agree");
        }
        if (depth < 1 || (long) depth * a.length > MAX_WORK) {
            throw new BadInputException("depth must be in 1.." + MAX_WORK / a.length + " for dimension " + a.length
                    + " (exact fractions grow with every step), got " + depth);
        }
        int count = Scheme.of(t).weightCount(depth);
        BigFraction[][][] weights = new BigFraction[count][a.length][a.length];
        for (int k = 0; k < count; k++) {
            BigFraction s = new BigFraction(k, depth);
            for (int i = 0; i < a.length; i++) {
                for (int j = 0; j < a.length; j++) {
                    weights[k][i][j] = a[i][j].add(s.multiply(b[i][j].subtract(a[i][j])));
                }
            }
        }
        return output.emit("exact", () -> List.of(ExactResNet.derivation(t, weights, x0, depth)),
                spec.commandLine().getOut(), spec.commandLine().getErr());
    }
}
