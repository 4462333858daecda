package org.resnetode.cli;

import org.resnetode.checks.BadInputException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.apache.commons.math3.fraction.BigFraction;
import org.resnetode.scheme.ButcherTableau;
import org.resnetode.symbolic.Derivation;
import org.resnetode.symbolic.LinearTrajectory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "linear", mixinStandardHelpOptions = true,
        description = {"Closed-form linear trajectories for a constant rational matrix A: the eigenvalues, x(t) = e^(tA) x_0 (via "
                + "the eigenvalues: Sylvester's formula, the Jordan series for a single eigenvalue, Putzer's formula otherwise; "
                + "eigenvalues from the exact characteristic polynomial's factors of degree <= 2, d <= 6), the leading term of x_(tN) - x(t) in h = 1/N "
                + "for the tableau's ResNet x_n = R(A/N)^n x_0 and the distance's leading constant, checked against Richardson "
                + "on the ResNet; with --commuting, the commuting training limit N (B^(1/N) - I) of MATH.md 3b."})
final class SymbolicLinear implements Callable<Integer> {
    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Option(names = "--matrix", description = "The matrix A, e.g. \"[[0,1],[-1,0]]\" (d <= 6).")
    String matrix;

    @Option(names = "--input", description = "x_0 (default: all ones), e.g. \"[1,0]\".")
    String input;

    @Option(names = "--tableau", defaultValue = "euler", description = "A built-in tableau or a JSON file. Default: ${DEFAULT-VALUE}.")
    String tableau;

    @Option(names = "--commuting", paramLabel = "DIAGONAL",
            description = "Positive diagonal entries of a commuting target B, e.g. \"[2, 1/2]\": expand N (B^(1/N) - I).")
    String commuting;

    @Option(names = "--order", defaultValue = "3", description = "Order in h of the commuting expansion. Default: ${DEFAULT-VALUE}.")
    int order;

    @Mixin
    SymbolicOutput output;

    @Override
    public Integer call() {
        if (matrix == null && commuting == null) {
            throw new BadInputException("give --matrix, --commuting or both");
        }
        Applies.require(spec, "--order", commuting != null, "applies to --commuting only (the --matrix trajectory has no order)");
        Applies.require(spec, "--input", matrix != null, "applies to --matrix only");
        Applies.require(spec, "--tableau", matrix != null, "applies to --matrix only (the commuting limit N (B^(1/N) - I) has no "
                + "tableau)");
        ButcherTableau t = SymbolicInputs.tableau(tableau);
        BigFraction[][] a = matrix == null ? null : SymbolicInputs.matrix("--matrix", matrix);
        BigFraction[] x0 = null;
        if (a != null) {
            if (a.length > LinearTrajectory.MAX_DIM) {
                throw new BadInputException("--matrix is " + a.length + "×" + a.length + ", at most " + LinearTrajectory.MAX_DIM
                        + "×" + LinearTrajectory.MAX_DIM + " is handled symbolically");
            }
            requireExponentialInRange(a);
            x0 = input == null ? ones(a.length) : SymbolicInputs.vector("--input", input);
            if (x0.length != a.length) {
                throw new BadInputException("--input has " + x0.length + " entries, --matrix is " + a.length + "×" + a.length);
            }
        }
        BigFraction[] b = commuting == null ? null : SymbolicInputs.vector("--commuting", commuting);
        BigFraction[][] matrixA = a;
        BigFraction[] input0 = x0;
        if (b != null) {
            LinearTrajectory.requireCommutingTarget(b, order);
        }
        return output.emit("linear", () -> {
            List<Derivation> ds = new ArrayList<>();
            if (matrixA != null) {
                ds.addAll(LinearTrajectory.derive(t, matrixA, input0));
            }
            if (b != null) {
                ds.add(LinearTrajectory.commutingLimit(b, order));
            }
            return ds;
        }, spec.commandLine().getOut(), spec.commandLine().getErr());
    }

    /** The largest ||A||_∞ whose e^{tA}, t in [0, 1], stays inside a double's range (e^709 is about 1.8e308). */
    static final double MAX_NORM = 700;

    /**
     * Refuses an A whose e^{tA} leaves the range of a double, where the numeric cross-checks cannot follow: ||e^{tA}|| is at
     * most e^{||A||_∞}, and every eigenvalue lies within ||A||_∞ of 0, so ||A||_∞ <= 700 keeps e^{±tλ} in range.
     */
    private static void requireExponentialInRange(BigFraction[][] a) {
        double norm = 0;
        for (BigFraction[] row : a) {
            double sum = 0;
            for (BigFraction v : row) {
                sum += Math.abs(v.doubleValue());
            }
            norm = Math.max(norm, sum);
        }
        if (norm > MAX_NORM) {
            throw new BadInputException("--matrix: ||A||_inf = " + norm + " is above " + (int) MAX_NORM + ", where e^(tA) overflows "
                    + "the range of a double (about 1.8e308), or underflows it for negative eigenvalues, which the numeric "
                    + "cross-checks use");
        }
    }

    private static BigFraction[] ones(int d) {
        BigFraction[] x = new BigFraction[d];
        java.util.Arrays.fill(x, BigFraction.ONE);
        return x;
    }
}
