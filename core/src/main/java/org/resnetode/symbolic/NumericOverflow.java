package org.resnetode.symbolic;

/**
 * An exact result whose numeric value lies beyond the range of a double (about 1.8e308): Symja answers
 * {@code Overflow()}, or the double is infinite. On user-given weights, matrices or constants this is the size of the
 * input (e^(1000) for {@code [[1000]]}), not a failed derivation; the command line says so as bad input.
 */
public final class NumericOverflow extends IllegalStateException {
    private static final long serialVersionUID = 1L;

    NumericOverflow(String expr) {
        super("the value of " + SymbolicEngine.abbreviate(expr) + " overflows the range of a double (about 1.8e308)");
    }
}
