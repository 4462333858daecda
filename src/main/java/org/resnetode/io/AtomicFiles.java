package org.resnetode.io;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/** Writes outputs to a temporary file beside the target and moves it into place: never half-written. */
public final class AtomicFiles {
    private AtomicFiles() {
    }

    /** rw-r--r--, as an ordinary file (temporary files are created owner-only). */
    private static void readableByAll(Path file) throws IOException {
        try {
            Files.setPosixFilePermissions(file, java.nio.file.attribute.PosixFilePermissions.fromString("rw-r--r--"));
        } catch (UnsupportedOperationException e) {
            // not a POSIX file system: keep its default permissions
        }
    }

    public static void write(Path target, String content) {
        write(target, content.getBytes(StandardCharsets.UTF_8));
    }

    public static void write(Path target, byte[] content) {
        try {
            Path dir = target.toAbsolutePath().getParent();
            Files.createDirectories(dir);
            Path tmp = Files.createTempFile(dir, "." + target.getFileName(), ".tmp");
            try {
                Files.write(tmp, content);
                readableByAll(tmp);
                Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } finally {
                Files.deleteIfExists(tmp);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + target + ": " + e.getMessage(), e);
        }
    }

    /**
     * Writes a set of files all or none: every content goes to a temporary file beside its target first, and only when
     * all were written are they moved into place; on a failure the temporary files and the directories the set created
     * are removed and no target changes.
     */
    public static void writeAll(java.util.Map<Path, byte[]> files) {
        java.util.Map<Path, Path> temporaries = new java.util.LinkedHashMap<>();
        java.util.Deque<Path> created = new java.util.ArrayDeque<>();
        Path current = null;
        boolean written = false;
        try {
            for (java.util.Map.Entry<Path, byte[]> e : files.entrySet()) {
                current = e.getKey();
                Path dir = current.toAbsolutePath().getParent();
                createDirectories(dir, created);
                Path tmp = Files.createTempFile(dir, "." + current.getFileName(), ".tmp");
                temporaries.put(current, tmp);
                Files.write(tmp, e.getValue());
                readableByAll(tmp);
            }
            for (Path target : temporaries.keySet()) {
                if (Files.isDirectory(target)) {
                    current = target;
                    throw new IOException("a directory is in the way");
                }
            }
            for (java.util.Map.Entry<Path, Path> e : temporaries.entrySet()) {
                current = e.getKey();
                Files.move(e.getValue(), current, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            }
            written = true;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + current + ": " + e.getMessage(), e);
        } finally {
            for (Path tmp : temporaries.values()) {
                try {
                    Files.deleteIfExists(tmp);
                } catch (IOException ignored) {
                    // best effort: a temporary file that cannot be removed is hidden (dot-prefixed)
                }
            }
            while (!written && !created.isEmpty()) {
                try {
                    Files.deleteIfExists(created.pop());
                } catch (IOException ignored) {
                    // best effort: a directory the set created and something else filled stays
                }
            }
        }
    }

    /** Creates {@code dir} and its missing parents, pushing each directory it creates onto {@code created} (deepest last pushed). */
    private static void createDirectories(Path dir, java.util.Deque<Path> created) throws IOException {
        java.util.Deque<Path> missing = new java.util.ArrayDeque<>();
        for (Path d = dir; d != null && !Files.isDirectory(d); d = d.getParent()) {
            missing.push(d);
        }
        Files.createDirectories(dir);
        for (Path d : missing) {
            created.push(d);
        }
    }

    /**
     * Refuses, before any work, an output directory that cannot be written: an empty name, an existing file, or a
     * directory where a file cannot be created (checked by creating and removing a probe file).
     */
    public static void requireWritableDirectory(Path dir, String option) {
        if (dir.toString().isBlank()) {
            throw new IllegalArgumentException(option + " is empty: name the output directory");
        }
        if (Files.exists(dir) && !Files.isDirectory(dir)) {
            throw new IllegalArgumentException(option + " " + dir + " is a file, not a directory");
        }
        try {
            Files.createDirectories(dir);
            Files.delete(Files.createTempFile(dir, ".probe", ".tmp"));
        } catch (IOException | SecurityException e) {
            throw new IllegalArgumentException(option + " " + dir + " cannot be written: " + e);
        }
    }
}
