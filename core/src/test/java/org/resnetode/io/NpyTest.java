package org.resnetode.io;

import org.resnetode.checks.BadInputException;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The .npy/.npz readers against files written by NumPy itself (src/test/resources/npy/make_fixtures.py):
 * each fixture holds the ramp {@code a[i] = 0.5 i - 3} (floats), {@code i - 3} (signed) or {@code i} (unsigned)
 * in C order, recomputed here from the formula.
 */
class NpyTest {

    static byte[] fixture(String name) {
        try (InputStream in = NpyTest.class.getResourceAsStream("/npy/" + name)) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static double[] ramp(int n, char kind) {
        double[] v = new double[n];
        for (int i = 0; i < n; i++) {
            v[i] = kind == 'f' ? 0.5 * i - 3 : kind == 'u' ? i : i - 3;
        }
        return v;
    }

    @ParameterizedTest
    @CsvSource({"f8_2x3.npy, 2x3, f", "f4_4.npy, 4, f", "be_f8_3x2.npy, 3x2, f", "i8_2x2x2.npy, 2x2x2, i",
            "i4_5.npy, 5, i", "u1_6.npy, 6, u", "v2_f8_3.npy, 3, f", "fortran_2x3x4.npy, 2x3x4, f"})
    void readsWhatNumpyWrote(String file, String shape, char kind) {
        NpyArray a = Npy.read(fixture(file), file);
        int[] expectedShape = Arrays.stream(shape.split("x")).mapToInt(Integer::parseInt).toArray();
        assertThat(a.shape()).containsExactly(expectedShape);
        assertThat(a.data()).containsExactly(ramp(a.data().length, kind));
        assertThat(a.rank()).isEqualTo(expectedShape.length);
        assertThat(a.rowSize()).isEqualTo(a.data().length / expectedShape[0]);
    }

    @Test
    void scalarAndEmptyArrays() {
        NpyArray scalar = Npy.read(fixture("scalar.npy"), "scalar.npy");
        assertThat(scalar.shape()).isEmpty();
        assertThat(scalar.data()).containsExactly(2.5);
        NpyArray empty = Npy.read(fixture("empty_0x3.npy"), "empty_0x3.npy");
        assertThat(empty.shape()).containsExactly(0, 3);
        assertThat(empty.data()).isEmpty();
    }

    @Test
    void unsupportedDtypesNameTheFileAndTheDtype() {
        assertThatThrownBy(() -> Npy.read(fixture("object.npy"), "object.npy"))
                .isInstanceOf(BadInputException.class).hasMessageStartingWith("object.npy: ").hasMessageContaining("descr");
        assertThatThrownBy(() -> Npy.read(fixture("c16_2.npy"), "c16_2.npy"))
                .isInstanceOf(BadInputException.class).hasMessageContaining("descr");
    }

    @Test
    void corruptFilesEndInOneClearError() {
        byte[] good = fixture("f8_2x3.npy");
        assertThatThrownBy(() -> Npy.read(new byte[] {1, 2, 3}, "x.npy")).hasMessage("x.npy: not a NumPy .npy file (expected the magic bytes \\x93NUMPY at the start)");
        assertThatThrownBy(() -> Npy.read(Arrays.copyOf(good, 8), "x.npy")).hasMessage("x.npy: truncated before the header length");
        assertThatThrownBy(() -> Npy.read(Arrays.copyOf(good, good.length - 1), "x.npy"))
                .hasMessage("x.npy: shape and dtype need 48 data bytes, the file has 47");
        byte[] badVersion = good.clone();
        badVersion[6] = 9;
        assertThatThrownBy(() -> Npy.read(badVersion, "x.npy")).hasMessageContaining("unsupported .npy format version 9");
        byte[] hugeHeader = good.clone();
        hugeHeader[8] = (byte) 0xff;
        hugeHeader[9] = (byte) 0xff;
        assertThatThrownBy(() -> Npy.read(hugeHeader, "x.npy")).hasMessageContaining("does not fit in the file");
        byte[] badShape = new String(good, java.nio.charset.StandardCharsets.ISO_8859_1).replace("(2, 3)", "(2, x)")
                .getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
        assertThatThrownBy(() -> Npy.read(badShape, "x.npy")).hasMessage("x.npy: shape entry 'x' is not a non-negative integer");
    }

    @Test
    void archivesHoldOneArrayPerName() {
        Map<String, NpyArray> arrays = Npz.read(new ByteArrayInputStream(fixture("two_arrays.npz")), "two_arrays.npz");
        assertThat(arrays.keySet()).containsExactly("W1", "W2");
        assertThat(arrays.get("W1").shape()).containsExactly(3, 2, 4);
        assertThat(arrays.get("W2").data()).containsExactly(ramp(24, 'f'));
        Map<String, NpyArray> compressed = Npz.read(new ByteArrayInputStream(fixture("compressed.npz")), "c.npz");
        assertThat(compressed.get("A").data()).containsExactly(ramp(16, 'f'));
    }

    @Test
    void archiveErrorsNameTheFile() {
        assertThatThrownBy(() -> Npz.read(new ByteArrayInputStream(fixture("f8_2x3.npy")), "a.npz"))
                .isInstanceOf(BadInputException.class).hasMessageStartingWith("a.npz: ");
        assertThatThrownBy(() -> Npz.read(Path.of("/nonexistent/a.npz")))
                .isInstanceOf(BadInputException.class).hasMessageStartingWith("/nonexistent/a.npz: cannot be read");
    }
}
