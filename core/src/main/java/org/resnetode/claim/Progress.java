package org.resnetode.claim;

/** Receives one line per finished unit of work of a long run (the CLI prints them to stderr). */
@FunctionalInterface
public interface Progress {
    void report(String line);

    Progress SILENT = line -> { };
}
