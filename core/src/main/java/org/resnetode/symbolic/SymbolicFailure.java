package org.resnetode.symbolic;

/**
 * A derivation that cannot be trusted: Symja left a result unevaluated, returned a series or value that its
 * numeric cross-check rejects, or ran past the time limit. The message names the derivation.
 */
public final class SymbolicFailure extends IllegalStateException {
    private static final long serialVersionUID = 1L;

    private final String derivation;

    public SymbolicFailure(String derivation, String problem) {
        super("derivation '" + derivation + "': " + problem);
        this.derivation = derivation;
    }

    public SymbolicFailure(String derivation, String problem, Throwable cause) {
        super("derivation '" + derivation + "': " + problem, cause);
        this.derivation = derivation;
    }

    /** The derivation that failed. */
    public String derivation() {
        return derivation;
    }
}
