package org.resnetode.fuzz;

import org.resnetode.checks.BadInputException;
import com.code_intelligence.jazzer.junit.FuzzTest;
import java.io.ByteArrayInputStream;
import org.resnetode.io.Npy;
import org.resnetode.io.Npz;

/**
 * Fuzz targets of the NumPy readers: any byte string ends in an array or in the one documented
 * {@link BadInputException}; any other exception or error (and a hang) is a finding. Under
 * {@code mvn verify} the committed corpus in {@code src/test/resources/org/resnetode/fuzz/NumpyFuzzTestInputs}
 * replays as regression tests; {@code bin/fuzz NumpyFuzzTest} fuzzes for real.
 */
class NumpyFuzzTest {

    @FuzzTest(maxDuration = "10m")
    void npy(byte[] input) {
        try {
            Npy.read(input, "fuzz.npy");
        } catch (BadInputException expected) {
            FuzzChecks.requireMessage(expected, "fuzz.npy");
        }
    }

    @FuzzTest(maxDuration = "10m")
    void npz(byte[] input) {
        try {
            Npz.read(new ByteArrayInputStream(input), "fuzz.npz");
        } catch (BadInputException expected) {
            FuzzChecks.requireMessage(expected, "fuzz.npz");
        }
    }
}
