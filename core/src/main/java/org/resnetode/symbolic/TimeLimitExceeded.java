package org.resnetode.symbolic;

/**
 * A Symja evaluation stopped at the engine's time limit ({@link SymbolicEngine#timeLimit()}): the work asked for (an
 * order, a tableau's stage count, a weight) needs more time than the user allowed, not a failed derivation; the command
 * line says so as bad input naming {@code --time-limit}.
 */
public final class TimeLimitExceeded extends IllegalStateException {
    private static final long serialVersionUID = 1L;

    TimeLimitExceeded(long millis, String expr) {
        super("Symja ran past the time limit of " + millis + " ms on: " + SymbolicEngine.abbreviate(expr));
    }
}
