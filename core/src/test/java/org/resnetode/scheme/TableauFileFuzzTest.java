package org.resnetode.scheme;

import org.resnetode.checks.BadInputException;
import com.code_intelligence.jazzer.junit.FuzzTest;
import java.nio.file.Path;
import org.resnetode.fuzz.FuzzChecks;

/**
 * Fuzz target of the tableau-file reader ({@code --scheme file.json}, {@code symbolic --tableau file.json}): any
 * bytes end in a validated explicit tableau or in one line naming the file.
 */
class TableauFileFuzzTest {

    @FuzzTest(maxDuration = "10m")
    void tableauFile(byte[] input) {
        Path file = FuzzChecks.file("tableau.json", input);
        try {
            Scheme.byName(file.toString()).tableau().stabilityPolynomial();
        } catch (BadInputException expected) {
            FuzzChecks.requireMessage(expected, "tableau.json");
        } finally {
            FuzzChecks.delete(file);
        }
    }
}
