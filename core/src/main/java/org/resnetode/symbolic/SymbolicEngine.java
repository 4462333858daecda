package org.resnetode.symbolic;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

import org.matheclipse.core.eval.ExprEvaluator;
import org.matheclipse.core.form.output.OutputFormFactory;
import org.matheclipse.core.interfaces.IAST;
import org.matheclipse.core.interfaces.IExpr;
import org.matheclipse.core.interfaces.IReal;
import org.matheclipse.parser.client.SyntaxError;

/**
 * The one shared Symja evaluator of the toolkit.
 *
 * <p>Symja's first evaluation costs about two seconds of class loading, so the evaluator is created
 * on first use only. Access is serialised ({@code synchronized}): Symja's engine is stateful and
 * bound to a thread for the duration of an evaluation.
 *
 * <p>Quietness: Symja's loggers are bound to no-op implementations by the build (log4j-to-slf4j and
 * slf4j-nop). Symja also prints evaluation messages (e.g. "Sin called with 3 arguments") to its own
 * print streams; these are captured here, never printed, and turned into an
 * {@link IllegalStateException}: a message means the result cannot be trusted.
 *
 * <p>Time limit: every evaluation runs on one worker thread and is awaited at most {@link #timeLimit()}; past it
 * the engine is asked to stop, the worker is abandoned (a fresh thread and evaluator serve the next call) and
 * the caller gets an exception. {@link #derive} names the derivation in every such failure.
 *
 * <p>Input syntax is Symja's relaxed syntax, e.g. {@code Series(Log(1+a*h)/h,{h,0,3})}. Symbols are
 * case sensitive ({@code n} is not {@code N}), but multi-letter ones print in lower case ({@code Lx} as {@code lx}).
 */
public final class SymbolicEngine {

    /** Created on first use; guarded, like everything here, by the class monitor. */
    private static volatile ExprEvaluator evaluator;

    /**
     * The evaluator of the current worker thread and its captured message stream: thread-bound, so that a worker
     * abandoned after a time-out, still printing while it stops, never writes into its successor's messages.
     */
    private static final ThreadLocal<ExprEvaluator> WORKER_EVALUATOR = new ThreadLocal<>();
    private static final ThreadLocal<ByteArrayOutputStream> WORKER_MESSAGES = ThreadLocal.withInitial(ByteArrayOutputStream::new);


    private SymbolicEngine() {
    }

    /**
     * Evaluates {@code expr} symbolically and returns Symja's relaxed output form on one line (no
     * line wrapping), which Symja parses back to the same expression.
     */
    public static synchronized String eval(String expr) {
        IExpr result = evaluate(expr);
        OutputFormFactory form = OutputFormFactory.get(true);
        form.setIgnoreNewLine(true);
        StringBuilder text = new StringBuilder();
        if (!form.convert(text, result)) {
            throw new IllegalStateException("Symja cannot print the result of: " + expr);
        }
        // Symja breaks an integer of more than 80 digits with a backslash every 80 digits, which its parser then refuses
        return LONG_NUMBER_BREAK.matcher(text).replaceAll("");
    }

    private static final java.util.regex.Pattern LONG_NUMBER_BREAK = java.util.regex.Pattern.compile("(?<=[0-9])\\\\(?=[0-9])");

    /**
     * Evaluates {@code N(expr)} and returns it as a double.
     *
     * @throws IllegalStateException if the result is not a finite real number (e.g. Symja left a
     *     {@code Limit} or {@code Series} unevaluated)
     */
    public static synchronized double evalNumeric(String expr) {
        return toDouble(evaluate("N(" + expr + ")"), expr);
    }

    /**
     * Evaluates {@code N(expr)}, which must be a flat list of real numbers, e.g. a
     * {@code CoefficientList}.
     */
    public static synchronized double[] evalNumericList(String expr) {
        IExpr result = evaluate("N(" + expr + ")");
        if (!result.isList()) {
            throw new IllegalStateException("Symja: N(" + expr + ") is not a list but " + result);
        }
        IAST list = (IAST) result;
        double[] values = new double[list.argSize()];
        for (int i = 0; i < values.length; i++) {
            values[i] = toDouble(list.get(i + 1), expr);
        }
        return values;
    }

    private static double toDouble(IExpr value, String expr) {
        if (value.toString().contains("Overflow")) {
            throw new NumericOverflow(expr);
        }
        if (!(value instanceof IReal real)) {
            throw new IllegalStateException("Symja: N(" + expr + ") is not a real number but " + value);
        }
        double d = real.doubleValue();
        if (Double.isInfinite(d)) {
            throw new NumericOverflow(expr);
        }
        if (!Double.isFinite(d)) {
            throw new IllegalStateException("Symja: N(" + expr + ") is not finite: " + d);
        }
        return d;
    }

    /**
     * Evaluates {@code expr} like {@link #eval} and requires that none of the functions {@code heads} (e.g.
     * {@code Series}, {@code Integrate}, {@code Limit}) remains in the result: Symja returns what it cannot
     * evaluate unchanged, which must never pass for a result.
     */
    public static synchronized String evalEvaluated(String expr, String... heads) {
        String result = eval(expr);
        for (String head : heads) {
            if (result.contains(head + "(")) {
                throw new IllegalStateException("Symja left " + head + " unevaluated: " + abbreviate(result));
            }
        }
        return result;
    }

    /** The LaTeX of an expression, by Symja's {@code TeXForm}. */
    public static synchronized String latex(String expr) {
        return evaluate("TeXForm(" + expr + ")").toString();
    }

    /**
     * Runs one derivation: any failure of Symja inside it (a message, a result left unevaluated, a rejected
     * cross-check, the time limit) becomes a {@link SymbolicFailure} naming the derivation.
     */
    public static <T> T derive(String derivation, java.util.function.Supplier<T> body) {
        try {
            return body.get();
        } catch (SymbolicFailure e) {
            throw e;
        } catch (IllegalStateException | ArithmeticException e) {
            throw new SymbolicFailure(derivation, e.getMessage(), e);
        }
    }

    /** The time limit of one evaluation (default {@link #DEFAULT_TIME_LIMIT}). */
    public static synchronized java.time.Duration timeLimit() {
        return timeLimit;
    }

    /** Sets the time limit of one evaluation; past it the evaluation is stopped and reported as a failure. */
    public static synchronized void setTimeLimit(java.time.Duration limit) {
        if (limit.isNegative() || limit.isZero()) {
            throw new IllegalArgumentException("the time limit must be positive, got " + limit);
        }
        timeLimit = limit;
    }

    /** Default time limit of one evaluation. */
    public static final java.time.Duration DEFAULT_TIME_LIMIT = java.time.Duration.ofSeconds(60);

    private static java.time.Duration timeLimit = DEFAULT_TIME_LIMIT;

    /** The thread every evaluation runs on (Symja's engine is bound to its thread); replaced after a time-out. */
    private static java.util.concurrent.ExecutorService worker;

    /**
     * Parses and evaluates on the worker thread, within the time limit; any message Symja prints while
     * doing so becomes an exception.
     */
    private static IExpr evaluate(String expr) {
        if (worker == null) {
            worker = java.util.concurrent.Executors.newSingleThreadExecutor(r -> {
                Thread t = new Thread(r, "symja");
                t.setDaemon(true);
                return t;
            });
        }
        java.util.concurrent.Future<IExpr> result = worker.submit(() -> evaluateHere(expr));
        try {
            return result.get(timeLimit.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS);
        } catch (java.util.concurrent.TimeoutException e) {
            abandonWorker(result);
            throw new TimeLimitExceeded(timeLimit.toMillis(), expr);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            abandonWorker(result);
            throw new IllegalStateException("interrupted while Symja evaluated: " + abbreviate(expr));
        } catch (java.util.concurrent.ExecutionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            throw new IllegalStateException("Symja failed on: " + abbreviate(expr) + ": " + e.getCause(), e.getCause());
        }
    }

    /** Asks Symja to stop, interrupts the worker and starts afresh (new thread, new evaluator) on the next call. */
    private static void abandonWorker(java.util.concurrent.Future<IExpr> running) {
        if (evaluator != null) {
            evaluator.getEvalEngine().stopRequest();
        }
        running.cancel(true);
        worker.shutdownNow();
        worker = null;
        evaluator = null;
    }

    static String abbreviate(String text) {
        return text.length() <= 200 ? text : text.substring(0, 200) + "...";
    }

    /** Parses and evaluates on the calling (worker) thread. */
    private static IExpr evaluateHere(String expr) {
        ExprEvaluator ev = evaluator();
        ByteArrayOutputStream captured = WORKER_MESSAGES.get();
        captured.reset();
        IExpr result;
        try {
            result = ev.eval(expr);
        } catch (SyntaxError e) {
            throw new IllegalArgumentException("Symja cannot parse: " + abbreviate(expr) + "\n" + e.getMessage(), e);
        } catch (RuntimeException e) {
            throw new IllegalStateException("Symja failed on: " + abbreviate(expr) + ": " + e, e);
        }
        String messages = captured.toString(StandardCharsets.UTF_8).trim();
        if (!messages.isEmpty()) {
            throw new IllegalStateException("Symja reported \"" + messages + "\" while evaluating: " + abbreviate(expr));
        }
        return result;
    }

    /** Creates this worker thread's evaluator on first use, its message streams redirected into the thread's buffer. */
    private static ExprEvaluator evaluator() {
        ExprEvaluator ev = WORKER_EVALUATOR.get();
        if (ev == null) {
            ev = new ExprEvaluator();
            PrintStream capture = new PrintStream(WORKER_MESSAGES.get(), true, StandardCharsets.UTF_8);
            ev.getEvalEngine().setOutPrintStream(capture);
            ev.getEvalEngine().setErrorPrintStream(capture);
            WORKER_EVALUATOR.set(ev);
        }
        evaluator = ev;
        return ev;
    }
}
