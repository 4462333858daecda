package org.resnetode.network;

import org.resnetode.checks.BadInputException;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.resnetode.gradient.Backprop;
import org.resnetode.io.NpyArray;
import org.resnetode.io.Npz;
import org.resnetode.scheme.ResNet;

/**
 * A network exported as PyTorch users would (src/test/resources/network/make_exported.py): the outputs and
 * gradients NumPy computed and stored beside the weights are reproduced by the toolkit's forward pass and backprop.
 */
public class NetworkArchiveTest {

    public static Path exported(Path dir) throws IOException {
        Files.createDirectories(dir);
        Path file = dir.resolve("exported_mlp.npz");
        try (InputStream in = NetworkArchiveTest.class.getResourceAsStream("/network/exported_mlp.npz")) {
            Files.copy(in, file);
        }
        return file;
    }

    @Test
    void reproducesTheOutputsAndGradientsNumpyStored(@TempDir Path dir) throws IOException {
        Path file = exported(dir);
        Map<String, NpyArray> stored = Npz.read(file);
        NetworkFile network = NetworkArchive.read(file, "euler");
        assertThat(network.family()).isEqualTo("mlp");
        assertThat(network.depth()).isEqualTo(16);
        assertThat(network.hidden()).isEqualTo(6);
        ResNet net = network.network();
        double[] outputs = stored.get("outputs").data();
        double[] x = new double[4];
        for (int i = 0; i < network.inputs().length; i++) {
            net.forward(network.inputs()[i], x);
            for (int k = 0; k < 4; k++) {
                assertThat(x[k]).isCloseTo(outputs[i * 4 + k], within(1e-12 * Math.max(1, Math.abs(outputs[i * 4 + k]))));
            }
        }
        double[] g = new double[net.weights().data().length];
        new Backprop().compute(net, network.inputs(), network.targets(), g);
        double[] g1 = stored.get("grad_W1").data();
        double[] g2 = stored.get("grad_W2").data();
        double scale = 0;
        for (double v : g1) {
            scale = Math.max(scale, Math.abs(v));
        }
        int p = 2 * 6 * 4;
        for (int n = 0; n < 16; n++) {
            for (int j = 0; j < 24; j++) {
                assertThat(g[n * p + j]).isCloseTo(g1[n * 24 + j], within(1e-12 * scale));
                assertThat(g[n * p + 24 + j]).isCloseTo(g2[n * 24 + j], within(1e-12 * scale));
            }
        }
    }

    @Test
    void heunReadsOneLayerFewerSteps(@TempDir Path dir) throws IOException {
        NetworkFile heun = NetworkArchive.read(exported(dir), "heun");
        assertThat(heun.depth()).isEqualTo(15);
        assertThat(NetworkArchive.read(exported(dir.resolve("b")), "heun-reference").depth()).isEqualTo(16);
    }

    static Path archive(Path dir, Map<String, byte[]> entries) throws IOException {
        Files.createDirectories(dir);
        Path file = dir.resolve("a.npz");
        try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(file))) {
            for (Map.Entry<String, byte[]> e : entries.entrySet()) {
                zip.putNextEntry(new ZipEntry(e.getKey()));
                zip.write(e.getValue());
                zip.closeEntry();
            }
        }
        return file;
    }

    /** A minimal version-1 .npy of little-endian doubles with the given shape, all entries {@code value}. */
    public static byte[] npy(double value, int... shape) {
        StringBuilder dims = new StringBuilder();
        int count = 1;
        for (int s : shape) {
            dims.append(s).append(", ");
            count *= s;
        }
        String header = "{'descr': '<f8', 'fortran_order': False, 'shape': (" + dims + "), }\n";
        java.nio.ByteBuffer b = java.nio.ByteBuffer.allocate(10 + header.length() + 8 * count).order(java.nio.ByteOrder.LITTLE_ENDIAN);
        b.put(new byte[] {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y', 1, 0}).putShort((short) header.length()).put(header.getBytes());
        for (int i = 0; i < count; i++) {
            b.putDouble(value);
        }
        return b.array();
    }

    @Test
    void malformedArchivesNameTheArrayAndTheShapeExpected(@TempDir Path dir) throws IOException {
        Path noWeights = archive(dir.resolve("1"), Map.of("inputs.npy", npy(0, 2, 3)));
        assertThatThrownBy(() -> NetworkArchive.read(noWeights, "euler")).hasMessageContaining("no weight arrays found");
        Path badW2 = archive(dir.resolve("2"), Map.of("W1.npy", npy(0.1, 4, 3, 2), "W2.npy", npy(0.1, 4, 3, 2)));
        assertThatThrownBy(() -> NetworkArchive.read(badW2, "euler")).hasMessageContaining("array 'W2' has shape [4, 3, 2], expected (4, 2, 3)");
        Path flat = archive(dir.resolve("3"), Map.of("A.npy", npy(0.1, 4, 9)));
        assertThatThrownBy(() -> NetworkArchive.read(flat, "euler")).hasMessageContaining("array 'A' has 2 axes, expected 3");
        Path badInputs = archive(dir.resolve("4"), Map.of("A.npy", npy(0.1, 4, 3, 3), "inputs.npy", npy(0, 2, 4)));
        assertThatThrownBy(() -> NetworkArchive.read(badInputs, "euler")).hasMessageContaining("array 'inputs' has shape [2, 4], expected (batch, 3)");
        Path nan = archive(dir.resolve("5"), Map.of("W.npy", npy(Double.NaN, 4, 2, 2)));
        assertThatThrownBy(() -> NetworkArchive.read(nan, "euler").network()).isInstanceOf(BadInputException.class)
                .hasMessageContaining("NaN");
        Path oneLayer = archive(dir.resolve("6"), Map.of("W.npy", npy(0.1, 1, 2, 2)));
        assertThatThrownBy(() -> NetworkArchive.read(oneLayer, "heun")).hasMessageContaining("too few for scheme heun");
    }

    @Test
    void linearArchiveMakesALinearNetwork(@TempDir Path dir) throws IOException {
        Path file = archive(dir, Map.of("A.npy", npy(0.5, 8, 3, 3)));
        NetworkFile n = NetworkArchive.read(file, "euler");
        assertThat(n.family()).isEqualTo("linear");
        assertThat(n.dimension()).isEqualTo(3);
        assertThat(n.depth()).isEqualTo(8);
        assertThat(n.inputs()).isNull();
        // x_N = (I + A/8)^8 x_0 with A = 0.5 · ones: (1 + 1.5/8)^8 growth along (1,1,1)/√3
        double[] x = {1, 1, 1};
        n.network().forward(x.clone(), x);
        assertThat(x[0]).isCloseTo(Math.pow(1 + 1.5 / 8, 8), within(1e-13));
    }
}
