package org.resnetode.fuzz;

/** What every reader's rejection must look like: one line that starts by naming the input. */
final class FuzzChecks {
    private FuzzChecks() {
    }

    static void requireMessage(IllegalArgumentException e, String prefix) {
        String m = e.getMessage();
        if (m == null || !m.startsWith(prefix) || m.contains("\n")) {
            throw new AssertionError("rejection without a one-line message naming the input: " + m, e);
        }
    }
}
