package org.resnetode.cli;

import org.resnetode.checks.BadInputException;
import com.code_intelligence.jazzer.junit.FuzzTest;
import java.nio.file.Path;
import org.resnetode.fuzz.FuzzChecks;

/** Fuzz target of the batch CSV reader ({@code adjoint --batch-file}): a batch or one line naming the file. */
class BatchFileFuzzTest {

    @FuzzTest(maxDuration = "10m")
    void batchFile(byte[] input) {
        Path file = FuzzChecks.file("batch.csv", input);
        try {
            BatchFile.read(file, 3);
        } catch (BadInputException expected) {
            FuzzChecks.requireMessage(expected, "batch.csv");
        } finally {
            FuzzChecks.delete(file);
        }
    }
}
