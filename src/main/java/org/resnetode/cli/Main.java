package org.resnetode.cli;

import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The {@code resnet-ode} command. Exit codes: 0 when every checked claim holds (or is a finding), 1 when a claim
 * fails or is inconclusive (stderr says which), 2 on bad input (one line naming the problem on stderr), 3 on an
 * internal error (a bug; the stack trace with {@code RESNET_ODE_DEBUG=1}).
 */
@Command(name = "resnet-ode", mixinStandardHelpOptions = true, versionProvider = Version.class,
        description = "Executable evidence for Sander, Ablin & Peyré (NeurIPS 2022): "
                + "do residual networks discretize neural ODEs?",
        subcommands = {ReportCommand.class, DistanceCommand.class, AdjointCommand.class, MemoryCommand.class, RegularizationCommand.class,
                LinearTrainCommand.class, LinearBenchCommand.class, TrainCommand.class, SweepCommand.class, FinetuneCommand.class, InspectCommand.class, SymbolicCommand.class, RoughnessCommand.class, CommandLine.HelpCommand.class},
        footer = {"", "Exit codes:", "  0 every claim holds (or is a finding)", "  1 a claim fails or is inconclusive (stderr says which)",
                "  2 bad input (one line naming the problem)",
                "  3 internal error (a bug: rerun with RESNET_ODE_DEBUG=1 for the stack trace)"})
public final class Main implements Runnable {
    public static final int EXIT_FAILED_CLAIM = 1;
    public static final int EXIT_BAD_INPUT = 2;
    public static final int EXIT_INTERNAL_ERROR = 3;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "missing command");
    }

    public static void main(String[] args) {
        int code;
        try {
            code = run(args, new PrintWriter(System.out, true), new PrintWriter(System.err, true));
        } catch (OutOfMemoryError e) {
            System.err.println("resnet-ode: out of memory (" + e.getMessage() + "): use a shorter depth ladder or a larger "
                    + "heap, e.g. RESNET_ODE_JAVA_OPTS=-Xmx16g bin/resnet-ode ...");
            code = EXIT_BAD_INPUT;
        }
        System.exit(code);
    }

    /** Runs the command line with the given streams and returns the exit code. */
    public static int run(String[] args, PrintWriter out, PrintWriter err) {
        CommandLine cl = new CommandLine(new Main());
        cl.setOut(out);
        cl.setErr(err);
        cl.setParameterExceptionHandler((ex, a) -> {
            err.println("resnet-ode: " + ex.getMessage() + " (see --help)");
            return EXIT_BAD_INPUT;
        });
        cl.setExecutionExceptionHandler((ex, commandLine, parseResult) -> {
            if (ex instanceof IllegalArgumentException || ex instanceof org.resnetode.checks.BadInputException) {
                err.println("resnet-ode: " + ex.getMessage());
                return EXIT_BAD_INPUT;
            }
            if (ex instanceof java.io.UncheckedIOException) {
                err.println("resnet-ode: " + ex.getMessage());
                return EXIT_BAD_INPUT;
            }
            if (System.getenv("RESNET_ODE_DEBUG") != null) {
                ex.printStackTrace(err);
            } else {
                err.println("resnet-ode: internal error (" + ex + "); rerun with RESNET_ODE_DEBUG=1 for the stack trace");
            }
            return EXIT_INTERNAL_ERROR;
        });
        return cl.execute(args);
    }
}
