package org.resnetode.report;

import org.resnetode.checks.BadInputException;
import com.code_intelligence.jazzer.junit.FuzzTest;
import java.nio.charset.StandardCharsets;

/** Fuzz target of the results reader (golden files, {@code ClaimResults.read}): results or one clear line. */
class ResultsFuzzTest {

    @FuzzTest(maxDuration = "10m")
    void claimResults(byte[] input) {
        try {
            ClaimResults.read(new String(input, StandardCharsets.UTF_8));
        } catch (BadInputException expected) {
            String m = expected.getMessage();
            if (m == null || m.isBlank() || m.contains("\n")) {
                throw new AssertionError("rejection without a one-line message: " + m, expected);
            }
        }
    }
}
