package org.resnetode.cli;

import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.resnetode.checks.BadInputException;
import org.resnetode.checks.Numbers;
import org.resnetode.checks.Printable;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The {@code resnet-ode} command. Exit codes: 0 when every checked claim holds (or is a finding), 1 when a claim
 * fails or is inconclusive (stderr says which), 2 on bad input or an output that cannot be written (one line naming the
 * problem on stderr), 3 on an internal error (a bug; the stack trace with {@code RESNET_ODE_DEBUG=1}).
 */
@Command(name = "resnet-ode", mixinStandardHelpOptions = true, versionProvider = Version.class,
        description = "Executable evidence for Sander, Ablin & Peyré (NeurIPS 2022): "
                + "do residual networks discretize neural ODEs?",
        footer = {"", "Exit codes:", "  0 every claim holds (or is a finding)", "  1 a claim fails or is inconclusive (stderr says which)",
                "  2 bad input, or an output that cannot be written (one line naming the problem)",
                "  3 internal error (a bug: rerun with RESNET_ODE_DEBUG=1 for the stack trace)"})
public final class Main implements Runnable {
    /**
     * The subcommands, in the order {@code --help} lists them. They are registered lazily: picocli builds the model of
     * every option of every registered command through reflection before it parses, which was most of the start-up of a
     * short command (issue 20: {@code linear-train} spent more time there than in its first training step), so a command
     * line naming one subcommand first registers only that one; anything else (no argument, {@code --help},
     * {@code help}, a misspelt name, which picocli then refuses as an unmatched argument) registers them all.
     */
    private static final Map<String, Supplier<Object>> SUBCOMMANDS = subcommands();

    private static Map<String, Supplier<Object>> subcommands() {
        Map<String, Supplier<Object>> m = new LinkedHashMap<>();
        m.put("report", ReportCommand::new);
        m.put("distance", DistanceCommand::new);
        m.put("adjoint", AdjointCommand::new);
        m.put("memory", MemoryCommand::new);
        m.put("regularization", RegularizationCommand::new);
        m.put("linear-train", LinearTrainCommand::new);
        m.put("linear-bench", LinearBenchCommand::new);
        m.put("train", TrainCommand::new);
        m.put("sweep", SweepCommand::new);
        m.put("finetune", FinetuneCommand::new);
        m.put("inspect", InspectCommand::new);
        m.put("symbolic", SymbolicCommand::new);
        m.put("roughness", RoughnessCommand::new);
        m.put("help", CommandLine.HelpCommand::new);
        return m;
    }

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
        PrintWriter err = new PrintWriter(System.err, true);
        int code = run(args, new PrintWriter(System.out, true), err);
        // System.out keeps its own error flag (a PrintStream never throws): a closed stdout or a full device shows here
        if (System.out.checkError() && code != EXIT_BAD_INPUT) {
            err.println("resnet-ode: " + OUTPUT_LOST);
            code = EXIT_BAD_INPUT;
        }
        System.exit(code);
    }

    static final String OUTPUT_LOST = "cannot write standard output (closed, a broken pipe or a full device): the result was lost";

    /** Runs the command line with the given streams and returns the exit code. */
    public static int run(String[] args, PrintWriter out, PrintWriter err) {
        int code;
        try {
            CommandLine cl = commandLine(args, out, err);
            code = cl.execute(args);
        } catch (Throwable t) {
            code = report(t, err);
        }
        out.flush();
        if (out.checkError() && code != EXIT_BAD_INPUT) {
            err.println("resnet-ode: " + OUTPUT_LOST);
            code = EXIT_BAD_INPUT;
        }
        return code;
    }

    /** The whole command tree, every subcommand registered (what {@code --help} shows). */
    static CommandLine tree() {
        return tree(SUBCOMMANDS.keySet());
    }

    private static CommandLine tree(Iterable<String> names) {
        CommandLine cl = new CommandLine(new Main());
        for (String name : names) {
            cl.addSubcommand(name, SUBCOMMANDS.get(name).get());
        }
        return cl;
    }

    /** The subcommands {@code args} needs: the one it names first, or all of them (see {@link #SUBCOMMANDS}). */
    static Iterable<String> needed(String[] args) {
        boolean one = args.length > 0 && SUBCOMMANDS.containsKey(args[0]) && !args[0].equals("help");
        return one ? List.of(args[0]) : SUBCOMMANDS.keySet();
    }

    private static CommandLine commandLine(String[] args, PrintWriter out, PrintWriter err) {
        CommandLine cl = tree(needed(args));
        cl.setOut(out);
        cl.setErr(err);
        registerNumbers(cl);
        everyCommandHasTheVersion(cl);
        cl.setParameterExceptionHandler((ex, a) -> {
            err.println("resnet-ode: " + Printable.line(ex.getMessage()) + " (see --help)");
            return EXIT_BAD_INPUT;
        });
        cl.setExecutionExceptionHandler((ex, commandLine, parseResult) -> report(ex, err));
        return cl;
    }

    /** Every number on the command line goes through the one strict reader ({@link Numbers}). */
    private static void registerNumbers(CommandLine cl) {
        CommandLine.ITypeConverter<Integer> ints = s -> strict(() -> Numbers.parseInt("", s));
        CommandLine.ITypeConverter<Long> longs = s -> strict(() -> Numbers.parseLong("", s));
        CommandLine.ITypeConverter<Double> doubles = s -> strict(() -> Numbers.parseDouble("", s));
        cl.registerConverter(Integer.class, ints).registerConverter(int.class, ints);
        cl.registerConverter(Long.class, longs).registerConverter(long.class, longs);
        cl.registerConverter(Double.class, doubles).registerConverter(double.class, doubles);
    }

    private static <T> T strict(java.util.function.Supplier<T> parse) {
        try {
            return parse.get();
        } catch (BadInputException e) {
            throw new CommandLine.TypeConversionException(e.getMessage());
        }
    }

    /** The README promises {@code --version} on every command, subcommands of subcommands included. */
    private static void everyCommandHasTheVersion(CommandLine cl) {
        cl.getCommandSpec().versionProvider(new Version());
        for (CommandLine sub : cl.getSubcommands().values()) {
            everyCommandHasTheVersion(sub);
        }
    }

    /**
     * The exit code of a command that threw {@code t}, after one line on {@code err}: bad input (its own exception type)
     * is 2 with its message; running out of heap is 2 naming the heap option; anything else is an internal error, 3.
     */
    static int report(Throwable t, PrintWriter err) {
        if (t instanceof BadInputException) {
            err.println("resnet-ode: " + Printable.line(String.valueOf(t.getMessage())));
            return EXIT_BAD_INPUT;
        }
        if (t instanceof OutOfMemoryError) {
            long heap = Runtime.getRuntime().maxMemory() >> 20;
            err.println("resnet-ode: out of memory: the computation asked for more than the Java heap's maximum of " + heap
                    + " MB; give it a larger heap (RESNET_ODE_JAVA_OPTS=-Xmx16g bin/resnet-ode ...) or smaller sizes");
            return EXIT_BAD_INPUT;
        }
        if (System.getenv("RESNET_ODE_DEBUG") != null) {
            t.printStackTrace(err);
        } else {
            err.println("resnet-ode: internal error (a bug, not your input): " + describe(t)
                    + "; rerun with RESNET_ODE_DEBUG=1 for the stack trace");
        }
        return EXIT_INTERNAL_ERROR;
    }

    /** What went wrong in words: the message, else the kind of failure ("stack overflow", "negative array size"). */
    private static String describe(Throwable t) {
        String kind = t.getClass().getSimpleName().replaceAll("(Exception|Error)$", "")
                .replaceAll("([a-z])([A-Z])", "$1 $2").toLowerCase(java.util.Locale.ROOT);
        String where = t.getStackTrace().length == 0 ? "" : " in " + t.getStackTrace()[0].getMethodName();
        return t.getMessage() == null ? kind + where : kind + where + ": " + Printable.line(t.getMessage());
    }
}
