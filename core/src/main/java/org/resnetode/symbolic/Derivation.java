package org.resnetode.symbolic;

/**
 * One result of the symbolic layer: what was derived ({@code name}), the exact expression (Symja's input
 * form), its LaTeX, its value as a double where it has one ({@code NaN} otherwise: an expression in free
 * symbols) and the numeric cross-check that was run on it, with its outcome. A derivation whose cross-check
 * fails is never built: {@link SymbolicFailure} is thrown instead.
 */
public record Derivation(String name, String expression, String latex, double value, String check) {

    /** True when the derivation has a numeric value (no free symbols). */
    public boolean hasValue() {
        return !Double.isNaN(value);
    }

    /** A derivation of {@code expression}, its LaTeX by Symja's {@code TeXForm}. */
    static Derivation of(String name, String expression, double value, String check) {
        return new Derivation(name, expression, SymbolicEngine.latex(expression), value, check);
    }
}
