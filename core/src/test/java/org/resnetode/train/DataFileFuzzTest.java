package org.resnetode.train;

import org.resnetode.checks.BadInputException;
import com.code_intelligence.jazzer.junit.FuzzTest;
import java.nio.file.Path;
import org.resnetode.fuzz.FuzzChecks;

/** Fuzz target of the data CSV reader ({@code train --data file.csv}): a data set or one line naming the file. */
class DataFileFuzzTest {

    @FuzzTest(maxDuration = "10m")
    void dataFile(byte[] input) {
        Path file = FuzzChecks.file("data.csv", input);
        try {
            DataReader.file(file, 3, 0);
        } catch (BadInputException expected) {
            FuzzChecks.requireMessage(expected, "data.csv");
        } finally {
            FuzzChecks.delete(file);
        }
    }
}
