package org.resnetode.network;

import org.resnetode.checks.BadInputException;
import com.code_intelligence.jazzer.junit.FuzzTest;
import java.nio.file.Path;
import org.resnetode.fuzz.FuzzChecks;

/**
 * Fuzz targets of the network readers ({@code inspect --network}, {@code train --resume}): a JSON network file and a
 * NumPy archive end in a network (whose weights then build a ResNet) or in one line naming the file.
 */
class NetworkFileFuzzTest {

    @FuzzTest(maxDuration = "10m")
    void networkJson(byte[] input) {
        Path file = FuzzChecks.file("network.json", input);
        try {
            NetworkFile.read(file).network();
        } catch (BadInputException expected) {
            FuzzChecks.requireMessage(expected, "network.json");
        } finally {
            FuzzChecks.delete(file);
        }
    }

    @FuzzTest(maxDuration = "10m")
    void networkArchive(byte[] input) {
        Path file = FuzzChecks.file("network.npz", input);
        try {
            NetworkArchive.read(file, "euler").network();
        } catch (BadInputException expected) {
            FuzzChecks.requireMessage(expected, "network.npz");
        } finally {
            FuzzChecks.delete(file);
        }
    }
}
