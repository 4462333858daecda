package org.resnetode.claim;

/** Outcome of checking a claim: the paper's statement holds, fails, or the measurement goes beyond it. */
public enum Verdict {
    HOLDS("holds", 0),
    /** The claim's bound holds but the measured behaviour differs from the expectation (e.g. a better rate). */
    FINDING("finding", 1),
    FAILS("fails", 2);

    private final String label;
    private final int severity;

    Verdict(String label, int severity) {
        this.label = label;
        this.severity = severity;
    }

    public String label() {
        return label;
    }

    public static Verdict fromLabel(String label) {
        for (Verdict v : values()) {
            if (v.label.equals(label)) {
                return v;
            }
        }
        throw new IllegalArgumentException("unknown verdict '" + label + "'");
    }

    /** The worse of two verdicts: fails over finding over holds. */
    public Verdict and(Verdict other) {
        return severity >= other.severity ? this : other;
    }
}
