package org.resnetode.claim;

import org.resnetode.checks.BadInputException;
/**
 * Outcome of checking a claim (one policy for every claim, see {@link VerdictPolicy}):
 * {@code holds} every stated quantity was measured on accepted rows and lies in its band;
 * {@code finding} the measurement goes beyond the paper and an independent prediction explains it;
 * {@code fails} a stated quantity lies outside its band; {@code inconclusive} the claim could not be
 * judged (too few accepted rows, no fit, NaN or infinite values, a skipped comparison).
 */
public enum Verdict {
    HOLDS("holds", 0, 0),
    FINDING("finding", 1, 0),
    INCONCLUSIVE("inconclusive", 2, 1),
    FAILS("fails", 3, 1);

    private final String label;
    private final int severity;
    private final int exitCode;

    Verdict(String label, int severity, int exitCode) {
        this.label = label;
        this.severity = severity;
        this.exitCode = exitCode;
    }

    public String label() {
        return label;
    }

    /** The command's exit code for this verdict: 0 holds or finding, 1 fails or inconclusive. */
    public int exitCode() {
        return exitCode;
    }

    public static Verdict fromLabel(String label) {
        for (Verdict v : values()) {
            if (v.label.equals(label)) {
                return v;
            }
        }
        throw new BadInputException("unknown verdict '" + org.resnetode.checks.Printable.of(String.valueOf(label), 30) + "'");
    }

    /** The worse of two verdicts: fails over inconclusive over finding over holds. */
    public Verdict and(Verdict other) {
        return severity >= other.severity ? this : other;
    }
}
