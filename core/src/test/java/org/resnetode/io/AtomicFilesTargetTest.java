package org.resnetode.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.resnetode.checks.BadInputException;

/**
 * An output named after something that is not a regular file is refused, not replaced: the atomic move would put a file
 * where a device or a pipe was (as root, {@code --save /dev/full} turned the device into a copy of the network). The
 * test uses a named pipe of its own, never a device of the machine.
 */
class AtomicFilesTargetTest {
    @Test
    void aPipeIsNotReplacedByAnOutputFile(@TempDir Path dir) throws Exception {
        Path pipe = dir.resolve("pipe");
        Process mkfifo;
        try {
            mkfifo = new ProcessBuilder("mkfifo", pipe.toString()).start();
        } catch (java.io.IOException e) {
            Assumptions.abort("no mkfifo on this system");
            return;
        }
        Assumptions.assumeTrue(mkfifo.waitFor() == 0 && Files.exists(pipe), "mkfifo failed");
        assertThatThrownBy(() -> AtomicFiles.writeAll(Map.of(pipe, new byte[] {1, 2, 3}, dir.resolve("other"), new byte[] {4})))
                .isInstanceOf(BadInputException.class).hasMessageContaining("cannot write " + pipe)
                .hasMessageContaining("not a regular file");
        assertThat(Files.isRegularFile(pipe)).as("the pipe is still a pipe").isFalse();
        assertThat(Files.exists(pipe)).isTrue();
        assertThat(dir.resolve("other")).as("all or none").doesNotExist();
        try (var s = Files.list(dir)) {
            assertThat(s.map(p -> p.getFileName().toString())).as("no temporary left").containsExactly("pipe");
        }
    }
}
