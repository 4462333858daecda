package org.resnetode.io;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.resnetode.checks.BadInputException;

/**
 * Writes outputs to a temporary file beside the target and moves it into place: never half-written. A temporary file is
 * named {@code .<target>.<pid>.<random>.tmp}; one whose process is gone (a run killed between write and move) is
 * removed by the next write into the same directory. A write that fails (no space, no permission, a directory in the
 * way) is a {@link BadInputException} naming the file: the output the user asked for cannot be made.
 */
public final class AtomicFiles {
    private static final Pattern TEMPORARY = Pattern.compile("\\..+\\.([0-9]+)\\.[0-9]+\\.tmp");

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
        writeAll(java.util.Map.of(target, content));
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
                removeStale(dir);
                Path tmp = temporary(dir, current.getFileName().toString());
                temporaries.put(current, tmp);
                Files.write(tmp, e.getValue());
                readableByAll(tmp);
            }
            for (Path target : temporaries.keySet()) {
                if (Files.isDirectory(target)) {
                    current = target;
                    throw new IOException("a directory is in the way");
                }
                // a device, a pipe or a socket (/dev/full, /dev/null) would be replaced by the move: refuse it
                if (Files.exists(target) && !Files.isRegularFile(target)) {
                    current = target;
                    throw new IOException("it is not a regular file (a device or a pipe), and an output file would replace it");
                }
            }
            for (java.util.Map.Entry<Path, Path> e : temporaries.entrySet()) {
                current = e.getKey();
                Files.move(e.getValue(), current, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            }
            written = true;
        } catch (IOException | SecurityException e) {
            throw new BadInputException("cannot write " + current + ": " + reason(e), e);
        } finally {
            for (Path tmp : temporaries.values()) {
                try {
                    Files.deleteIfExists(tmp);
                } catch (IOException ignored) {
                    // best effort: a temporary file that cannot be removed is hidden (dot-prefixed) and the next
                    // write into this directory removes it once this process has ended
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

    private static Path temporary(Path dir, String name) throws IOException {
        return Files.createTempFile(dir, "." + name + "." + ProcessHandle.current().pid() + ".", ".tmp");
    }

    /** Removes the temporary files in {@code dir} whose writing process no longer runs. */
    static void removeStale(Path dir) {
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(dir, ".*.tmp")) {
            for (Path p : entries) {
                Matcher m = TEMPORARY.matcher(p.getFileName().toString());
                if (m.matches() && !running(m.group(1)) && Files.isRegularFile(p)) {
                    Files.deleteIfExists(p);
                }
            }
        } catch (IOException | SecurityException e) {
            // best effort: a directory that cannot be listed fails the write itself with a message
        }
    }

    private static boolean running(String pid) {
        try {
            return ProcessHandle.of(Long.parseLong(pid)).map(ProcessHandle::isAlive).orElse(false);
        } catch (NumberFormatException e) {
            return true;
        }
    }

    /** The reason of an I/O failure in words ("No space left on device", "Permission denied", ...). */
    /** Why a file operation failed, in words (no exception class names in a one-line message). */
    public static String reason(Exception e) {
        if (e instanceof java.nio.file.AccessDeniedException) {
            return "permission denied";
        }
        if (e instanceof java.nio.file.NoSuchFileException) {
            return "no such file";
        }
        if (e instanceof java.nio.file.FileSystemException f) {
            return f.getReason() != null ? f.getReason() : "the file system refused to create a file there";
        }
        return e.getMessage() == null ? "the file system refused it" : e.getMessage();
    }

    /**
     * Refuses, before any work, an output directory that cannot be written: an empty name, an existing file on the way,
     * or a directory where a file cannot be created. Nothing is created: a missing directory is made when the outputs
     * are written, after the input was judged and the work done; until then it is enough that its nearest existing
     * ancestor is a writable directory.
     */
    public static void requireWritableDirectory(Path dir, String option) {
        if (dir.toString().isBlank()) {
            throw new BadInputException(option + " is empty: name the output directory");
        }
        Path existing = dir.toAbsolutePath();
        while (existing != null && !Files.exists(existing)) {
            existing = existing.getParent();
        }
        if (existing == null) {
            throw new BadInputException(option + " " + dir + " cannot be written: no part of its path exists");
        }
        if (!Files.isDirectory(existing)) {
            throw new BadInputException(option + " " + dir + (existing.equals(dir.toAbsolutePath()) ? " is a file, not a directory"
                    : " cannot be made: " + existing + " is a file, not a directory"));
        }
        try {
            // a probe file, removed at once: the permission bits alone do not tell (root, read-only mounts, /proc)
            Files.delete(temporary(existing, "probe"));
        } catch (IOException | SecurityException e) {
            throw new BadInputException(option + " " + dir + " cannot be written: " + existing + ": " + reason(e));
        }
        if (existing.equals(dir.toAbsolutePath())) {
            removeStale(existing);
        }
    }
}
