package org.resnetode.fuzz;

import org.resnetode.checks.BadInputException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** What every reader's rejection must look like, and a scratch file for readers that take a path. */
public final class FuzzChecks {
    private FuzzChecks() {
    }

    /** The rejection is one line (no line break) that names the input. */
    public static void requireMessage(BadInputException e, String name) {
        String m = e.getMessage();
        if (m == null || !m.contains(name) || m.contains("\n") || m.contains("\r")) {
            throw new AssertionError("rejection without a one-line message naming " + name + ": " + m, e);
        }
    }

    /** {@code bytes} written to a file named {@code name} in a fresh temporary directory. */
    public static Path file(String name, byte[] bytes) {
        try {
            Path dir = Files.createTempDirectory("fuzz");
            dir.toFile().deleteOnExit();
            Path file = dir.resolve(name);
            Files.write(file, bytes);
            file.toFile().deleteOnExit();
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Removes a file made by {@link #file} and its directory. */
    public static void delete(Path file) {
        try {
            Files.deleteIfExists(file);
            Files.deleteIfExists(file.getParent());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
